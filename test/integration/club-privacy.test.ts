/** What a club tablet may not see or touch of what a teacher records from the Reading Diary. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../shared/calendar.ts';
import type { Participation } from '../../shared/schemas.ts';
import { call, connectDevice, connectSocket, expectOk, makeSchool, makeStaff, pairDevice, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t.close(); });

describe('a club tablet and the Reading Diary', () => {
  it('never receives a home note or its tags, and cannot undo a home entry', async () => {
    const { school, children, club } = await makeSchool(t);
    const member = children[0]!; // in the club
    const teacher = await makeStaff(t, school.id, 'teacher');
    const { token } = await pairDevice(t, teacher.cookie, { kind: 'club', clubId: club.id });
    const tablet = await connectDevice(t, token);
    const pushed: Participation[] = [];
    tablet.on('participation:changed', (c) => pushed.push(...c.entries));

    const staff = await connectSocket(t, { cookie: teacher.cookie });
    const id = crypto.randomUUID();
    const today = localDate(Date.now(), school.timeZone);
    const report = expectOk(await call(staff, 'participation:log', { entries: [{
      id, childId: member.id, date: today, mode: 'home', partnerChildIds: [], staffName: '', tags: ['misconception'], note: 'Thinks a tadpole is a fish',
    }] }));
    expect(report.accepted).toEqual([id]);

    await expect.poll(() => pushed.length).toBe(1);
    expect(pushed[0]).toMatchObject({ id, mode: 'home', note: '', tags: [] });
    const state = expectOk(await call(tablet, 'club:sync', {}));
    expect(JSON.stringify(state)).not.toContain('tadpole');
    expect(JSON.stringify(state)).not.toContain('misconception');

    const undo = await call(tablet, 'participation:undo', { id });
    expect(undo.ok ? 'ok' : undo.error.code).toBe('forbidden');
    expect(await t.app.services.storage.participation.get(school.id, id)).not.toBeNull();
    tablet.disconnect();
    staff.disconnect();
  });
});
