/**
 * A database made by an earlier release (migration 1 only), with rows written in that
 * release's SQL, upgrades in place: every row is still there and readable through the
 * Storage interface, and the tables the later migrations add work.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../server/storage/migrations.ts';
import { openDatabase, openSqliteStorage } from '../../server/storage/sqlite-storage.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { tempDir } from '../support/test-app.ts';

const FILE = 'learning-conversations.sqlite';

const schemaOf = (dir: string): { version: number; sql: string[] } => {
  const db = openDatabase(join(dir, FILE));
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      sql: (db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all() as { sql: string | null }[]).map((r) => r.sql ?? ''),
    };
  } finally {
    db.close();
  }
};

/** What release 1 wrote, in release 1's own SQL. */
function writeReleaseOne(dir: string): void {
  const db = openDatabase(join(dir, FILE), 1);
  expect(db.pragma('user_version', { simple: true })).toBe(1);
  db.exec(`
    INSERT INTO schools (id, name, time_zone, pickup_start, pickup_end, is_demo)
      VALUES ('s1', 'Old Road Primary', 'Europe/London', '15:00', '15:30', 0);
    INSERT INTO classes (id, school_id, name, year_group) VALUES ('c1', 's1', 'Hazel', 2), ('c2', 's1', 'Ash', 5);
    INSERT INTO children (id, school_id, class_id, display_name, needs_partner) VALUES
      ('k1', 's1', 'c1', 'Priya N.', 1), ('k2', 's1', 'c1', 'Tom W.', 0), ('k3', 's1', 'c2', 'Zara H.', 1);
    INSERT INTO staff (id, school_id, name, email, role, class_ids, password_hash) VALUES
      ('t1', 's1', 'Mrs Hazel', 'hazel@oldroad.test', 'teacher', '["c1"]', 'scrypt$131072$8$1$salt$key'),
      ('a1', 's1', 'Head', 'head@oldroad.test', 'admin', '[]', NULL);
    INSERT INTO devices (id, school_id, kind, label, class_ids, token_hash, created_at, last_seen_at, app_version, revoked_at)
      VALUES ('d1', 's1', 'poster', 'Gate screen', '["c1","c2"]', 'tokenhash1', 1000, 2000, '0.1.0', NULL);
    INSERT INTO prompts (school_id, class_id, date, subject, theme, prompt, kind, minutes, support, extensions, status, updated_at)
      VALUES ('s1', 'c1', '2025-03-10', 'maths', '2D shapes', 'Which shapes can you find at home?', 'practical', 10,
              'A square has four equal sides.', '["How do you know?"]', 'published', 3000),
             ('s1', 'c1', '2025-03-11', 'music', 'repeating patterns', 'Can you clap me the pattern?', 'practical', 5,
              '', '[]', 'draft', 3000);
  `);
  db.close();
}

describe('migrations', () => {
  let dir: string;
  let storage: Storage;

  beforeAll(() => {
    dir = tempDir('lc-migrate-');
    writeReleaseOne(dir);
    storage = openSqliteStorage(dir);
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every row of the earlier release, readable through the Storage interface', async () => {
    expect(await storage.schools.get('s1')).toEqual({
      id: 's1', name: 'Old Road Primary', timeZone: 'Europe/London', pickupStart: '15:00', pickupEnd: '15:30', isDemo: false,
    });
    expect(await storage.classes.list('s1')).toEqual([
      { id: 'c1', schoolId: 's1', name: 'Hazel', yearGroup: 2 },
      { id: 'c2', schoolId: 's1', name: 'Ash', yearGroup: 5 },
    ]);
    expect(await storage.children.listBySchool('s1')).toEqual([
      { id: 'k1', schoolId: 's1', classId: 'c1', displayName: 'Priya N.', yearGroup: 2, needsPartner: true },
      { id: 'k2', schoolId: 's1', classId: 'c1', displayName: 'Tom W.', yearGroup: 2, needsPartner: false },
      { id: 'k3', schoolId: 's1', classId: 'c2', displayName: 'Zara H.', yearGroup: 5, needsPartner: true },
    ]);
    expect(await storage.staff.findByEmail('hazel@oldroad.test')).toEqual({
      id: 't1', schoolId: 's1', name: 'Mrs Hazel', email: 'hazel@oldroad.test', role: 'teacher',
      classIds: ['c1'], passwordHash: 'scrypt$131072$8$1$salt$key',
    });
    expect(await storage.staff.count('s1')).toBe(2);
    expect(await storage.devices.getByTokenHash('tokenhash1')).toEqual({
      id: 'd1', schoolId: 's1', kind: 'poster', label: 'Gate screen', classIds: ['c1', 'c2'], clubId: null,
      createdAt: 1000, lastSeenAt: 2000, appVersion: '0.1.0', revokedAt: null, tokenHash: 'tokenhash1',
    });
    const prompts = await storage.prompts.listRange('s1', ['c1'], '2025-03-10', '2025-03-14');
    expect(prompts.map((p) => [p.date, p.theme, p.status, p.extensions])).toEqual([
      ['2025-03-10', '2D shapes', 'published', ['How do you know?']],
      ['2025-03-11', 'repeating patterns', 'draft', []],
    ]);
  });

  it('adds clubs, club tablets and the participation log, which work with the old rows', async () => {
    const club = { id: 'club1', schoolId: 's1', name: 'Wraparound' };
    await storage.clubs.create('s1', club);
    await storage.clubs.addMembers('s1', club.id, ['k1', 'k3']);
    expect((await storage.clubs.members('s1', club.id)).map((c) => c.id).sort()).toEqual(['k1', 'k3']);

    await storage.devices.create({
      id: 'd2', schoolId: 's1', kind: 'club', label: 'Club tablet', classIds: [], clubId: club.id,
      createdAt: 4000, lastSeenAt: null, appVersion: null, revokedAt: null, tokenHash: 'tokenhash2',
    });
    expect((await storage.devices.list('s1')).map((d) => [d.id, d.clubId])).toEqual([['d1', null], ['d2', 'club1']]);

    const entry = {
      id: randomUUID(), schoolId: 's1', classId: 'c1', childId: 'k1', date: '2025-03-10', mode: 'peer' as const,
      partnerChildIds: ['k3'], staffName: '', tags: ['knew_it_well' as const], note: 'Named every shape', loggedBy: 'tablet: Club tablet', createdAt: 5000,
    };
    expect(await storage.participation.insert([entry])).toEqual([entry.id]);
    expect(await storage.participation.insert([entry])).toEqual([]);
    expect(await storage.participation.listByClass('s1', 'c1', '2025-03-10', '2025-03-14')).toEqual([entry]);
  });

  it('records the last migration in user_version, and reopening is a no-op', async () => {
    await storage.close();
    const before = schemaOf(dir);
    expect(before.version).toBe(migrations.length);
    const after = schemaOf(dir);
    expect(after).toEqual(before);
    storage = openSqliteStorage(dir);
    expect((await storage.children.listBySchool('s1')).length).toBe(3);
    expect(await storage.participation.count('s1')).toBe(1);
  });

  it('refuses a database made by a newer release', () => {
    const newer = tempDir('lc-newer-');
    try {
      const db = openDatabase(join(newer, FILE));
      db.pragma(`user_version = ${migrations.length + 1}`);
      db.close();
      expect(() => openSqliteStorage(newer)).toThrow(/newer than this release/);
    } finally {
      rmSync(newer, { recursive: true, force: true });
    }
  });
});
