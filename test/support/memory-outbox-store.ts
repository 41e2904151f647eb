/** The outbox's store in memory, for running the real outbox protocol (outbox-core.ts) in Node. */
import type { OutboxItem } from '../../client/state/device-store.ts';
import type { OutboxStore } from '../../client/state/outbox-core.ts';

export class MemoryOutboxStore implements OutboxStore {
  private readonly items = new Map<string, OutboxItem>();

  async put(item: OutboxItem): Promise<void> {
    this.items.set(item.id, structuredClone(item));
  }

  async all(): Promise<OutboxItem[]> {
    return [...this.items.values()].sort((a, b) => a.queuedAt - b.queuedAt).map((i) => structuredClone(i));
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) this.items.delete(id);
  }
}
