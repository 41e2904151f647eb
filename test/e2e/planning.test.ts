/**
 * A teacher signs in, plans five days in the planner, sees the homework warning, publishes,
 * and a paired poster screen shows Monday's prompt at once; then copy-last-week starts next
 * week's draft. Server and browsers agree that it is Monday morning of the planned week.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, schoolDays, startOfLocalDay } from '../../shared/calendar.ts';
import type { DisplayClass } from '../../shared/schemas.ts';
import { hashPassword } from '../../server/services/identity.ts';
import { newId } from '../../server/ids.ts';
import { launchBrowser } from '../support/browser.ts';
import { DIST_DIR, ManualClock, call, connectDevice, connectSocket, expectOk, makeSchool, makeStaff, pairDevice, startTestApp, type TestApp } from '../support/test-app.ts';

const SCREENS = new URL('../../test-results/screens/', import.meta.url).pathname;
const PASSWORD = 'correct horse battery';

const PLAN = [
  { subject: 'history', theme: 'Romans', prompt: 'What did the Romans do for us? Which do you think mattered most?', support: 'Roads, baths, aqueducts, the calendar, towns like Londinium.', extension: 'How do you know?' },
  { subject: 'maths', theme: '2D shapes', prompt: 'Can you find three 2D shapes in the kitchen and tell me how many sides each has?', support: 'A square has 4 equal sides; a triangle has 3; a circle has 1 curved side.', extension: 'What if a shape had no straight sides?' },
  { subject: 'science', theme: 'Life-cycles', prompt: "As you've been learning about life-cycles today, could you teach me what each of the stages are?", support: 'Egg, caterpillar, chrysalis, butterfly.', extension: 'Why do you think that?' },
  { subject: 'music', theme: 'Repeating patterns', prompt: 'Can you clap me a repeating pattern and teach me to copy it?', support: 'Clap, clap, stamp; clap, clap, stamp.', extension: 'What would happen if you changed one beat?' },
  { subject: 'PE', theme: 'Points of contact', prompt: 'Show me a balance on three points of contact. Which is hardest to hold?', support: 'Two feet and a hand; a knee and two hands.', extension: 'Can you think of an example at home?' },
];

const WEEK = '2026-03-02';
/** Monday 10:00 in London (GMT in March). */
const NOW = startOfLocalDay(WEEK, 'Europe/London') + 10 * 3_600_000;

let t: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  [t, browser] = await Promise.all([startTestApp({ staticDir: DIST_DIR, clock: new ManualClock(NOW) }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A poster screen paired the way a school does it: the screen shows a code, a teacher claims it. */
async function pairPosterPage(teacherCookie: string, classId: string): Promise<Page> {
  const screen = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await screen.clock.setFixedTime(NOW);
  await screen.goto(t.url);
  await screen.getByRole('button', { name: 'Pair this device' }).click();
  const code = (await screen.getByTestId('pairing-code').textContent())!.trim();
  const teacher = await connectSocket(t, { cookie: teacherCookie });
  expectOk(await call(teacher, 'device:claim', { code, kind: 'poster', label: 'Gate screen', classIds: [classId], clubId: null }));
  teacher.disconnect();
  await screen.locator('lc-poster-view').waitFor();
  return screen;
}

async function planDay(editor: Locator, day: (typeof PLAN)[number]): Promise<void> {
  await editor.getByLabel('Subject', { exact: true }).selectOption(day.subject);
  await editor.getByLabel('Theme', { exact: true }).fill(day.theme);
  await editor.getByLabel('Prompt for the conversation').fill(day.prompt);
  await editor.getByLabel('Support for families').fill(day.support);
  await editor.getByLabel('Extension 1', { exact: true }).fill(day.extension);
}

describe('planning in the browser', () => {
  it('plans, warns, publishes to a poster, and copies the week forward', async () => {
    const { school, classes } = await makeSchool(t, 'Hillside');
    const cls = classes[0]!;
    const email = `teacher-${newId().toLowerCase()}@school.test`;
    await t.app.services.storage.staff.create({
      id: newId(), schoolId: school.id, name: 'Ms Teacher', email, role: 'teacher', classIds: [cls.id], passwordHash: await hashPassword(PASSWORD),
    });

    // Poster screens of the class, up before anything is published: a real one and a bare socket.
    const { cookie: adminCookie } = await makeStaff(t, school.id, 'admin');
    const screen = await pairPosterPage(adminCookie, cls.id);
    const { token } = await pairDevice(t, adminCookie, { kind: 'poster', classIds: [cls.id] });
    const poster = await connectDevice(t, token);
    const pushes: DisplayClass[] = [];
    poster.on('display:class', ({ cls: c }) => pushes.push(c));

    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.clock.setFixedTime(NOW);
    await page.goto(t.url);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Plan the week' }).waitFor();

    const week = WEEK;
    const dates = schoolDays(week);
    const editor = (date: string) => page.locator(`lc-day-editor[data-date="${date}"]`);
    await editor(dates[0]!).getByLabel('Theme', { exact: true }).waitFor();

    // Monday first as homework: the gentle warning names the word, inline.
    const monday = editor(dates[0]!);
    await monday.getByLabel('Theme', { exact: true }).fill('Romans');
    await monday.getByLabel('Prompt for the conversation').fill('Write a paragraph about the Romans.');
    const warning = monday.locator('#prompt-issues li.warning');
    await expect.poll(() => warning.textContent()).toContain('"Write" turns it back into homework');
    await page.screenshot({ path: `${SCREENS}planner-warning.png` });

    for (const [i, day] of PLAN.entries()) await planDay(editor(dates[i]!), day);
    await expect.poll(() => monday.locator('#prompt-issues li').count()).toBe(0);
    await page.getByRole('button', { name: 'Publish the week' }).click();
    await page.getByRole('status').filter({ hasText: 'is published' }).waitFor();
    await expect.poll(() => page.locator('lc-day-editor .badge.published').count()).toBe(5);
    await page.screenshot({ path: `${SCREENS}planner-published.png`, fullPage: true });

    // The screen shows Monday's prompt at once; the socket heard the same, and a fresh sync agrees.
    await screen.getByText(PLAN[0]!.prompt).waitFor();
    await screen.screenshot({ path: `${SCREENS}poster-monday.png` });
    await screen.close();
    await expect.poll(() => pushes.at(-1)?.prompts.find((p) => p.date === dates[0])?.prompt).toBe(PLAN[0]!.prompt);
    const state = expectOk(await call(poster, 'display:sync', {}));
    const shown = state.classes.find((c) => c.id === cls.id)!;
    expect(shown.prompts.map((p) => p.theme)).toEqual(PLAN.map((p) => p.theme));
    expect(JSON.stringify(state)).not.toContain('Amira');
    poster.disconnect();

    // Next week from last week's plan: all drafts, seven days on.
    await page.getByRole('button', { name: 'Next week →' }).click();
    await page.getByRole('button', { name: 'Copy last week' }).click();
    await page.getByRole('status').filter({ hasText: 'Last week is copied' }).waitFor();
    const [session] = (await page.context().cookies()).filter((c) => c.name === 'lc_session');
    const teacher = await connectSocket(t, { cookie: `lc_session=${session!.value}` });
    const next = expectOk(await call(teacher, 'week:get', { classId: cls.id, weekStart: addDays(week, 7) }));
    expect(next.days.map((d) => d.date)).toEqual(dates.map((d) => addDays(d, 7)));
    expect(next.days.map((d) => d.theme)).toEqual(PLAN.map((p) => p.theme));
    expect(next.days.every((d) => d.status === 'draft')).toBe(true);
    teacher.disconnect();
    await page.close();
  });
});
