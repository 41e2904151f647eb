/**
 * Every kind of caller, connected to one real app, and one valid payload per event:
 * shared by the authorisation matrix and the bad-input tests. School "Alpha" holds the
 * data; a teacher and an admin of school "Beta" try to reach it.
 */
import { randomUUID } from 'node:crypto';
import { addDays, localDate, weekStart } from '../../shared/calendar.ts';
import type { ClientEventName, PayloadOf } from '../../shared/events.ts';
import type { Child, PromptDraft } from '../../shared/schemas.ts';
import { newId } from '../../server/ids.ts';
import {
  call, connectDevice, connectSocket, expectOk, makeSchool, makeStaff, pairDevice, type TestApp, type TestSocket,
} from '../support/test-app.ts';

export const CALLERS = ['anonymous', 'unpaired', 'poster', 'club', 'staff', 'teacher', 'admin'] as const;
export type Who = (typeof CALLERS)[number];

export const today = (): string => localDate(Date.now(), 'Europe/London');
export const thisMonday = (): string => weekStart(today());

export const validDraft = (date: string): PromptDraft => ({
  date, subject: 'science', theme: 'life-cycle stages', kind: 'verbal', minutes: 10,
  prompt: "As you've been learning about life-cycles today, could you teach me what each of the stages are?",
  support: 'A butterfly: egg, caterpillar, chrysalis, adult.', extensions: ['How do you know which stage comes first?'],
});

export type School = Awaited<ReturnType<typeof makeSchool>>;
export type Payloads = { [E in ClientEventName]: () => Promise<PayloadOf<E>> };

export interface World {
  alpha: School;
  beta: School;
  sockets: Record<Who, TestSocket> & { otherTeacher: TestSocket; otherAdmin: TestSocket };
  posterToken: string;
  /** A fresh valid payload for each event, aimed at school Alpha's data. */
  payloads: Payloads;
  close(): void;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const { storage } = t.app.services;
  const alpha = await makeSchool(t, 'Alpha');
  const beta = await makeSchool(t, 'Beta');
  const oak = alpha.classes[0]!;
  // makeSchool: Amira and Ben need a partner and are in the club; Amira and Chloe are in Oak.
  const [amira, ben, chloe, dev] = [0, 1, 2, 3].map((i) => alpha.children[i]!) as [Child, Child, Child, Child];
  const staff = {
    staff: await makeStaff(t, alpha.school.id, 'staff'),
    teacher: await makeStaff(t, alpha.school.id, 'teacher'),
    admin: await makeStaff(t, alpha.school.id, 'admin'),
    otherTeacher: await makeStaff(t, beta.school.id, 'teacher'),
    otherAdmin: await makeStaff(t, beta.school.id, 'admin'),
  };
  const poster = await pairDevice(t, staff.teacher.cookie, { kind: 'poster', classIds: [oak.id] }, 'Gate screen');
  const club = await pairDevice(t, staff.teacher.cookie, { kind: 'club', clubId: alpha.club.id }, 'Club tablet');
  const extra: TestSocket[] = [];

  const sockets = {
    anonymous: await connectSocket(t),
    unpaired: await connectSocket(t, { auth: { unpaired: true } }),
    poster: await connectDevice(t, poster.token),
    club: await connectDevice(t, club.token),
    staff: await connectSocket(t, { cookie: staff.staff.cookie }),
    teacher: await connectSocket(t, { cookie: staff.teacher.cookie }),
    admin: await connectSocket(t, { cookie: staff.admin.cookie }),
    otherTeacher: await connectSocket(t, { cookie: staff.otherTeacher.cookie }),
    otherAdmin: await connectSocket(t, { cookie: staff.otherAdmin.cookie }),
  };

  let n = 0;
  const unique = (prefix: string): string => `${prefix} ${++n}`;

  const payloads: Payloads = {
    'session:whoami': async () => ({}),
    'staff:list': async () => ({}),
    'staff:invite': async () => ({ name: unique('New Teacher'), email: `${newId().toLowerCase()}@alpha.test`, role: 'teacher', classIds: [oak.id] }),
    'staff:remove': async () => {
      const id = newId();
      await storage.staff.create({ id, schoolId: alpha.school.id, name: 'Leaver', email: `${id.toLowerCase()}@alpha.test`, role: 'teacher', classIds: [], passwordHash: null });
      return { staffId: id };
    },
    'staff:resetLink': async () => {
      const id = newId();
      await storage.staff.create({ id, schoolId: alpha.school.id, name: 'Forgetful', email: `${id.toLowerCase()}@alpha.test`, role: 'teacher', classIds: [], passwordHash: null });
      return { staffId: id };
    },
    'school:update': async () => ({ name: alpha.school.name, timeZone: 'Europe/London', pickupStart: '14:45', pickupEnd: '15:45' }),
    'class:list': async () => ({}),
    'class:create': async () => ({ name: unique('New class'), yearGroup: 2 }),
    'child:list': async () => ({ classId: oak.id }),
    'child:create': async () => ({ classId: oak.id, displayName: 'Zed Q.', needsPartner: false }),
    'child:update': async () => ({ childId: dev.id, displayName: dev.displayName, needsPartner: false }),
    'child:remove': async () => {
      const child = { ...dev, id: newId(), displayName: 'Leaving L.' };
      await storage.children.createMany([child]);
      return { childId: child.id };
    },
    'roster:import': async () => ({ csv: `first name,surname,year,class\nZoe,Smith,1,${oak.name}\n`, dryRun: false }),
    'club:list': async () => ({}),
    'club:create': async () => ({ name: unique('New club') }),
    'club:addChildren': async () => ({ clubId: alpha.club.id, childIds: [amira.id] }),
    'club:removeChild': async () => ({ clubId: alpha.club.id, childId: chloe.id }),
    'club:sync': async () => ({}),
    'club:search': async () => ({ query: 'Am' }),
    'device:requestCode': async () => ({ appVersion: 'test' }),
    'device:claim': async () => {
      const screen = await connectSocket(t, { auth: { unpaired: true } });
      extra.push(screen);
      const { code } = expectOk(await call(screen, 'device:requestCode', { appVersion: 'test' }));
      return { code, kind: 'poster', label: 'New screen', classIds: [oak.id], clubId: null };
    },
    'device:list': async () => ({}),
    'device:revoke': async () => {
      const id = newId();
      await storage.devices.create({
        id, schoolId: alpha.school.id, kind: 'poster', label: 'Old screen', classIds: [oak.id], clubId: null,
        createdAt: Date.now(), lastSeenAt: null, appVersion: null, revokedAt: null, tokenHash: newId(),
      });
      return { deviceId: id };
    },
    'device:hello': async () => ({ appVersion: 'test' }),
    'display:sync': async () => ({}),
    'week:get': async () => ({ classId: oak.id, weekStart: thisMonday() }),
    'week:save': async () => ({ classId: oak.id, weekStart: thisMonday(), days: [validDraft(thisMonday())] }),
    'week:publish': async () => ({ classId: oak.id, weekStart: thisMonday() }),
    'week:unpublish': async () => ({ classId: oak.id, weekStart: addDays(thisMonday(), 7) }),
    'week:copyPrevious': async () => {
      const cls = { id: newId(), schoolId: alpha.school.id, name: unique('Copy class'), yearGroup: 4 };
      await storage.classes.create(cls);
      const lastMonday = addDays(thisMonday(), -7);
      await storage.prompts.saveDays(alpha.school.id, cls.id, [validDraft(lastMonday)], [], Date.now());
      return { classId: cls.id, weekStart: thisMonday() };
    },
    'prompt:search': async () => ({ query: 'life' }),
    'participation:log': async () => ({
      entries: [{ id: randomUUID(), childId: amira.id, date: today(), mode: 'peer', partnerChildIds: [ben.id], staffName: '', tags: ['knew_it_well'], note: 'Knew every stage' }],
    }),
    'participation:undo': async () => {
      const id = randomUUID();
      await storage.participation.insert([{
        id, schoolId: alpha.school.id, classId: amira.classId, childId: amira.id, date: today(), mode: 'staff',
        partnerChildIds: [], staffName: 'Mr Club', tags: [], note: '', loggedBy: 'tablet: Club tablet', createdAt: Date.now(),
      }]);
      return { id };
    },
    'participation:grid': async () => ({ classId: oak.id, weekStart: thisMonday() }),
    'participation:notes': async () => ({ classId: oak.id, from: addDays(today(), -7), to: today() }),
    'participation:notReached': async () => ({ classId: oak.id, date: today() }),
    'participation:summary': async () => ({ weekStart: thisMonday() }),
  };

  return {
    alpha, beta, sockets, posterToken: poster.token, payloads,
    close() {
      for (const s of [...Object.values(sockets), ...extra]) s.disconnect();
    },
  };
}

/** Everything of a school that storage holds, to show that a call wrote nothing. */
export async function snapshot(t: TestApp, schoolId: string): Promise<string> {
  const { storage } = t.app.services;
  const classes = await storage.classes.list(schoolId);
  const clubs = await storage.clubs.list(schoolId);
  return JSON.stringify({
    school: await storage.schools.get(schoolId),
    classes,
    children: await storage.children.listBySchool(schoolId),
    staff: await storage.staff.list(schoolId),
    clubs: await Promise.all(clubs.map(async (c) => ({ ...c, members: await storage.clubs.members(schoolId, c.id) }))),
    devices: await storage.devices.list(schoolId),
    prompts: await storage.prompts.listRange(schoolId, classes.map((c) => c.id), '2000-01-01', '2999-12-31'),
    participation: await storage.participation.listBySchool(schoolId, '2000-01-01', '2999-12-31'),
    participationRows: await storage.participation.count(schoolId),
  });
}
