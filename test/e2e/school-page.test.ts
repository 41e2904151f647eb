/** The admin's school page in Chromium: it loads once the socket is up, and a new sign-in link can be made. */
import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from '../support/browser-app.ts';
import { makeSchool, makeStaff } from '../support/test-app.ts';

const run = useAppInBrowser();

describe('staff & school page', () => {
  it('lists the staff and clubs, and gives a colleague a new sign-in link', async () => {
    const { t, browser } = run;
    const { school } = await makeSchool(t, 'Meadow');
    const admin = await makeStaff(t, school.id, 'admin', 'Ada Head');
    await makeStaff(t, school.id, 'teacher', 'Tom Teacher');
    const context = await browser.newContext();
    await context.addCookies([{ name: 'lc_session', value: decodeURIComponent(admin.cookie.split('=')[1]!), url: t.url }]);
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${t.url}/#school`);
    await page.getByRole('cell', { name: 'Tom Teacher', exact: true }).waitFor();
    await page.getByText('After-school club').waitFor();
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/London');
    await page.getByRole('button', { name: 'New sign-in link for Tom Teacher' }).click();
    const link = await page.getByTestId('invite-link').textContent();
    expect(link).toMatch(/\/link#[A-Za-z0-9_-]{40,}$/);
  });
});
