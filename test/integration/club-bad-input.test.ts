/**
 * Bad logs from a club tablet: each gets a clear ack, nothing of them is stored, and the real
 * outbox protocol marks each one refused with the reason (what staff see) and never sends it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxCore, type LogTransport } from '../../client/state/outbox-core.ts';
import { addDays } from '../../shared/calendar.ts';
import type { ParticipationEntry } from '../../shared/schemas.ts';
import { seedClubSchool, type ClubSeed } from '../support/club-seed.ts';
import { MemoryOutboxStore } from '../support/memory-outbox-store.ts';
import { socketTransport } from '../support/node-tablet.ts';
import { call, connectDevice, makeSchool, startTestApp, type TestApp, type TestSocket } from '../support/test-app.ts';

let t: TestApp;
let seed: ClubSeed;
let strangerId: string;
let tablet: TestSocket;

const entry = (over: Partial<ParticipationEntry> = {}): ParticipationEntry => ({
  id: crypto.randomUUID(), childId: seed.children[0]!.id, date: seed.today, mode: 'peer',
  partnerChildIds: [seed.children[1]!.id], staffName: '', tags: [], note: '', ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  seed = await seedClubSchool(t.app.services.storage);
  strangerId = (await makeSchool(t, 'Another School')).children[0]!.id;
  tablet = await connectDevice(t, seed.tabletToken);
});

afterAll(async () => {
  tablet.disconnect();
  await t.close();
});

const stored = () => t.app.services.storage.participation.count(seed.school.id);

describe('bad logs from a club tablet', () => {
  it('answers each one clearly and stores none of them', async () => {
    const cases: [string, ParticipationEntry, { code: string; message: RegExp; path?: (string | number)[] }][] = [
      ['a child of another school', entry({ childId: strangerId }), { code: 'forbidden', message: /not in this school/ }],
      ['a child of another club', entry({ childId: seed.otherClubChild.id }), { code: 'invalid', message: /not on this club's list/ }],
      ['a note of 10,000 characters', entry({ note: 'x'.repeat(10_000) }), { code: 'invalid', message: /at most 280 characters/, path: ['entries', 0, 'note'] }],
      ['a malformed id', entry({ id: 'not-a-uuid' }), { code: 'invalid', message: /uuid/i, path: ['entries', 0, 'id'] }],
      ['a log dated next week', entry({ date: addDays(seed.today, 7) }), { code: 'invalid', message: /in the future/ }],
      ['a home log from a tablet', entry({ mode: 'home', partnerChildIds: [] }), { code: 'invalid', message: /peer or staff/ }],
      ['staff without a name', entry({ mode: 'staff', partnerChildIds: [] }), { code: 'invalid', message: /which member of staff/ }],
    ];
    for (const [what, bad, expected] of cases) {
      const result = await call(tablet, 'participation:log', { entries: [bad] });
      if (expected.path) {
        // Malformed: the whole batch is refused, and the issue path names the entry and field.
        expect(result.ok, what).toBe(false);
        if (result.ok) continue;
        expect(result.error.code, what).toBe('invalid');
        const issue = result.error.issues?.find((i) => i.path.join('.') === expected.path!.join('.'));
        expect(issue?.message, what).toMatch(expected.message);
      } else {
        // Well-formed but not allowed: accepted nothing, refused this one with its reason.
        expect(result.ok, what).toBe(true);
        if (!result.ok) continue;
        expect(result.data.accepted, what).toEqual([]);
        expect(result.data.refused, what).toEqual([{ id: bad.id, code: expected.code, message: expect.stringMatching(expected.message) }]);
      }
    }
    expect(await stored()).toBe(0);
  });

  it('marks each refused in the outbox with its reason, stores the good ones, and never resends the bad', async () => {
    let sends = 0;
    const send = socketTransport(tablet);
    const counting: LogTransport = (entries) => (sends++, send(entries));
    const core = new OutboxCore(new MemoryOutboxStore(), counting);
    const good = [entry(), entry({ childId: seed.children[2]!.id, partnerChildIds: [seed.children[3]!.id] })];
    const bad = {
      otherSchool: entry({ childId: strangerId }),
      otherClub: entry({ childId: seed.otherClubChild.id }),
      longNote: entry({ note: 'x'.repeat(10_000) }),
      malformedId: entry({ id: 'not-a-uuid' }),
      nextWeek: entry({ date: addDays(seed.today, 7) }),
    };
    // Good and bad mixed in one batch, as a tablet back from a long time offline would send them.
    for (const e of [good[0]!, bad.otherSchool, bad.longNote, bad.otherClub, good[1]!, bad.malformedId, bad.nextWeek]) await core.enqueue(e);
    await core.flush();

    expect(core.pending).toBe(0);
    const reasons = Object.fromEntries(core.refused.map((i) => [i.id, i.reason]));
    expect(reasons).toEqual({
      [bad.otherSchool.id]: expect.stringMatching(/not in this school/),
      [bad.otherClub.id]: expect.stringMatching(/not on this club's list/),
      [bad.longNote.id]: expect.stringMatching(/note: at most 280 characters/),
      [bad.malformedId.id]: expect.stringMatching(/^Not accepted: id: /),
      [bad.nextWeek.id]: expect.stringMatching(/in the future/),
    });
    const rows = await t.app.services.storage.participation.listByChildren(seed.school.id, seed.children.map((c) => c.id), seed.today, addDays(seed.today, 7));
    expect(rows.map((r) => r.id).sort()).toEqual(good.map((g) => g.id).sort());

    // Refused stays refused: later flushes send nothing, and staff can dismiss it once read.
    const sent = sends;
    await core.flush();
    await core.flush();
    expect(sends).toBe(sent);
    expect(core.refused).toHaveLength(5);
    await core.dismiss(bad.nextWeek.id);
    expect(core.refused).toHaveLength(4);
    expect(await stored()).toBe(2);
  });
});
