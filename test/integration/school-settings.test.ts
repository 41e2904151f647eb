/** A change of time zone or pickup window reaches screens that are already connected. */
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisplayState } from '../../shared/schemas.ts';
import { call, connectSocket, expectOk, makeSchool, makeStaff, pairDevice, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

describe('school settings', () => {
  it('a connected poster reconnects by itself and resyncs with the new time zone and pickup window', async () => {
    const { school, classes } = await makeSchool(t);
    const admin = await makeStaff(t, school.id, 'admin');
    const { token } = await pairDevice(t, admin.cookie, { kind: 'poster', classIds: [classes[0]!.id] });

    const states: DisplayState[] = [];
    const poster = connect(t.url, { transports: ['websocket'], auth: { deviceToken: token }, reconnectionDelay: 50, reconnectionDelayMax: 100, forceNew: true });
    poster.on('display:state', (s: DisplayState) => states.push(s));
    await expect.poll(() => states.length).toBe(1);
    expect(states[0]!.school.timeZone).toBe('Europe/London');

    const socket = await connectSocket(t, { cookie: admin.cookie });
    expectOk(await call(socket, 'school:update', { name: school.name, timeZone: 'Australia/Sydney', pickupStart: '15:00', pickupEnd: '16:00' }));

    await expect.poll(() => states.length, { timeout: 5_000 }).toBe(2);
    expect(states[1]!.school).toMatchObject({ timeZone: 'Australia/Sydney', pickupStart: '15:00', pickupEnd: '16:00' });
    // The staff socket that made the change sees the new school on its next call, without reconnecting.
    const me = expectOk(await call(socket, 'session:whoami', {}));
    expect(me.kind === 'staff' && me.school.timeZone).toBe('Australia/Sydney');
    poster.disconnect();
    socket.disconnect();
  });
});
