/**
 * The club tablet end to end, in Chromium at 1024×768 with touch, against the real server in a
 * child process: attendance, the suggested pairs, the timer (on a fast clock), logging with a
 * tag and a note, a second tablet seeing it live, the same flow with the server stopped (the
 * pending count shows, then drains when it is back), undo, and a refused log shown to staff.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { seedClubSchool, type ClubSeed } from '../support/club-seed.ts';
import type { TabletSocket } from '../support/node-tablet.ts';
import { ServerProcess, freePort, seedDataDir } from '../support/server-process.ts';
import { tempDir } from '../support/test-app.ts';

// Screenshots go beside the other results; LC_SCREENSHOTS_DIR=docs/screenshots refreshes the committed ones.
const SHOTS = `${join(process.cwd(), process.env.LC_SCREENSHOTS_DIR ?? 'test-results/screenshots')}/`;
let dataDir: string;
let seed: ClubSeed;
let server: ServerProcess;
let browser: Browser;

const visible = (locator: Locator, timeout = 10_000) => locator.first().waitFor({ state: 'visible', timeout });
const textOf = (locator: Locator) => async () => (await locator.textContent())?.trim() ?? '';

function storedRows(): { child_id: string; tags: string; note: string }[] {
  const db = new Database(join(dataDir, 'learning-conversations.sqlite'));
  try {
    return db.prepare('SELECT child_id, tags, note FROM participation WHERE removed_at IS NULL').all() as never;
  } finally {
    db.close();
  }
}

function teacherSocket(): Promise<TabletSocket> {
  const socket: TabletSocket = io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie: seed.teacherCookie } });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function ask<T>(socket: TabletSocket, event: string, payload: unknown): Promise<T> {
  const result = await (socket.timeout(5_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; data: T; error?: unknown }> }).emitWithAck(event, payload);
  if (!result.ok) throw new Error(`${event} failed: ${JSON.stringify(result.error)}`);
  return result.data;
}

/** A fresh tablet (its own IndexedDB), paired through the real screens: code on the tablet, claimed by a teacher. */
async function pairTablet(label: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Pair this device' }).tap();
  const code = (await page.getByTestId('pairing-code').textContent())!.trim();
  const teacher = await teacherSocket();
  await ask(teacher, 'device:claim', { code, kind: 'club', label, classIds: [], clubId: seed.club.id });
  teacher.disconnect();
  await visible(page.getByRole('heading', { name: 'After-school club' }));
  return page;
}

/** Ten minutes in one second: the timer's clock is injectable for exactly this. */
async function fastTimer(card: Locator): Promise<void> {
  await card.locator('lc-timer-ring').evaluate((el: HTMLElement & { now: () => number }) => {
    const t0 = Date.now();
    el.now = () => t0 + (Date.now() - t0) * 600;
  });
}

async function runConversation(page: Page, shot?: string): Promise<Locator> {
  const card = page.locator('lc-pair-card:not([hidden])');
  // Wait until the chosen pair's card is the one shown, so the fast clock goes to its timer.
  await visible(card.getByRole('button', { name: 'Start 10 minutes' }));
  await fastTimer(card);
  await card.getByRole('button', { name: 'Start 10 minutes' }).tap();
  if (shot) await page.screenshot({ path: `${SHOTS}${shot}` });
  await visible(card.getByRole('status').filter({ hasText: 'Ten minutes are up' }));
  return card;
}

/** Logs every child of the visible card with a tag and a note; returns the notes written. */
async function logEveryone(card: Locator, tag: string): Promise<string[]> {
  const notes: string[] = [];
  const sections = card.getByRole('region');
  const count = await sections.count();
  for (let i = 0; i < count; i++) {
    // The first form still open: a logged child's form closes.
    const open = card.getByRole('region').filter({ has: card.page().getByRole('button', { name: / took part$/ }) }).first();
    const name = (await open.getByRole('heading', { level: 3 }).textContent())!.split(' ')[0]!;
    await open.getByRole('button', { name: tag }).tap();
    const note = `${name} explained it well (${tag}).`;
    await open.getByLabel('Note for the teacher (optional)').fill(note);
    await open.getByRole('button', { name: `${name} took part` }).tap();
    await visible(card.getByText(`✓ ${name} took part`));
    notes.push(note);
  }
  return notes;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = tempDir('lc-club-e2e-');
  seed = await seedDataDir(dataDir, (storage) => seedClubSchool(storage));
  server = new ServerProcess(dataDir, await freePort());
  await server.start();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('club tablet', () => {
  it('runs a session online and offline, two tablets in step', async () => {
    const [a, b] = await Promise.all([pairTablet('Hall tablet'), pairTablet('Library tablet')]);
    // What each tablet showed when it went wrong, for whoever reads the failure.
    onTestFailed(async () => {
      mkdirSync('test-results', { recursive: true });
      await a.screenshot({ path: 'test-results/club-failed-tablet-a.png' });
      await b.screenshot({ path: 'test-results/club-failed-tablet-b.png' });
      console.error(server.output.slice(-2_000));
    });

    // Who's here: one tap per child, and one more found in the school list.
    for (const c of seed.children) await a.getByRole('button', { name: new RegExp(`^${c.displayName}`) }).tap();
    await a.getByLabel('Add a child from the school list').fill('Eli');
    await a.getByRole('button', { name: 'Search' }).tap();
    await a.getByRole('button', { name: 'Add Eli and mark here' }).tap();
    await visible(a.getByText('5 of 5 here'));
    await a.getByLabel('On duty').fill('Mrs Patel');
    await a.screenshot({ path: `${SHOTS}club-here.png` });

    // The suggestion: a trio and a pair, older with younger. A tap picks a child to swap or move.
    await a.getByRole('button', { name: 'Pairs for the 5 here →' }).tap();
    await visible(a.getByRole('heading', { name: 'Suggested pairs' }));
    await expect.poll(() => a.locator('.group').count()).toBe(2);
    await a.locator('.chip').first().tap();
    await visible(a.getByRole('button', { name: /here$/ }));
    await a.screenshot({ path: `${SHOTS}club-pairs.png` });
    // A second tap swaps; "Suggest again" puts the suggestion back, and that is what staff accept.
    await a.getByRole('button', { name: 'Cancel' }).tap();
    const suggested = await a.locator('.group').allTextContents();
    await a.locator('.group').nth(0).locator('.chip').first().tap();
    await a.locator('.group').nth(1).locator('.chip').first().tap();
    await visible(a.getByRole('heading', { name: "Today's groups" }));
    expect(await a.locator('.group').allTextContents()).not.toEqual(suggested);
    await a.getByRole('button', { name: 'Suggest again' }).tap();
    expect(await a.locator('.group').allTextContents()).toEqual(suggested);
    await a.getByRole('button', { name: 'Accept these 2 groups →' }).tap();

    // First conversation, online: the timer runs to its end, every child is logged.
    let card = await runConversation(a, 'club-conversation.png');
    await card.getByRole('button', { name: 'Keep going' }).tap();
    await visible(card.getByText('going further'));
    await a.screenshot({ path: `${SHOTS}club-timer-end.png` });
    const onlineNotes = await logEveryone(card, 'Knew it well');
    await expect.poll(textOf(a.getByTestId('pending-count'))).toBe('0 waiting to sync');

    // The other tablet sees them live, without a reload.
    for (const note of onlineNotes) await expect.poll(textOf(b.getByTestId('todays-log'))).toContain(note);
    expect(storedRows()).toHaveLength(onlineNotes.length);

    // The server stops: the same flow works on the tablet, and the count shows what waits.
    await server.kill('SIGTERM');
    await visible(a.getByText('logs are kept on this tablet'));
    await a.getByRole('group', { name: 'Conversations' }).getByRole('button').nth(1).tap();
    card = await runConversation(a);
    const offlineNotes = await logEveryone(card, 'Misconception');
    await expect.poll(textOf(a.getByTestId('pending-count'))).toBe(`${offlineNotes.length} waiting to sync`);
    await a.screenshot({ path: `${SHOTS}club-offline.png` });

    // Back on the same port and data folder: the outbox drains, and tablet B catches up.
    const restartedAt = Date.now();
    await server.start();
    // Socket.IO's backoff (with jitter, up to 30 s) decides when the tablet knocks again.
    await expect.poll(textOf(a.getByTestId('pending-count')), { timeout: 45_000 }).toBe('0 waiting to sync');
    console.info(`outbox drained ${Date.now() - restartedAt} ms after the server was started again`);
    for (const note of offlineNotes) await expect.poll(textOf(b.getByTestId('todays-log')), { timeout: 45_000 }).toContain(note);
    const rows = storedRows();
    expect(rows).toHaveLength(onlineNotes.length + offlineNotes.length);
    expect(rows.map((r) => r.note).sort()).toEqual([...onlineNotes, ...offlineNotes].sort());
    expect(rows.every((r) => JSON.parse(r.tags).length === 1)).toBe(true);

    // Undo within the session; then a log the server refuses is shown with its reason, not retried.
    const last = card.getByRole('region').last();
    const name = (await last.getByRole('heading', { level: 3 }).textContent())!.split(' ')[0]!;
    await last.getByRole('button', { name: 'Undo' }).tap();
    await visible(last.getByRole('button', { name: `${name} took part` }));
    await expect.poll(() => storedRows().length).toBe(rows.length - 1);
    const child = seed.children.concat(seed.visitor).find((c) => c.displayName.startsWith(name))!;
    const teacher = await teacherSocket();
    await ask(teacher, 'club:removeChild', { clubId: seed.club.id, childId: child.id }); // the tablet does not know yet
    teacher.disconnect();
    await last.getByRole('button', { name: `${name} took part` }).tap();
    const refused = a.getByTestId('refused');
    await expect.poll(textOf(refused)).toContain(child.displayName);
    expect(await refused.textContent()).toContain("That child is not on this club's list.");
    await expect.poll(textOf(a.getByTestId('pending-count'))).toBe('0 waiting to sync');
    await a.screenshot({ path: `${SHOTS}club-refused.png` });
    expect(storedRows()).toHaveLength(rows.length - 1);

    // A reload (a new connection, a fresh flush) keeps the refusal on screen and sends nothing again.
    await a.reload();
    await expect.poll(textOf(a.getByTestId('refused'))).toContain("That child is not on this club's list.");
    await visible(a.getByText('4 of 4 here')); // the child taken off the list is no longer "here"
    expect(await textOf(a.getByTestId('pending-count'))()).toBe('0 waiting to sync');
    expect(storedRows()).toHaveLength(rows.length - 1);
    await a.getByRole('button', { name: 'Dismiss' }).tap();
    await a.getByTestId('refused').waitFor({ state: 'detached' });
    // Tablet B learnt of Eli, whom tablet A added to the club, from the first log that named him.
    await expect.poll(textOf(b.getByTestId('todays-log'))).toContain(seed.visitor.displayName);
    expect(await b.getByTestId('todays-log').textContent()).not.toContain('a child');
    await b.screenshot({ path: `${SHOTS}club-second-tablet.png`, fullPage: true });
  }, 150_000);
});
