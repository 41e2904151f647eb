/** Reads the configuration, opens the storage and listens. Everything else is in createApp. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { systemClock } from './clock.ts';
import { ConfigError, readConfig } from './config.ts';
import { openSqliteStorage } from './storage/sqlite-storage.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };

export async function main(env = process.env): Promise<void> {
  let config;
  try {
    config = readConfig(env, { staticDir: `${root}dist`, appVersion: version });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(2);
  }
  const storage = openSqliteStorage(config.dataDir);
  const app = createApp({ config, storage, clock: systemClock });
  const port = await app.listen(config.port, config.host);
  const base = config.publicUrl ?? `http://localhost:${port}`;
  const { school, link } = await bootstrap(storage, app.services.identity, systemClock, config, base);
  // A school made by this first start was not there when listen() set the midnight pushes.
  app.rollover.schedule(school);

  console.log(`Learning Conversations ${version} for ${school.name}`);
  console.log(`  Teacher view:    ${base}/`);
  console.log(`  Pair a screen:   open ${base}/ on the screen or tablet and choose "Pair this device"`);
  if (link?.kind === 'setup') console.log(`  First admin:     ${link.url}  (one-time setup link, expires in 24 hours)`);
  if (link?.kind === 'demo-login') console.log(`  Demo admin:      ${link.url}  (one-time login link)`);
  console.log(`  Data folder:     ${config.dataDir}`);

  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
