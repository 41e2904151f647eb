/**
 * The outbox protocol, with its storage and its transport injected: IndexedDB and the page's
 * socket in the browser (outbox-sync.ts), memory and a Node socket in the integration tests.
 *
 * The guarantees, in order: a log is written to the store before anything is sent; it leaves
 * the store only when the server has acked it as accepted (stored and committed); a log the server
 * refuses is kept, marked refused with the reason, and never sent again; anything else (offline,
 * a timeout, a crash mid-batch) leaves it pending for the next flush. The server stores by the
 * client's id, so sending a log twice never makes two rows.
 */
import type { LogReport } from '../../shared/events.ts';
import type { Result } from '../../shared/result.ts';
import type { ParticipationEntry } from '../../shared/schemas.ts';
import type { OutboxItem } from './device-store.ts';

export interface OutboxStore {
  put(item: OutboxItem): Promise<void>;
  /** Oldest first. */
  all(): Promise<OutboxItem[]>;
  remove(ids: string[]): Promise<void>;
}

/** Sends one batch as `participation:log`; 'unavailable' when the server cannot be reached. */
export type LogTransport = (entries: ParticipationEntry[]) => Promise<Result<LogReport>>;

/** The server takes at most 50 entries in one `participation:log`. */
export const MAX_BATCH = 50;

export interface OutboxOptions {
  batchSize?: number;
  now?: () => number;
}

/**
 * Dispatches `change` whenever the items change, and `accepted` (a CustomEvent whose detail is
 * the accepted entries) after each positive ack.
 */
export class OutboxCore extends EventTarget {
  /** The last snapshot of the store, oldest first: what the screen shows. */
  items: OutboxItem[] = [];
  private readonly batchSize: number;
  private readonly now: () => number;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly inFlight = new Set<string>();
  /** Ids sent at least once this session: an answer may have been lost even when none came back. */
  private readonly sent = new Set<string>();
  private readonly cancelled = new Set<string>();

  constructor(private readonly store: OutboxStore, private readonly send: LogTransport, options: OutboxOptions = {}) {
    super();
    this.batchSize = Math.min(options.batchSize ?? MAX_BATCH, MAX_BATCH);
    this.now = options.now ?? (() => Date.now());
  }

  get pending(): number {
    return this.items.filter((i) => i.status === 'pending').length;
  }

  get refused(): OutboxItem[] {
    return this.items.filter((i) => i.status === 'refused');
  }

  get flushing(): boolean {
    return this.running !== null;
  }

  /** Reads the store: call once at start, so the count is right before the first flush. */
  async load(): Promise<void> {
    this.items = await this.store.all();
    this.dispatchEvent(new Event('change'));
  }

  /** Writes the log to the store. Sending is a separate step (`flush`), so a log is never only in memory. */
  async enqueue(entry: ParticipationEntry): Promise<void> {
    await this.store.put({ id: entry.id, entry, status: 'pending', reason: null, queuedAt: this.now() });
    await this.load();
  }

  /**
   * Sends every pending log, a batch at a time, until all are sent or the server cannot be
   * reached. One flush at a time: a call during a flush runs one more pass after it.
   */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          if (!(await this.flushOnce())) break;
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Resolves when no flush is running. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Takes a log back before it reaches the server (undo while offline). True when it was still
   * in the outbox; false when the server already has it (undo it there instead).
   */
  async cancel(id: string): Promise<boolean> {
    this.cancelled.add(id); // no flush may pick it up from here on
    try {
      while (this.inFlight.has(id)) await this.settled();
      const present = (await this.store.all()).some((i) => i.id === id);
      if (present) await this.store.remove([id]);
      await this.load();
      // Sent once without an answer (a timeout), it may be stored all the same: undo it there too.
      return present && !this.sent.has(id);
    } finally {
      this.cancelled.delete(id);
    }
  }

  /** Staff have read why a log was refused: let it go. */
  async dismiss(id: string): Promise<void> {
    if (!this.items.some((i) => i.id === id && i.status === 'refused')) return;
    await this.store.remove([id]);
    await this.load();
  }

  /** One pass over the store. False when it had to stop (offline, server error). */
  private async flushOnce(): Promise<boolean> {
    const queue = (await this.store.all()).filter((i) => i.status === 'pending' && !this.cancelled.has(i.id));
    for (let start = 0; start < queue.length; start += this.batchSize) {
      if (!(await this.sendBatch(queue.slice(start, start + this.batchSize)))) return false;
    }
    return true;
  }

  private async sendBatch(batch: OutboxItem[]): Promise<boolean> {
    let rest = batch;
    while ((rest = rest.filter((i) => !this.cancelled.has(i.id))).length > 0) {
      for (const i of rest) {
        this.inFlight.add(i.id);
        this.sent.add(i.id);
      }
      let result: Result<LogReport>;
      try {
        result = await this.send(rest.map((i) => i.entry));
      } catch {
        result = { ok: false, error: { code: 'unavailable', message: 'The server could not be reached.' } };
      } finally {
        for (const i of rest) this.inFlight.delete(i.id);
      }

      if (result.ok) {
        await this.settle(rest, result.data);
        return true;
      }
      if (result.error.code !== 'invalid') return false; // offline, timeout, server trouble: try again later

      // A malformed entry fails the whole batch; the issue paths say which one.
      const reasons = new Map<number, string[]>();
      for (const issue of result.error.issues ?? []) {
        const [head, index, field] = issue.path;
        if (head !== 'entries' || typeof index !== 'number' || !rest[index]) continue;
        reasons.set(index, [...(reasons.get(index) ?? []), field === undefined ? issue.message : `${String(field)}: ${issue.message}`]);
      }
      if (reasons.size === 0) {
        if (rest.length === 1) reasons.set(0, [result.error.message]);
        else {
          // No index to go by: one at a time finds the bad one.
          for (const item of rest) if (!(await this.sendBatch([item]))) return false;
          return true;
        }
      }
      await this.markRefused([...reasons].map(([index, messages]) => ({ item: rest[index]!, reason: `Not accepted: ${messages.join('; ')}` })));
      rest = rest.filter((_, index) => !reasons.has(index));
    }
    return true;
  }

  private async settle(batch: OutboxItem[], report: LogReport): Promise<void> {
    const accepted = new Set(report.accepted);
    await this.store.remove(batch.filter((i) => accepted.has(i.id)).map((i) => i.id));
    const byId = new Map(batch.map((i) => [i.id, i]));
    await this.markRefused(report.refused.flatMap((r) => {
      const item = byId.get(r.id);
      return item ? [{ item, reason: r.message }] : [];
    }));
    // An id in neither list stays pending and goes again next time.
    this.dispatchEvent(new CustomEvent('accepted', { detail: batch.filter((i) => accepted.has(i.id)).map((i) => i.entry) }));
  }

  private async markRefused(refusals: { item: OutboxItem; reason: string }[]): Promise<void> {
    for (const { item, reason } of refusals) await this.store.put({ ...item, status: 'refused', reason });
    await this.load();
  }
}
