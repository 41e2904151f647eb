/**
 * Poster bundle: the gzip size of every script a paired poster's page fetches on a
 * fresh load (modules, preloads and lazy chunks, as Chromium requests them), sized from
 * the built files with zlib's default level. The service worker's own scripts are
 * listed beside it: the browser fetches them once, not on every load.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST_DIR } from '../support/test-app.ts';
import type { PosterWorld } from './lib/poster-world.ts';
import { timeToText } from './lib/poster-world.ts';
import type { Row } from './lib/report.ts';

const gzipKb = (path: string): number => gzipSync(readFileSync(path)).length / 1024;

export async function posterBundle(world: PosterWorld, aimKb: number): Promise<Row[]> {
  const { page } = world.poster;
  const scripts = new Set<string>();
  const onRequest = (req: { resourceType(): string; url(): string }) => {
    if (req.resourceType() === 'script') scripts.add(new URL(req.url()).pathname);
  };
  page.on('request', onRequest);
  await timeToText(page, world.t.url, world.shown);
  // Lazy chunks the view imports after its first paint count too.
  await page.waitForLoadState('networkidle');
  page.off('request', onRequest);

  const files = [...scripts].sort().map((p) => ({ path: p, gzipKb: gzipKb(join(DIST_DIR, p)) }));
  const total = files.reduce((s, f) => s + f.gzipKb, 0);
  const worker = readdirSync(DIST_DIR).filter((f) => f === 'sw.js' || /^workbox-.*\.js$/.test(f)).map((f) => ({ path: `/${f}`, gzipKb: gzipKb(join(DIST_DIR, f)) }));
  console.log(`  poster bundle: ${total.toFixed(1)} KB gzip in ${files.length} scripts (${files.map((f) => `${f.path} ${f.gzipKb.toFixed(1)}`).join(', ')}); service worker ${worker.reduce((s, f) => s + f.gzipKb, 0).toFixed(1)} KB`);
  return [
    { scenario: 'poster bundle', measure: 'JS a poster loads (gzip)', unit: 'KB', ours: total, baseline: null, aim: `≤ ${aimKb} KB`, met: total <= aimKb, detail: { files, worker } },
    { scenario: 'poster bundle', measure: 'service worker scripts (gzip, once)', unit: 'KB', ours: worker.reduce((s, f) => s + f.gzipKb, 0), baseline: null },
  ];
}
