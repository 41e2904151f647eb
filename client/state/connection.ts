/**
 * The one socket of this page. Views never touch it: they use `call` (every answer is
 * a Result, an unreachable server included) and `on` for typed pushes, and read
 * `status` / `offlineSince` through a ConnectionController.
 */
import { io, type Socket } from 'socket.io-client';
import type { AnswerOf, ClientEventName, ClientToServerEvents, PayloadOf, ServerToClientEvents } from '../../shared/events.ts';
import type { Result } from '../../shared/result.ts';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export interface ConnectionOptions {
  auth: { deviceToken?: string; unpaired?: boolean; appVersion?: string };
  /** Called when the server refuses this device's token (revoked or unknown). */
  onRefused?: () => void;
  url?: string;
}

export const APP_VERSION = '0.1.0';

/** Backoff with jitter: a thousand screens must not all knock at a restarted server at once (test/integration/faults.test.ts measures the spread). */
export const RECONNECT = { reconnectionDelay: 1_000, reconnectionDelayMax: 30_000, randomizationFactor: 0.5 } as const;

export class Connection extends EventTarget {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  status: ConnectionStatus = 'connecting';
  offlineSince: number | null = null;
  private readonly wake = () => this.reconnectSoon();
  private closed = false;

  constructor(options: ConnectionOptions) {
    super();
    this.socket = io(options.url ?? '', {
      auth: { appVersion: APP_VERSION, ...options.auth },
      transports: ['websocket', 'polling'],
      ...RECONNECT,
      withCredentials: true,
    });
    this.socket.on('connect', () => this.setStatus('online'));
    this.socket.on('disconnect', (reason) => {
      this.setStatus('offline');
      // Socket.IO gives up for good when the server hangs up on purpose, as it does on a restart:
      // come back after a jittered pause. (A revoked device hears device:revoked and closes first.)
      if (reason === 'io server disconnect') {
        setTimeout(() => {
          if (!this.closed && !this.socket.connected) this.socket.connect();
        }, RECONNECT.reconnectionDelay * (1 + 4 * Math.random()));
      }
    });
    this.socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      if (err.data?.code === 'unauthorised' && options.auth.deviceToken) options.onRefused?.();
      this.setStatus('offline');
    });
    this.socket.on('device:revoked', () => options.onRefused?.());
    window.addEventListener('online', this.wake);
    document.addEventListener('visibilitychange', this.wake);
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === 'offline' && this.status !== 'offline') this.offlineSince = Date.now();
    if (status === 'online') this.offlineSince = null;
    this.status = status;
    this.dispatchEvent(new Event('status'));
  }

  /** Back on Wi-Fi or back on screen: try now rather than wait out the backoff (with a little jitter). */
  private reconnectSoon(): void {
    if (document.visibilityState === 'hidden' || this.socket.connected) return;
    setTimeout(() => {
      if (!this.socket.connected) this.socket.connect();
    }, Math.random() * 2_000);
  }

  async call<E extends ClientEventName>(event: E, payload: PayloadOf<E>, timeoutMs = 10_000): Promise<Result<AnswerOf[E]>> {
    if (!this.socket.connected) return { ok: false, error: { code: 'unavailable', message: 'Offline' } };
    try {
      const timed = this.socket.timeout(timeoutMs) as unknown as { emitWithAck(e: string, p: unknown): Promise<Result<AnswerOf[E]>> };
      return await timed.emitWithAck(event, payload);
    } catch {
      return { ok: false, error: { code: 'unavailable', message: 'The server did not answer in time.' } };
    }
  }

  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): () => void {
    this.socket.on(event, listener as never);
    return () => void this.socket.off(event, listener as never);
  }

  close(): void {
    this.closed = true;
    window.removeEventListener('online', this.wake);
    document.removeEventListener('visibilitychange', this.wake);
    this.socket.disconnect();
  }
}
