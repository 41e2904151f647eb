/**
 * Sync storm: 50 club tablets reconnect at the same moment, each with 200 queued logs,
 * sent in batches of 50. Acked, durable logs per second against two baselines of the
 * same run: a Socket.IO server with the same handler minus storage (transport only),
 * and raw better-sqlite3 writing the same rows in transactions of 50 (the storage
 * limit). Afterwards the rows are counted: every acked log stored, none twice.
 */
import { join } from 'node:path';
import { openDatabase } from '../../server/storage/sqlite-storage.ts';
import { countStored } from './lib/faults.ts';
import { removeDir, startAppHost, startTransportHost, tempDataDir, urlOf } from './lib/fleet.ts';
import { wallNow } from './lib/ipc.ts';
import type { Row } from './lib/report.ts';
import { DB_FILE, seedClubTablets, type Tablet } from './lib/seed.ts';
import { median } from './lib/stats.ts';
import { BATCH, runStorm } from './lib/storm.ts';

/** The storage limit: the same rows, in transactions of 50, straight into SQLite with the app's settings. */
function rawSqliteRowsPerSecond(dataDir: string, tablets: Tablet[]): number {
  const db = openDatabase(join(dataDir, DB_FILE));
  const insert = db.prepare(`INSERT INTO participation
    (id, school_id, class_id, child_id, date, mode, partner_child_ids, staff_name, tags, note, logged_by, created_at)
    VALUES (@id, @schoolId, @classId, @childId, @date, @mode, @partners, @staffName, @tags, @note, @loggedBy, @createdAt)
    ON CONFLICT (id) DO NOTHING`);
  const batch = db.transaction((rows: Record<string, unknown>[]) => {
    for (const r of rows) insert.run(r);
  });
  const now = Date.now();
  const batches = tablets.flatMap((t) => {
    const rows = t.entries.map((e) => ({
      ...e, schoolId: t.schoolId, classId: t.classOf[e.childId], partners: JSON.stringify(e.partnerChildIds),
      tags: JSON.stringify(e.tags), loggedBy: `tablet: ${t.label}`, createdAt: now,
    }));
    return Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) => rows.slice(i * BATCH, (i + 1) * BATCH));
  });
  const t0 = wallNow();
  for (const rows of batches) batch(rows);
  const ms = wallNow() - t0;
  db.close();
  return (batches.flat().length / ms) * 1000;
}

export interface StormRun { app: number; transport: number; rawSqlite: number; serial: number; lost: number; duplicated: number; missing: number; refused: number }

export async function stormOnce(tabletCount: number, logs: number): Promise<StormRun> {
  const dirs = [tempDataDir(), tempDataDir()];
  try {
    const tablets = await seedClubTablets(dirs[0]!, tabletCount, logs);
    const total = tabletCount * logs;

    // BENCH_PROFILE=<dir>: CPU profiles of both servers over the storm only.
    const profileDir = process.env.BENCH_PROFILE;
    const app = await startAppHost(dirs[0]!);
    if (profileDir) await app.request('profileStart');
    const ours = await runStorm(urlOf(app), tablets).finally(async () => {
      if (profileDir) await app.request('profileStop', `${profileDir}/storm-app.cpuprofile`);
      await app.stop();
    });
    const stored = countStored(dirs[0]!, ours.acked);

    const transportHost = await startTransportHost();
    if (profileDir) await transportHost.request('profileStart');
    const transport = await runStorm(urlOf(transportHost), tablets).finally(async () => {
      if (profileDir) await transportHost.request('profileStop', `${profileDir}/storm-transport.cpuprofile`);
      await transportHost.stop();
    });

    const rawTablets = await seedClubTablets(dirs[1]!, tabletCount, logs);
    const rawSqlite = rawSqliteRowsPerSecond(dirs[1]!, rawTablets);

    const transportRate = (transport.acked.size / transport.ms) * 1000;
    return {
      app: (ours.acked.size / ours.ms) * 1000,
      transport: transportRate,
      rawSqlite,
      serial: 1 / (1 / transportRate + 1 / rawSqlite),
      lost: stored.lost,
      duplicated: stored.rows - stored.distinct,
      // Logs neither acked nor refused: a tablet that gave up (none should here).
      missing: total - ours.acked.size - ours.refused,
      refused: ours.refused,
    };
  } finally {
    for (const d of dirs) removeDir(d);
  }
}

export async function syncStorm(options: { tablets: number; logs: number; runs: number; aim: number }): Promise<Row[]> {
  const runs: StormRun[] = [];
  for (let r = 0; r < options.runs; r++) runs.push(await stormOnce(options.tablets, options.logs));
  const med = (k: keyof StormRun) => median(runs.map((r) => r[k]));
  const worst = (k: keyof StormRun) => Math.max(...runs.map((r) => r[k]));
  const scenario = `sync storm ${options.tablets}×${options.logs}`;
  const ratio = med('app') / med('transport');
  console.log(`  sync storm: ${med('app').toFixed(0)} logs/s vs transport-only ${med('transport').toFixed(0)} (${ratio.toFixed(2)}×), raw SQLite ${med('rawSqlite').toFixed(0)} rows/s; lost ${worst('lost')}, duplicated ${worst('duplicated')}, missing ${worst('missing')}`);
  return [
    {
      scenario, measure: 'acked durable logs per second', unit: 'logs/s', ours: med('app'), baseline: med('transport'), baselineName: 'transport only',
      aim: `ratio ≥ ${options.aim}`, met: ratio >= options.aim, detail: { runs },
    },
    { scenario, measure: 'against the storage limit', unit: 'logs/s', ours: med('app'), baseline: med('rawSqlite'), baselineName: 'raw better-sqlite3' },
    // Parsing and SQLite share one thread: at best their times add up.
    { scenario, measure: 'against transport and storage in series', unit: 'logs/s', ours: med('app'), baseline: med('serial'), baselineName: '1/(1/transport + 1/storage)' },
    { scenario, measure: 'acked logs lost (worst run)', unit: '', ours: worst('lost'), baseline: null, aim: '0', met: worst('lost') === 0 },
    { scenario, measure: 'logs stored twice (worst run)', unit: '', ours: worst('duplicated'), baseline: null, aim: '0', met: worst('duplicated') === 0 },
    { scenario, measure: 'logs neither acked nor refused', unit: '', ours: worst('missing'), baseline: null, aim: '0', met: worst('missing') === 0 },
  ];
}
