/**
 * Fan-out: a teacher publishes and N poster screens receive `display:class`. Time from
 * the publish (just before the teacher's emit) to the last screen's receipt, against a
 * raw `ws` server sending the same payload to N raw clients when told "go". Publishes
 * alternate between the two servers so that both see the same noisy machine.
 */
import { removeDir, startAppHost, startFleet, startRawWsHost, tempDataDir, urlOf } from './lib/fleet.ts';
import { openControl, openTeacher, timed, type Trigger } from './lib/publisher.ts';
import type { Row } from './lib/report.ts';
import { seedPosterSchool } from './lib/seed.ts';
import { median, percentile } from './lib/stats.ts';

export interface FanoutOptions {
  sizes: number[];
  /** Blocks of publishes; the figure is the median of the blocks' p50 (and p99). */
  runs: number;
  publishesPerRun: number;
  /** Aim on the p50 ratio, by size. */
  aims: Record<number, number>;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function fanoutAt(n: number, runs: number, publishes: number): Promise<{ app: number[][]; raw: number[][]; connectMs: { app: number; raw: number }; payloadBytes: number }> {
  const dir = tempDataDir();
  const school = await seedPosterSchool(dir, n);
  const [app, raw] = await Promise.all([startAppHost(dir), startRawWsHost()]);
  const sio = await startFleet('sio', urlOf(app), n);
  const ws = await startFleet('ws', urlOf(raw), n);
  const triggers: Trigger[] = [];
  try {
    const connectMs = { app: await sio.connect(), raw: await ws.connect() };
    const publish = await openTeacher(urlOf(app), school);
    const go = await openControl(urlOf(raw));
    triggers.push(publish, go);

    // The first publish shows what a screen receives; the baseline sends exactly that.
    const first = sio.next();
    publish.fire();
    const sample = (await first).sample ?? '';
    await raw.request('payload', sample);

    for (let i = 0; i < 3; i++) {
      await timed(sio, publish);
      await timed(ws, go);
    }
    const out = { app: [] as number[][], raw: [] as number[][] };
    // BENCH_PROFILE=<dir>: CPU profiles of both servers over the measured publishes only.
    const profileDir = process.env.BENCH_PROFILE;
    if (profileDir) await Promise.all([app.request('profileStart'), raw.request('profileStart'), sio.profile('start'), ws.profile('start')]);
    for (let r = 0; r < runs; r++) {
      const a: number[] = [];
      const b: number[] = [];
      for (let p = 0; p < publishes; p++) {
        // Alternate which goes first, so neither always follows the other's garbage.
        if (p % 2 === 0) {
          a.push(await timed(sio, publish));
          await pause(30);
          b.push(await timed(ws, go));
        } else {
          b.push(await timed(ws, go));
          await pause(30);
          a.push(await timed(sio, publish));
        }
        await pause(30);
      }
      out.app.push(a);
      out.raw.push(b);
    }
    if (profileDir) {
      await app.request('profileStop', `${profileDir}/fanout-${n}-app.cpuprofile`);
      await raw.request('profileStop', `${profileDir}/fanout-${n}-raw.cpuprofile`);
      await sio.profile('stop', `${profileDir}/fanout-${n}-sio-client`);
      await ws.profile('stop', `${profileDir}/fanout-${n}-ws-client`);
    }
    return { ...out, connectMs, payloadBytes: Buffer.byteLength(sample) };
  } finally {
    for (const t of triggers) t.close();
    await Promise.all([sio.close(), ws.close()]);
    await Promise.all([app.stop(), raw.stop()]);
    removeDir(dir);
  }
}

export async function fanout(options: FanoutOptions): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of options.sizes) {
    const m = await fanoutAt(n, options.runs, options.publishesPerRun);
    const p50 = (runs: number[][]) => median(runs.map((r) => median(r)));
    const p99 = (runs: number[][]) => median(runs.map((r) => percentile(r, 99)));
    const aim = options.aims[n];
    const ratio = p50(m.app) / p50(m.raw);
    const detail = { runs: m, displays: n };
    rows.push({
      scenario: `fan-out ${n}`, measure: 'publish → last receipt p50', unit: 'ms',
      ours: p50(m.app), baseline: p50(m.raw), baselineName: 'raw ws',
      ...(aim ? { aim: `ratio ≤ ${aim}`, met: ratio <= aim } : {}), detail,
    });
    rows.push({ scenario: `fan-out ${n}`, measure: 'publish → last receipt p99', unit: 'ms', ours: p99(m.app), baseline: p99(m.raw), baselineName: 'raw ws' });
    console.log(`  fan-out ${n}: p50 ${p50(m.app).toFixed(1)} ms vs raw ${p50(m.raw).toFixed(1)} ms (${ratio.toFixed(2)}×), payload ${m.payloadBytes} B, connect ${m.connectMs.app.toFixed(0)} ms / ${m.connectMs.raw.toFixed(0)} ms`);
  }
  return rows;
}
