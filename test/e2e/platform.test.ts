/**
 * The platform end to end in Chromium: the setup link creates the first admin, who
 * signs out and in again, then pairs a screen that shows its code in a second page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/bootstrap.ts';
import { newId } from '../../server/ids.ts';
import { useAppInBrowser } from '../support/browser-app.ts';

const run = useAppInBrowser();
const cspErrors: string[] = [];

function watch(page: Page): Page {
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  page.on('pageerror', (e) => cspErrors.push(`pageerror: ${e.message}`));
  return page;
}

describe('platform e2e', () => {
  it('setup link → first admin → sign in → pair a screen shown in a second page', async () => {
    const { t, browser } = run;
    const { storage, identity } = t.app.services;
    const { school, link } = await bootstrap(storage, identity, t.clock, t.config, t.url);
    expect(link?.kind).toBe('setup');
    await storage.classes.create({ id: newId(), schoolId: school.id, name: 'Oak', yearGroup: 2 });

    const admin = watch(await (await browser.newContext()).newPage());
    await admin.goto(link!.url);
    await admin.getByLabel('Your name').fill('Ada Head');
    await admin.getByLabel('Email').fill('head@school.test');
    await admin.getByLabel(/Choose a password/).fill('correct horse battery');
    await admin.getByRole('button', { name: 'Create account' }).click();
    await admin.getByRole('button', { name: 'Sign out' }).waitFor();

    // The link works once only.
    const again = await fetch(`${t.url}/api/links/peek`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: link!.url.split('#')[1] }),
    });
    expect(again.status).toBe(404);

    await admin.getByRole('button', { name: 'Sign out' }).click();
    await admin.getByLabel('Email').fill('head@school.test');
    await admin.getByLabel('Password').fill('correct horse battery');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByText('Ada Head · admin').waitFor();

    const screen = watch(await (await browser.newContext()).newPage());
    await screen.goto(t.url);
    await screen.getByRole('button', { name: 'Pair this device' }).click();
    const code = (await screen.getByTestId('pairing-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    await admin.goto(`${t.url}/#devices`);
    await admin.getByLabel('Code shown on the device').fill(code);
    await admin.getByLabel('Name it (where it is)').fill('Gate screen');
    await admin.getByLabel('Oak').check();
    await admin.getByRole('button', { name: 'Pair device' }).click();
    await admin.getByText('Paired “Gate screen”').waitFor();

    // The screen leaves the pairing view by itself and becomes the poster.
    await screen.getByTestId('pairing-code').waitFor({ state: 'detached' });
    const devices = await storage.devices.list(school.id);
    expect(devices.map((d) => [d.label, d.kind])).toEqual([['Gate screen', 'poster']]);
    expect(cspErrors).toEqual([]);
  });
});
