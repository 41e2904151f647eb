/**
 * Fills a data folder before a server opens it: a school with thousands of paired
 * screens, or many schools with club tablets and their queued logs. Written through
 * the real storage, in one connection with synchronous=OFF so that seeding 10,000
 * devices takes a second rather than 10,000 fsyncs; the server reopens the file with
 * its own settings.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, isSchoolDay, localDate, schoolDays, weekStart } from '../../../shared/calendar.ts';
import type { Child, ParticipationEntry, School } from '../../../shared/schemas.ts';
import { systemClock } from '../../../server/clock.ts';
import { seedDemoSchool } from '../../../server/demo-school.ts';
import { hashSecret, newId, newSecret } from '../../../server/ids.ts';
import { openDatabase, sqliteStorage } from '../../../server/storage/sqlite-storage.ts';
import type { Storage } from '../../../server/storage/storage.ts';

/** The file openSqliteStorage opens in a data folder. */
export const DB_FILE = 'learning-conversations.sqlite';

/** Tokens are derived from the index so that client processes need no list of them. */
export const posterToken = (i: number) => `bench-poster-token-${i}`;
export const tabletToken = (i: number) => `bench-tablet-token-${i}`;

async function withStorage<T>(dataDir: string, fill: (storage: Storage) => Promise<T>): Promise<T> {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, DB_FILE));
  db.pragma('synchronous = OFF');
  try {
    return await fill(sqliteStorage(db));
  } finally {
    db.close();
  }
}

const newSchool = (name: string): School => ({ id: newId(), name, timeZone: 'Europe/London', pickupStart: '14:45', pickupEnd: '15:45', isDemo: false });

export interface PosterSchool {
  schoolId: string;
  classId: string;
  /** What a teacher publishes: a day of the seeded week. */
  publish: { classId: string; weekStart: string; date: string };
  /** Cookie header of a signed-in admin (admins may publish). */
  cookie: string;
  displays: number;
}

/** The demo school's classes and published week, with `displays` poster screens on its first class. */
export function seedPosterSchool(dataDir: string, displays: number): Promise<PosterSchool> {
  return withStorage(dataDir, async (storage) => {
    const now = systemClock.now();
    const school = newSchool('Bench Primary');
    await storage.schools.create(school);
    const adminId = await seedDemoSchool(storage, school, systemClock);
    const [cls] = await storage.classes.list(school.id);
    if (!cls) throw new Error('the demo school has no class');
    const sessionId = newSecret();
    await storage.sessions.create({ idHash: hashSecret(sessionId), staffId: adminId, schoolId: school.id, expiresAt: now + 86_400_000 });
    for (let i = 0; i < displays; i++) {
      await storage.devices.create({
        id: newId(), schoolId: school.id, kind: 'poster', label: `Screen ${i}`, classIds: [cls.id], clubId: null,
        createdAt: now, lastSeenAt: null, appVersion: null, revokedAt: null, tokenHash: hashSecret(posterToken(i)),
      });
    }
    // The same week seedDemoSchool planned and published.
    const today = localDate(now, school.timeZone);
    const start = weekStart(isSchoolDay(today) ? today : addDays(today, 2));
    return {
      schoolId: school.id, classId: cls.id, displays,
      publish: { classId: cls.id, weekStart: start, date: schoolDays(start)[0]! },
      cookie: `lc_session=${encodeURIComponent(sessionId)}`,
    };
  });
}

export interface Tablet {
  token: string;
  label: string;
  schoolId: string;
  /** Each child's class, for writing the same rows straight to SQLite. */
  classOf: Record<string, string>;
  /** What its outbox holds when it comes back online. */
  entries: ParticipationEntry[];
}

/**
 * `tablets` club tablets spread over schools of five clubs each (a trust after a Wi-Fi
 * outage), each club with its own ten children, each tablet with `logsPerTablet` logs.
 */
export function seedClubTablets(dataDir: string, tablets: number, logsPerTablet: number): Promise<Tablet[]> {
  return withStorage(dataDir, async (storage) => {
    const now = systemClock.now();
    const out: Tablet[] = [];
    let school: School | null = null;
    let classIds: string[] = [];
    for (let t = 0; t < tablets; t++) {
      if (t % 5 === 0) {
        school = newSchool(`Bench School ${t / 5 + 1}`);
        await storage.schools.create(school);
        classIds = [newId(), newId()];
        for (const [k, id] of classIds.entries()) await storage.classes.create({ id, schoolId: school.id, name: `Class ${k + 1}`, yearGroup: k * 5 + 1 });
      }
      const s = school!;
      const club = { id: newId(), schoolId: s.id, name: `Club ${t}` };
      await storage.clubs.create(s.id, club);
      const children: Child[] = Array.from({ length: 10 }, (_, i) => ({
        id: newId(), schoolId: s.id, classId: classIds[i % 2]!, yearGroup: (i % 2) * 5 + 1, displayName: `Child ${t}-${i}`, needsPartner: true,
      }));
      await storage.children.createMany(children);
      await storage.clubs.addMembers(s.id, club.id, children.map((c) => c.id));
      await storage.devices.create({
        id: newId(), schoolId: s.id, kind: 'club', label: `Tablet ${t}`, classIds: [], clubId: club.id,
        createdAt: now, lastSeenAt: null, appVersion: null, revokedAt: null, tokenHash: hashSecret(tabletToken(t)),
      });
      const today = localDate(now, s.timeZone);
      const entries = Array.from({ length: logsPerTablet }, (_, i): ParticipationEntry => {
        const child = children[i % 10]!;
        const peer = i % 2 === 0;
        return {
          id: randomUUID(), childId: child.id, date: addDays(today, -(i % 5)),
          mode: peer ? 'peer' : 'staff', partnerChildIds: peer ? [children[(i + 1) % 10]!.id] : [],
          staffName: peer ? '' : 'Ms Bench', tags: i % 7 === 0 ? ['knew_it_well'] : [], note: i % 3 === 0 ? 'Explained every stage.' : '',
        };
      });
      out.push({ token: tabletToken(t), label: `Tablet ${t}`, schoolId: s.id, classOf: Object.fromEntries(children.map((c) => [c.id, c.classId])), entries });
    }
    return out;
  });
}

/** An admin of a school with no devices: nothing the admin does can hang up on another school's devices. */
export function seedAdmin(dataDir: string): Promise<{ cookie: string }> {
  return withStorage(dataDir, async (storage) => {
    const school = newSchool('Bench Admin School');
    const staffId = newId();
    const sessionId = newSecret();
    await storage.schools.create(school);
    await storage.classes.create({ id: newId(), schoolId: school.id, name: 'Class A', yearGroup: 3 });
    await storage.staff.create({ id: staffId, schoolId: school.id, name: 'Bench Admin', email: `${staffId.toLowerCase()}@bench.invalid`, role: 'admin', classIds: [], passwordHash: null });
    await storage.sessions.create({ idHash: hashSecret(sessionId), staffId, schoolId: school.id, expiresAt: systemClock.now() + 86_400_000 });
    return { cookie: `lc_session=${encodeURIComponent(sessionId)}` };
  });
}
