/**
 * Connections: memory per idle display connection, heap and RSS after a full GC in the
 * server process, before and after N displays connect (each with its own device token,
 * each resynced), against a raw `ws` server holding N raw clients, and beside a bare
 * Socket.IO server with the app's options (what Socket.IO itself costs). At each size a
 * few pushes also show that every display of one process is reachable.
 */
import { removeDir, startAppHost, startFleet, startRawWsHost, startTransportHost, tempDataDir, urlOf, type Host } from './lib/fleet.ts';
import { openControl, openTeacher, timed, type Trigger } from './lib/publisher.ts';
import type { Row } from './lib/report.ts';
import { seedPosterSchool } from './lib/seed.ts';
import { median } from './lib/stats.ts';

type Memory = { heapUsed: number; rss: number };

interface Held {
  heapPerDisplay: number;
  rssPerDisplay: number;
  connectMs: number;
  pushMs: number;
}

/** Memory of `n` idle displays on `host`; then, if given a trigger, five pushes to all of them. */
async function hold(host: Host, kind: 'sio' | 'ws', n: number, trigger?: () => Promise<Trigger>): Promise<Held> {
  // A few connections first, so that code and caches warmed by the first ones are in the baseline.
  const warm = await startFleet(kind, urlOf(host), 20, { processes: 1 });
  await warm.connect();
  await warm.close();
  const before = await host.request<Memory>('memory');
  const fleet = await startFleet(kind, urlOf(host), n);
  try {
    const connectMs = await fleet.connect();
    const after = await host.request<Memory>('memory');
    const pushes: number[] = [];
    if (trigger) {
      const t = await trigger();
      for (let i = 0; i < 5; i++) pushes.push(await timed(fleet, t));
      t.close();
    }
    return {
      heapPerDisplay: (after.heapUsed - before.heapUsed) / n,
      rssPerDisplay: (after.rss - before.rss) / n,
      connectMs,
      pushMs: pushes.length ? median(pushes) : Number.NaN,
    };
  } finally {
    await fleet.close();
  }
}

export async function connectionsAt(n: number): Promise<{ app: Held; raw: Held; bare: Held }> {
  const raw = await startRawWsHost();
  let rawHeld: Held;
  try {
    // A payload the size of a class's week of prompts.
    await raw.request('payload', JSON.stringify(['display:class', { sample: 'x'.repeat(2500) }]));
    rawHeld = await hold(raw, 'ws', n, () => openControl(urlOf(raw)));
  } finally {
    await raw.stop();
  }
  // Socket.IO with the app's options and nothing behind it: the floor the app stands on.
  const bareHost = await startTransportHost();
  let bare: Held;
  try {
    bare = await hold(bareHost, 'sio', n);
  } finally {
    await bareHost.stop();
  }
  const dir = tempDataDir();
  const school = await seedPosterSchool(dir, n);
  const app = await startAppHost(dir);
  try {
    const appHeld = await hold(app, 'sio', n, () => openTeacher(urlOf(app), school));
    return { app: appHeld, raw: rawHeld, bare };
  } finally {
    await app.stop();
    removeDir(dir);
  }
}

export async function connections(options: { sizes: number[]; heapAimKb: number }): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of options.sizes) {
    const m = await connectionsAt(n);
    const kb = (b: number) => b / 1024;
    const scenario = `connections ${n}`;
    rows.push({
      scenario, measure: 'heap per idle display', unit: 'KB', ours: kb(m.app.heapPerDisplay), baseline: kb(m.raw.heapPerDisplay), baselineName: 'raw ws',
      aim: `≤ ${options.heapAimKb} KB`, met: kb(m.app.heapPerDisplay) <= options.heapAimKb, detail: m as unknown as Record<string, unknown>,
    });
    rows.push({ scenario, measure: 'heap per idle display, vs bare Socket.IO', unit: 'KB', ours: kb(m.app.heapPerDisplay), baseline: kb(m.bare.heapPerDisplay), baselineName: 'Socket.IO, same options' });
    rows.push({ scenario, measure: 'RSS per idle display', unit: 'KB', ours: kb(m.app.rssPerDisplay), baseline: kb(m.raw.rssPerDisplay), baselineName: 'raw ws' });
    rows.push({ scenario, measure: `push to all ${n} (median of 5)`, unit: 'ms', ours: m.app.pushMs, baseline: m.raw.pushMs, baselineName: 'raw ws' });
    console.log(`  connections ${n}: heap ${kb(m.app.heapPerDisplay).toFixed(2)} KB vs raw ${kb(m.raw.heapPerDisplay).toFixed(2)} KB, bare Socket.IO ${kb(m.bare.heapPerDisplay).toFixed(2)} KB; RSS ${kb(m.app.rssPerDisplay).toFixed(2)} vs ${kb(m.raw.rssPerDisplay).toFixed(2)} KB; connect ${m.app.connectMs.toFixed(0)} / ${m.raw.connectMs.toFixed(0)} ms`);
  }
  return rows;
}
