/**
 * A real app for tests: a real SQLite file in a temp folder, the real HTTP and
 * Socket.IO server on an ephemeral port, and helpers to make people and devices.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientEventName, ClientToServerEvents, PayloadOf, AnswerOf, ServerToClientEvents } from '../../shared/events.ts';
import type { Result } from '../../shared/result.ts';
import type { Child, Device, Role, School, SchoolClass } from '../../shared/schemas.ts';
import { createApp, type App } from '../../server/app.ts';
import { ManualClock, systemClock, type Clock } from '../../server/clock.ts';
import { readConfig, type Config } from '../../server/config.ts';
import { newId } from '../../server/ids.ts';
import { openSqliteStorage } from '../../server/storage/sqlite-storage.ts';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestApp {
  app: App;
  url: string;
  port: number;
  dataDir: string;
  config: Config;
  clock: Clock;
  close(): Promise<void>;
}

export function tempDir(prefix = 'lc-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startTestApp(options: { clock?: Clock; dataDir?: string; staticDir?: string | null; port?: number } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? tempDir();
  const config = readConfig({ DATA_DIR: dataDir, LC_EMPTY: '1' }, { staticDir: options.staticDir ?? null, appVersion: 'test' });
  const clock = options.clock ?? systemClock;
  const app = createApp({ config, storage: openSqliteStorage(dataDir), clock });
  const port = await app.listen(options.port ?? 0);
  return {
    app, port, dataDir, config, clock, url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export { ManualClock };

/** A school with classes, children and a club, written straight to storage. */
export async function makeSchool(t: TestApp, name = 'Test School', timeZone = 'Europe/London') {
  const { storage } = t.app.services;
  const school: School = { id: newId(), name, timeZone, pickupStart: '14:45', pickupEnd: '15:45', isDemo: false };
  await storage.schools.create(school);
  const classes: SchoolClass[] = [
    { id: newId(), schoolId: school.id, name: `${name} Oak`, yearGroup: 1 },
    { id: newId(), schoolId: school.id, name: `${name} Rowan`, yearGroup: 6 },
  ];
  for (const c of classes) await storage.classes.create(c);
  const children: Child[] = ['Amira K.', 'Ben T.', 'Chloe S.', 'Dev P.'].map((displayName, i) => {
    const cls = classes[i % 2]!;
    return { id: newId(), schoolId: school.id, classId: cls.id, yearGroup: cls.yearGroup, displayName, needsPartner: i < 2 };
  });
  await storage.children.createMany(children);
  const club = { id: newId(), schoolId: school.id, name: 'After-school club' };
  await storage.clubs.create(school.id, club);
  await storage.clubs.addMembers(school.id, club.id, children.filter((c) => c.needsPartner).map((c) => c.id));
  return { school, classes, children, club };
}

/** A member of staff with a live session; returns the cookie header a browser would send. */
export async function makeStaff(t: TestApp, schoolId: string, role: Role, name = `Test ${role}`) {
  const { storage, identity } = t.app.services;
  const record = { id: newId(), schoolId, name, email: `${newId().toLowerCase()}@school.test`, role, classIds: [], passwordHash: null };
  await storage.staff.create(record);
  const { sessionId } = await identity.startSession(record);
  return { staff: record, cookie: `lc_session=${encodeURIComponent(sessionId)}` };
}

export function connectSocket(t: TestApp, options: { cookie?: string; auth?: Record<string, unknown> } = {}): Promise<TestSocket> {
  const socket: TestSocket = connect(t.url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: options.auth ?? {},
    extraHeaders: options.cookie ? { cookie: options.cookie } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(err);
    });
  });
}

export async function call<E extends ClientEventName>(socket: TestSocket, event: E, payload: PayloadOf<E>): Promise<Result<AnswerOf[E]>> {
  const timed = socket.timeout(10_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Result<AnswerOf[E]>> };
  return timed.emitWithAck(event, payload);
}

/** Sends anything at all, as a hostile client would. */
export async function callRaw(socket: TestSocket, event: string, ...args: unknown[]): Promise<unknown> {
  return (socket.timeout(10_000) as unknown as { emitWithAck(e: string, ...a: unknown[]): Promise<unknown> }).emitWithAck(event, ...args);
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.data;
}

/** Pairs a device end to end, as a screen and a teacher would, and returns its token. */
export async function pairDevice(t: TestApp, teacherCookie: string, target: { kind: 'poster'; classIds: string[] } | { kind: 'club'; clubId: string }, label = 'Test device') {
  const unpaired = await connectSocket(t, { auth: { unpaired: true } });
  const { code } = expectOk(await call(unpaired, 'device:requestCode', { appVersion: 'test' }));
  const paired = new Promise<{ token: string; device: Device }>((resolve) => unpaired.once('device:paired', resolve));
  const teacher = await connectSocket(t, { cookie: teacherCookie });
  const device = expectOk(await call(teacher, 'device:claim', {
    code, label, kind: target.kind,
    classIds: target.kind === 'poster' ? target.classIds : [],
    clubId: target.kind === 'club' ? target.clubId : null,
  }));
  const { token } = await paired;
  unpaired.disconnect();
  teacher.disconnect();
  return { device, token };
}

export const connectDevice = (t: TestApp, token: string) => connectSocket(t, { auth: { deviceToken: token, appVersion: 'test' } });

/** The built PWA, for e2e tests (test/support/build-client.ts builds it before the run). */
export const DIST_DIR = new URL('../../dist', import.meta.url).pathname;
