/**
 * The authorisation matrix: every client→server event × every kind of caller, against
 * the designed answer. The table is written out here, not imported from the handlers,
 * so that a handler whose allow list changes by mistake fails this test.
 */
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEvents, type ClientEventName } from '../../shared/events.ts';
import { call, startTestApp, type TestApp, type TestSocket } from '../support/test-app.ts';
import { buildWorld, CALLERS, snapshot, thisMonday, today, validDraft, type Who, type World } from './callers.ts';

const EVERYONE = CALLERS;
const STAFF: Who[] = ['staff', 'teacher', 'admin'];
const TEACHERS: Who[] = ['teacher', 'admin'];
const ADMIN: Who[] = ['admin'];
const CLUB_AND_STAFF: Who[] = ['club', ...STAFF];

/** Who may call each event, by design. Everyone else: `unauthorised` if not signed in or paired, else `forbidden`. */
const ALLOWED: Record<ClientEventName, readonly Who[]> = {
  'session:whoami': EVERYONE,
  'staff:list': ADMIN,
  'staff:invite': ADMIN,
  'staff:remove': ADMIN,
  'staff:resetLink': ADMIN,
  'school:update': ADMIN,
  'class:list': STAFF,
  'class:create': ADMIN,
  'child:list': TEACHERS,
  'child:create': TEACHERS,
  'child:update': TEACHERS,
  'child:remove': TEACHERS,
  'roster:import': TEACHERS,
  'club:list': STAFF,
  'club:create': ADMIN,
  'club:addChildren': CLUB_AND_STAFF,
  'club:removeChild': CLUB_AND_STAFF,
  'club:sync': ['club'],
  'club:search': CLUB_AND_STAFF,
  'device:requestCode': ['unpaired'],
  'device:claim': TEACHERS,
  'device:list': TEACHERS,
  'device:revoke': TEACHERS,
  'device:hello': ['poster', 'club'],
  'display:sync': ['poster'],
  'week:get': TEACHERS,
  'week:save': TEACHERS,
  'week:publish': TEACHERS,
  'week:unpublish': TEACHERS,
  'week:copyPrevious': TEACHERS,
  'prompt:search': TEACHERS,
  'participation:log': CLUB_AND_STAFF,
  'participation:undo': CLUB_AND_STAFF,
  'participation:grid': TEACHERS,
  'participation:notes': TEACHERS,
  'participation:notReached': TEACHERS,
  'participation:summary': ADMIN,
};

/**
 * What staff of another school get when they pass this school's ids. `forbidden` where the
 * id names a class, child or club (the answer says it is not in their school); `not_found`
 * where it names a thing to remove (a child, member of staff, device or log entry), as for
 * an id that never existed; `own` where the event takes no id of ours and answers with
 * their own school's data only; `refused`: answers ok, with every entry refused.
 */
type Elsewhere = 'own' | 'refused' | 'forbidden' | 'not_found';
const ELSEWHERE: Record<ClientEventName, { teacher: Elsewhere; admin: Elsewhere }> = {
  'session:whoami': { teacher: 'own', admin: 'own' },
  'staff:list': { teacher: 'forbidden', admin: 'own' },
  'staff:invite': { teacher: 'forbidden', admin: 'forbidden' }, // with one of our classes
  'staff:remove': { teacher: 'forbidden', admin: 'not_found' },
  'staff:resetLink': { teacher: 'forbidden', admin: 'not_found' },
  'school:update': { teacher: 'forbidden', admin: 'own' },
  'class:list': { teacher: 'own', admin: 'own' },
  'class:create': { teacher: 'forbidden', admin: 'own' },
  'child:list': { teacher: 'forbidden', admin: 'forbidden' },
  'child:create': { teacher: 'forbidden', admin: 'forbidden' },
  'child:update': { teacher: 'forbidden', admin: 'forbidden' },
  'child:remove': { teacher: 'not_found', admin: 'not_found' },
  'roster:import': { teacher: 'own', admin: 'own' }, // our class names are unknown there: nothing is created
  'club:list': { teacher: 'own', admin: 'own' },
  'club:create': { teacher: 'forbidden', admin: 'own' },
  'club:addChildren': { teacher: 'forbidden', admin: 'forbidden' },
  'club:removeChild': { teacher: 'forbidden', admin: 'forbidden' },
  'club:sync': { teacher: 'forbidden', admin: 'forbidden' },
  'club:search': { teacher: 'own', admin: 'own' },
  'device:requestCode': { teacher: 'forbidden', admin: 'forbidden' },
  'device:claim': { teacher: 'forbidden', admin: 'forbidden' },
  'device:list': { teacher: 'own', admin: 'own' },
  'device:revoke': { teacher: 'not_found', admin: 'not_found' },
  'device:hello': { teacher: 'forbidden', admin: 'forbidden' },
  'display:sync': { teacher: 'forbidden', admin: 'forbidden' },
  'week:get': { teacher: 'forbidden', admin: 'forbidden' },
  'week:save': { teacher: 'forbidden', admin: 'forbidden' },
  'week:publish': { teacher: 'forbidden', admin: 'forbidden' },
  'week:unpublish': { teacher: 'forbidden', admin: 'forbidden' },
  'week:copyPrevious': { teacher: 'forbidden', admin: 'forbidden' },
  'prompt:search': { teacher: 'own', admin: 'own' },
  'participation:log': { teacher: 'refused', admin: 'refused' },
  'participation:undo': { teacher: 'not_found', admin: 'not_found' },
  'participation:grid': { teacher: 'forbidden', admin: 'forbidden' },
  'participation:notes': { teacher: 'forbidden', admin: 'forbidden' },
  'participation:notReached': { teacher: 'forbidden', admin: 'forbidden' },
  'participation:summary': { teacher: 'forbidden', admin: 'own' },
};

const EVENTS = Object.keys(clientEvents) as ClientEventName[];

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
});
afterAll(async () => {
  w.close();
  await t.close();
});

const answerOf = (result: { ok: boolean; error?: { code: string } }): string => (result.ok ? 'ok' : result.error!.code);

it('covers every event of the protocol', () => {
  expect(Object.keys(ALLOWED).sort()).toEqual([...EVENTS].sort());
});

describe('every event × every caller of the school', () => {
  for (const event of EVENTS) {
    it(event, async () => {
      const expected: Partial<Record<Who, string>> = {};
      const actual: Partial<Record<Who, string>> = {};
      for (const who of CALLERS) {
        expected[who] = ALLOWED[event].includes(who) ? 'ok' : who === 'anonymous' || who === 'unpaired' ? 'unauthorised' : 'forbidden';
        const payload = await w.payloads[event]();
        const result = await call(w.sockets[who], event, payload as never);
        actual[who] = answerOf(result);
        // A refused entry would still ack ok: a log that is allowed must also be accepted.
        if (event === 'participation:log' && result.ok) expect((result.data as { refused: unknown[] }).refused).toEqual([]);
      }
      expect(actual).toEqual(expected);
    });
  }
});

describe('staff of another school, passing this school\'s ids', () => {
  const results = new Map<string, { ok: boolean; data?: unknown; error?: { code: string } }>();
  let before: string;
  let after: string;

  beforeAll(async () => {
    const payloads = new Map<ClientEventName, unknown>();
    for (const event of EVENTS) payloads.set(event, await w.payloads[event]());
    before = await snapshot(t, w.alpha.school.id);
    for (const event of EVENTS) {
      for (const who of ['teacher', 'admin'] as const) {
        const socket = who === 'teacher' ? w.sockets.otherTeacher : w.sockets.otherAdmin;
        results.set(`${event} ${who}`, await call(socket, event, payloads.get(event) as never));
      }
    }
    after = await snapshot(t, w.alpha.school.id);
  });

  it('change nothing in this school', () => {
    expect(after).toEqual(before);
  });

  const ours = (): string[] => [
    w.alpha.school.id, ...w.alpha.classes.map((c) => c.id), ...w.alpha.children.map((c) => c.id), w.alpha.club.id,
  ];

  for (const event of EVENTS) {
    it(event, () => {
      for (const who of ['teacher', 'admin'] as const) {
        const result = results.get(`${event} ${who}`)!;
        const want = ELSEWHERE[event][who];
        const label = `${event} as the other school's ${who}`;
        if (want === 'forbidden' || want === 'not_found') {
          expect(answerOf(result), label).toBe(want);
          continue;
        }
        expect(answerOf(result), label).toBe('ok');
        const text = JSON.stringify(result.data);
        for (const id of ours()) expect(text, `${label} leaks ${id}`).not.toContain(id);
        if (want === 'refused') {
          const report = result.data as { accepted: string[]; refused: { code: string }[] };
          expect(report.accepted, label).toEqual([]);
          expect(report.refused.map((r) => r.code), label).toEqual(['forbidden']);
        }
      }
    });
  }
});

describe('a poster screen', () => {
  it('never receives a child\'s name or id, while the school plans, logs and edits children', async () => {
    const { storage } = t.app.services;
    const received: unknown[] = [];
    const poster: TestSocket = io(t.url, {
      transports: ['websocket'], autoConnect: false, reconnection: false, forceNew: true,
      auth: { deviceToken: w.posterToken, appVersion: 'test' },
    });
    poster.onAny((event: string, ...args: unknown[]) => received.push({ event, args }));
    const connected = new Promise((resolve) => poster.once('connect', () => resolve(null)));
    poster.connect();
    await connected;

    const { teacher, club } = w.sockets;
    const [amira, ben] = w.alpha.children;
    const oak = w.alpha.classes[0]!;
    const acks: unknown[] = [];
    acks.push(await call(poster, 'display:sync', {}), await call(poster, 'session:whoami', {}), await call(poster, 'device:hello', { appVersion: 'test' }));

    await call(teacher, 'week:save', { classId: oak.id, weekStart: thisMonday(), days: [{ ...validDraft(thisMonday()), theme: 'frogspawn' }] });
    await call(teacher, 'week:publish', { classId: oak.id, weekStart: thisMonday() });
    const logged = await call(club, 'participation:log', {
      entries: [{ id: crypto.randomUUID(), childId: amira!.id, date: today(), mode: 'peer', partnerChildIds: [ben!.id], staffName: '', tags: ['misconception'], note: 'Amira thought frogs hatch from eggs laid by fish' }],
    });
    expect(logged.ok && logged.data.accepted).toHaveLength(1);
    await call(teacher, 'participation:log', {
      entries: [{ id: crypto.randomUUID(), childId: w.alpha.children[2]!.id, date: today(), mode: 'home', partnerChildIds: [], staffName: '', tags: [], note: 'Told us at dinner' }],
    });
    await call(teacher, 'child:create', { classId: oak.id, displayName: 'Newcomer N.', needsPartner: true });
    await call(teacher, 'child:update', { childId: amira!.id, displayName: 'Amira R.' });
    acks.push(await call(poster, 'display:sync', {}), await call(poster, 'club:sync', {}), await call(poster, 'child:list', { classId: oak.id }));

    // The publish reaches the screen: the recording is of a live screen, not a deaf one.
    await expect.poll(() => JSON.stringify(received)).toContain('frogspawn');
    poster.disconnect();

    const everything = JSON.stringify({ received, acks });
    expect(received.map((r) => (r as { event: string }).event)).toEqual(expect.arrayContaining(['display:state', 'display:class']));
    const children = await storage.children.listBySchool(w.alpha.school.id);
    const secrets = [...children.flatMap((c) => [c.id, c.displayName]), 'Amira', 'Amira K.', 'Told us at dinner', 'frogs hatch'];
    for (const s of secrets) expect(everything, `a poster received "${s}"`).not.toContain(s);
  });
});
