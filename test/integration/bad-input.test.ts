/**
 * Bad input on every event, from a caller who may call it: wrong types, missing fields,
 * extra fields, huge strings, binary where JSON belongs, null, arrays and no payload at
 * all. Each gets an `invalid` ack naming the path at fault, the server stays up, and
 * nothing is written. Payloads are varied from one valid payload per event, at every
 * field, nested ones included.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEvents, type ClientEventName } from '../../shared/events.ts';
import { MAX_MESSAGE_BYTES } from '../../server/realtime/socket-server.ts';
import { call, callRaw, connectSocket, expectOk, startTestApp, type TestApp, type TestSocket } from '../support/test-app.ts';
import { buildWorld, snapshot, type World } from './callers.ts';

const EVENTS = Object.keys(clientEvents) as ClientEventName[];
const HUGE = 'x'.repeat(100_000);

/** A caller allowed to call each event: an admin, unless only a device may. */
const CALLER: Partial<Record<ClientEventName, keyof World['sockets']>> = {
  'device:requestCode': 'unpaired',
  'device:hello': 'poster',
  'display:sync': 'poster',
  'club:sync': 'club',
};
/** Fields that may be left out; every other field is required. */
const OPTIONAL = new Set(['child:update displayName', 'child:update needsPartner', 'child:update classId', 'roster:import dryRun', 'week:publish date', 'week:unpublish date', 'participation:notes tag']);
/** Fields that may be null. */
const NULLABLE = new Set(['device:claim clubId']);
/** A CSV may be as long as a 2,000-row roster: 100k characters is fine there, so it gets more. */
const LONGEST: Partial<Record<string, number>> = { 'roster:import csv': 200_000 };

type Path = (string | number)[];
interface Variant {
  name: string;
  payload: unknown;
  /** Send no payload at all, only the ack. */
  none?: boolean;
  /** The path the answer must name. */
  at: Path;
}

const clone = <T>(v: T): T => structuredClone(v);
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}
function deleteAt(root: unknown, path: Path): unknown {
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  delete node[path.at(-1)!];
  return copy;
}

const wrongTypeFor = (v: unknown): unknown =>
  typeof v === 'string' ? 12345 : typeof v === 'number' ? 'seven' : typeof v === 'boolean' ? 'yes' : Array.isArray(v) ? 'not a list' : 42;

/** Every bad variant of a valid payload, each with the path the answer must name. */
function variantsOf(event: ClientEventName, valid: unknown): Variant[] {
  const out: Variant[] = [
    { name: 'null', payload: null, at: [] },
    { name: 'an array', payload: [valid], at: [] },
    { name: 'a number', payload: 7, at: [] },
    { name: 'a huge string', payload: HUGE, at: [] },
    { name: 'binary', payload: Buffer.from(JSON.stringify(valid)), at: [] },
    { name: 'no payload', payload: undefined, none: true, at: [] },
  ];
  const walk = (value: unknown, path: Path): void => {
    const key = `${event} ${path.join('.')}`;
    if (path.length > 0) {
      out.push({ name: `wrong type at ${path.join('.')}`, payload: setAt(valid, path, wrongTypeFor(value)), at: path });
      if (!NULLABLE.has(key) && value !== null) out.push({ name: `null at ${path.join('.')}`, payload: setAt(valid, path, null), at: path });
      if (typeof value === 'string') {
        const length = (LONGEST[key] ?? HUGE.length - 1) + 1;
        out.push({ name: `${length} characters at ${path.join('.')}`, payload: setAt(valid, path, 'x'.repeat(length)), at: path });
        out.push({ name: `binary at ${path.join('.')}`, payload: setAt(valid, path, Buffer.from(value)), at: path });
      }
    }
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      out.push({ name: `extra field at ${path.join('.') || 'the top'}`, payload: setAt(valid, [...path, 'sneaky'], 'x'), at: [...path, 'sneaky'] });
      for (const [k, v] of Object.entries(value)) {
        const child = [...path, k];
        if (!(path.length === 0 && OPTIONAL.has(`${event} ${k}`))) {
          out.push({ name: `missing ${child.join('.')}`, payload: deleteAt(valid, child), at: child });
        }
        walk(v, child);
      }
    }
  };
  walk(valid, []);
  return out;
}

let t: TestApp;
let w: World;
let raw: Database.Database;

/** Rows in every table, pairing codes and sessions included. */
const tableCounts = (): Record<string, number> => Object.fromEntries(
  (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
    .map(({ name }) => [name, (raw.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
);
const written = async () => ({ storage: await snapshot(t, w.alpha.school.id), tables: tableCounts() });

beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  raw = new Database(join(t.dataDir, 'learning-conversations.sqlite'), { readonly: true });
});
afterAll(async () => {
  raw.close();
  w.close();
  await t.close();
});

/** Emits without an ack, anything at all. */
const emitRaw = (socket: TestSocket, event: string, ...args: unknown[]): void =>
  void (socket as unknown as { emit(e: string, ...a: unknown[]): unknown }).emit(event, ...args);

async function serverIsUp(socket: TestSocket): Promise<void> {
  expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  expect(expectOk(await call(socket, 'session:whoami', {})).kind).not.toBe('anonymous');
}

describe('every event refuses bad input with `invalid` and the path at fault, and writes nothing', () => {
  for (const event of EVENTS) {
    it(event, async () => {
      const socket = w.sockets[CALLER[event] ?? 'admin'];
      const valid = await w.payloads[event]();
      const variants = variantsOf(event, valid);
      const before = await written();
      const wrong: string[] = [];
      for (const v of variants) {
        const result = (v.none ? await callRaw(socket, event) : await callRaw(socket, event, v.payload)) as
          { ok: boolean; error?: { code: string; issues?: { path: Path }[] } };
        const named = result.error?.issues?.some((i) => JSON.stringify(i.path) === JSON.stringify(v.at));
        if (result.ok || result.error?.code !== 'invalid' || !named) {
          wrong.push(`${v.name}: ${JSON.stringify(result).slice(0, 300)}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(await written()).toEqual(before);
      await serverIsUp(socket);
    });
  }
});

describe('events the server does not take', () => {
  it('answers an unknown event with not_found, including names inherited by every object', async () => {
    const socket = w.sockets.admin;
    for (const event of ['no:such:event', 'constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      expect(await callRaw(socket, event, {}), event).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    emitRaw(socket, 'no:such:event');
    await serverIsUp(socket);
  });

  it('drops an event sent without an ack, writing nothing, and stays up', async () => {
    const sends: [TestSocket, ClientEventName, unknown][] = [];
    for (const event of EVENTS) sends.push([w.sockets[CALLER[event] ?? 'admin'], event, await w.payloads[event]()]);
    const before = await written();
    for (const [socket, event, payload] of sends) {
      emitRaw(socket, event, payload);
      emitRaw(socket, event);
    }
    // A socket's events are handled in order: once it answers, everything before was seen.
    for (const socket of new Set(sends.map(([s]) => s))) await serverIsUp(socket);
    expect(await written()).toEqual(before);
  });

  it('answers a payload nested 100,000 deep, sent by a hand-written client', async () => {
    // socket.io-client cannot even encode this (its binary check recurses), so speak the wire protocol.
    const deep = `{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const frames: string[] = [];
    const answered = new Promise<string>((resolve, reject) => {
      ws.on('message', (data) => {
        const frame = String(data);
        frames.push(frame);
        if (frame.startsWith('0')) ws.send('40');
        else if (frame.startsWith('40')) ws.send(`421["session:whoami",${deep}]`);
        else if (frame.startsWith('431')) resolve(frame.slice(3));
      });
      ws.on('close', () => reject(new Error(`closed after ${frames.map((f) => f.slice(0, 40)).join(' | ')}`)));
    });
    const [result] = JSON.parse(await answered) as [{ ok: boolean; error: { code: string; issues: { path: Path }[] } }];
    ws.close();
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ path: ['x'] }] } });
    await serverIsUp(w.sockets.admin);
  });

  it('disconnects only the client that sends a message larger than the limit', async () => {
    const flooder = await connectSocket(t);
    const gone = new Promise<string>((resolve) => flooder.once('disconnect', resolve));
    emitRaw(flooder, 'session:whoami', { junk: 'x'.repeat(MAX_MESSAGE_BYTES + 1024) });
    expect(await gone).toMatch(/transport (close|error)/);
    await serverIsUp(w.sockets.admin);
    expect(expectOk(await call(w.sockets.poster, 'display:sync', {})).classes).toHaveLength(1);
  });
});
