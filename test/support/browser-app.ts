/** For an e2e file: the real app serving the built PWA, and one headless Chromium, for all its tests. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { DIST_DIR, startTestApp, type TestApp } from './test-app.ts';

export function useAppInBrowser(): { readonly t: TestApp; readonly browser: Browser } {
  const held: { t?: TestApp; browser?: Browser } = {};
  beforeAll(async () => {
    held.t = await startTestApp({ staticDir: DIST_DIR });
    held.browser = await launchBrowser();
  });
  afterAll(async () => {
    await held.browser?.close();
    await held.t?.close();
  });
  return {
    get t() { return held.t!; },
    get browser() { return held.browser!; },
  };
}
