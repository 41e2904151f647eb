/**
 * The fault drills, shared by test/integration/faults.test.ts (small) and the bench
 * (full size): the real server (`server/main.ts` as a child process) killed in the
 * middle of a sync storm, or restarted under connected screens.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ServerProcess, freePort } from '../../support/server-process.ts';
import { startFleet } from './fleet.ts';
import { wallNow } from './ipc.ts';
import { DB_FILE, seedClubTablets, seedPosterSchool } from './seed.ts';
import { percentile } from './stats.ts';
import { runStorm } from './storm.ts';

/** What the database holds: rows, distinct ids, and how many of `acked` are missing. */
export function countStored(dataDir: string, acked: Set<string>): { rows: number; distinct: number; lost: number } {
  const db = new Database(join(dataDir, DB_FILE), { readonly: true });
  try {
    const ids = db.prepare('SELECT id FROM participation').pluck().all() as string[];
    const stored = new Set(ids);
    let lost = 0;
    for (const id of acked) if (!stored.has(id)) lost++;
    return { rows: ids.length, distinct: stored.size, lost };
  } finally {
    db.close();
  }
}

export async function startServer(dataDir: string): Promise<ServerProcess> {
  const server = new ServerProcess(dataDir, await freePort());
  await server.start();
  return server;
}

export interface KillDrill {
  total: number;
  killed: boolean;
  /** Tablets whose connection or answer was lost at the kill. */
  cutOff: number;
  ackedBeforeKill: number;
  /** Acked before the kill but not in the database after it: must be 0. */
  lostAtKill: number;
  /** Stored at the kill without an ack (in flight): the resend must not store them again. */
  inFlightStored: number;
  ackedAfterResend: number;
  rows: number;
  distinct: number;
  lostAfterResend: number;
  restartMs: number;
}

/** `tablets` tablets with `logs` logs each; SIGKILL once `killAfter` logs are acked; restart; resend what was not acked. */
export async function killDuringStorm(dataDir: string, tablets: number, logs: number, killAfter: number): Promise<KillDrill> {
  const outboxes = await seedClubTablets(dataDir, tablets, logs);
  const server = await startServer(dataDir);
  try {
    let killed = false;
    const first = await runStorm(server.url, outboxes, {
      timeoutMs: 5_000,
      onAcked: (n) => {
        if (!killed && n >= killAfter) {
          killed = true;
          server.killNow('SIGKILL');
        }
      },
    });
    await server.waitForExit();
    const atKill = countStored(dataDir, first.acked);
    const t0 = wallNow();
    await server.start();
    const restartMs = wallNow() - t0;
    // Each tablet resends what it had no positive ack for, in-flight batches included.
    const resend = await runStorm(server.url, outboxes, { outbox: (t) => t.entries.filter((e) => !first.acked.has(e.id)) });
    await server.kill('SIGTERM');
    const acked = new Set([...first.acked, ...resend.acked]);
    const after = countStored(dataDir, acked);
    return {
      total: tablets * logs, killed, cutOff: first.failedTablets, ackedBeforeKill: first.acked.size,
      lostAtKill: atKill.lost, inFlightStored: atKill.rows - (first.acked.size - atKill.lost),
      ackedAfterResend: acked.size, rows: after.rows, distinct: after.distinct, lostAfterResend: after.lost, restartMs,
    };
  } finally {
    await server.kill('SIGKILL');
  }
}

export interface RestartDrill {
  screens: number;
  /** From the server answering again to the last screen's state. */
  lastResyncMs: number;
  resynced: number;
  /** Reconnect times, ms after the server answered again. */
  p10: number;
  p50: number;
  p90: number;
  /** The largest share of reconnects in any one second. */
  busiestSecondShare: number;
  /** Share of reconnects in the first second after the server answered. */
  firstSecondShare: number;
  restartMs: number;
}

/** `screens` poster screens (the product's Connection) on the real server; SIGTERM, start again, watch them come back. */
export async function restartUnderScreens(dataDir: string, screens: number, deadlineMs = 12_000): Promise<RestartDrill> {
  await seedPosterSchool(dataDir, screens);
  const server = await startServer(dataDir);
  const fleet = await startFleet('sio', server.url, screens, { reconnect: true });
  try {
    await fleet.connect();
    const down = wallNow();
    await server.kill('SIGTERM');
    await server.start();
    const up = wallNow();
    let seen = await fleet.since(down);
    while (seen.states.some((s) => s.length === 0) && wallNow() - up < deadlineMs) {
      await new Promise((r) => setTimeout(r, 200));
      seen = await fleet.since(down);
    }
    const resyncs = seen.states.filter((s) => s.length > 0).map((s) => s[0]!);
    const connects = seen.connects.filter((c) => c.length > 0).map((c) => c[0]! - up).sort((a, b) => a - b);
    const inWindow = (t: number) => connects.filter((u) => u >= t && u < t + 1_000).length;
    return {
      screens, resynced: resyncs.length,
      lastResyncMs: resyncs.length === screens ? Math.max(...resyncs) - up : Number.POSITIVE_INFINITY,
      p10: percentile(connects, 10), p50: percentile(connects, 50), p90: percentile(connects, 90),
      busiestSecondShare: Math.max(...connects.map(inWindow)) / screens,
      firstSecondShare: connects.filter((t) => t < 1_000).length / screens,
      restartMs: up - down,
    };
  } finally {
    await fleet.close();
    await server.kill('SIGKILL');
  }
}
