/**
 * The club tablet's outbox in the browser: the protocol of outbox-core.ts over IndexedDB and
 * the page's socket. Flushes on every (re)connect, after every new log, and now and then while
 * anything waits (a batch that timed out, a server that said "try later").
 */
import type { ParticipationEntry } from '../../shared/schemas.ts';
import type { Connection } from './connection.ts';
import { outbox, type OutboxItem } from './device-store.ts';
import { OutboxCore } from './outbox-core.ts';

const RETRY_MS = 20_000;

/** Dispatches `change` (items changed) and `accepted` (CustomEvent<ParticipationEntry[]>). */
export class OutboxSync extends EventTarget {
  private readonly core: OutboxCore;
  private readonly retry: ReturnType<typeof setInterval>;
  private readonly offConnect: () => void;

  constructor(private readonly connection: Connection) {
    super();
    this.core = new OutboxCore(outbox, (entries) => connection.call('participation:log', { entries }));
    this.core.addEventListener('change', () => this.dispatchEvent(new Event('change')));
    this.core.addEventListener('accepted', (e) => this.dispatchEvent(new CustomEvent('accepted', { detail: (e as CustomEvent).detail })));
    const onConnect = () => void this.flush();
    connection.socket.on('connect', onConnect);
    this.offConnect = () => void connection.socket.off('connect', onConnect);
    this.retry = setInterval(() => {
      if (this.core.pending > 0) void this.flush();
    }, RETRY_MS);
    void this.core.load().then(() => this.flush());
  }

  get items(): OutboxItem[] {
    return this.core.items;
  }

  get pending(): number {
    return this.core.pending;
  }

  get refused(): OutboxItem[] {
    return this.core.refused;
  }

  get flushing(): boolean {
    return this.core.flushing;
  }

  /** Stored on the tablet first; sent at once when online. */
  async log(entry: ParticipationEntry): Promise<void> {
    await this.core.enqueue(entry);
    void this.flush();
  }

  /** See OutboxCore.cancel: true when the log never reached the server. */
  cancel(id: string): Promise<boolean> {
    return this.core.cancel(id);
  }

  dismiss(id: string): Promise<void> {
    return this.core.dismiss(id);
  }

  flush(): Promise<void> {
    return this.connection.socket.connected ? this.core.flush() : Promise.resolve();
  }

  close(): void {
    clearInterval(this.retry);
    this.offConnect();
  }
}
