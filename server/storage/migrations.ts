/**
 * Versioned migrations, applied in order at start. PRAGMA user_version records how far a
 * database has come. Never edit a migration that has shipped: add the next one.
 * Every table carries school_id so one deployment can serve a whole trust; pairing
 * codes are the one exception, since a code belongs to no school until it is claimed.
 */
export const migrations: readonly string[] = [
  // 1: schools, people, devices, prompts
  `
  CREATE TABLE schools (
    id TEXT PRIMARY KEY,
    school_id TEXT GENERATED ALWAYS AS (id) VIRTUAL,
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    pickup_start TEXT NOT NULL,
    pickup_end TEXT NOT NULL,
    is_demo INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE classes (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    year_group INTEGER NOT NULL CHECK (year_group BETWEEN 0 AND 6),
    UNIQUE (school_id, name)
  );
  CREATE TABLE children (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
    class_id TEXT NOT NULL REFERENCES classes(id),
    display_name TEXT NOT NULL,
    needs_partner INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX children_by_class ON children (school_id, class_id);
  CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL COLLATE NOCASE UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'teacher', 'staff')),
    class_ids TEXT NOT NULL DEFAULT '[]',
    password_hash TEXT
  );
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
    staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE links (
    token_hash TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('setup', 'login', 'invite')),
    staff_id TEXT REFERENCES staff(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('poster', 'club')),
    label TEXT NOT NULL,
    class_ids TEXT NOT NULL DEFAULT '[]',
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER,
    app_version TEXT,
    revoked_at INTEGER
  );
  CREATE TABLE pairing_codes (
    code TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE prompts (
    school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
    class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    subject TEXT NOT NULL,
    theme TEXT NOT NULL,
    prompt TEXT NOT NULL,
    kind TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    support TEXT NOT NULL,
    extensions TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (class_id, date)
  );
  CREATE INDEX prompts_by_school ON prompts (school_id, date);
  `,
  // 2: clubs and the participation log
  `
  CREATE TABLE clubs (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
    name TEXT NOT NULL
  );
  CREATE TABLE club_members (
    school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
    club_id TEXT NOT NULL REFERENCES clubs(id) ON DELETE CASCADE,
    child_id TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    PRIMARY KEY (club_id, child_id)
  );
  ALTER TABLE devices ADD COLUMN club_id TEXT REFERENCES clubs(id);
  CREATE TABLE participation (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
    class_id TEXT NOT NULL REFERENCES classes(id),
    child_id TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('home', 'peer', 'staff')),
    partner_child_ids TEXT NOT NULL DEFAULT '[]',
    staff_name TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '',
    logged_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    removed_at INTEGER
  );
  CREATE INDEX participation_by_class ON participation (school_id, class_id, date);
  CREATE INDEX participation_by_child ON participation (school_id, child_id, date);
  `,
];
