/**
 * Staff identity over real HTTP and Socket.IO: the first-admin setup link, login and its
 * rate limit, the session cookie on the socket, logout, invites, and the demo school that
 * `npm start` makes on an empty data folder. Each scrypt hash takes a fraction of a
 * second, so the suite hashes as few passwords as it can.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isSchoolDay, localDate, schoolDays, weekStart } from '../../shared/calendar.ts';
import { bootstrap } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import { hashSecret } from '../../server/ids.ts';
import {
  call, connectSocket, expectOk, ManualClock, startTestApp, tempDir, type TestApp, type TestSocket,
} from '../support/test-app.ts';

const HOUR = 3600_000;
const PASSWORD = 'correct horse battery';
const ADMIN_EMAIL = 'head@ourschool.test';

let t: TestApp;
const clock = new ManualClock(Date.now());
const start = clock.now();

beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

function post(path: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}
const me = (cookie?: string) => fetch(`${t.url}/api/me`, { headers: cookie ? { cookie } : {} });
const tokenOf = (url: string): string => url.split('#')[1]!;
/** The cookie a browser would send back, from a Set-Cookie header. */
const cookieFrom = (res: Response): string => res.headers.getSetCookie()[0]!.split(';')[0]!;
const login = (email: string, password: string) => post('/api/login', { email, password });

function disconnected(socket: TestSocket, withinMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('still connected')), withinMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

describe('the first-admin setup link', () => {
  const emptyConfig = () => readConfig({ DATA_DIR: t.dataDir, LC_EMPTY: '1' }, { staticDir: null, appVersion: 'test' });
  const form = { name: 'Ada Head', email: ADMIN_EMAIL, password: PASSWORD };
  let earlier: string;
  let latest: string;

  beforeAll(async () => {
    const { storage, identity } = t.app.services;
    // Two starts before anyone sets up: each prints a link.
    const first = await bootstrap(storage, identity, clock, emptyConfig(), t.url);
    const second = await bootstrap(storage, identity, clock, emptyConfig(), t.url);
    expect(first.school).toEqual(second.school);
    expect(first.school).toMatchObject({ name: 'Our Primary School', isDemo: false });
    expect(first.link?.kind).toBe('setup');
    expect(second.link?.url).toMatch(new RegExp(`^${t.url}/link#[A-Za-z0-9_-]{40,}$`));
    earlier = tokenOf(first.link!.url);
    latest = tokenOf(second.link!.url);
  });

  it('is refused once expired', async () => {
    const { identity, storage } = t.app.services;
    const [school] = await storage.schools.list();
    const token = await identity.issueLink(school!.id, 'setup', null);
    clock.set(start + 24 * HOUR - 1);
    expect((await post('/api/links/peek', { token })).status).toBe(200);
    clock.set(start + 24 * HOUR);
    const peek = await post('/api/links/peek', { token });
    expect(peek.status).toBe(404);
    const redeem = await post('/api/links/redeem', { token, ...form });
    expect(redeem.status).toBe(404);
    expect(await redeem.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    clock.set(start);
  });

  it('can be looked at without being used', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await post('/api/links/peek', { token: latest });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, data: { purpose: 'setup', schoolName: 'Our Primary School', staffName: null } });
    }
  });

  it('is not used up by a form with mistakes', async () => {
    const short = await post('/api/links/redeem', { token: latest, ...form, password: 'short' });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ error: { code: 'invalid', issues: [{ path: ['password'] }] } });
    const noEmail = await post('/api/links/redeem', { token: latest, name: 'Ada Head', password: PASSWORD });
    expect(noEmail.status).toBe(400);
    expect(await noEmail.json()).toMatchObject({ error: { code: 'invalid', issues: [{ path: ['email'] }] } });
    expect((await post('/api/links/peek', { token: latest })).status).toBe(200);
  });

  it('creates the first admin and signs them in with an HttpOnly, SameSite=Strict cookie', async () => {
    const res = await post('/api/links/redeem', { token: latest, ...form });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: true; data: { staff: Record<string, unknown> } };
    expect(body.data.staff).toMatchObject({ name: 'Ada Head', email: ADMIN_EMAIL, role: 'admin' });
    expect(body.data.staff).not.toHaveProperty('passwordHash');

    const setCookie = res.headers.getSetCookie();
    expect(setCookie).toHaveLength(1);
    const attributes = setCookie[0]!.split(';').map((a) => a.trim());
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect(attributes[0]).toMatch(/^lc_session=[A-Za-z0-9_-]{40,}$/);

    const cookie = cookieFrom(res);
    const who = await me(cookie);
    expect(who.status).toBe(200);
    expect(await who.json()).toMatchObject({ ok: true, data: { staff: { email: ADMIN_EMAIL, role: 'admin' } } });
    // Only the hash of a session id is stored.
    const sessionId = decodeURIComponent(cookie.split('=')[1]!);
    expect(await t.app.services.storage.sessions.get(sessionId)).toBeNull();
    expect(await t.app.services.storage.sessions.get(hashSecret(sessionId))).not.toBeNull();
  });

  it('works once and then never again', async () => {
    const again = await post('/api/links/redeem', { token: latest, ...form, email: 'second@ourschool.test' });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await post('/api/links/peek', { token: latest })).status).toBe(404);
  });

  it('is refused when printed by an earlier start, once the school has its admin', async () => {
    expect((await post('/api/links/peek', { token: earlier })).status).toBe(404);
    const res = await post('/api/links/redeem', { token: earlier, ...form, email: 'intruder@ourschool.test' });
    expect(res.status).toBe(404);
    expect(await t.app.services.storage.staff.findByEmail('intruder@ourschool.test')).toBeNull();
  });

  it('is not printed again on the next start', async () => {
    const { storage, identity } = t.app.services;
    expect((await bootstrap(storage, identity, clock, emptyConfig(), t.url)).link).toBeNull();
  });
});

describe('login', () => {
  it('gives the same answer for a wrong password and an unknown email', async () => {
    const wrong = await login(ADMIN_EMAIL, 'not the password');
    const unknown = await login('nobody@ourschool.test', PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const body = await wrong.json();
    expect(body).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    expect(await unknown.json()).toEqual(body);
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it('is rate-limited after five wrong tries, when even the right password is refused; signs in after', async () => {
    clock.advance(15 * 60_000); // a fresh window
    for (let i = 0; i < 5; i++) expect((await login(ADMIN_EMAIL, `wrong guess ${i}`)).status).toBe(401);
    const limited = await login(ADMIN_EMAIL, PASSWORD);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(limited.headers.getSetCookie()).toEqual([]);
    clock.advance(15 * 60_000);
    // The right password, in any case of email, once the window has passed.
    const res = await login(ADMIN_EMAIL.toUpperCase(), PASSWORD);
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()[0]).toMatch(/HttpOnly/);
    expect((await me(cookieFrom(res))).status).toBe(200);
  });
});

describe('the session on the socket', () => {
  let cookie: string;
  beforeAll(async () => {
    const { storage, identity } = t.app.services;
    const admin = (await storage.staff.findByEmail(ADMIN_EMAIL))!;
    cookie = `lc_session=${(await identity.startSession(admin)).sessionId}`;
  });

  it('is required for staff events', async () => {
    for (const headers of [{}, { cookie: 'lc_session=not-a-session' }]) {
      const socket = await connectSocket(t, headers);
      expect(expectOk(await call(socket, 'session:whoami', {}))).toEqual({ kind: 'anonymous' });
      expect(await call(socket, 'class:list', {})).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
      expect(await call(socket, 'staff:list', {})).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
      socket.disconnect();
    }
    const signedIn = await connectSocket(t, { cookie });
    expect(expectOk(await call(signedIn, 'session:whoami', {}))).toMatchObject({ kind: 'staff', staff: { email: ADMIN_EMAIL } });
    expect(expectOk(await call(signedIn, 'class:list', {}))).toEqual([]);
    signedIn.disconnect();
  });

  it('/api/me needs the cookie', async () => {
    const res = await me();
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    expect(await (await me(cookie)).json()).toMatchObject({ ok: true, data: { staff: { email: ADMIN_EMAIL }, school: { name: 'Our Primary School' } } });
  });

  it('treats a malformed cookie as no cookie', async () => {
    const broken = 'lc_session=%E0%A4%A';
    expect((await me(broken)).status).toBe(401);
    expect((await post('/api/logout', {}, broken)).status).toBe(200);
    const socket = await connectSocket(t, { cookie: broken });
    expect(expectOk(await call(socket, 'session:whoami', {}))).toEqual({ kind: 'anonymous' });
    socket.disconnect();
  });

  it('logout clears the cookie and disconnects that session\'s sockets at once, and only those', async () => {
    const { storage, identity } = t.app.services;
    const other = `lc_session=${(await identity.startSession((await storage.staff.findByEmail(ADMIN_EMAIL))!)).sessionId}`;
    const mine = await connectSocket(t, { cookie });
    const theirs = await connectSocket(t, { cookie: other });
    const gone = disconnected(mine);

    const res = await post('/api/logout', {}, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()[0]).toMatch(/^lc_session=;.*Max-Age=0/);
    expect(await gone).toBe('io server disconnect');

    expect(expectOk(await call(theirs, 'session:whoami', {}))).toMatchObject({ kind: 'staff' });
    expect((await me(cookie)).status).toBe(401);
    const again = await connectSocket(t, { cookie });
    expect(await call(again, 'class:list', {})).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    again.disconnect();
    theirs.disconnect();
  });
});

describe('a staff invite', () => {
  it('sets the invited person\'s password and signs them in, once', async () => {
    const { storage, identity } = t.app.services;
    const admin = (await storage.staff.findByEmail(ADMIN_EMAIL))!;
    const socket = await connectSocket(t, { cookie: `lc_session=${(await identity.startSession(admin)).sessionId}` });
    const invite = expectOk(await call(socket, 'staff:invite', { name: 'Ms Willow', email: 'Willow@OurSchool.test', role: 'teacher', classIds: [] }));
    socket.disconnect();
    expect(invite.staff).toMatchObject({ email: 'willow@ourschool.test', role: 'teacher' });
    expect(invite.link).toMatch(/\/link#[A-Za-z0-9_-]{40,}$/);
    const token = tokenOf(invite.link);

    expect(await (await post('/api/links/peek', { token })).json()).toEqual({
      ok: true, data: { purpose: 'invite', schoolName: 'Our Primary School', staffName: 'Ms Willow' },
    });
    const res = await post('/api/links/redeem', { token, password: 'willow tree branches' });
    expect(res.status).toBe(200);
    expect(await (await me(cookieFrom(res))).json()).toMatchObject({ data: { staff: { name: 'Ms Willow', role: 'teacher' } } });
    expect((await post('/api/links/redeem', { token, password: 'another password here' })).status).toBe(404);
    expect((await login('willow@ourschool.test', 'willow tree branches')).status).toBe(200);
  });
});

describe('the demo school on a first `npm start`', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const dataDir = tempDir('lc-demo-');
  let server: ChildProcess;
  let output = '';

  beforeAll(async () => {
    server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no demo link printed:\n${output}`)), 30_000);
      server.stdout!.on('data', (d: Buffer) => {
        output += d.toString();
        if (/Data folder:/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      });
      server.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });
  });
  afterAll(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The printed URL, reached the way the server listens (localhost may mean ::1 here). */
  const printed = (label: string): string => {
    const url = new RegExp(`${label}:\\s+(http\\S+)`).exec(output)?.[1];
    expect(url, output).toBeDefined();
    return url!.replace('//localhost:', '//127.0.0.1:');
  };

  it('prints the teacher view and a one-time login link for the demo admin', async () => {
    expect(output).not.toMatch(/First admin:/);
    const base = printed('Teacher view').replace(/\/$/, '');
    const token = tokenOf(printed('Demo admin'));
    const redeem = (): Promise<Response> => fetch(`${base}/api/links/redeem`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }),
    });
    const res = await redeem();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: { staff: { role: 'admin' }, school: { isDemo: true } } });
    expect((await redeem()).status).toBe(404);

    const socket: TestSocket = await connectSocket({ ...t, url: base }, { cookie: cookieFrom(res) });
    try {
      const who = expectOk(await call(socket, 'session:whoami', {}));
      expect(who.kind === 'staff' && who.school.name).toMatch(/demo/i);

      const classes = expectOk(await call(socket, 'class:list', {}));
      expect(classes).toHaveLength(3);
      expect(new Set(classes.map((c) => c.yearGroup)).size).toBe(3);

      const children = (await Promise.all(classes.map(async (c) => expectOk(await call(socket, 'child:list', { classId: c.id }))))).flat();
      expect(children.length).toBeGreaterThanOrEqual(25);
      expect(children.length).toBeLessThanOrEqual(35);
      expect(children.filter((c) => c.needsPartner).length).toBeGreaterThan(0);
      expect(children.filter((c) => !c.needsPartner).length).toBeGreaterThan(0);
      for (const c of children) expect(c.displayName).toMatch(/^\p{L}+ \p{Lu}\.$/u);

      expect(expectOk(await call(socket, 'club:list', {})).length).toBeGreaterThanOrEqual(1);

      const today = localDate(Date.now(), 'Europe/London');
      const monday = weekStart(isSchoolDay(today) ? today : addDays(today, 2));
      const themes = new Set<string>();
      for (const c of classes) {
        const week = expectOk(await call(socket, 'week:get', { classId: c.id, weekStart: monday }));
        expect(week.days.map((d) => d.date)).toEqual(schoolDays(monday));
        expect(week.days.every((d) => d.status === 'published')).toBe(true);
        for (const d of week.days) themes.add(d.theme);
      }
      expect([...themes].sort()).toEqual([
        '2D shapes and their properties', 'famous poems', 'life-cycle stages', 'points of contact when balancing',
        'repeating patterns', 'sequential thinking', 'what the Romans did for us',
      ]);
    } finally {
      socket.disconnect();
    }
  });
});
