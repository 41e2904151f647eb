/** Runs the storage contract on the embedded default, SQLite, in a temp folder. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../server/storage/migrations.ts';
import { openDatabase, openSqliteStorage } from '../../server/storage/sqlite-storage.ts';
import { tempDir } from '../support/test-app.ts';
import { storageContract } from './storage.contract.ts';

storageContract('SQLite', async () => {
  const dir = tempDir('lc-storage-');
  const storage = openSqliteStorage(dir);
  return {
    storage,
    async cleanup() {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite database settings', () => {
  it('opens in WAL mode with foreign keys on, synchronous FULL, fully migrated', () => {
    const dir = tempDir('lc-pragma-');
    const db = openDatabase(join(dir, 'settings.sqlite'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(() => db.prepare("INSERT INTO classes (id, school_id, name, year_group) VALUES ('c', 'no-such-school', 'Oak', 1)").run())
        .toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps every table but pairing codes keyed by school_id', () => {
    const dir = tempDir('lc-schema-');
    const db = openDatabase(join(dir, 'schema.sqlite'));
    try {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      const without = tables.filter((t) => !(db.prepare(`SELECT name FROM pragma_table_xinfo(?)`).all(t) as { name: string }[]).some((c) => c.name === 'school_id'));
      expect(without).toEqual(['pairing_codes']);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
