/**
 * `npm start`: build the client if the build is missing or older than its sources,
 * then run the server. One command on a fresh machine.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['client', 'shared', 'public', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export async function buildIfStale(): Promise<void> {
  const built = join(root, 'dist', 'index.html');
  const stale = !existsSync(built) || statSync(built).mtimeMs < Math.max(...SOURCES.map((s) => newestMtime(join(root, s))));
  if (!stale) return;
  console.log('Building the client…');
  const { build } = await import('vite');
  // Always a production build (Lit's dev mode off), even when called from a test run with NODE_ENV=test.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = previous;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildIfStale();
  const { main } = await import('./main.ts');
  await main();
}
