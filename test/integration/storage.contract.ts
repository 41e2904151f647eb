/**
 * The storage contract: what every Storage implementation must do, written against the
 * interface in server/storage/storage.ts only. storage-sqlite.test.ts runs it on SQLite;
 * a PostgreSQL implementation runs the same function with its own `make`.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Child, Participation, PromptDraft, School, SchoolClass } from '../../shared/schemas.ts';
import type { DeviceRecord, StaffRecord, Storage } from '../../server/storage/storage.ts';

export interface StorageUnderTest {
  storage: Storage;
  cleanup(): Promise<void>;
}

const id = (): string => randomUUID();
const HOUR = 3600_000;
const byId = <T extends { id: string }>(rows: T[]): string[] => rows.map((r) => r.id).sort();

/** Two schools, each with two classes, children and staff: enough to test isolation everywhere. */
async function seedSchool(storage: Storage, name: string) {
  const school: School = { id: id(), name, timeZone: 'Europe/London', pickupStart: '14:45', pickupEnd: '15:45', isDemo: false };
  await storage.schools.create(school);
  const classes: SchoolClass[] = [
    { id: id(), schoolId: school.id, name: 'Rowan', yearGroup: 6 },
    { id: id(), schoolId: school.id, name: 'Oak', yearGroup: 1 },
  ];
  for (const c of classes) await storage.classes.create(c);
  const [rowan, oak] = classes as [SchoolClass, SchoolClass];
  const children: Child[] = [
    { id: id(), schoolId: school.id, classId: oak.id, displayName: 'Amira K.', yearGroup: 1, needsPartner: true },
    { id: id(), schoolId: school.id, classId: oak.id, displayName: 'Ben T.', yearGroup: 1, needsPartner: false },
    { id: id(), schoolId: school.id, classId: rowan.id, displayName: 'Chloe S.', yearGroup: 6, needsPartner: true },
  ];
  await storage.children.createMany(children);
  const staff: StaffRecord = {
    id: id(), schoolId: school.id, name: `${name} Head`, email: `head-${school.id}@school.test`,
    role: 'admin', classIds: [], passwordHash: null,
  };
  await storage.staff.create(staff);
  return { school, rowan, oak, children: children as [Child, Child, Child], staff };
}

function device(schoolId: string, over: Partial<DeviceRecord> = {}): DeviceRecord {
  return {
    id: id(), schoolId, kind: 'poster', label: 'Playground screen', classIds: [], clubId: null,
    createdAt: 1_000, lastSeenAt: null, appVersion: null, revokedAt: null, tokenHash: id(), ...over,
  };
}

function draft(date: string, over: Partial<PromptDraft> = {}): PromptDraft {
  return {
    date, subject: 'science', theme: 'life-cycle stages', kind: 'verbal', minutes: 10,
    prompt: 'Could you teach me the stages of a life-cycle?', support: 'Egg, caterpillar, chrysalis, butterfly.',
    extensions: ['How do you know?'], ...over,
  };
}

function entry(child: Child, over: Partial<Participation> = {}): Participation {
  return {
    id: randomUUID(), schoolId: child.schoolId, classId: child.classId, childId: child.id, date: '2025-03-12',
    mode: 'home', partnerChildIds: [], staffName: '', tags: [], note: '', loggedBy: 'Test', createdAt: 5_000, ...over,
  };
}

export function storageContract(name: string, make: () => Promise<StorageUnderTest>): void {
  describe(`Storage contract: ${name}`, () => {
    let under: StorageUnderTest;
    let s: Storage;
    let a: Awaited<ReturnType<typeof seedSchool>>;
    let b: Awaited<ReturnType<typeof seedSchool>>;

    beforeEach(async () => {
      under = await make();
      s = under.storage;
      a = await seedSchool(s, 'Alpha Primary');
      b = await seedSchool(s, 'Beta Primary');
    });
    afterEach(async () => {
      await under.cleanup();
    });

    describe('schools', () => {
      it('creates, reads, lists and updates', async () => {
        expect(await s.schools.get(a.school.id)).toEqual(a.school);
        expect(await s.schools.get('no-such-school')).toBeNull();
        expect(byId(await s.schools.list())).toEqual(byId([a.school, b.school]));
        const renamed = { ...a.school, name: 'Alpha Academy', timeZone: 'Europe/Dublin', pickupEnd: '16:00', isDemo: true };
        await s.schools.update(renamed);
        expect(await s.schools.get(a.school.id)).toEqual(renamed);
        expect(await s.schools.get(b.school.id)).toEqual(b.school);
      });
    });

    describe('classes', () => {
      it('reads a class only through its own school', async () => {
        expect(await s.classes.get(a.school.id, a.oak.id)).toEqual(a.oak);
        expect(await s.classes.get(b.school.id, a.oak.id)).toBeNull();
        expect(byId(await s.classes.list(a.school.id))).toEqual(byId([a.oak, a.rowan]));
      });

      it('lists classes by year group', async () => {
        expect((await s.classes.list(a.school.id)).map((c) => c.name)).toEqual(['Oak', 'Rowan']);
      });

      it('refuses a second class of the same name in one school, not in another', async () => {
        await expect(s.classes.create({ ...a.oak, id: id() })).rejects.toThrow();
        const sameNameElsewhere: SchoolClass = { id: id(), schoolId: b.school.id, name: 'Willow', yearGroup: 3 };
        await s.classes.create(sameNameElsewhere);
        await s.classes.create({ id: id(), schoolId: a.school.id, name: 'Willow', yearGroup: 3 });
        expect(await s.classes.get(b.school.id, sameNameElsewhere.id)).toEqual(sameNameElsewhere);
      });
    });

    describe('children', () => {
      it('reads children by id, class and school, with the year group of their class', async () => {
        const [amira, ben, chloe] = a.children;
        expect(await s.children.get(a.school.id, amira.id)).toEqual(amira);
        expect(byId(await s.children.getMany(a.school.id, [amira.id, chloe.id, 'unknown']))).toEqual(byId([amira, chloe]));
        expect(await s.children.getMany(a.school.id, [])).toEqual([]);
        expect(byId(await s.children.listByClass(a.school.id, a.oak.id))).toEqual(byId([amira, ben]));
        expect(byId(await s.children.listBySchool(a.school.id))).toEqual(byId(a.children));
      });

      it('creates a batch all or nothing when one row fails', async () => {
        const good: Child = { id: id(), schoolId: a.school.id, classId: a.oak.id, displayName: 'Dev P.', yearGroup: 1, needsPartner: false };
        const noSuchClass: Child = { ...good, id: id(), classId: 'no-such-class', displayName: 'Ella M.' };
        await expect(s.children.createMany([good, noSuchClass])).rejects.toThrow();
        const duplicateId: Child = { ...good, displayName: 'Finn R.' };
        await expect(s.children.createMany([good, duplicateId])).rejects.toThrow();
        expect(await s.children.get(a.school.id, good.id)).toBeNull();
        expect(await s.children.listBySchool(a.school.id)).toHaveLength(3);
      });

      it('updates a child, whose year group follows a new class', async () => {
        const moved = { ...a.children[0], classId: a.rowan.id, displayName: 'Amira J.', needsPartner: false };
        await s.children.update(moved);
        expect(await s.children.get(a.school.id, moved.id)).toEqual({ ...moved, yearGroup: 6 });
      });

      it('removes a child only through its own school', async () => {
        const amira = a.children[0];
        expect(await s.children.remove(b.school.id, amira.id)).toBe(false);
        expect(await s.children.get(a.school.id, amira.id)).toEqual(amira);
        expect(await s.children.remove(a.school.id, amira.id)).toBe(true);
        expect(await s.children.remove(a.school.id, amira.id)).toBe(false);
        expect(await s.children.get(a.school.id, amira.id)).toBeNull();
      });

      it('searches display names case-insensitively, with a limit', async () => {
        expect(byId(await s.children.search(a.school.id, 'amir', 10))).toEqual([a.children[0].id]);
        expect(await s.children.search(a.school.id, 'e', 1)).toHaveLength(1);
        expect(await s.children.search(a.school.id, 'zzz', 10)).toEqual([]);
      });

      it('treats LIKE wildcards in a search as plain text', async () => {
        const underscore: Child = { id: id(), schoolId: a.school.id, classId: a.oak.id, displayName: 'Al_x B.', yearGroup: 1, needsPartner: false };
        const percent: Child = { ...underscore, id: id(), displayName: 'Jo%n C.' };
        await s.children.createMany([underscore, percent]);
        // 'l_' would match "Alex" or "Ella" as a pattern; as text it matches only the underscore.
        expect(byId(await s.children.search(a.school.id, 'l_', 10))).toEqual([underscore.id]);
        expect(byId(await s.children.search(a.school.id, '%', 10))).toEqual([percent.id]);
        expect(await s.children.search(a.school.id, '\\', 10)).toEqual([]);
      });

      it('never returns one school\'s children to another', async () => {
        const ids = a.children.map((c) => c.id);
        expect(await s.children.get(b.school.id, ids[0]!)).toBeNull();
        expect(await s.children.getMany(b.school.id, ids)).toEqual([]);
        expect(await s.children.listByClass(b.school.id, a.oak.id)).toEqual([]);
        expect(byId(await s.children.search(b.school.id, 'Amira', 10))).toEqual([b.children[0].id]);
      });
    });

    describe('staff', () => {
      it('creates, finds by id and email, lists and counts per school', async () => {
        const teacher: StaffRecord = {
          id: id(), schoolId: a.school.id, name: 'Ms Oak', email: 'oak@alpha.test', role: 'teacher',
          classIds: [a.oak.id], passwordHash: 'scrypt$hash',
        };
        await s.staff.create(teacher);
        expect(await s.staff.get(teacher.id)).toEqual(teacher);
        expect(await s.staff.findByEmail('oak@alpha.test')).toEqual(teacher);
        expect(await s.staff.findByEmail('nobody@alpha.test')).toBeNull();
        expect(byId(await s.staff.list(a.school.id))).toEqual(byId([a.staff, teacher]));
        expect(await s.staff.count(a.school.id)).toBe(2);
        expect(await s.staff.count(b.school.id)).toBe(1);
      });

      it('keeps emails unique across the whole deployment', async () => {
        await expect(s.staff.create({ ...b.staff, id: id(), schoolId: b.school.id, email: a.staff.email })).rejects.toThrow();
      });

      it('sets a password and removes only within the school', async () => {
        await s.staff.setPassword(a.staff.id, 'scrypt$new');
        expect((await s.staff.get(a.staff.id))?.passwordHash).toBe('scrypt$new');
        expect(await s.staff.remove(b.school.id, a.staff.id)).toBe(false);
        expect(await s.staff.remove(a.school.id, a.staff.id)).toBe(true);
        expect(await s.staff.get(a.staff.id)).toBeNull();
      });
    });

    describe('sessions', () => {
      it('creates, reads and removes one session or all of a member of staff', async () => {
        const one = { idHash: id(), staffId: a.staff.id, schoolId: a.school.id, expiresAt: 10 * HOUR };
        const two = { ...one, idHash: id() };
        const other = { idHash: id(), staffId: b.staff.id, schoolId: b.school.id, expiresAt: 10 * HOUR };
        for (const x of [one, two, other]) await s.sessions.create(x);
        expect(await s.sessions.get(one.idHash)).toEqual(one);
        await s.sessions.remove(one.idHash);
        expect(await s.sessions.get(one.idHash)).toBeNull();
        await s.sessions.removeForStaff(a.staff.id);
        expect(await s.sessions.get(two.idHash)).toBeNull();
        expect(await s.sessions.get(other.idHash)).toEqual(other);
      });
    });

    describe('links', () => {
      const link = (over = {}) => ({
        tokenHash: id(), schoolId: a.school.id, purpose: 'setup' as const, staffId: null, expiresAt: 10 * HOUR, usedAt: null, ...over,
      });

      it('peeks without using, and is taken once only', async () => {
        const l = link();
        await s.links.create(l);
        expect(await s.links.peek(l.tokenHash, HOUR)).toEqual(l);
        expect(await s.links.peek(l.tokenHash, HOUR)).toEqual(l);
        expect(await s.links.take(l.tokenHash, 2 * HOUR)).toEqual({ ...l, usedAt: 2 * HOUR });
        expect(await s.links.take(l.tokenHash, 2 * HOUR)).toBeNull();
        expect(await s.links.peek(l.tokenHash, 2 * HOUR)).toBeNull();
      });

      it('gives a link to only one of two callers taking it at once', async () => {
        const l = link({ purpose: 'invite', staffId: a.staff.id });
        await s.links.create(l);
        const taken = await Promise.all([s.links.take(l.tokenHash, HOUR), s.links.take(l.tokenHash, HOUR)]);
        expect(taken.filter((x) => x !== null)).toHaveLength(1);
        expect(taken.find((x) => x !== null)?.staffId).toBe(a.staff.id);
      });

      it('refuses an expired link, from the moment it expires', async () => {
        const l = link();
        await s.links.create(l);
        expect(await s.links.peek(l.tokenHash, l.expiresAt)).toBeNull();
        expect(await s.links.take(l.tokenHash, l.expiresAt)).toBeNull();
        expect(await s.links.take(l.tokenHash, l.expiresAt - 1)).not.toBeNull();
        expect(await s.links.peek('unknown', HOUR)).toBeNull();
      });
    });

    describe('devices', () => {
      it('creates, reads by id and token hash, and lists per school', async () => {
        const poster = device(a.school.id, { classIds: [a.oak.id, a.rowan.id] });
        const elsewhere = device(b.school.id);
        await s.devices.create(poster);
        await s.devices.create(elsewhere);
        expect(await s.devices.get(a.school.id, poster.id)).toEqual(poster);
        expect(await s.devices.get(b.school.id, poster.id)).toBeNull();
        expect(await s.devices.getByTokenHash(poster.tokenHash)).toEqual(poster);
        expect(await s.devices.getByTokenHash('unknown')).toBeNull();
        expect(byId(await s.devices.list(a.school.id))).toEqual([poster.id]);
      });

      it('revokes once, and only within its school', async () => {
        const poster = device(a.school.id);
        await s.devices.create(poster);
        expect(await s.devices.revoke(b.school.id, poster.id, 2_000)).toBe(false);
        expect((await s.devices.get(a.school.id, poster.id))?.revokedAt).toBeNull();
        expect(await s.devices.revoke(a.school.id, poster.id, 2_000)).toBe(true);
        expect(await s.devices.revoke(a.school.id, poster.id, 3_000)).toBe(false);
        expect((await s.devices.getByTokenHash(poster.tokenHash))?.revokedAt).toBe(2_000);
      });

      it('records last seen and app version; a touch without a version keeps the last one', async () => {
        const poster = device(a.school.id);
        await s.devices.create(poster);
        await s.devices.touch(poster.id, 4_000, '1.2.3');
        expect(await s.devices.get(a.school.id, poster.id)).toMatchObject({ lastSeenAt: 4_000, appVersion: '1.2.3' });
        await s.devices.touch(poster.id, 5_000, null);
        expect(await s.devices.get(a.school.id, poster.id)).toMatchObject({ lastSeenAt: 5_000, appVersion: '1.2.3' });
      });

      it('stores a club tablet with its club', async () => {
        const club = { id: id(), schoolId: a.school.id, name: 'After-school club' };
        await s.clubs.create(a.school.id, club);
        const tablet = device(a.school.id, { kind: 'club', clubId: club.id });
        await s.devices.create(tablet);
        expect(await s.devices.get(a.school.id, tablet.id)).toEqual(tablet);
      });
    });

    describe('pairing codes', () => {
      it('refuses a code that already exists', async () => {
        expect(await s.pairingCodes.create({ code: 'ABC234', createdAt: 0, expiresAt: HOUR })).toBe(true);
        expect(await s.pairingCodes.create({ code: 'ABC234', createdAt: 1, expiresAt: 2 * HOUR })).toBe(false);
      });

      it('is taken once only', async () => {
        const code = { code: 'XYZ789', createdAt: 0, expiresAt: HOUR };
        await s.pairingCodes.create(code);
        expect(await s.pairingCodes.take('XYZ789', 1)).toEqual(code);
        expect(await s.pairingCodes.take('XYZ789', 1)).toBeNull();
        expect(await s.pairingCodes.take('NOPE22', 1)).toBeNull();
      });

      it('expires, and expired codes are removed', async () => {
        await s.pairingCodes.create({ code: 'OLD222', createdAt: 0, expiresAt: HOUR });
        await s.pairingCodes.create({ code: 'NEW333', createdAt: 0, expiresAt: 3 * HOUR });
        expect(await s.pairingCodes.take('OLD222', HOUR)).toBeNull();
        await s.pairingCodes.removeExpired(2 * HOUR);
        // Freed by the clean-up, the code may be issued again.
        expect(await s.pairingCodes.create({ code: 'OLD222', createdAt: 2 * HOUR, expiresAt: 4 * HOUR })).toBe(true);
        expect(await s.pairingCodes.take('NEW333', 2 * HOUR)).not.toBeNull();
      });
    });

    describe('prompts', () => {
      const week = ['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14'];

      it('saves days as drafts and lists a range of classes inclusively', async () => {
        await s.prompts.saveDays(a.school.id, a.oak.id, week.slice(0, 3).map((d) => draft(d)), [], 100);
        await s.prompts.saveDays(a.school.id, a.rowan.id, [draft(week[4]!, { subject: 'history' })], [], 100);
        const oak = await s.prompts.listRange(a.school.id, [a.oak.id], week[0]!, week[1]!);
        expect(oak).toEqual([
          { ...draft(week[0]!), classId: a.oak.id, status: 'draft', updatedAt: 100 },
          { ...draft(week[1]!), classId: a.oak.id, status: 'draft', updatedAt: 100 },
        ]);
        const both = await s.prompts.listRange(a.school.id, [a.oak.id, a.rowan.id], week[0]!, week[4]!);
        expect(both.map((p) => `${p.classId === a.oak.id ? 'oak' : 'rowan'} ${p.date}`).sort()).toEqual([
          `oak ${week[0]}`, `oak ${week[1]}`, `oak ${week[2]}`, `rowan ${week[4]}`,
        ]);
        expect(await s.prompts.listRange(a.school.id, [], week[0]!, week[4]!)).toEqual([]);
      });

      it('publishes and unpublishes days; an edited published day stays published', async () => {
        await s.prompts.saveDays(a.school.id, a.oak.id, week.slice(0, 2).map((d) => draft(d)), [], 100);
        await s.prompts.setStatus(a.school.id, a.oak.id, [week[0]!], 'published', 200);
        await s.prompts.saveDays(a.school.id, a.oak.id, [draft(week[0]!, { theme: 'frogs' })], [], 300);
        const [mon, tue] = await s.prompts.listRange(a.school.id, [a.oak.id], week[0]!, week[1]!);
        expect(mon).toMatchObject({ theme: 'frogs', status: 'published', updatedAt: 300 });
        expect(tue).toMatchObject({ status: 'draft' });
        await s.prompts.setStatus(a.school.id, a.oak.id, [week[0]!, week[1]!], 'draft', 400);
        expect((await s.prompts.listRange(a.school.id, [a.oak.id], week[0]!, week[1]!)).map((p) => p.status)).toEqual(['draft', 'draft']);
      });

      it('removes the days it is told to, in the same save', async () => {
        await s.prompts.saveDays(a.school.id, a.oak.id, week.slice(0, 3).map((d) => draft(d)), [], 100);
        await s.prompts.saveDays(a.school.id, a.oak.id, [draft(week[0]!, { theme: 'tadpoles' })], [week[1]!, week[2]!], 200);
        const left = await s.prompts.listRange(a.school.id, [a.oak.id], week[0]!, week[4]!);
        expect(left.map((p) => [p.date, p.theme])).toEqual([[week[0], 'tadpoles']]);
      });

      it('searches theme and prompt text, with LIKE wildcards as plain text', async () => {
        await s.prompts.saveDays(a.school.id, a.oak.id, [
          draft(week[0]!, { theme: 'fractions', prompt: 'What is 50% of twelve sweets?' }),
          draft(week[1]!, { theme: 'place value', prompt: 'How many tens are in 500?' }),
          draft(week[2]!, { theme: 'Romans', prompt: 'What did the Romans do for us?' }),
        ], [], 100);
        expect((await s.prompts.search(a.school.id, '50%', 10)).map((p) => p.date)).toEqual([week[0]]);
        expect((await s.prompts.search(a.school.id, 'romans', 10)).map((p) => p.date)).toEqual([week[2]]);
        expect(await s.prompts.search(a.school.id, 'e', 2)).toHaveLength(2);
        expect(await s.prompts.search(a.school.id, '_', 10)).toEqual([]);
      });

      it('never shows or changes one school\'s prompts for another', async () => {
        await s.prompts.saveDays(a.school.id, a.oak.id, [draft(week[0]!)], [], 100);
        expect(await s.prompts.listRange(b.school.id, [a.oak.id], week[0]!, week[4]!)).toEqual([]);
        expect(await s.prompts.search(b.school.id, 'life', 10)).toEqual([]);
        await s.prompts.saveDays(b.school.id, a.oak.id, [draft(week[0]!, { theme: 'hijacked' })], [], 200);
        await s.prompts.setStatus(b.school.id, a.oak.id, [week[0]!], 'published', 200);
        await s.prompts.saveDays(b.school.id, a.oak.id, [], [week[0]!], 200);
        expect(await s.prompts.listRange(a.school.id, [a.oak.id], week[0]!, week[4]!)).toEqual([
          { ...draft(week[0]!), classId: a.oak.id, status: 'draft', updatedAt: 100 },
        ]);
      });
    });

    describe('clubs', () => {
      it('creates and lists clubs per school; members are children with their year group', async () => {
        const club = { id: id(), schoolId: a.school.id, name: 'Breakfast club' };
        await s.clubs.create(a.school.id, club);
        expect(await s.clubs.get(a.school.id, club.id)).toEqual(club);
        expect(await s.clubs.get(b.school.id, club.id)).toBeNull();
        expect(await s.clubs.list(b.school.id)).toEqual([]);
        const [amira, , chloe] = a.children;
        await s.clubs.addMembers(a.school.id, club.id, [amira.id, chloe.id]);
        await s.clubs.addMembers(a.school.id, club.id, [amira.id]);
        expect(byId(await s.clubs.members(a.school.id, club.id))).toEqual(byId([amira, chloe]));
        expect((await s.clubs.members(a.school.id, club.id)).find((c) => c.id === chloe.id)).toEqual(chloe);
        await s.clubs.removeMember(a.school.id, club.id, amira.id);
        expect(byId(await s.clubs.members(a.school.id, club.id))).toEqual([chloe.id]);
        expect(await s.clubs.members(b.school.id, club.id)).toEqual([]);
      });
    });

    describe('participation', () => {
      it('stores the same id once, however often it is sent', async () => {
        const e = entry(a.children[0]);
        expect(await s.participation.insert([e])).toEqual([e.id]);
        expect(await s.participation.insert([e, { ...e, note: 'resent' }])).toEqual([]);
        expect(await s.participation.get(a.school.id, e.id)).toEqual(e);
        expect(await s.participation.count(a.school.id)).toBe(1);
        const f = entry(a.children[1]);
        expect(await s.participation.insert([f, f])).toEqual([f.id]);
        expect(await s.participation.count(a.school.id)).toBe(2);
      });

      it('never re-creates an undone entry', async () => {
        const e = entry(a.children[0], { mode: 'peer', partnerChildIds: [a.children[1].id], tags: ['knew_it_well'], note: 'Explained it well' });
        await s.participation.insert([e]);
        expect(await s.participation.remove(b.school.id, e.id, 6_000)).toBe(false);
        expect(await s.participation.remove(a.school.id, e.id, 6_000)).toBe(true);
        expect(await s.participation.remove(a.school.id, e.id, 7_000)).toBe(false);
        expect(await s.participation.insert([e])).toEqual([]);
        expect(await s.participation.get(a.school.id, e.id)).toBeNull();
        expect(await s.participation.listBySchool(a.school.id, '2025-01-01', '2025-12-31')).toEqual([]);
      });

      it('lists by children, class and school within an inclusive date range', async () => {
        const [amira, ben, chloe] = a.children;
        const mon = entry(amira, { date: '2025-03-10' });
        const wed = entry(ben, { date: '2025-03-12', mode: 'staff', staffName: 'Mr Club' });
        const fri = entry(chloe, { date: '2025-03-14' });
        const nextMon = entry(amira, { date: '2025-03-17' });
        await s.participation.insert([mon, wed, fri, nextMon]);
        expect(byId(await s.participation.listByChildren(a.school.id, [amira.id], '2025-03-10', '2025-03-14'))).toEqual([mon.id]);
        expect(await s.participation.listByChildren(a.school.id, [], '2025-03-10', '2025-03-14')).toEqual([]);
        expect(byId(await s.participation.listByClass(a.school.id, a.oak.id, '2025-03-10', '2025-03-12'))).toEqual(byId([mon, wed]));
        expect(byId(await s.participation.listBySchool(a.school.id, '2025-03-12', '2025-03-17'))).toEqual(byId([wed, fri, nextMon]));
        expect(await s.participation.listByClass(a.school.id, a.oak.id, '2025-03-12', '2025-03-12')).toEqual([wed]);
      });

      it('never returns one school\'s log to another', async () => {
        const e = entry(a.children[0]);
        await s.participation.insert([e]);
        expect(await s.participation.get(b.school.id, e.id)).toBeNull();
        expect(await s.participation.listBySchool(b.school.id, '2025-01-01', '2025-12-31')).toEqual([]);
        expect(await s.participation.listByClass(b.school.id, a.oak.id, '2025-01-01', '2025-12-31')).toEqual([]);
        expect(await s.participation.listByChildren(b.school.id, [a.children[0].id], '2025-01-01', '2025-12-31')).toEqual([]);
        expect(await s.participation.count(b.school.id)).toBe(0);
      });
    });

    it('answers a ping', async () => {
      expect(await s.ping()).toBe(true);
    });
  });
}
