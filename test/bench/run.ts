/**
 * `npm run bench`: every scenario against its raw baseline in the same run, a table at
 * the end and the figures as JSON in bench-results/. `npm run bench -- fanout storm`
 * runs some of them; BENCH_QUICK=1 shrinks every size for a try-out. Scenario names:
 * fanout, connections, storm, poster (bundle, long run, offline start), faults.
 */
import { loadavg } from 'node:os';
import { connections } from './connections.ts';
import { fanout } from './fanout.ts';
import { fuzzDrill, killDrill, restartDrill } from './faults.ts';
import { longRun } from './long-run.ts';
import { offlineStart } from './offline-start.ts';
import { posterBundle } from './poster-bundle.ts';
import { openPosterWorld } from './lib/poster-world.ts';
import { machine, printTable, writeResults, type Row } from './lib/report.ts';
import { syncStorm } from './sync-storm.ts';

const quick = process.env.BENCH_QUICK === '1';
const size = <T>(full: T, small: T): T => (quick ? small : full);

const scenarios: Record<string, () => Promise<Row[]>> = {
  fanout: () => fanout({
    sizes: size([100, 1_000, 5_000], [100, 300]), runs: 3, publishesPerRun: size(10, 4), aims: { 1_000: 1.2, 5_000: 1.3 },
  }),
  connections: () => connections({ sizes: size([1_000, 10_000], [300]), heapAimKb: 6 }),
  storm: () => syncStorm({ tablets: size(50, 10), logs: 200, runs: 3, aim: 0.7 }),
  poster: async () => {
    const world = await openPosterWorld();
    try {
      // The offline start closes the poster's browser, so it comes last.
      return [...await posterBundle(world, 35), ...await longRun(world, size(10_000, 500), 1), ...await offlineStart(world, size(5, 3), 2)];
    } finally {
      await world.close();
    }
  },
  faults: async () => [...await killDrill(size(50, 10), 200), ...await restartDrill(size(1_000, 200)), ...await fuzzDrill(size(10_000, 600))],
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in scenarios));
if (unknown.length) {
  console.error(`unknown scenario ${unknown.join(', ')}; choose from ${Object.keys(scenarios).join(', ')}`);
  process.exit(2);
}

const startedAt = new Date();
const m = machine();
console.log(`bench ${startedAt.toISOString()} on ${m.nproc} cores (${m.cpu}), ${m.memGiB} GiB, Node ${m.node}; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}${quick ? ' (quick sizes)' : ''}`);
const rows: Row[] = [];
let failed = false;
for (const name of wanted.length ? wanted : Object.keys(scenarios)) {
  const t0 = Date.now();
  console.log(`\n${name}…`);
  try {
    rows.push(...await scenarios[name]!());
  } catch (err) {
    // One broken scenario should not hide the others' figures.
    failed = true;
    console.error(`  ${name} failed:`, err);
  }
  console.log(`  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
const durationMs = Date.now() - startedAt.getTime();
console.log('');
printTable(rows);
console.log(`\n${(durationMs / 1000).toFixed(0)} s in all; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; figures in ${writeResults(rows, startedAt, durationMs)}`);
process.exit(failed ? 1 : 0);
