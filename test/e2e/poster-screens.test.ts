/**
 * How the poster looks and reads, at the two sizes schools use (a 1920×1080 wall screen and a
 * 768×1024 tablet on an easel): big type, nothing overflowing, no scrollbars, several classes,
 * a school in another time zone, the weekend and the offline badge. Screenshots go to
 * test-results/screenshots, or to docs/screenshots with LC_SCREENSHOTS_DIR=docs/screenshots.
 * Time is pinned to 15:00 on the Thursday of the current week in London: the pickup window.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, formatDayLong, localDate, schoolDays, startOfLocalDay, weekStart } from '../../shared/calendar.ts';
import type { PromptDraft, SchoolClass } from '../../shared/schemas.ts';
import { newId } from '../../server/ids.ts';
import { clockStartingAt, openPairedPoster, posterText, type PosterPage } from '../support/poster-page.ts';
import { DIST_DIR, call, connectSocket, expectOk, makeSchool, makeStaff, startTestApp, type TestApp } from '../support/test-app.ts';

const TZ = 'Europe/London';
const THURSDAY = addDays(weekStart(localDate(Date.now(), TZ)), 3);
const START = startOfLocalDay(THURSDAY, TZ) + 15 * 3_600_000;
const THIS_WEEK = weekStart(THURSDAY);
const NEXT_WEEK = addDays(THIS_WEEK, 7);
const OUT = join(process.cwd(), process.env.LC_SCREENSHOTS_DIR ?? 'test-results/screenshots');

type Plan = Omit<PromptDraft, 'date'>;
const PLANS: Record<string, Plan> = {
  Oak: {
    subject: 'science', theme: 'Life cycles', kind: 'verbal', minutes: 10, support: '',
    prompt: "As you've been learning about life cycles today, could you teach me what each of the stages are, starting with the egg?",
    extensions: ['What if a butterfly skipped the chrysalis stage?'],
  },
  Rowan: {
    subject: 'history', theme: 'What the Romans did for us', kind: 'verbal', minutes: 10, support: '',
    prompt: 'Could you explain three things the Romans brought to Britain, and which one you think we would miss most today?',
    extensions: ['How do you know the Romans built it, and not someone before them?'],
  },
  Ash: {
    subject: 'maths', theme: '2D shapes and their properties', kind: 'practical', minutes: 10, support: 'A square has four equal sides.',
    prompt: 'Can you find three different 2D shapes in our kitchen and tell me how many sides and corners each one has?',
    extensions: ['Is a square a rectangle? How do you know?'],
  },
};

let t: TestApp;
const clock = clockStartingAt(START);
let serverUp = true;
const posters: PosterPage[] = [];

async function plannedSchool(name: string, timeZone: string, classNames: string[]) {
  const { school } = await makeSchool(t, name, timeZone);
  const classes: SchoolClass[] = [];
  for (const [i, cls] of classNames.entries()) {
    const c = { id: newId(), schoolId: school.id, name: `${cls} class`, yearGroup: i + 1 };
    await t.app.services.storage.classes.create(c);
    classes.push(c);
  }
  const staff = await makeStaff(t, school.id, 'teacher');
  const teacher = await connectSocket(t, { cookie: staff.cookie });
  for (const [i, c] of classes.entries()) {
    const plan = PLANS[classNames[i]!]!;
    for (const week of [THIS_WEEK, NEXT_WEEK]) {
      const days = schoolDays(week).map((date) => ({ ...plan, date, theme: date === THURSDAY || week === NEXT_WEEK ? plan.theme : `${plan.theme} (${date})` }));
      expectOk(await call(teacher, 'week:save', { classId: c.id, weekStart: week, days }));
      expectOk(await call(teacher, 'week:publish', { classId: c.id, weekStart: week }));
    }
  }
  teacher.disconnect();
  return { school, classes, cookie: staff.cookie };
}

async function open(cookie: string, classIds: string[], viewport = { width: 1920, height: 1080 }) {
  const poster = await openPairedPoster(t, cookie, classIds, { clockAt: START, viewport });
  posters.push(poster);
  await poster.page.getByTestId('prompt').first().waitFor();
  return poster.page;
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

/** Prompt sizes in px, and whether anything overflows its box or the page scrolls. */
const measure = (page: Page) => page.evaluate(() => {
  const view = document.querySelector('lc-app')!.shadowRoot!.querySelector('lc-poster-view')!;
  const cards = [...view.shadowRoot!.querySelectorAll('lc-poster-card')];
  return {
    promptPx: cards.map((c) => parseFloat(getComputedStyle(c.shadowRoot!.querySelector('[data-testid=prompt]')!).fontSize)),
    overflowing: cards.filter((c) => [...c.shadowRoot!.querySelectorAll<HTMLElement>('.fit, .body')].some((b) => b.scrollHeight > b.clientHeight)).length,
    pageScrolls: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth,
    cursor: getComputedStyle(view).cursor,
  };
});

let london: Awaited<ReturnType<typeof plannedSchool>>;

beforeAll(async () => {
  t = await startTestApp({ staticDir: DIST_DIR, clock });
  london = await plannedSchool('Hillside Primary', TZ, ['Oak', 'Rowan', 'Ash']);
});

afterAll(async () => {
  for (const p of posters) await p.close();
  if (serverUp) await t?.close();
});

describe('poster screens', () => {
  it('one class at 1920×1080 and on a 768×1024 tablet: big prompt, nothing overflows, no scrollbars, no cursor', async () => {
    const page = await open(london.cookie, [london.classes[0]!.id]);
    const wide = await measure(page);
    expect(wide.promptPx[0]).toBeGreaterThanOrEqual(48);
    expect(wide).toMatchObject({ overflowing: 0, pageScrolls: false, cursor: 'none' });
    await shoot(page, 'poster-1920x1080');

    await page.setViewportSize({ width: 768, height: 1024 });
    await expect.poll(async () => (await measure(page)).promptPx[0]).toBeLessThan(wide.promptPx[0]!);
    const tall = await measure(page);
    expect(tall.promptPx[0]).toBeGreaterThanOrEqual(36);
    expect(tall).toMatchObject({ overflowing: 0, pageScrolls: false });
    await shoot(page, 'poster-768x1024');
  });

  it('two classes side by side at 1920×1080, both prompts at 48 px or more', async () => {
    const page = await open(london.cookie, london.classes.slice(0, 2).map((c) => c.id));
    await expect.poll(async () => (await posterText(page)).cards.length).toBe(2);
    const m = await measure(page);
    expect(m.promptPx.every((px) => px >= 48), String(m.promptPx)).toBe(true);
    expect(m).toMatchObject({ overflowing: 0, pageScrolls: false });
    await shoot(page, 'poster-two-classes-1920x1080');
  });

  it('three classes rotate calmly, two at a time', async () => {
    const page = await open(london.cookie, london.classes.map((c) => c.id));
    await page.getByText('Classes 1 of 2').waitFor();
    expect((await posterText(page)).cards.map((c) => c.split(' ')[0])).toEqual(['Oak', 'Rowan']);
    await page.clock.fastForward(20_000);
    await page.getByText('Classes 2 of 2').waitFor();
    expect((await posterText(page)).cards.map((c) => c.split(' ')[0])).toEqual(['Ash']);
  });

  it('a school in another time zone shows its own day', async () => {
    // 15:00 on Thursday in London is 04:00 on Friday in Auckland.
    const auckland = await plannedSchool('Harbour School', 'Pacific/Auckland', ['Oak']);
    const page = await open(auckland.cookie, [auckland.classes[0]!.id]);
    const friday = addDays(THURSDAY, 1);
    await page.getByTestId('freshness').filter({ hasText: formatDayLong(friday) }).waitFor();
    expect((await posterText(page)).cards[0]).toContain(`Today we learned about life cycles (${friday})`);
  });

  it('at the weekend says see you on Monday with next week, and offline shows its badge', async () => {
    const page = posters[0]!.page;
    await page.setViewportSize({ width: 1920, height: 1080 });
    // Saturday 10:00 for the server and the page alike; the page drops its socket on the jump and resyncs.
    const jump = startOfLocalDay(addDays(THURSDAY, 2), TZ) + 10 * 3_600_000 - (await page.evaluate(() => Date.now()));
    clock.advance(jump);
    await page.clock.fastForward(jump);
    await page.getByText('See you on Monday').waitFor();
    await page.getByTestId('freshness').filter({ hasText: 'updated' }).waitFor();
    expect((await posterText(page)).cards[0]).toContain('Monday · Science: Life cycles');
    await shoot(page, 'poster-weekend-1920x1080');

    const wall = posters[1]!.page;
    await t.close();
    serverUp = false;
    await wall.getByTestId('offline-badge').waitFor();
    expect((await posterText(wall)).freshness).toMatch(/Offline since \d\d:\d\d — showing the saved plan$/);
    expect((await measure(wall)).overflowing).toBe(0);
    await shoot(wall, 'poster-offline-1920x1080');
  });
});
