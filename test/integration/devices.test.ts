/**
 * Device pairing end to end with real socket clients: a screen asks for a code, a teacher
 * claims it, the screen gets its token, reconnects with it, and is cut off the moment it
 * is revoked. Also the code's rules: single use, ten minutes, and the school's own targets.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '../../shared/schemas.ts';
import { PAIRING_CODE_TTL_MS } from '../../server/services/devices.ts';
import {
  call, connectSocket, expectOk, makeSchool, makeStaff, ManualClock, startTestApp,
  type TestApp, type TestSocket,
} from '../support/test-app.ts';

let t: TestApp;
const clock = new ManualClock(Date.now());
let home: Awaited<ReturnType<typeof makeSchool>>;
let away: Awaited<ReturnType<typeof makeSchool>>;
let teacher: TestSocket;
let awayTeacher: TestSocket;
const opened: TestSocket[] = [];

beforeAll(async () => {
  t = await startTestApp({ clock });
  home = await makeSchool(t, 'Home School');
  away = await makeSchool(t, 'Away School');
  teacher = await connectSocket(t, { cookie: (await makeStaff(t, home.school.id, 'teacher')).cookie });
  awayTeacher = await connectSocket(t, { cookie: (await makeStaff(t, away.school.id, 'teacher')).cookie });
});
afterEach(() => {
  for (const s of opened.splice(0)) s.disconnect();
});
afterAll(async () => {
  teacher.disconnect();
  awayTeacher.disconnect();
  await t.close();
});

async function open(options: Parameters<typeof connectSocket>[1]): Promise<TestSocket> {
  const socket = await connectSocket(t, options);
  opened.push(socket);
  return socket;
}

/** An unpaired screen showing a fresh code. */
async function screenWithCode() {
  const screen = await open({ auth: { unpaired: true } });
  const code = expectOk(await call(screen, 'device:requestCode', { appVersion: '1.0.0' }));
  return { screen, ...code };
}

const posterClaim = (code: string, classIds: string[]) => ({ code, kind: 'poster' as const, label: 'Gate screen', classIds, clubId: null });

/** Resolves with the first `event` the socket hears, or fails after `ms`. */
function next<T>(socket: TestSocket, event: 'device:paired' | 'device:revoked' | 'disconnect', ms = 1000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    (socket as unknown as { once(e: string, f: (v: T) => void): void }).once(event, (value: T) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

describe('pairing a poster screen', () => {
  it('code → claim → token → reconnect → listed with last seen → revoked and cut off at once', async () => {
    const { screen, code, expiresAt } = await screenWithCode();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(expiresAt).toBe(clock.now() + 10 * 60_000);
    const bystander = await open({ auth: { unpaired: true } });
    let bystanderHeard = false;
    bystander.on('device:paired', () => (bystanderHeard = true));

    const paired = next<{ token: string; device: Device }>(screen, 'device:paired');
    // Typed in lower case, as a teacher would.
    const claimed = expectOk(await call(teacher, 'device:claim', posterClaim(code.toLowerCase(), [home.classes[0]!.id])));
    expect(claimed).toMatchObject({ schoolId: home.school.id, kind: 'poster', classIds: [home.classes[0]!.id], revokedAt: null });
    expect(claimed).not.toHaveProperty('tokenHash');
    const { token, device } = await paired;
    expect(device).toEqual(claimed);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(bystanderHeard).toBe(false);
    // Only the token's hash is stored.
    expect((await t.app.services.storage.devices.get(home.school.id, device.id))?.tokenHash).not.toBe(token);

    clock.advance(5_000);
    const poster = await open({ auth: { deviceToken: token, appVersion: '2.3.4' } });
    expect(expectOk(await call(poster, 'session:whoami', {}))).toMatchObject({ kind: 'device', device: { id: device.id, kind: 'poster' } });
    expect(expectOk(await call(poster, 'display:sync', {})).classes.map((c) => c.id)).toEqual([home.classes[0]!.id]);

    const listed = expectOk(await call(teacher, 'device:list', {})).find((d) => d.id === device.id);
    expect(listed).toMatchObject({ lastSeenAt: clock.now(), appVersion: '2.3.4', revokedAt: null });

    const revoked = next<void>(poster, 'device:revoked');
    const gone = next<string>(poster, 'disconnect');
    expect(expectOk(await call(teacher, 'device:revoke', { deviceId: device.id }))).toBeNull();
    await revoked;
    expect(await gone).toBe('io server disconnect');

    const refused = await open({ auth: { deviceToken: token } }).then(() => null, (err: Error & { data?: unknown }) => err);
    expect(refused?.message).toBe('device_unknown');
    expect(refused?.data).toEqual({ code: 'unauthorised' });
    expect(expectOk(await call(teacher, 'device:list', {})).find((d) => d.id === device.id)?.revokedAt).toBe(clock.now());
    expect(await call(teacher, 'device:revoke', { deviceId: device.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('pairs a club tablet to its club', async () => {
    const { screen, code } = await screenWithCode();
    const paired = next<{ token: string; device: Device }>(screen, 'device:paired');
    expectOk(await call(teacher, 'device:claim', { code, kind: 'club', label: 'Club tablet', classIds: [home.classes[0]!.id], clubId: home.club.id }));
    const { token, device } = await paired;
    expect(device).toMatchObject({ kind: 'club', clubId: home.club.id, classIds: [] });
    const tablet = await open({ auth: { deviceToken: token } });
    expect(expectOk(await call(tablet, 'club:sync', {})).club.id).toBe(home.club.id);
  });
});

describe('a pairing code', () => {
  it('is single use', async () => {
    const { code } = await screenWithCode();
    expectOk(await call(teacher, 'device:claim', posterClaim(code, [home.classes[0]!.id])));
    expect(await call(teacher, 'device:claim', posterClaim(code, [home.classes[1]!.id])))
      .toMatchObject({ ok: false, error: { code: 'not_found', issues: [{ path: ['code'] }] } });
    expect(await call(awayTeacher, 'device:claim', posterClaim(code, [away.classes[0]!.id])))
      .toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('expires after ten minutes', async () => {
    const early = await screenWithCode();
    const late = await screenWithCode();
    clock.advance(PAIRING_CODE_TTL_MS - 1);
    expectOk(await call(teacher, 'device:claim', posterClaim(early.code, [home.classes[0]!.id])));
    clock.advance(1);
    expect(await call(teacher, 'device:claim', posterClaim(late.code, [home.classes[0]!.id])))
      .toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('can be claimed by a teacher of any school for their own classes, never with another school\'s', async () => {
    const { screen, code } = await screenWithCode();
    expect(await call(awayTeacher, 'device:claim', posterClaim(code, [away.classes[0]!.id, home.classes[0]!.id])))
      .toMatchObject({ ok: false, error: { code: 'forbidden', issues: [{ path: ['classIds', 1] }] } });
    expect(await call(awayTeacher, 'device:claim', { code, kind: 'club', label: 'Tablet', classIds: [], clubId: home.club.id }))
      .toMatchObject({ ok: false, error: { code: 'forbidden', issues: [{ path: ['clubId'] }] } });
    // A refused claim does not use the code up.
    const paired = next<{ device: Device }>(screen, 'device:paired');
    expectOk(await call(awayTeacher, 'device:claim', posterClaim(code, [away.classes[0]!.id])));
    expect((await paired).device).toMatchObject({ schoolId: away.school.id, classIds: [away.classes[0]!.id] });
    expect(expectOk(await call(teacher, 'device:list', {})).some((d) => d.schoolId !== home.school.id)).toBe(false);
  });

  it('needs a class for a poster and a club for a club tablet', async () => {
    const { code } = await screenWithCode();
    expect(await call(teacher, 'device:claim', posterClaim(code, [])))
      .toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ path: ['classIds'] }] } });
    expect(await call(teacher, 'device:claim', { code, kind: 'club', label: 'Tablet', classIds: [], clubId: null }))
      .toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ path: ['clubId'] }] } });
    expectOk(await call(teacher, 'device:claim', posterClaim(code, [home.classes[1]!.id])));
  });

  it('is given only to an unpaired device', async () => {
    const anonymous = await open({});
    expect(await call(anonymous, 'device:requestCode', { appVersion: '1' })).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    expect(await call(teacher, 'device:requestCode', { appVersion: '1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
