/** The outbox protocol's undo: a log sent without an answer may be stored, so undo must reach the server. */
import { describe, expect, it } from 'vitest';
import { OutboxCore } from '../../client/state/outbox-core.ts';
import { newEntryId } from '../../shared/entry-id.ts';
import type { ParticipationEntry } from '../../shared/schemas.ts';
import { MemoryOutboxStore } from '../support/memory-outbox-store.ts';

const entry = (): ParticipationEntry => ({
  id: newEntryId(), childId: 'child1', date: '2026-12-03', mode: 'staff', partnerChildIds: [], staffName: 'Mrs P', tags: [], note: '',
});

describe('OutboxCore.cancel', () => {
  it('takes back a log that never left the tablet, locally', async () => {
    const outbox = new OutboxCore(new MemoryOutboxStore(), async () => ({ ok: false, error: { code: 'unavailable', message: 'offline' } }));
    await outbox.load();
    const e = entry();
    await outbox.enqueue(e); // offline: queued, never sent
    expect(await outbox.cancel(e.id)).toBe(true);
    expect(outbox.pending).toBe(0);
  });

  it('says the server may have it when the only answer was a timeout', async () => {
    const stored: string[] = [];
    // The server stores the log, but its answer is lost: the tablet sees a timeout.
    const outbox = new OutboxCore(new MemoryOutboxStore(), async (entries) => {
      stored.push(...entries.map((x) => x.id));
      return { ok: false, error: { code: 'unavailable', message: 'The server did not answer in time.' } };
    });
    await outbox.load();
    const e = entry();
    await outbox.enqueue(e);
    await outbox.flush();
    expect(stored).toEqual([e.id]);
    expect(outbox.pending).toBe(1);
    expect(await outbox.cancel(e.id)).toBe(false); // so the caller sends participation:undo
    expect(outbox.pending).toBe(0);
  });
});
