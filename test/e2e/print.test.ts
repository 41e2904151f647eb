/**
 * The three print layouts, printed to PDF by Chromium from the planner's print page, read back
 * with pdftotext and pdfinfo, and turned into PNGs under docs/print/ for people to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatWeekRange } from '../../shared/calendar.ts';
import type { PromptDraft } from '../../shared/schemas.ts';
import { launchBrowser } from '../support/browser.ts';
import { DIST_DIR, call, connectSocket, expectOk, makeSchool, makeStaff, startTestApp, type TestApp } from '../support/test-app.ts';

// The committed pictures change only when asked (UPDATE_DOCS=1); a normal run writes beside the other results.
const DOCS = new URL(process.env.UPDATE_DOCS ? '../../docs/print/' : '../../test-results/print/', import.meta.url).pathname;
const WEEK = '2026-03-02';

const day = (i: number, over: Partial<PromptDraft>): PromptDraft => ({
  date: addDays(WEEK, i), subject: 'science', theme: '', prompt: '', kind: 'verbal', minutes: 10, support: '', extensions: [], ...over,
});

const DAYS: PromptDraft[] = [
  day(0, {
    subject: 'history', theme: 'What the Romans did for us',
    prompt: "As you've been learning about the Romans today, could you teach me three things they brought to Britain? Which one do we still use?",
    support: 'Roads (straight, paved), towns (Londinium became London), baths and clean water through aqueducts, the calendar, Latin words such as "exit" and "video".',
    extensions: ['How do you know?', 'What if the Romans had never come?'],
  }),
  day(1, {
    subject: 'maths', theme: '2D shapes and their properties', kind: 'practical', minutes: 8,
    prompt: 'Can you find a square, a rectangle and a triangle at home and tell me how you know which is which?',
    support: 'A square has 4 equal sides and 4 right angles. A rectangle has 4 right angles and opposite sides equal. A triangle has 3 sides and 3 corners. A plate is a circle: 1 curved side, no corners.',
    extensions: ['Is a square a rectangle? Why do you think that?'],
  }),
  day(2, {
    subject: 'science', theme: 'Life-cycles',
    prompt: 'Could you teach me the stages of a butterfly’s life-cycle, in order?',
    support: 'Egg → caterpillar (larva) → chrysalis (pupa) → butterfly (adult). A frog: frogspawn → tadpole → froglet → frog.',
    extensions: ['What would happen if one stage was missed?'],
  }),
  day(3, {
    subject: 'music', theme: 'Repeating patterns', kind: 'practical', minutes: 5,
    prompt: 'Clap me a repeating pattern and teach me to join in.',
    support: 'Clap, clap, stamp; clap, clap, stamp. A pattern repeats exactly: that is what makes it easy to join.',
    extensions: ['Can you think of an example at home?'],
  }),
  day(4, {
    subject: 'English', theme: 'Famous poems',
    prompt: 'Can you say me a line or two of the poem we read today, and tell me what picture it puts in your head?',
    support: 'This week: "The Owl and the Pussy-cat" by Edward Lear. They went to sea in a beautiful pea-green boat.',
    extensions: ['Why do you think the poet chose those words?'],
  }),
];

/** Every field at its longest: the slips and posters must still fit their boxes. */
const CROWDED_WEEK = addDays(WEEK, 7);
const CROWDED: PromptDraft = {
  ...day(7, { subject: 'geography', theme: 'Rivers from source to sea, and the towns and cities that grew up along their banks' }),
  prompt: `${'Can you tell me about the journey a river takes from its source in the hills, '.repeat(3)}all the way down to the sea? `
    + 'Which of the places it passes would you most like to visit, and why would you choose that one over the others on the way?',
  support: 'Source, tributary, meander, floodplain, estuary, mouth. '.repeat(17).slice(0, 1000),
  extensions: Array.from({ length: 5 }, (_, i) => `${i + 1}. What would happen to the towns along the river if it flooded every single spring, and how might the people living there get ready for it?`),
};

let t: TestApp;
let browser: Browser;
let page: Page;
let work: string;
let classId: string;
const CLASS_NAME = 'Hillside Oak';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lc-print-'));
  mkdirSync(DOCS, { recursive: true });
  [t, browser] = await Promise.all([startTestApp({ staticDir: DIST_DIR }), launchBrowser()]);
  const { school, classes } = await makeSchool(t, 'Hillside');
  classId = classes[0]!.id;
  const { cookie } = await makeStaff(t, school.id, 'teacher');
  const teacher = await connectSocket(t, { cookie });
  expectOk(await call(teacher, 'week:save', { classId, weekStart: WEEK, days: DAYS }));
  expectOk(await call(teacher, 'week:save', { classId, weekStart: CROWDED_WEEK, days: [CROWDED] }));
  teacher.disconnect();
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value: decodeURIComponent(value), url: t.url }]);
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Opens the print page, prints it to PDF, and returns its text, page count and page size. */
async function printLayout(name: string, hash: string, pngDir = DOCS) {
  await page.goto(`${t.url}/${hash}`);
  await page.locator('lc-print-sheet .page').first().waitFor();
  const pdf = join(work, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const [w, h] = (/Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? []).slice(1).map((n) => Math.round(Number(n)));
  for (const old of readdirSync(pngDir).filter((f) => f.startsWith(`${name}-`))) rmSync(join(pngDir, old));
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(pngDir, name)]);
  const allFit = await page.locator('lc-print-sheet').evaluate((el) =>
    [...el.shadowRoot!.querySelectorAll<HTMLElement>('.fit')].every((b) => b.scrollHeight <= b.clientHeight + 1));
  return { text: text.replace(/\s+/g, ' '), pages, size: [w, h], allFit };
}

const hashFor = (layout: string, extra = '') => `#plan/print/${layout}?class=${classId}&week=${WEEK}${extra}`;

function expectWeekIn(text: string): void {
  expect(text).toContain(CLASS_NAME);
  expect(text).toContain(formatWeekRange(WEEK));
  for (const d of DAYS) expect(text).toContain(d.theme);
  // The staff view's header, nav and the print toolbar stay off the paper.
  for (const chrome of ['Sign out', 'Who took part', 'Back to the planner']) expect(text).not.toContain(chrome);
}

describe('print layouts', () => {
  it('prints the weekly list on A4 portrait, with support and extensions', async () => {
    const { text, pages, size } = await printLayout('weekly', hashFor('weekly'));
    expectWeekIn(text);
    expect(size).toEqual([595, 842]);
    expect(pages).toBeLessThanOrEqual(2);
    expect(text).toContain('Help at home:');
    expect(text).toContain('What if the Romans had never come?');
  });

  it('prints slips: a page per day, four to a page, on A4 portrait', async () => {
    const { text, pages, size } = await printLayout('slips', hashFor('slips'));
    expectWeekIn(text);
    expect(size).toEqual([595, 842]);
    expect(pages).toBe(5);
    expect(text.split('Famous poems').length - 1).toBe(4);
    expect(text).toContain('Cut along the dashed lines');
  });

  it('prints easel posters, a page per day, on A4 and A3 landscape', async () => {
    const a4 = await printLayout('poster-a4', hashFor('poster'));
    expectWeekIn(a4.text);
    expect(a4.size).toEqual([842, 595]);
    expect(a4.pages).toBe(5);
    expect(a4.text).toContain('Going further');
    const a3 = await printLayout('poster-a3', hashFor('poster', '&paper=A3'));
    expectWeekIn(a3.text);
    expect(a3.size).toEqual([1191, 842]);
    expect(a3.pages).toBe(5);
  });

  it('fits the longest possible day on one slip page and one poster page', async () => {
    // Not for docs/: kept under test-results/ for a person to look at.
    const shots = new URL('../../test-results/print-crowded/', import.meta.url).pathname;
    mkdirSync(shots, { recursive: true });
    const crowded = `#plan/print/slips?class=${classId}&week=${CROWDED_WEEK}`;
    const slipsPdf = await printLayout('slips', crowded, shots);
    expect(slipsPdf.pages).toBe(1);
    expect(slipsPdf.allFit).toBe(true);
    for (const paper of ['A4', 'A3']) {
      const poster = await printLayout(`poster-${paper}`, `#plan/print/poster?class=${classId}&week=${CROWDED_WEEK}&paper=${paper}`, shots);
      expect(poster.pages).toBe(1);
      expect(poster.allFit).toBe(true);
      expect(poster.text).toContain(CLASS_NAME);
    }
  });
});
