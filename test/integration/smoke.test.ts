import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, connectDevice, connectSocket, expectOk, makeSchool, makeStaff, pairDevice, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

describe('smoke', () => {
  it('pairs a poster and serves its state', async () => {
    const { school, classes } = await makeSchool(t);
    const { cookie } = await makeStaff(t, school.id, 'teacher');
    const { token } = await pairDevice(t, cookie, { kind: 'poster', classIds: [classes[0]!.id] });
    const poster = await connectDevice(t, token);
    const state = expectOk(await call(poster, 'display:sync', {}));
    expect(state.classes.map((c) => c.id)).toEqual([classes[0]!.id]);
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    poster.disconnect();
  });
});
