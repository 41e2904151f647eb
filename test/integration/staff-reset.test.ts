/** An admin gives a member of staff a new sign-in link: for a forgotten password or an expired invite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/services/identity.ts';
import { call, connectSocket, expectOk, makeSchool, makeStaff, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

const post = (path: string, body: unknown) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('staff:resetLink', () => {
  it('ends the old sessions and password, and the new link sets a new password once', async () => {
    const { school } = await makeSchool(t);
    const admin = await makeStaff(t, school.id, 'admin');
    const teacher = await makeStaff(t, school.id, 'teacher', 'Ms Forgetful');
    await t.app.services.storage.staff.setPassword(teacher.staff.id, await hashPassword('old password 123'));

    const teacherSocket = await connectSocket(t, { cookie: teacher.cookie });
    const gone = new Promise<string>((resolve) => teacherSocket.once('disconnect', resolve));
    const adminSocket = await connectSocket(t, { cookie: admin.cookie });
    const { link, staff } = expectOk(await call(adminSocket, 'staff:resetLink', { staffId: teacher.staff.id }));
    expect(staff.name).toBe('Ms Forgetful');
    expect(await gone).toBe('io server disconnect');

    // The old session and the old password no longer work.
    expect((await fetch(`${t.url}/api/me`, { headers: { cookie: teacher.cookie } })).status).toBe(401);
    expect((await post('/api/login', { email: teacher.staff.email, password: 'old password 123' })).status).toBe(401);

    const token = link.split('#')[1]!;
    const redeemed = await post('/api/links/redeem', { token, password: 'new password 456' });
    expect(redeemed.status).toBe(200);
    expect((await post('/api/links/redeem', { token, password: 'another one 789' })).status).toBe(404);
    expect((await post('/api/login', { email: teacher.staff.email, password: 'new password 456' })).status).toBe(200);
    adminSocket.disconnect();
  });
});
