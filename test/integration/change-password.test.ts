/** Someone signed in changes their own password: it needs the current one, and is rate-limited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/services/identity.ts';
import { makeSchool, makeStaff, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

const post = (path: string, body: unknown, cookie?: string) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });

describe('POST /api/password', () => {
  it('changes the password only with the current one, and needs a session', async () => {
    const { school } = await makeSchool(t);
    const me = await makeStaff(t, school.id, 'staff', 'Club Carer');
    await t.app.services.storage.staff.setPassword(me.staff.id, await hashPassword('first password 1'));

    expect((await post('/api/password', { current: 'first password 1', next: 'second password 2' })).status).toBe(401);
    const wrong = await post('/api/password', { current: 'not it at all', next: 'second password 2' }, me.cookie);
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.issues[0].path).toEqual(['current']);
    expect((await post('/api/password', { current: 'first password 1', next: 'short' }, me.cookie)).status).toBe(400);

    expect((await post('/api/password', { current: 'first password 1', next: 'second password 2' }, me.cookie)).status).toBe(200);
    expect((await post('/api/login', { email: me.staff.email, password: 'first password 1' })).status).toBe(401);
    expect((await post('/api/login', { email: me.staff.email, password: 'second password 2' })).status).toBe(200);

    // Guessing the current password is limited like a login.
    const tries = [];
    for (let i = 0; i < 6; i++) tries.push((await post('/api/password', { current: `guess ${i}`, next: 'third password 3' }, me.cookie)).status);
    expect(tries.at(-1)).toBe(429);
  });
});
