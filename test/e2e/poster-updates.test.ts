/**
 * A kiosk applies a new app version by itself: its periodic check finds the new service
 * worker, and it reloads at a quiet moment, never twice within ten minutes and never in the
 * pickup window. The server serves a copy of the build whose sw.js the test changes.
 */
import { appendFileSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate, schoolDays, startOfLocalDay, weekStart } from '../../shared/calendar.ts';
import { clockStartingAt, openPairedPoster, type PosterPage } from '../support/poster-page.ts';
import { DIST_DIR, call, connectSocket, expectOk, makeSchool, makeStaff, startTestApp, tempDir, type TestApp } from '../support/test-app.ts';

const TZ = 'Europe/London';
const THURSDAY = addDays(weekStart(localDate(Date.now(), TZ)), 3);
const START = startOfLocalDay(THURSDAY, TZ) + 9 * 3_600_000;
const MINUTE = 60_000;

let t: TestApp;
const clock = clockStartingAt(START);
let dist: string;
let poster: PosterPage;
let version = 1;

/** A new version of the service worker, as a deploy would bring. */
const deploy = () => appendFileSync(join(dist, 'sw.js'), `\n// version ${++version}\n`);
const mark = () => poster.page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
const marked = () => poster.page.evaluate(() => (window as unknown as { marker?: number }).marker === 1);
const checkNow = () => poster.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
const hasWaiting = () => poster.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null);
/** Moves the page's and the server's clocks on together, as real time would. */
const jump = async (ms: number) => {
  clock.advance(ms);
  await poster.page.clock.fastForward(ms);
};
const jumpTo = async (instant: number) => jump(instant - (await poster.page.evaluate(() => Date.now())));

beforeAll(async () => {
  dist = tempDir('lc-dist-');
  cpSync(DIST_DIR, dist, { recursive: true });
  t = await startTestApp({ staticDir: dist, clock });
  const { school, classes } = await makeSchool(t);
  const { cookie } = await makeStaff(t, school.id, 'teacher');
  const teacher = await connectSocket(t, { cookie });
  const weekStartDate = weekStart(THURSDAY);
  const days = schoolDays(weekStartDate).map((date) => ({
    date, subject: 'music', theme: 'repeating patterns', prompt: 'Could you clap me the pattern we learned today?', kind: 'practical' as const, minutes: 5, support: '', extensions: [],
  }));
  expectOk(await call(teacher, 'week:save', { classId: classes[0]!.id, weekStart: weekStartDate, days }));
  expectOk(await call(teacher, 'week:publish', { classId: classes[0]!.id, weekStart: weekStartDate }));
  teacher.disconnect();
  poster = await openPairedPoster(t, cookie, [classes[0]!.id], { clockAt: START });
  await poster.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await poster.page.reload();
  await poster.page.getByTestId('prompt').waitFor();
  // register() on load checks for an update too; queued after it, this returns once that check is done.
  await checkNow();
});

afterAll(async () => {
  await poster?.close();
  await t?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('kiosk updates', () => {
  it('finds a new version by its periodic check and reloads into it by itself', async () => {
    await mark();
    deploy();
    await jump(31 * MINUTE);
    await expect.poll(marked, { timeout: 15_000 }).toBe(false);
    await poster.page.getByTestId('prompt').waitFor();
    expect(await poster.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });

  it('does not reload again within ten minutes, then does', async () => {
    await mark();
    deploy();
    await checkNow();
    await expect.poll(hasWaiting, { timeout: 15_000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await marked()).toBe(true);
    await jump(11 * MINUTE);
    await expect.poll(marked, { timeout: 15_000 }).toBe(false);
  });

  it('waits out the pickup window before applying an update', async () => {
    await jumpTo(startOfLocalDay(THURSDAY, TZ) + (14 * 60 + 50) * MINUTE);
    await poster.page.getByTestId('prompt').waitFor();
    await mark();
    deploy();
    await checkNow();
    await expect.poll(hasWaiting, { timeout: 15_000 }).toBe(true);
    await jump(20 * MINUTE);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await marked()).toBe(true);
    await jumpTo(startOfLocalDay(THURSDAY, TZ) + (15 * 60 + 47) * MINUTE);
    await expect.poll(marked, { timeout: 15_000 }).toBe(false);
  });
});
