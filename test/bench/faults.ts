/**
 * The fault drills at full size (test/integration/faults.test.ts runs them small):
 * SIGKILL in a 50-tablet sync storm, a restart under 1,000 screens, and 10,000 fuzzed
 * calls against the server in its own process, so that a crash shows as an exit.
 */
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { killDuringStorm, restartUnderScreens } from './lib/faults.ts';
import { removeDir, startAppHost, tempDataDir, urlOf } from './lib/fleet.ts';
import { callOnce, fuzzCall, isResult } from './lib/fuzz.ts';
import type { Row } from './lib/report.ts';
import { posterToken, seedAdmin, seedClubTablets, seedPosterSchool, tabletToken } from './lib/seed.ts';
import { percentile } from './lib/stats.ts';

export async function killDrill(tablets: number, logs: number): Promise<Row[]> {
  const dir = tempDataDir();
  try {
    const d = await killDuringStorm(dir, tablets, logs, Math.floor((tablets * logs) / 3));
    const scenario = `SIGKILL in a storm ${tablets}×${logs}`;
    console.log(`  SIGKILL drill: killed after ${d.ackedBeforeKill} acks, ${d.cutOff} tablets cut off, ${d.inFlightStored} stored in flight; lost ${d.lostAtKill}; after resend ${d.rows} rows, ${d.distinct} distinct; restart ${d.restartMs.toFixed(0)} ms`);
    return [
      { scenario, measure: 'acked logs lost at the kill', unit: '', ours: d.lostAtKill, baseline: null, aim: '0', met: d.killed && d.lostAtKill === 0, detail: { ...d } },
      { scenario, measure: 'rows after resend (of logs sent)', unit: '', ours: d.rows, baseline: d.total, baselineName: 'logs', aim: `= ${d.total}, none twice`, met: d.rows === d.total && d.distinct === d.total && d.lostAfterResend === 0 },
    ];
  } finally {
    removeDir(dir);
  }
}

export async function restartDrill(screens: number): Promise<Row[]> {
  const dir = tempDataDir();
  try {
    const d = await restartUnderScreens(dir, screens, 15_000);
    const scenario = `restart under ${screens} screens`;
    console.log(`  restart drill: ${d.resynced}/${screens} resynced, last ${d.lastResyncMs.toFixed(0)} ms after the server was back (restart ${d.restartMs.toFixed(0)} ms); reconnects p10/p50/p90 ${d.p10.toFixed(0)}/${d.p50.toFixed(0)}/${d.p90.toFixed(0)} ms; busiest second ${(100 * d.busiestSecondShare).toFixed(0)}%, first second ${(100 * d.firstSecondShare).toFixed(0)}%`);
    return [
      { scenario, measure: 'last screen resynced after restart', unit: 'ms', ours: d.lastResyncMs, baseline: null, aim: '≤ 10000 ms, all', met: d.resynced === screens && d.lastResyncMs <= 10_000, detail: { ...d } },
      { scenario, measure: 'reconnects in the busiest second', unit: '%', ours: 100 * d.busiestSecondShare, baseline: null, aim: '< 60%', met: d.busiestSecondShare < 0.6 },
      { scenario, measure: 'reconnect spread p10 → p90', unit: 'ms', ours: d.p90 - d.p10, baseline: null, aim: '> 1000 ms', met: d.p90 - d.p10 > 1_000 },
    ];
  } finally {
    removeDir(dir);
  }
}

function connect(url: string, options: { cookie?: string; token?: string }): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'], forceNew: true, reconnection: false,
    auth: options.token ? { deviceToken: options.token, appVersion: 'bench' } : {},
    extraHeaders: options.cookie ? { cookie: options.cookie } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export async function fuzzDrill(calls: number): Promise<Row[]> {
  const dir = tempDataDir();
  await seedPosterSchool(dir, 1);
  await seedClubTablets(dir, 1, 0);
  const admin = await seedAdmin(dir);
  const host = await startAppHost(dir);
  let exited = false;
  host.proc.once('exit', () => (exited = true));
  const sockets = {
    admin: await connect(urlOf(host), { cookie: admin.cookie }),
    poster: await connect(urlOf(host), { token: posterToken(0) }),
    club: await connect(urlOf(host), { token: tabletToken(0) }),
  };
  try {
    const samples = fc.sample(fuzzCall, calls);
    let answered = 0;
    let results = 0;
    const ms: number[] = [];
    const who = Object.values(sockets);
    for (const [i, c] of samples.entries()) {
      const r = await callOnce(who[i % who.length]!, c, 5_000);
      if (r.answered) answered++;
      if (isResult(r.result)) results++;
      ms.push(r.ms);
    }
    const alive = !exited && who.every((s) => s.connected);
    console.log(`  fuzz: ${calls} calls, ${answered} answered, ${results} Results, server ${alive ? 'up' : 'DOWN'}; ack p99 ${percentile(ms, 99).toFixed(1)} ms, max ${Math.max(...ms).toFixed(0)} ms`);
    return [{
      scenario: `fuzz ${calls} calls`, measure: 'calls answered with a Result', unit: '', ours: results, baseline: calls, baselineName: 'calls',
      aim: 'all, server up', met: results === calls && alive, detail: { answered, ackP99Ms: percentile(ms, 99), ackMaxMs: Math.max(...ms) },
    }];
  } finally {
    for (const s of Object.values(sockets)) s.disconnect();
    await host.stop();
    removeDir(dir);
  }
}
