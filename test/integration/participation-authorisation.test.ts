/** Participation data stays inside its school, and the club sees only what the club needs. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, call, connectDevice, connectSocket, expectOk, makeSchool, makeStaff, pairDevice, startTestApp, type TestApp, type TestSocket } from '../support/test-app.ts';

let t: TestApp;
let home: Awaited<ReturnType<typeof makeSchool>>;
let homeTeacher: TestSocket;
let stranger: TestSocket;
let strangerCookie: string;
let entryId: string;
const TODAY = '2026-03-11';
const MONDAY = '2026-03-09';
const homeEntry = (childId: string) => ({ id: randomUUID(), childId, date: TODAY, mode: 'home' as const, partnerChildIds: [], staffName: '', tags: [], note: '' });

beforeAll(async () => {
  t = await startTestApp({ clock: new ManualClock(Date.parse(`${TODAY}T12:00:00Z`)) });
  home = await makeSchool(t, 'Home School');
  const away = await makeSchool(t, 'Away School');
  homeTeacher = await connectSocket(t, { cookie: (await makeStaff(t, home.school.id, 'teacher')).cookie });
  strangerCookie = (await makeStaff(t, away.school.id, 'teacher', 'Teacher elsewhere')).cookie;
  stranger = await connectSocket(t, { cookie: strangerCookie });
  entryId = randomUUID();
  const report = expectOk(await call(homeTeacher, 'participation:log', {
    entries: [{ ...homeEntry(home.children[0]!.id), id: entryId, tags: ['misconception'], note: 'Private note' }],
  }));
  expect(report.refused).toEqual([]);
});
afterAll(async () => {
  homeTeacher.disconnect();
  stranger.disconnect();
  await t.close();
});

describe('participation authorisation', () => {
  it('gives a teacher of another school `forbidden` for the grid, the notes and the not-reached list', async () => {
    const classId = home.classes[0]!.id;
    const answers = await Promise.all([
      call(stranger, 'participation:grid', { classId, weekStart: MONDAY }),
      call(stranger, 'participation:notes', { classId, from: '2026-01-01', to: '2026-12-31' }),
      call(stranger, 'participation:notes', { classId, from: '2026-01-01', to: '2026-12-31', tag: 'misconception' }),
      call(stranger, 'participation:notReached', { classId, date: TODAY }),
    ]);
    for (const a of answers) {
      expect(a.ok).toBe(false);
      if (!a.ok) expect(a.error.code).toBe('forbidden');
    }
    // The same calls from the class's own school work, so the refusal is about the school.
    expect(expectOk(await call(homeTeacher, 'participation:notes', { classId, from: '2026-01-01', to: '2026-12-31' })).map((n) => n.id)).toContain(entryId);
  });

  it('answers the export of another school\'s class with HTTP 403, and a whole-school export holds only your school', async () => {
    const from = '2026-01-01';
    const to = '2030-12-31';
    const res = await fetch(`${t.url}/api/export/participation.csv?classId=${home.classes[0]!.id}&from=${from}&to=${to}`, { headers: { cookie: strangerCookie } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const mine = await fetch(`${t.url}/api/export/participation.csv?from=${from}&to=${to}`, { headers: { cookie: strangerCookie } });
    expect(mine.status).toBe(200);
    expect(await mine.text()).not.toContain('Private note');
    const anonymous = await fetch(`${t.url}/api/export/participation.csv?from=${from}&to=${to}`);
    expect(anonymous.status).toBe(401);
  });

  it('cannot undo, log for or hear about another school\'s children', async () => {
    const heard: unknown[] = [];
    stranger.on('participation:changed', (c) => heard.push(c));
    const undo = await call(stranger, 'participation:undo', { id: entryId });
    expect(undo.ok ? 'ok' : undo.error.code).toBe('not_found');
    const log = expectOk(await call(stranger, 'participation:log', {
      entries: [homeEntry(home.children[0]!.id)],
    }));
    expect(log.refused.map((r) => r.code)).toEqual(['forbidden']);
    // A log in the home school reaches its own staff only.
    const pushed = new Promise((resolve) => homeTeacher.once('participation:changed', resolve));
    expectOk(await call(homeTeacher, 'participation:log', {
      entries: [homeEntry(home.children[2]!.id)],
    }));
    await pushed;
    expect(heard).toEqual([]);
  });

  it('keeps the class views to teachers and admins, and the whole-school summary to admins', async () => {
    const classId = home.classes[0]!.id;
    const clubStaff = await connectSocket(t, { cookie: (await makeStaff(t, home.school.id, 'staff', 'Club staff')).cookie });
    const { token } = await pairDevice(t, (await makeStaff(t, home.school.id, 'teacher')).cookie, { kind: 'club', clubId: home.club.id });
    const tablet = await connectDevice(t, token);
    for (const socket of [clubStaff, tablet]) {
      const grid = await call(socket, 'participation:grid', { classId, weekStart: MONDAY });
      expect(grid.ok ? 'ok' : grid.error.code).toBe('forbidden');
      const notes = await call(socket, 'participation:notes', { classId, from: '2026-01-01', to: '2026-12-31' });
      expect(notes.ok ? 'ok' : notes.error.code).toBe('forbidden');
    }
    const summary = await call(homeTeacher, 'participation:summary', { weekStart: MONDAY });
    expect(summary.ok ? 'ok' : summary.error.code).toBe('forbidden');
    clubStaff.disconnect();
    tablet.disconnect();
  });
});
