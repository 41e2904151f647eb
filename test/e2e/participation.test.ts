/**
 * The teacher's "Who took part" page in Chromium against the running server, with a club
 * tablet (a socket.io client with a paired device token) logging at the same time.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Child, ParticipationEntry, PromptDraft } from '../../shared/schemas.ts';
import { launchBrowser } from '../support/browser.ts';
import {
  DIST_DIR, ManualClock, call, connectDevice, connectSocket, expectOk, makeSchool, makeStaff, pairDevice, startTestApp, type TestApp,
} from '../support/test-app.ts';

// Screenshots go beside the other results; LC_SCREENSHOTS_DIR=docs/screenshots refreshes the committed ones.
const SHOTS = process.env.LC_SCREENSHOTS_DIR ?? 'test-results/screenshots';

// Wednesday 11 March 2026, 10:00 in London (GMT): the server's and the browser's clock.
const NOW = Date.parse('2026-03-11T10:00:00Z');
const [MON, TUE, WED] = ['2026-03-09', '2026-03-10', '2026-03-11'];
const NAMES = ['Amira K.', 'Chloe S.', 'Ethan R.', 'Farah N.', 'Grace L.', 'Hamza A.', 'Isla M.', 'Jack O.', 'Kofi B.', 'Lily P.', 'Maya D.', 'Noah C.'];

let t: TestApp;
let browser: Browser;
beforeAll(async () => {
  t = await startTestApp({ staticDir: DIST_DIR, clock: new ManualClock(NOW) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function seed() {
  const { school, club, children: otherClasses } = await makeSchool(t, 'Meadow Primary');
  const { storage } = t.app.services;
  const oak = { id: randomUUID(), schoolId: school.id, name: 'Year 2 Oak', yearGroup: 2 };
  await storage.classes.create(oak);
  const roster: Child[] = NAMES.map((displayName, i) => ({ id: randomUUID(), schoolId: school.id, classId: oak.id, displayName, yearGroup: 2, needsPartner: i === 0 || i === 2 }));
  await storage.children.createMany(roster);
  const kid = (name: string) => roster.find((c) => c.displayName === name)!;
  await storage.clubs.addMembers(school.id, club.id, [kid('Amira K.').id, kid('Ethan R.').id]);
  const draft = (date: string, subject: string, theme: string): PromptDraft =>
    ({ date, subject, theme, prompt: `Could you teach me about ${theme.toLowerCase()}?`, kind: 'verbal', minutes: 10, support: '', extensions: [] });
  await storage.prompts.saveDays(school.id, oak.id, [
    draft(MON, 'science', 'Life cycles'), draft(TUE, 'maths', '2D shapes'), draft(WED, 'music', 'Repeating patterns'),
    draft('2026-03-12', 'English', 'Famous poems'), draft('2026-03-13', 'history', 'What the Romans did for us'),
  ], [], NOW);
  const { staff, cookie } = await makeStaff(t, school.id, 'teacher', 'Ms Patel');
  // Monday and Tuesday, recorded earlier from the Reading Diary.
  const teacher = await connectSocket(t, { cookie });
  const home = (name: string, date: string, rest: Partial<ParticipationEntry> = {}): ParticipationEntry =>
    ({ id: randomUUID(), childId: kid(name).id, date, mode: 'home', partnerChildIds: [], staffName: '', tags: [], note: '', ...rest });
  expectOk(await call(teacher, 'participation:log', {
    entries: [
      home('Grace L.', MON, { tags: ['misconception'], note: 'Thinks a tadpole is a baby fish.' }),
      home('Hamza A.', MON, { tags: ['knew_it_well'], note: 'Named all four stages of a frog.' }),
      home('Isla M.', MON), home('Jack O.', MON), home('Kofi B.', TUE),
      home('Lily P.', TUE, { tags: ['had_forgotten'], note: 'Forgot what a pentagon is, remembered after a hint.' }),
      home('Maya D.', TUE), home('Grace L.', TUE, { tags: ['found_it_hard'], note: 'Found hexagon tricky.' }),
    ],
  }));
  teacher.disconnect();
  const { token } = await pairDevice(t, cookie, { kind: 'club', clubId: club.id }, 'Club tablet');
  const partner = otherClasses.find((c) => c.yearGroup === 6)!;
  return { school, club, oak, roster, kid, staff, cookie, token, partner };
}

const row = (page: Page, name: string) =>
  page.locator('lc-week-grid tbody tr').filter({ has: page.locator('th', { hasText: name }) });
const cell = (page: Page, name: string, day: number) => row(page, name).locator('td').nth(day);
const notReached = (page: Page) => page.locator('lc-not-reached ul[aria-labelledby="none-this-week"] li');
const chartCell = (page: Page, mode: string) =>
  page.locator(`lc-participation-chart tbody tr[data-date="${WED}"] td[data-mode="${mode}"]`);
const chartBar = (page: Page, mode: string) =>
  page.locator(`lc-participation-chart rect.seg[data-date="${WED}"][data-mode="${mode}"]`);

describe('who took part (e2e)', () => {
  it('shows club logs live, records a home conversation from the diary, and the lists and chart follow', async () => {
    const s = await seed();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'lc_session', value: s.cookie.slice('lc_session='.length), url: t.url }]);
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    await page.clock.setFixedTime(NOW);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${t.url}/#participation`);

    await page.locator('#class').selectOption({ label: 'Year 2 Oak' });
    await expect.poll(() => cell(page, 'Amira K.', 2).textContent()).toContain('Not yet');
    await expect.poll(() => notReached(page).allTextContents()).toEqual(['Amira K.', 'Chloe S.', 'Ethan R.', 'Farah N.', 'Noah C.']);
    expect(await chartCell(page, 'reached').textContent()).toBe('0 of 12');
    // A marker that a reload would wipe.
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    // The club tablet logs two children.
    const tablet = await connectDevice(t, s.token);
    const report = expectOk(await call(tablet, 'participation:log', {
      entries: [
        { id: randomUUID(), childId: s.kid('Amira K.').id, date: WED, mode: 'peer', partnerChildIds: [s.partner.id], staffName: '', tags: [], note: 'Explained the pattern to her Year 6 partner.' },
        { id: randomUUID(), childId: s.kid('Ethan R.').id, date: WED, mode: 'staff', partnerChildIds: [], staffName: 'Mr Okafor', tags: ['misconception'], note: 'Thought a pattern cannot repeat more than twice.' },
      ],
    }));
    expect(report.refused).toEqual([]);

    await expect.poll(() => cell(page, 'Amira K.', 2).textContent()).toContain('Peer');
    await expect.poll(() => cell(page, 'Ethan R.', 2).textContent()).toContain('Staff');
    await expect.poll(() => notReached(page).allTextContents()).toEqual(['Chloe S.', 'Farah N.', 'Noah C.']);
    await expect.poll(() => chartCell(page, 'reached').textContent()).toBe('2 of 12');
    expect(await chartCell(page, 'peer').textContent()).toBe('1');
    expect(await chartBar(page, 'staff').getAttribute('data-count')).toBe('1');
    expect(Number(await chartBar(page, 'home').getAttribute('height'))).toBe(0);
    expect(await page.evaluate(() => 'stillTheSamePage' in window)).toBe(true);

    // The teacher marks Chloe as "home" from her Reading Diary.
    await cell(page, 'Chloe S.', 2).locator('button').click();
    const dialog = page.locator('lc-diary-dialog dialog');
    await expect.poll(() => dialog.getAttribute('open')).not.toBeNull();
    await dialog.getByLabel('Knew it well').check();
    await dialog.getByLabel('What the child said (optional, short)').fill('Clapped the pattern and made up a new one.');
    await dialog.getByRole('button', { name: 'Record home conversation' }).click();

    await expect.poll(() => cell(page, 'Chloe S.', 2).textContent()).toContain('Home');
    await expect.poll(() => notReached(page).allTextContents()).toEqual(['Farah N.', 'Noah C.']);
    await expect.poll(() => chartCell(page, 'home').textContent()).toBe('1');
    expect(await chartCell(page, 'reached').textContent()).toBe('3 of 12');
    expect(Number(await chartBar(page, 'home').getAttribute('height'))).toBeGreaterThan(0);
    expect(await page.locator('lc-participation-page p[role="status"]').first().textContent()).toContain('Recorded a home conversation for Chloe S.');
    await expect.poll(async () => (await page.locator('lc-notes-feed li').allTextContents()).join(' ')).toContain('Clapped the pattern');

    // Stored on the server as the teacher's own home entry.
    const teacher = await connectSocket(t, { cookie: s.cookie });
    const grid = expectOk(await call(teacher, 'participation:grid', { classId: s.oak.id, weekStart: MON }));
    const chloe = grid.entries.find((e) => e.childId === s.kid('Chloe S.').id)!;
    expect([chloe.mode, chloe.date, chloe.tags, chloe.note, chloe.loggedBy]).toEqual(['home', WED, ['knew_it_well'], 'Clapped the pattern and made up a new one.', 'Ms Patel']);

    // One action puts the two still missing on the club's list for tomorrow.
    await page.getByRole('button', { name: "Add these 2 children to the club's list for tomorrow" }).click();
    await expect.poll(() => page.locator('lc-not-reached p[role="status"]').textContent()).toContain("Added 2 children to After-school club's list");
    const members = await t.app.services.storage.clubs.members(s.school.id, s.club.id);
    expect(members.map((c) => c.displayName)).toEqual(expect.arrayContaining(['Farah N.', 'Noah C.']));

    await page.screenshot({ path: `${SHOTS}/participation.png`, fullPage: true });

    // The teacher corrects the club's note, then removes an entry made by mistake.
    await cell(page, 'Ethan R.', 2).locator('button').click();
    await dialog.getByRole('button', { name: 'Correct' }).click();
    await expect.poll(() => dialog.getByLabel('What the child said (optional, short)').inputValue()).toBe('Thought a pattern cannot repeat more than twice.');
    await dialog.getByLabel('What the child said (optional, short)').fill('Thought a pattern stops after two goes; fixed it with claps.');
    await dialog.getByRole('button', { name: 'Save correction' }).click();
    await expect.poll(async () => (await page.locator('lc-notes-feed li').allTextContents()).join(' ')).toContain('fixed it with claps');
    expect(await cell(page, 'Ethan R.', 2).textContent()).toContain('Staff');
    await cell(page, 'Chloe S.', 2).locator('button').click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => notReached(page).allTextContents()).toEqual(['Chloe S.', 'Farah N.', 'Noah C.']);
    expect(await cell(page, 'Chloe S.', 2).textContent()).toContain('Not yet');
    const after = expectOk(await call(teacher, 'participation:grid', { classId: s.oak.id, weekStart: MON })).entries.filter((e) => e.date === WED);
    expect(after.map((e) => [e.mode, e.note])).toEqual(expect.arrayContaining([['staff', 'Thought a pattern stops after two goes; fixed it with claps.']]));
    expect(after.map((e) => e.mode).sort()).toEqual(['peer', 'staff']);
    expect(errors).toEqual([]);
    tablet.disconnect();
    teacher.disconnect();
    await context.close();
  });

  it('gives an admin the whole school, and the export link downloads the chosen range', async () => {
    const s = await seed();
    const { cookie } = await makeStaff(t, s.school.id, 'admin', 'Mrs Head');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(8_000);
    await context.addCookies([{ name: 'lc_session', value: cookie.slice('lc_session='.length), url: t.url }]);
    const page = await context.newPage();
    await page.clock.setFixedTime(NOW);
    await page.goto(`${t.url}/#participation`);
    await page.locator('#class').selectOption({ label: 'Year 2 Oak' });
    const oakRow = page.locator('lc-school-summary tbody tr').filter({ has: page.locator('th', { hasText: 'Year 2 Oak' }) });
    // Seven children reached by eight home conversations on Monday and Tuesday.
    await expect.poll(async () => (await oakRow.locator('td').allTextContents()).map((c) => c.trim())).toEqual(['7 of 12', '8', '0', '0']);

    await page.locator('#from').fill(TUE);
    await page.locator('#from').dispatchEvent('change');
    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(href).toBe(`/api/export/participation.csv?classId=${s.oak.id}&from=${TUE}&to=2026-03-13`);
    const csv = await context.request.get(`${t.url}${href}`);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).split('\r\n').filter(Boolean)).toHaveLength(1 + 4); // the header and Tuesday's four home conversations
    await page.locator('lc-school-summary').screenshot({ path: `${SHOTS}/participation-school.png` });
    await context.close();
  });
});
