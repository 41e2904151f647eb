/**
 * Classes & children in the browser: an admin adds a class, a child by first name and initial,
 * flags a partner, removes a child, and imports a CSV after a dry run that lists the bad rows.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { DIST_DIR, call, connectSocket, expectOk, makeSchool, makeStaff, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestApp({ staticDir: DIST_DIR }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('classes and children in the browser', () => {
  it('adds a class and children, and imports a checked CSV', async () => {
    const { school } = await makeSchool(t, 'Meadow');
    const { cookie } = await makeStaff(t, school.id, 'admin');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value: decodeURIComponent(value), url: t.url }]);
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${t.url}/#children`);

    await page.getByLabel('Class name').fill('Willow');
    await page.getByLabel('Year group').selectOption({ label: 'Reception' });
    await page.getByRole('button', { name: 'Add class' }).click();
    await page.getByRole('heading', { name: 'Children in Willow (Reception)' }).waitFor();

    await page.getByLabel('First name').fill('zara');
    await page.getByLabel('Surname initial').fill('m');
    await page.getByRole('button', { name: 'Add child' }).click();
    await page.getByRole('cell', { name: 'Zara M.', exact: true }).waitFor();
    await page.getByLabel('Zara M. needs a partner').check();
    await page.getByRole('status').filter({ hasText: 'Zara M. is marked as needing a partner.' }).waitFor();

    await page.getByLabel('First name').fill('Tom');
    await page.getByRole('button', { name: 'Add child' }).click();
    await page.getByRole('cell', { name: 'Tom', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Remove Tom' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Tom', exact: true }).count()).toBe(0);

    const bad = 'first name,surname,year,class\nAmy,Lee,R,Willow\n,Smith,R,Willow\nBo,Li,9,Willow';
    await page.getByLabel('…or paste it here').fill(bad);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('2 rows need fixing. Nothing has been imported.').waitFor();
    const rows = await page.locator('lc-roster-import tbody tr').allTextContents();
    expect(rows.map((r) => r.trim().slice(0, 1))).toEqual(['3', '4']);
    expect(await page.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);

    await page.getByLabel('…or paste it here').fill('first name,surname,year,class\nAmy,Lee,R,Willow\nBo,Li,R,Willow');
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('button', { name: 'Import 2 children' }).click();
    await page.getByText('Imported 2 children.').waitFor();
    await page.getByRole('cell', { name: 'Amy L.', exact: true }).waitFor();

    const teacher = await connectSocket(t, { cookie });
    const willow = expectOk(await call(teacher, 'class:list', {})).find((c) => c.name === 'Willow')!;
    expect(willow.yearGroup).toBe(0);
    const children = expectOk(await call(teacher, 'child:list', { classId: willow.id }));
    expect(children.map((c) => [c.displayName, c.needsPartner]).sort()).toEqual([['Amy L.', false], ['Bo L.', false], ['Zara M.', true]]);
    teacher.disconnect();
    await context.close();
  });
});
