/**
 * The poster screen end to end: the built PWA in headless Chromium against the real server.
 * Time is pinned (page and server clock alike) to 09:00 on the Thursday of the current week,
 * Europe/London, so the run is the same whatever day CI runs on.
 * The tests share one poster and run in order; the last one stops the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayName, formatDayLong, isSchoolDay, localDate, schoolDays, startOfLocalDay, weekStart } from '../../shared/calendar.ts';
import type { PromptDraft } from '../../shared/schemas.ts';
import { clockStartingAt, openPairedPoster, posterText, type PosterPage } from '../support/poster-page.ts';
import { DIST_DIR, call, connectSocket, expectOk, makeSchool, makeStaff, startTestApp, type TestApp, type TestSocket } from '../support/test-app.ts';

const TZ = 'Europe/London';
const HOUR = 3_600_000;
const THURSDAY = addDays(weekStart(localDate(Date.now(), TZ)), 3);
const START = startOfLocalDay(THURSDAY, TZ) + 9 * HOUR;
const THIS_WEEK = weekStart(THURSDAY);
const NEXT_WEEK = addDays(THIS_WEEK, 7);

/** Each day's prompt names its own date, so a wrong-day prompt cannot pass for the right one. */
const draft = (date: string, prompt = `Could you tell me what you found out about magnets on ${dayName(date)} ${date}?`): PromptDraft => ({
  date, subject: 'science', theme: `forces of ${date}`, prompt, kind: 'verbal', minutes: 10, support: '', extensions: ['How do you know?'],
});
const EDITED = `Could you teach me which materials a magnet pulls on ${THURSDAY}, and which it never does?`;

let t: TestApp;
let serverUp = true;
let teacher: TestSocket;
let poster: PosterPage;
let seeded: Awaited<ReturnType<typeof makeSchool>>;
let teacherEmail: string;
let classId: string;

const saveWeek = async (weekStartDate: string, edit?: string) =>
  expectOk(await call(teacher, 'week:save', {
    classId, weekStart: weekStartDate,
    days: schoolDays(weekStartDate).map((d) => (d === THURSDAY && edit ? draft(d, edit) : draft(d))),
  }));

/** Resolves when the poster shows this prompt text; returns how long that took in ms. */
async function timeUntilShown(text: string, action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  await poster.page.getByTestId('prompt').filter({ hasText: text }).waitFor({ timeout: 10_000 });
  return Math.round(performance.now() - started);
}

beforeAll(async () => {
  t = await startTestApp({ staticDir: DIST_DIR, clock: clockStartingAt(START) });
  seeded = await makeSchool(t);
  classId = seeded.classes[0]!.id;
  const staff = await makeStaff(t, seeded.school.id, 'teacher');
  teacherEmail = staff.staff.email;
  teacher = await connectSocket(t, { cookie: staff.cookie });
  // This week is drafted but not yet published; next week is published.
  await saveWeek(THIS_WEEK);
  await saveWeek(NEXT_WEEK);
  expectOk(await call(teacher, 'week:publish', { classId, weekStart: NEXT_WEEK }));
  poster = await openPairedPoster(t, staff.cookie, [classId], { clockAt: START });
});

afterAll(async () => {
  teacher?.disconnect();
  await poster?.close();
  if (serverUp) await t?.close();
});

describe('poster screen', () => {
  it('shows a prompt the moment it is published, and an edit, without a reload', async () => {
    const { page } = poster;
    await page.getByText("Today's conversation will appear here").waitFor();
    expect((await posterText(page)).freshness).toMatch(new RegExp(`^${formatDayLong(THURSDAY)} · updated \\d\\d:\\d\\d$`));
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    const published = await timeUntilShown(draft(THURSDAY).prompt, () => call(teacher, 'week:publish', { classId, weekStart: THIS_WEEK }));
    const edited = await timeUntilShown(EDITED, () => saveWeek(THIS_WEEK, EDITED));
    console.log(`[poster] publish→render latency: ${published} ms; edit→render latency: ${edited} ms`);

    const { cards } = await posterText(page);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain(`Today we learned about forces of ${THURSDAY}`);
    expect(cards[0]).toContain('Grown-ups: ask me this on the way home.');
    expect(cards[0]).toContain('Going further: How do you know?');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('is an installable PWA, and its service worker controls the page after a reload', async () => {
    const { page, context } = poster;
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    await page.reload();
    await page.getByTestId('prompt').filter({ hasText: EDITED }).waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });

  it('discards a corrupt cached display state and resyncs, without crashing', async () => {
    const { page } = poster;
    const warnings: string[] = [];
    page.on('console', (m) => warnings.push(m.text()));
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('learning-conversations');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('kv', 'readwrite');
        tx.objectStore('kv').put({ state: { classes: 'not a list' }, receivedAt: 'yesterday' }, 'display-state');
        tx.oncomplete = () => { open.result.close(); resolve(); };
      };
    }));
    await page.reload();
    await page.getByTestId('prompt').filter({ hasText: EDITED }).waitFor();
    expect(warnings).toContain('discarding a corrupt cached display-state');
    // The fresh state from the server replaced it in the cache.
    await expect.poll(() => page.evaluate(() => new Promise<unknown>((resolve) => {
      const open = indexedDB.open('learning-conversations');
      open.onsuccess = () => {
        const get = open.result.transaction('kv').objectStore('kv').get('display-state');
        get.onsuccess = () => { open.result.close(); resolve((get.result as { state?: { classes?: unknown[] } })?.state?.classes?.length ?? null); };
      };
    }))).toBe(1);
  });

  it('never receives child data on its socket', () => {
    const { frames } = poster;
    expect(frames.some((f) => f.includes('"display:state"'))).toBe(true);
    expect(frames.some((f) => f.includes('"display:class"'))).toBe(true);
    const secrets = [
      ...seeded.children.flatMap((c) => [c.displayName, c.id]),
      seeded.club.id, seeded.club.name, seeded.classes[1]!.id, teacherEmail,
    ];
    for (const secret of secrets) {
      expect(frames.filter((f) => f.includes(secret)), secret).toEqual([]);
    }
  });

  it('offline: a reload still shows today, rolls over at local midnight, and 7 days never show a blank or wrong day', async () => {
    const { page } = poster;
    await t.close();
    serverUp = false;
    await page.reload();
    await page.getByTestId('prompt').filter({ hasText: EDITED }).waitFor();
    await page.getByTestId('offline-badge').waitFor();
    expect((await posterText(page)).freshness).toMatch(new RegExp(`^${formatDayLong(THURSDAY)} · Offline since \\d\\d:\\d\\d — showing the saved plan$`));

    // No reconnect attempts from here on: each re-render below comes from the poster's own timers.
    await page.evaluate(() => {
      const view = document.querySelector('lc-app')!.shadowRoot!.querySelector('lc-poster-view') as unknown as { connection: { socket: { io: { reconnection(on: boolean): void } } } };
      view.connection.socket.io.reconnection(false);
    });
    const fastForwardTo = async (instant: number) => page.clock.fastForward(instant - (await page.evaluate(() => Date.now())));
    const phase = () => page.locator('lc-poster-card').evaluate((c) => (c as unknown as { phase: string }).phase);

    for (let i = 1; i <= 7; i++) {
      const day = addDays(THURSDAY, i);
      // A minute past local midnight: the poster must turn the day by itself.
      await fastForwardTo(startOfLocalDay(day, TZ) + 60_000);
      await page.getByTestId('freshness').filter({ hasText: formatDayLong(day) }).waitFor({ timeout: 5_000 });
      const { freshness, cards } = await posterText(page);
      expect(freshness, day).toContain('Offline since');
      expect(cards, day).toHaveLength(1);
      if (isSchoolDay(day)) {
        expect(cards[0], day).toContain(`${dayName(day)} ${day}?`);
        expect(cards[0], day).toContain(`Today we learned about forces of ${day}`);
      } else {
        expect(cards[0], day).toContain('See you on Monday');
        expect(cards[0], day).toContain('Monday · Science: forces of');
        expect(cards[0], day).not.toContain('Could you');
      }
      // No other day's date anywhere on the screen.
      const dates = new Set(cards[0]!.match(/\d{4}-\d{2}-\d{2}/g) ?? []);
      if (isSchoolDay(day)) expect([...dates], day).toEqual([day]);
      else expect([...dates].every((d) => d >= day), day).toBe(true);

      if (i === 1) {
        // The pickup window (14:45–15:45) turns on and off by itself too.
        expect(await phase()).toBe('before');
        await fastForwardTo(startOfLocalDay(day, TZ) + (14 * 60 + 46) * 60_000);
        await expect.poll(phase).toBe('pickup');
        await fastForwardTo(startOfLocalDay(day, TZ) + (15 * 60 + 46) * 60_000);
        await expect.poll(phase).toBe('after');
      }
    }
  });

  it('offline with a corrupt cache and nothing else: a calm waiting screen, not a crash or a blank', async () => {
    const { page } = poster;
    await page.evaluate(() => new Promise<void>((resolve) => {
      const open = indexedDB.open('learning-conversations');
      open.onsuccess = () => {
        const tx = open.result.transaction('kv', 'readwrite');
        tx.objectStore('kv').put('garbage', 'display-state');
        tx.oncomplete = () => { open.result.close(); resolve(); };
      };
    }));
    await page.reload();
    await page.getByText('The conversation appears here as soon as the class publishes it').waitFor();
    expect((await posterText(page)).freshness).toContain('Offline — no saved plan yet');
  });
});
