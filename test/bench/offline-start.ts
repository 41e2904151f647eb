/**
 * Offline cold start: the poster's own kiosk profile, closed and relaunched with the
 * network off, from navigation to the prompt painted (the page's clock at the first
 * frame that holds the text). Baseline: a static page with the same text, precached by
 * a minimal service worker, in a profile of its own, relaunched offline the same way.
 * Launches alternate between the two.
 */
import { createServer } from 'node:http';
import { tempDir } from '../support/test-app.ts';
import { removeDir } from './lib/fleet.ts';
import { launchProfile, timeToText, waitForServiceWorker, type PosterWorld } from './lib/poster-world.ts';
import type { Row } from './lib/report.ts';
import { median } from './lib/stats.ts';

/** The baseline: one HTML page and a service worker that precaches it. */
async function startStaticSite(text: string): Promise<{ url: string; close(): Promise<void> }> {
  const files: Record<string, [string, string]> = {
    '/': ['text/html; charset=utf-8', `<!doctype html><html lang="en"><meta charset="utf-8"><title>Poster</title><p>${text.replace(/</g, '&lt;')}</p><script src="/register.js"></script></html>`],
    '/register.js': ['text/javascript', "navigator.serviceWorker.register('/sw.js');"],
    '/sw.js': ['text/javascript', `
      self.addEventListener('install', (e) => e.waitUntil(caches.open('static').then((c) => c.addAll(['/', '/register.js'])).then(() => self.skipWaiting())));
      self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
      self.addEventListener('fetch', (e) => e.respondWith(caches.match(e.request).then((r) => r || fetch(e.request))));`],
  };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

export async function offlineStart(world: PosterWorld, runs: number, aimRatio: number): Promise<Row[]> {
  // The poster: controlled by its service worker and holding its state in IndexedDB, then closed.
  await waitForServiceWorker(world.poster.page);
  await timeToText(world.poster.page, world.t.url, world.shown);
  await world.poster.context.close();

  const site = await startStaticSite(world.shown);
  const staticProfile = tempDir('lc-static-profile-');
  try {
    const first = await launchProfile(staticProfile, false);
    await first.page.goto(site.url);
    await waitForServiceWorker(first.page);
    await first.context.close();

    const app: number[] = [];
    const raw: number[] = [];
    const once = async (profile: string, url: string) => {
      const { context, page } = await launchProfile(profile, true);
      try {
        return await timeToText(page, url, world.shown);
      } finally {
        await context.close();
      }
    };
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        app.push(await once(world.poster.profile, world.t.url));
        raw.push(await once(staticProfile, site.url));
      } else {
        raw.push(await once(staticProfile, site.url));
        app.push(await once(world.poster.profile, world.t.url));
      }
    }
    const ratio = median(app) / median(raw);
    console.log(`  offline cold start: ${median(app).toFixed(0)} ms vs static ${median(raw).toFixed(0)} ms (${ratio.toFixed(2)}×); runs ${app.map((x) => x.toFixed(0)).join('/')} vs ${raw.map((x) => x.toFixed(0)).join('/')}`);
    return [{
      scenario: 'offline cold start', measure: 'navigation → prompt painted (median)', unit: 'ms', ours: median(app), baseline: median(raw),
      baselineName: 'static precached page', aim: `ratio ≤ ${aimRatio}`, met: ratio <= aimRatio, detail: { app, static: raw },
    }];
  } finally {
    await site.close();
    removeDir(staticProfile);
  }
}
