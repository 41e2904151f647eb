/**
 * What this device keeps in IndexedDB: its pairing token, the cached state its view
 * needs to work offline, and (for a club tablet) the outbox of logs waiting to sync.
 * Cached values are parsed with their shared schema when read: a corrupt cache is
 * dropped (and resynced) rather than crashing a screen on the playground.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z, type ZodMiniType } from 'zod/mini';
import { Device, type ParticipationEntry } from '../../shared/schemas.ts';

export interface OutboxItem {
  id: string;
  entry: ParticipationEntry;
  /** pending: waits to be sent; refused: the server said no, and why (shown to staff, not retried). */
  status: 'pending' | 'refused';
  reason: string | null;
  queuedAt: number;
}

/** What pairing left on this device: its token, and what it was paired as. */
export const Paired = z.strictObject({ token: z.string().check(z.minLength(20), z.maxLength(200)), device: Device });
export type Paired = z.infer<typeof Paired>;

interface StoreSchema extends DBSchema {
  kv: { key: string; value: unknown };
  outbox: { key: string; value: OutboxItem; indexes: { byQueuedAt: number } };
}

const DB_NAME = 'learning-conversations';

let dbPromise: Promise<IDBPDatabase<StoreSchema>> | null = null;

function db(): Promise<IDBPDatabase<StoreSchema>> {
  dbPromise ??= openDB<StoreSchema>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('kv');
      database.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byQueuedAt', 'queuedAt');
    },
  });
  return dbPromise;
}

export async function readKey<T>(key: string, schema?: ZodMiniType<T>): Promise<T | null> {
  const value = await (await db()).get('kv', key);
  if (value === undefined) return null;
  if (!schema) return value as T;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  console.warn(`discarding a corrupt cached ${key}`);
  await (await db()).delete('kv', key);
  return null;
}

export async function writeKey(key: string, value: unknown): Promise<void> {
  await (await db()).put('kv', value, key);
}

export async function deleteKey(key: string): Promise<void> {
  await (await db()).delete('kv', key);
}

export const readPaired = () => readKey('paired', Paired);
export const writePaired = (paired: Paired) => writeKey('paired', paired);
export const forgetPaired = () => deleteKey('paired');

export const outbox = {
  async put(item: OutboxItem): Promise<void> {
    await (await db()).put('outbox', item);
  },
  async all(): Promise<OutboxItem[]> {
    return (await db()).getAllFromIndex('outbox', 'byQueuedAt');
  },
  async remove(ids: string[]): Promise<void> {
    const tx = (await db()).transaction('outbox', 'readwrite');
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  },
  async get(id: string): Promise<OutboxItem | undefined> {
    return (await db()).get('outbox', id);
  },
};
