/**
 * A poster screen in headless Chromium, paired the way a school pairs one: the page shows
 * its code on the real pairing screen, a teacher claims it over their socket, and the page
 * turns into the poster view by itself. Each poster has its own persistent browser profile,
 * as a kiosk does (an incognito context is never installable). Every websocket frame the
 * page receives is kept, so a test can check what a display was sent.
 */
import { rmSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Device } from '../../shared/schemas.ts';
import type { Clock } from '../../server/clock.ts';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { call, connectSocket, expectOk, tempDir, type TestApp } from './test-app.ts';

export interface PosterPage {
  context: BrowserContext;
  page: Page;
  device: Device;
  /** Every websocket frame received by the page, as text. */
  frames: string[];
  /** The browser profile folder, to relaunch the same kiosk (e.g. for a cold start offline). */
  profile: string;
  close(): Promise<void>;
}

export interface PosterOptions {
  viewport?: { width: number; height: number };
  /** Installs Playwright's clock at this instant before the app loads (time then flows). */
  clockAt?: number;
  label?: string;
}

/** A server clock that starts at `at` and runs at real speed, to match a page clock installed at `at`. */
export function clockStartingAt(at: number): Clock & { advance(ms: number): void } {
  let shift = at - Date.now();
  return {
    now: () => Date.now() + shift,
    advance(ms: number) {
      shift += ms;
    },
  };
}

export async function openPairedPoster(t: TestApp, teacherCookie: string, classIds: string[], options: PosterOptions = {}): Promise<PosterPage> {
  const profile = tempDir('lc-poster-profile-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, viewport: options.viewport ?? { width: 1920, height: 1080 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  if (process.env.LC_DEBUG) page.on('console', (m) => console.log('[page]', m.text())).on('pageerror', (e) => console.log('[page error]', e.message));
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8'))));
  if (options.clockAt !== undefined) await page.clock.install({ time: options.clockAt });

  await page.goto(t.url);
  await page.getByRole('button', { name: 'Pair this device' }).click();
  const code = (await page.getByTestId('pairing-code').textContent())!.trim();
  const teacher = await connectSocket(t, { cookie: teacherCookie });
  const device = expectOk(await call(teacher, 'device:claim', {
    code, kind: 'poster', label: options.label ?? 'Playground gate', classIds, clubId: null,
  }));
  teacher.disconnect();
  await page.locator('lc-poster-view').waitFor();
  return {
    context, page, device, frames, profile,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The text of what the poster shows: the freshness line and each card, whitespace collapsed. */
export async function posterText(page: Page): Promise<{ freshness: string; cards: string[] }> {
  const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
  const freshness = squash(await page.getByTestId('freshness').textContent());
  const cards = (await page.locator('lc-poster-card').evaluateAll((els) => els.map((e) => e.shadowRoot?.textContent ?? ''))).map(squash);
  return { freshness, cards };
}
