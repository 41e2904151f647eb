/**
 * The real server, built the way server/main.ts builds it (createApp over SQLite in
 * BENCH_DATA_DIR), in a process of its own so that its heap and CPU are its own.
 * Start it with --expose-gc for memory figures.
 */
import { createApp } from '../../../server/app.ts';
import { systemClock } from '../../../server/clock.ts';
import { readConfig } from '../../../server/config.ts';
import { openSqliteStorage } from '../../../server/storage/sqlite-storage.ts';
import { memoryAfterGc, serveParent } from '../lib/ipc.ts';

const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir) throw new Error('BENCH_DATA_DIR is not set');
const config = readConfig({ DATA_DIR: dataDir, LC_EMPTY: '1' }, { staticDir: process.env.BENCH_STATIC_DIR || null, appVersion: 'bench' });
const app = createApp({ config, storage: openSqliteStorage(dataDir), clock: systemClock });
const port = await app.listen(Number(process.env.BENCH_PORT ?? 0));

serveParent({
  memory: () => memoryAfterGc(),
  clients: () => app.io.engine.clientsCount,
}, { port, pid: process.pid });
