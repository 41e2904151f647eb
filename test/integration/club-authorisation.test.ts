/**
 * What a club tablet may see and do: its own club's roster and logs only, nothing a poster
 * shows or a teacher reads; and a poster device logs nothing at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientEventName, PayloadOf } from '../../shared/events.ts';
import type { ParticipationEntry, Participation } from '../../shared/schemas.ts';
import { seedClubSchool, type ClubSeed } from '../support/club-seed.ts';
import {
  call, connectDevice, connectSocket, expectOk, makeSchool, pairDevice, startTestApp, type TestApp, type TestSocket,
} from '../support/test-app.ts';

let t: TestApp;
let seed: ClubSeed;
let other: Awaited<ReturnType<typeof makeSchool>>;
let tablet: TestSocket;
let poster: TestSocket;
let teacher: TestSocket;

const entry = (childId: string, partnerId: string): ParticipationEntry => ({
  id: crypto.randomUUID(), childId, date: seed.today, mode: 'peer', partnerChildIds: [partnerId], staffName: '', tags: [], note: '',
});

/** Pushes of participation:changed that reach a socket within a short window. */
function collectChanges(socket: TestSocket): Participation[][] {
  const seen: Participation[][] = [];
  socket.on('participation:changed', (c) => seen.push(c.entries));
  return seen;
}

async function expectForbidden<E extends ClientEventName>(socket: TestSocket, event: E, payload: PayloadOf<E>): Promise<void> {
  const result = await call(socket, event, payload);
  expect(result.ok ? 'ok' : result.error.code, event).toBe('forbidden');
}

beforeAll(async () => {
  t = await startTestApp();
  seed = await seedClubSchool(t.app.services.storage);
  other = await makeSchool(t, 'Other School');
  tablet = await connectDevice(t, seed.tabletToken);
  teacher = await connectSocket(t, { cookie: seed.teacherCookie });
  const { token } = await pairDevice(t, seed.teacherCookie, { kind: 'poster', classIds: [seed.classes[0]!.id] });
  poster = await connectDevice(t, token);
});

afterAll(async () => {
  for (const s of [tablet, poster, teacher]) s.disconnect();
  await t.close();
});

describe('a club tablet', () => {
  it('syncs its own club only: its children, their classes and prompts, their logs', async () => {
    // Logs for both clubs' children, by a teacher.
    expectOk(await call(teacher, 'participation:log', { entries: [entry(seed.otherClubChild.id, seed.children[0]!.id), entry(seed.children[0]!.id, seed.children[1]!.id)] }));
    const state = expectOk(await call(tablet, 'club:sync', {}));
    expect(state.club.id).toBe(seed.club.id);
    expect(state.children.map((c) => c.id).sort()).toEqual(seed.children.map((c) => c.id).sort());
    expect(state.logs.map((l) => l.childId)).toEqual([seed.children[0]!.id]);
    const childIds = new Set(state.children.map((c) => c.id));
    expect(state.classes.every((c) => state.children.some((k) => k.classId === c.id))).toBe(true);
    expect(Object.keys(state.prompts).every((classId) => state.children.some((k) => k.classId === classId))).toBe(true);
    expect(JSON.stringify(state)).not.toContain(seed.otherClubChild.id);
    expect([...childIds].some((id) => other.children.some((c) => c.id === id))).toBe(false);
  });

  it('cannot change another club\'s list, in its school or another', async () => {
    await expectForbidden(tablet, 'club:addChildren', { clubId: seed.otherClub.id, childIds: [seed.children[0]!.id] });
    await expectForbidden(tablet, 'club:removeChild', { clubId: seed.otherClub.id, childId: seed.otherClubChild.id });
    await expectForbidden(tablet, 'club:addChildren', { clubId: other.club.id, childIds: [other.children[0]!.id] });
    await expectForbidden(tablet, 'club:removeChild', { clubId: other.club.id, childId: other.children[0]!.id });
    // Nor add a child of another school to its own club.
    await expectForbidden(tablet, 'club:addChildren', { clubId: seed.club.id, childIds: [other.children[0]!.id] });
    expect((await t.app.services.storage.clubs.members(seed.school.id, seed.otherClub.id)).map((c) => c.id)).toEqual([seed.otherClubChild.id]);
  });

  it('reads nothing it does not need: no poster state, no teacher pages', async () => {
    await expectForbidden(tablet, 'display:sync', {});
    await expectForbidden(tablet, 'child:list', { classId: seed.classes[0]!.id });
    await expectForbidden(tablet, 'class:list', {});
    await expectForbidden(tablet, 'club:list', {});
    await expectForbidden(tablet, 'week:get', { classId: seed.classes[0]!.id, weekStart: '2025-01-06' });
    await expectForbidden(tablet, 'participation:grid', { classId: seed.classes[0]!.id, weekStart: '2025-01-06' });
    await expectForbidden(tablet, 'participation:notes', { classId: seed.classes[0]!.id, from: seed.today, to: seed.today });
    await expectForbidden(tablet, 'device:list', {});
    // The school list search stays inside its own school.
    const found = expectOk(await call(tablet, 'club:search', { query: 'Amira' }));
    expect(found.every((c) => c.schoolId === seed.school.id)).toBe(true);
  });

  it('hears live about its own club\'s logs only, and cannot undo another club\'s', async () => {
    const heard = collectChanges(tablet);
    const posterHeard = collectChanges(poster);
    const theirs = entry(seed.otherClubChild.id, seed.children[0]!.id);
    const ours = entry(seed.children[2]!.id, seed.children[3]!.id);
    expectOk(await call(teacher, 'participation:log', { entries: [theirs] }));
    expectOk(await call(teacher, 'participation:log', { entries: [ours] }));
    await new Promise((r) => setTimeout(r, 150));
    expect(heard.flat().map((e) => e.id)).toEqual([ours.id]);
    expect(posterHeard).toEqual([]);
    await expectForbidden(tablet, 'participation:undo', { id: theirs.id });
  });
});

describe('a poster device', () => {
  it('cannot log, undo or read a club', async () => {
    const before = await t.app.services.storage.participation.count(seed.school.id);
    await expectForbidden(poster, 'participation:log', { entries: [entry(seed.children[0]!.id, seed.children[1]!.id)] });
    await expectForbidden(poster, 'participation:undo', { id: crypto.randomUUID() });
    await expectForbidden(poster, 'club:sync', {});
    await expectForbidden(poster, 'club:search', { query: 'Amira' });
    await expectForbidden(poster, 'club:addChildren', { clubId: seed.club.id, childIds: [seed.children[0]!.id] });
    expect(await t.app.services.storage.participation.count(seed.school.id)).toBe(before);
  });
});
