/**
 * A sync storm: club tablets come back online at the same moment, each with an outbox
 * of queued logs, and send it in batches of 50, one batch after another, as the club
 * view's outbox does. A log counts as acked only when the server's answer lists it as
 * accepted: that is the moment the tablet deletes it from its outbox.
 */
import { io, type Socket } from 'socket.io-client';
import type { ParticipationEntry } from '../../../shared/schemas.ts';
import { wallNow } from './ipc.ts';
import type { Tablet } from './seed.ts';

export const BATCH = 50;

export interface StormResult {
  acked: Set<string>;
  refused: number;
  /** Tablets that lost their connection or an answer (expected when the server is killed). */
  failedTablets: number;
  /** From the first connect to the last answer. */
  ms: number;
}

interface LogReport { accepted: string[]; refused: { id: string }[] }

function connect(url: string, token: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { deviceToken: token, appVersion: 'bench' } });
  return new Promise((resolve, reject) => {
    const fail = (why: unknown) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(why instanceof Error ? why : new Error(String(why)));
    };
    // A server killed in the middle of the handshake closes without a connect_error.
    const timer = setTimeout(() => fail('no connection in 10 s'), 10_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('connect_error', fail).off('disconnect', fail);
      resolve(socket);
    });
    socket.once('connect_error', fail);
    socket.once('disconnect', fail);
  });
}

/** Sends each tablet's `outbox` (default: all its entries); `onAcked` sees the running total. */
export async function runStorm(url: string, tablets: Tablet[], options: { outbox?: (t: Tablet) => ParticipationEntry[]; onAcked?: (total: number) => void; timeoutMs?: number } = {}): Promise<StormResult> {
  const acked = new Set<string>();
  let refused = 0;
  let failedTablets = 0;
  const t0 = wallNow();
  let last = t0;
  await Promise.all(tablets.map(async (tablet) => {
    const outbox = options.outbox?.(tablet) ?? tablet.entries;
    let socket: Socket | null = null;
    try {
      socket = await connect(url, tablet.token);
      for (let i = 0; i < outbox.length; i += BATCH) {
        const r = await (socket.timeout(options.timeoutMs ?? 10_000).emitWithAck('participation:log', { entries: outbox.slice(i, i + BATCH) }) as Promise<{ ok: boolean; data?: LogReport }>);
        if (!r.ok || !r.data) throw new Error(`participation:log refused: ${JSON.stringify(r).slice(0, 200)}`);
        for (const id of r.data.accepted) acked.add(id);
        refused += r.data.refused.length;
        last = wallNow();
        options.onAcked?.(acked.size);
      }
    } catch {
      failedTablets++;
    } finally {
      socket?.disconnect();
    }
  }));
  return { acked, refused, failedTablets, ms: last - t0 };
}
