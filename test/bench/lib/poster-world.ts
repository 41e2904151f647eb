/**
 * The browser scenarios' world: the built PWA served by the real app (in this process:
 * the browser is the only client), the demo school's published week, and one poster
 * screen paired the way a school pairs one, in its own persistent Chromium profile.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildIfStale } from '../../../server/start.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../support/chromium.ts';
import { openPairedPoster, posterText, type PosterPage } from '../../support/poster-page.ts';
import { DIST_DIR, startTestApp, type TestApp } from '../../support/test-app.ts';
import { removeDir, tempDataDir } from './fleet.ts';
import { seedPosterSchool, type PosterSchool } from './seed.ts';

export interface PosterWorld {
  t: TestApp;
  school: PosterSchool;
  poster: PosterPage;
  /** A run of the text the poster shows for its class today (whitespace collapsed). */
  shown: string;
  close(): Promise<void>;
}

export async function openPosterWorld(): Promise<PosterWorld> {
  await buildIfStale();
  const dataDir = tempDataDir();
  const school = await seedPosterSchool(dataDir, 0);
  const t = await startTestApp({ dataDir, staticDir: DIST_DIR });
  const poster = await openPairedPoster(t, school.cookie, [school.classId], { viewport: { width: 1280, height: 720 } });
  // The card's text once the state has come: today's prompt, or what the day shows instead.
  let card = '';
  for (let i = 0; i < 100 && card.length < 40; i++) {
    card = (await posterText(poster.page)).cards[0] ?? '';
    if (card.length < 40) await new Promise((r) => setTimeout(r, 100));
  }
  if (card.length < 40) throw new Error(`the poster shows no card text: "${card}"`);
  return {
    t, school, poster, shown: card.slice(0, 60).trim(),
    async close() {
      await poster.close();
      await t.close();
      removeDir(dataDir);
    },
  };
}

/** Relaunches a kiosk profile, optionally with the network off. */
export async function launchProfile(profile: string, offline: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 720 }, offline,
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

/**
 * Navigates and returns the page's own clock (ms since navigation start) at the first
 * animation frame whose DOM holds `text`, shadow roots included: the frame it is painted in.
 */
export async function timeToText(page: Page, url: string, text: string, timeoutMs = 20_000): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  // No named helpers inside: tsx would wrap them in a __name() that the page does not have.
  const handle = await page.waitForFunction((wanted: string) => {
    const roots: (Element | ShadowRoot)[] = [document.documentElement];
    for (let i = 0; i < roots.length; i++) {
      if ((roots[i]!.textContent ?? '').replace(/\s+/g, ' ').includes(wanted)) return performance.now();
      for (const el of roots[i]!.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    }
    return false;
  }, text, { polling: 'raf', timeout: timeoutMs });
  return (await handle.jsonValue()) as number;
}

/** Once the service worker controls the page, an offline reload can be served from its cache. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 20_000 });
}
