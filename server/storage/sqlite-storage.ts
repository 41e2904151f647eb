/**
 * The embedded default: SQLite through better-sqlite3 in WAL mode. Statements run
 * synchronously, so a resolved promise means the write is committed (synchronous=FULL
 * makes it survive a power cut, not just a crash of this process).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Child, Club, Participation, Prompt, PromptDraft, School, SchoolClass } from '../../shared/schemas.ts';
import { migrations } from './migrations.ts';
import type {
  DeviceRecord, LinkRecord, PairingCodeRecord, SessionRecord, StaffRecord, Storage,
} from './storage.ts';

type Row = Record<string, unknown>;
type Db = Database.Database;

export function migrate(db: Db, upTo = migrations.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  // An older release must not run on a newer schema: it would misread rows it does not know.
  if (current > migrations.length) {
    throw new Error(`The database is at version ${current}, newer than this release (${migrations.length}): upgrade the app.`);
  }
  for (let v = current; v < upTo; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export function openDatabase(file: string, upTo = migrations.length): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, upTo);
  return db;
}

/** Opens (and migrates) `<dataDir>/learning-conversations.sqlite`. */
export function openSqliteStorage(dataDir: string): Storage {
  mkdirSync(dataDir, { recursive: true });
  return sqliteStorage(openDatabase(join(dataDir, 'learning-conversations.sqlite')));
}

const json = (value: unknown): string => JSON.stringify(value);
const strings = (value: unknown): string[] => JSON.parse(String(value)) as string[];
const bool = (value: unknown): boolean => value === 1;
const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(',');
/** Escapes LIKE wildcards so a search for "50%" means that text. */
const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const toSchool = (r: Row): School => ({
  id: String(r.id), name: String(r.name), timeZone: String(r.time_zone),
  pickupStart: String(r.pickup_start), pickupEnd: String(r.pickup_end), isDemo: bool(r.is_demo),
});
const toClass = (r: Row): SchoolClass => ({
  id: String(r.id), schoolId: String(r.school_id), name: String(r.name), yearGroup: Number(r.year_group),
});
const childColumns = 'c.id, c.school_id, c.class_id, c.display_name, c.needs_partner, k.year_group';
const toChild = (r: Row): Child => ({
  id: String(r.id), schoolId: String(r.school_id), classId: String(r.class_id),
  displayName: String(r.display_name), yearGroup: Number(r.year_group), needsPartner: bool(r.needs_partner),
});
const toStaff = (r: Row): StaffRecord => ({
  id: String(r.id), schoolId: String(r.school_id), name: String(r.name), email: String(r.email),
  role: r.role as StaffRecord['role'], classIds: strings(r.class_ids),
  passwordHash: r.password_hash == null ? null : String(r.password_hash),
});
const toDevice = (r: Row): DeviceRecord => ({
  id: String(r.id), schoolId: String(r.school_id), kind: r.kind as DeviceRecord['kind'], label: String(r.label),
  classIds: strings(r.class_ids), clubId: r.club_id == null ? null : String(r.club_id),
  createdAt: Number(r.created_at), lastSeenAt: r.last_seen_at == null ? null : Number(r.last_seen_at),
  appVersion: r.app_version == null ? null : String(r.app_version),
  revokedAt: r.revoked_at == null ? null : Number(r.revoked_at), tokenHash: String(r.token_hash),
});
const toPrompt = (r: Row): Prompt => ({
  classId: String(r.class_id), date: String(r.date), subject: String(r.subject), theme: String(r.theme),
  prompt: String(r.prompt), kind: r.kind as Prompt['kind'], minutes: Number(r.minutes), support: String(r.support),
  extensions: strings(r.extensions), status: r.status as Prompt['status'], updatedAt: Number(r.updated_at),
});
const toParticipation = (r: Row): Participation => ({
  id: String(r.id), schoolId: String(r.school_id), classId: String(r.class_id), childId: String(r.child_id),
  date: String(r.date), mode: r.mode as Participation['mode'], partnerChildIds: strings(r.partner_child_ids),
  staffName: String(r.staff_name), tags: strings(r.tags) as Participation['tags'], note: String(r.note),
  loggedBy: String(r.logged_by), createdAt: Number(r.created_at),
});
const toLink = (r: Row): LinkRecord => ({
  tokenHash: String(r.token_hash), schoolId: String(r.school_id), purpose: r.purpose as LinkRecord['purpose'],
  staffId: r.staff_id == null ? null : String(r.staff_id), expiresAt: Number(r.expires_at),
  usedAt: r.used_at == null ? null : Number(r.used_at),
});

/**
 * Group commit: writes asked for in the same turn of the event loop share one
 * transaction, and so one fsync, which is what limits fifty tablets syncing at once or
 * a thousand screens reconnecting (docs/PERFORMANCE.md). Each write keeps its own
 * savepoint, so one that fails fails alone; every promise resolves once the group is committed.
 */
function groupCommit(db: Db) {
  type Member = { write(): unknown; resolve(out: unknown): void; reject(err: unknown): void };
  const all = db.transaction((members: Member[]) => members.map(({ write }) => {
    try {
      return { out: db.transaction(write)() };
    } catch (err) {
      // Some errors (disk full, I/O) roll back the whole transaction, not just the savepoint:
      // then the group fails as one, and no later write runs outside it.
      if (!db.inTransaction) throw err;
      return { err };
    }
  }));
  let waiting: Member[] = [];
  const flush = (): void => {
    const members = waiting;
    waiting = [];
    if (members.length === 0) return;
    let results: { out?: unknown; err?: unknown }[];
    try {
      results = all(members);
    } catch (err) {
      results = members.map(() => ({ err }));
    }
    members.forEach((m, i) => ('err' in results[i]! ? m.reject(results[i]!.err) : m.resolve(results[i]!.out)));
  };
  return {
    write: <T>(write: () => T) => new Promise<T>((resolve, reject) => {
      waiting.push({ write, resolve: resolve as (out: unknown) => void, reject });
      if (waiting.length === 1) setImmediate(flush);
    }),
    flush,
  };
}

export function sqliteStorage(db: Db): Storage {
  // Prepared once per SQL text: preparing costs more than running most of these queries.
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const all = (sql: string, ...params: unknown[]): Row[] => prepared(sql).all(...params) as Row[];
  const one = (sql: string, ...params: unknown[]): Row | undefined => prepared(sql).get(...params) as Row | undefined;
  const run = (sql: string, ...params: unknown[]) => prepared(sql).run(...params);

  const insertChild = db.prepare(
    'INSERT INTO children (id, school_id, class_id, display_name, needs_partner) VALUES (?, ?, ?, ?, ?)',
  );
  const insertParticipation = db.prepare(`INSERT INTO participation
    (id, school_id, class_id, child_id, date, mode, partner_child_ids, staff_name, tags, note, logged_by, created_at)
    VALUES (@id, @schoolId, @classId, @childId, @date, @mode, @partners, @staffName, @tags, @note, @loggedBy, @createdAt)
    ON CONFLICT (id) DO NOTHING`);
  const upsertPrompt = db.prepare(`INSERT INTO prompts
    (school_id, class_id, date, subject, theme, prompt, kind, minutes, support, extensions, status, updated_at)
    VALUES (@schoolId, @classId, @date, @subject, @theme, @prompt, @kind, @minutes, @support, @extensions, 'draft', @at)
    ON CONFLICT (class_id, date) DO UPDATE SET subject = excluded.subject, theme = excluded.theme,
      prompt = excluded.prompt, kind = excluded.kind, minutes = excluded.minutes, support = excluded.support,
      extensions = excluded.extensions, updated_at = excluded.updated_at
    WHERE prompts.school_id = excluded.school_id`);

  const grouped = groupCommit(db);

  return {
    schools: {
      async create(s) {
        run('INSERT INTO schools (id, name, time_zone, pickup_start, pickup_end, is_demo) VALUES (?, ?, ?, ?, ?, ?)',
          s.id, s.name, s.timeZone, s.pickupStart, s.pickupEnd, s.isDemo ? 1 : 0);
      },
      async get(id) {
        const r = one('SELECT * FROM schools WHERE id = ?', id);
        return r ? toSchool(r) : null;
      },
      async list() {
        return all('SELECT * FROM schools ORDER BY name').map(toSchool);
      },
      async update(s) {
        run('UPDATE schools SET name = ?, time_zone = ?, pickup_start = ?, pickup_end = ?, is_demo = ? WHERE id = ?',
          s.name, s.timeZone, s.pickupStart, s.pickupEnd, s.isDemo ? 1 : 0, s.id);
      },
    },

    classes: {
      async create(c) {
        run('INSERT INTO classes (id, school_id, name, year_group) VALUES (?, ?, ?, ?)', c.id, c.schoolId, c.name, c.yearGroup);
      },
      async get(schoolId, id) {
        const r = one('SELECT * FROM classes WHERE school_id = ? AND id = ?', schoolId, id);
        return r ? toClass(r) : null;
      },
      async list(schoolId) {
        return all('SELECT * FROM classes WHERE school_id = ? ORDER BY year_group, name', schoolId).map(toClass);
      },
    },

    children: {
      async createMany(children) {
        db.transaction(() => {
          for (const c of children) insertChild.run(c.id, c.schoolId, c.classId, c.displayName, c.needsPartner ? 1 : 0);
        })();
      },
      async get(schoolId, id) {
        const r = one(`SELECT ${childColumns} FROM children c JOIN classes k ON k.id = c.class_id
          WHERE c.school_id = ? AND c.id = ?`, schoolId, id);
        return r ? toChild(r) : null;
      },
      async getMany(schoolId, ids) {
        if (ids.length === 0) return [];
        return all(`SELECT ${childColumns} FROM children c JOIN classes k ON k.id = c.class_id
          WHERE c.school_id = ? AND c.id IN (${placeholders(ids.length)})`, schoolId, ...ids).map(toChild);
      },
      async listByClass(schoolId, classId) {
        return all(`SELECT ${childColumns} FROM children c JOIN classes k ON k.id = c.class_id
          WHERE c.school_id = ? AND c.class_id = ? ORDER BY c.display_name`, schoolId, classId).map(toChild);
      },
      async listBySchool(schoolId) {
        return all(`SELECT ${childColumns} FROM children c JOIN classes k ON k.id = c.class_id
          WHERE c.school_id = ? ORDER BY k.year_group, k.name, c.display_name`, schoolId).map(toChild);
      },
      async update(c) {
        run('UPDATE children SET class_id = ?, display_name = ?, needs_partner = ? WHERE school_id = ? AND id = ?',
          c.classId, c.displayName, c.needsPartner ? 1 : 0, c.schoolId, c.id);
      },
      async remove(schoolId, id) {
        return run('DELETE FROM children WHERE school_id = ? AND id = ?', schoolId, id).changes > 0;
      },
      async search(schoolId, query, limit) {
        return all(`SELECT ${childColumns} FROM children c JOIN classes k ON k.id = c.class_id
          WHERE c.school_id = ? AND c.display_name LIKE ? ESCAPE '\\' ORDER BY c.display_name LIMIT ?`,
          schoolId, likePattern(query), limit).map(toChild);
      },
    },

    staff: {
      async create(s) {
        run('INSERT INTO staff (id, school_id, name, email, role, class_ids, password_hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
          s.id, s.schoolId, s.name, s.email, s.role, json(s.classIds), s.passwordHash);
      },
      async get(id) {
        const r = one('SELECT * FROM staff WHERE id = ?', id);
        return r ? toStaff(r) : null;
      },
      async findByEmail(email) {
        const r = one('SELECT * FROM staff WHERE email = ?', email);
        return r ? toStaff(r) : null;
      },
      async list(schoolId) {
        return all('SELECT * FROM staff WHERE school_id = ? ORDER BY name', schoolId).map(toStaff);
      },
      async count(schoolId) {
        return Number(one('SELECT count(*) AS n FROM staff WHERE school_id = ?', schoolId)!.n);
      },
      async setPassword(id, hash) {
        run('UPDATE staff SET password_hash = ? WHERE id = ?', hash, id);
      },
      async remove(schoolId, id) {
        return run('DELETE FROM staff WHERE school_id = ? AND id = ?', schoolId, id).changes > 0;
      },
    },

    sessions: {
      async create(s) {
        run('INSERT INTO sessions (id_hash, school_id, staff_id, expires_at) VALUES (?, ?, ?, ?)', s.idHash, s.schoolId, s.staffId, s.expiresAt);
      },
      async get(idHash) {
        const r = one('SELECT * FROM sessions WHERE id_hash = ?', idHash);
        return r
          ? { idHash: String(r.id_hash), schoolId: String(r.school_id), staffId: String(r.staff_id), expiresAt: Number(r.expires_at) } satisfies SessionRecord
          : null;
      },
      async remove(idHash) {
        run('DELETE FROM sessions WHERE id_hash = ?', idHash);
      },
      async removeForStaff(staffId) {
        run('DELETE FROM sessions WHERE staff_id = ?', staffId);
      },
    },

    links: {
      async create(l) {
        run('INSERT INTO links (token_hash, school_id, purpose, staff_id, expires_at, used_at) VALUES (?, ?, ?, ?, ?, NULL)',
          l.tokenHash, l.schoolId, l.purpose, l.staffId, l.expiresAt);
      },
      async peek(tokenHash, now) {
        const r = one('SELECT * FROM links WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?', tokenHash, now);
        return r ? toLink(r) : null;
      },
      async take(tokenHash, now) {
        const r = one('UPDATE links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING *',
          now, tokenHash, now);
        return r ? toLink(r) : null;
      },
    },

    devices: {
      async create(d) {
        run(`INSERT INTO devices (id, school_id, kind, label, class_ids, club_id, token_hash, created_at, last_seen_at, app_version, revoked_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          d.id, d.schoolId, d.kind, d.label, json(d.classIds), d.clubId, d.tokenHash, d.createdAt, d.lastSeenAt, d.appVersion, d.revokedAt);
      },
      async get(schoolId, id) {
        const r = one('SELECT * FROM devices WHERE school_id = ? AND id = ?', schoolId, id);
        return r ? toDevice(r) : null;
      },
      async getByTokenHash(tokenHash) {
        const r = one('SELECT * FROM devices WHERE token_hash = ?', tokenHash);
        return r ? toDevice(r) : null;
      },
      async list(schoolId) {
        return all('SELECT * FROM devices WHERE school_id = ? ORDER BY created_at', schoolId).map(toDevice);
      },
      async revoke(schoolId, id, at) {
        return run('UPDATE devices SET revoked_at = ? WHERE school_id = ? AND id = ? AND revoked_at IS NULL', at, schoolId, id).changes > 0;
      },
      async touch(id, at, appVersion) {
        await grouped.write(() => run('UPDATE devices SET last_seen_at = ?, app_version = coalesce(?, app_version) WHERE id = ?', at, appVersion, id));
      },
    },

    pairingCodes: {
      async create(p) {
        return run('INSERT INTO pairing_codes (code, created_at, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
          p.code, p.createdAt, p.expiresAt).changes > 0;
      },
      async take(code, now) {
        const r = one('DELETE FROM pairing_codes WHERE code = ? AND expires_at > ? RETURNING *', code, now);
        return r ? ({ code: String(r.code), createdAt: Number(r.created_at), expiresAt: Number(r.expires_at) } satisfies PairingCodeRecord) : null;
      },
      async removeExpired(now) {
        run('DELETE FROM pairing_codes WHERE expires_at <= ?', now);
      },
    },

    prompts: {
      async saveDays(schoolId, classId, drafts: PromptDraft[], removeDates, at) {
        db.transaction(() => {
          for (const d of drafts) {
            upsertPrompt.run({ ...d, schoolId, classId, extensions: json(d.extensions), at });
          }
          for (const date of removeDates) run('DELETE FROM prompts WHERE school_id = ? AND class_id = ? AND date = ?', schoolId, classId, date);
        })();
      },
      async setStatus(schoolId, classId, dates, status, at) {
        if (dates.length === 0) return;
        run(`UPDATE prompts SET status = ?, updated_at = ? WHERE school_id = ? AND class_id = ? AND date IN (${placeholders(dates.length)})`,
          status, at, schoolId, classId, ...dates);
      },
      async listRange(schoolId, classIds, from, to) {
        if (classIds.length === 0) return [];
        return all(`SELECT * FROM prompts WHERE school_id = ? AND class_id IN (${placeholders(classIds.length)})
          AND date BETWEEN ? AND ? ORDER BY date, class_id`, schoolId, ...classIds, from, to).map(toPrompt);
      },
      async search(schoolId, query, limit) {
        const pattern = likePattern(query);
        return all(`SELECT * FROM prompts WHERE school_id = ? AND (theme LIKE ? ESCAPE '\\' OR prompt LIKE ? ESCAPE '\\')
          ORDER BY date DESC LIMIT ?`, schoolId, pattern, pattern, limit).map(toPrompt);
      },
    },

    clubs: {
      async create(schoolId, c: Club) {
        run('INSERT INTO clubs (id, school_id, name) VALUES (?, ?, ?)', c.id, schoolId, c.name);
      },
      async get(schoolId, id) {
        const r = one('SELECT * FROM clubs WHERE school_id = ? AND id = ?', schoolId, id);
        return r ? { id: String(r.id), schoolId: String(r.school_id), name: String(r.name) } : null;
      },
      async list(schoolId) {
        return all('SELECT * FROM clubs WHERE school_id = ? ORDER BY name', schoolId)
          .map((r) => ({ id: String(r.id), schoolId: String(r.school_id), name: String(r.name) }));
      },
      async addMembers(schoolId, clubId, childIds) {
        const add = db.prepare('INSERT INTO club_members (school_id, club_id, child_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
        db.transaction(() => {
          for (const id of childIds) add.run(schoolId, clubId, id);
        })();
      },
      async removeMember(schoolId, clubId, childId) {
        run('DELETE FROM club_members WHERE school_id = ? AND club_id = ? AND child_id = ?', schoolId, clubId, childId);
      },
      async members(schoolId, clubId) {
        return all(`SELECT ${childColumns} FROM club_members m JOIN children c ON c.id = m.child_id
          JOIN classes k ON k.id = c.class_id WHERE m.school_id = ? AND m.club_id = ?
          ORDER BY k.year_group DESC, c.display_name`, schoolId, clubId).map(toChild);
      },
    },

    participation: {
      insert: (entries) => grouped.write(() => {
        const inserted: string[] = [];
        for (const e of entries) {
          const changes = insertParticipation.run({
            ...e, partners: json(e.partnerChildIds), tags: json(e.tags),
          }).changes;
          if (changes > 0) inserted.push(e.id);
        }
        return inserted;
      }),
      async get(schoolId, id) {
        const r = one('SELECT * FROM participation WHERE school_id = ? AND id = ? AND removed_at IS NULL', schoolId, id);
        return r ? toParticipation(r) : null;
      },
      async remove(schoolId, id, at) {
        return run('UPDATE participation SET removed_at = ? WHERE school_id = ? AND id = ? AND removed_at IS NULL', at, schoolId, id).changes > 0;
      },
      async listByChildren(schoolId, childIds, from, to) {
        if (childIds.length === 0) return [];
        return all(`SELECT * FROM participation WHERE school_id = ? AND child_id IN (${placeholders(childIds.length)})
          AND date BETWEEN ? AND ? AND removed_at IS NULL ORDER BY date, created_at`, schoolId, ...childIds, from, to).map(toParticipation);
      },
      async listByClass(schoolId, classId, from, to) {
        return all(`SELECT * FROM participation WHERE school_id = ? AND class_id = ? AND date BETWEEN ? AND ?
          AND removed_at IS NULL ORDER BY date, created_at`, schoolId, classId, from, to).map(toParticipation);
      },
      async listBySchool(schoolId, from, to) {
        return all(`SELECT * FROM participation WHERE school_id = ? AND date BETWEEN ? AND ?
          AND removed_at IS NULL ORDER BY date, created_at`, schoolId, from, to).map(toParticipation);
      },
      async count(schoolId) {
        return Number(one('SELECT count(*) AS n FROM participation WHERE school_id = ?', schoolId)!.n);
      },
    },

    async ping() {
      try {
        return one('SELECT 1 AS ok')?.ok === 1;
      } catch {
        return false;
      }
    },
    async close() {
      grouped.flush();
      if (db.open) db.close();
    },
  };
}
