/**
 * A club tablet in Node: a reconnecting socket with the tablet's token, and the real outbox
 * protocol (client/state/outbox-core.ts) over a memory store, flushing on every (re)connect
 * as the browser's outbox-sync.ts does.
 */
import { io, type Socket } from 'socket.io-client';
import { OutboxCore, type LogTransport } from '../../client/state/outbox-core.ts';
import type { ClientToServerEvents, LogReport, ServerToClientEvents } from '../../shared/events.ts';
import type { Result } from '../../shared/result.ts';
import type { ParticipationEntry } from '../../shared/schemas.ts';
import { MemoryOutboxStore } from './memory-outbox-store.ts';

export type TabletSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const unavailable: Result<never> = { ok: false, error: { code: 'unavailable', message: 'Offline' } };

export function socketTransport(socket: TabletSocket, timeoutMs = 5_000): LogTransport {
  return async (entries: ParticipationEntry[]) => {
    if (!socket.connected) return unavailable;
    try {
      const timed = socket.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<Result<LogReport>> };
      return await timed.emitWithAck('participation:log', { entries });
    } catch {
      return unavailable;
    }
  };
}

export function nodeTablet(url: string, token: string, options: { batchSize?: number; wrap?: (send: LogTransport) => LogTransport } = {}) {
  const socket: TabletSocket = io(url, {
    transports: ['websocket'], forceNew: true, auth: { deviceToken: token, appVersion: 'test' },
    reconnectionDelay: 100, reconnectionDelayMax: 400, randomizationFactor: 0,
  });
  const send = socketTransport(socket);
  const store = new MemoryOutboxStore();
  const core = new OutboxCore(store, options.wrap ? options.wrap(send) : send, { batchSize: options.batchSize });
  socket.on('connect', () => void core.flush());
  return { socket, core, store, send, close: () => void socket.disconnect() };
}

/** Resolves once `check` holds, polling; fails with `what` after the timeout. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
