/**
 * A week in a class of 30, six of whom need a partner, driven through the real server: the
 * teacher records home conversations from the Reading Diary, a club tablet logs the rest, and
 * each evening the not-reached lists are exactly the children still without a conversation.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Child, ParticipationEntry } from '../../shared/schemas.ts';
import {
  ManualClock, call, connectDevice, connectSocket, expectOk, makeSchool, makeStaff, pairDevice, startTestApp,
  type TestApp, type TestSocket,
} from '../support/test-app.ts';

const WEEK = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'];
const LAST_FRIDAY = '2026-03-06';
/** The last five school days ending each day, written out rather than computed, so the service is checked against them. */
const FIVE_DAYS: Record<string, string[]> = {
  '2026-03-09': ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09'],
  '2026-03-10': ['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10'],
  '2026-03-11': ['2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11'],
  '2026-03-12': ['2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12'],
  '2026-03-13': ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'],
};
// London is on GMT until the end of March: these are local times too.
const at = (date: string, time: string) => Date.parse(`${date}T${time}:00Z`);

let t: TestApp;
const clock = new ManualClock(at(LAST_FRIDAY, '15:00'));
beforeAll(async () => { t = await startTestApp({ clock }); });
afterAll(async () => { await t.close(); });

describe('a simulated week for a class of 30', () => {
  it('reaches every child by Friday, and lists exactly the children not yet reached each evening', async () => {
    const { school, children: others, club } = await makeSchool(t);
    const admin = await makeStaff(t, school.id, 'admin');
    const teacherCookie = (await makeStaff(t, school.id, 'teacher', 'Ms Patel')).cookie;
    const adminSocket = await connectSocket(t, { cookie: admin.cookie });
    const teacher = await connectSocket(t, { cookie: teacherCookie });
    const willow = expectOk(await call(adminSocket, 'class:create', { name: 'Willow', yearGroup: 3 }));
    const roster: Child[] = [];
    for (let i = 0; i < 30; i++) {
      roster.push(expectOk(await call(teacher, 'child:create', { classId: willow.id, displayName: `Child ${String(i + 1).padStart(2, '0')}`, needsPartner: i < 6 })));
    }
    const flagged = roster.filter((c) => c.needsPartner).map((c) => c.id);
    const rest = roster.filter((c) => !c.needsPartner).map((c) => c.id);
    expect([flagged.length, rest.length]).toEqual([6, 24]);
    // Partners of a different age: Year 6 children of another class.
    const olderPartners = others.filter((c) => c.yearGroup === 6).map((c) => c.id);
    expectOk(await call(teacher, 'club:addChildren', { clubId: club.id, childIds: flagged }));
    const { token } = await pairDevice(t, teacherCookie, { kind: 'club', clubId: club.id }, 'Club tablet');
    const tablet = await connectDevice(t, token);

    // What the test itself knows was logged: child → dates.
    const logged = new Map<string, Set<string>>();
    const pushed: string[] = [];
    teacher.on('participation:changed', (c) => pushed.push(...c.entries.map((e) => e.id)));

    const entry = (childId: string, date: string, how: 'home' | 'peer' | 'staff'): ParticipationEntry => ({
      id: randomUUID(), childId, date, mode: how,
      partnerChildIds: how === 'peer' ? [olderPartners[childId.charCodeAt(0) % olderPartners.length]!] : [],
      staffName: how === 'staff' ? 'Mr Okafor' : '', tags: [], note: '',
    });
    async function log(socket: TestSocket, entries: ParticipationEntry[]) {
      const report = expectOk(await call(socket, 'participation:log', { entries }));
      expect(report.refused).toEqual([]);
      for (const e of entries) logged.set(e.childId, (logged.get(e.childId) ?? new Set()).add(e.date));
      return entries;
    }
    const home = (date: string, ids: string[]) => log(teacher, ids.map((id) => entry(id, date, 'home')));
    const atClub = (date: string, how: 'peer' | 'staff', ids: string[]) => log(tablet, ids.map((id) => entry(id, date, how)));
    const without = (days: string[]) => roster.map((c) => c.id).filter((id) => ![...(logged.get(id) ?? [])].some((d) => days.includes(d))).sort();

    async function endOfDay(date: string) {
      clock.set(at(date, '17:30'));
      const r = expectOk(await call(teacher, 'participation:notReached', { classId: willow.id, date }));
      const thisWeek = WEEK.filter((d) => d <= date);
      expect(r.thisWeek.map((c) => c.id).sort()).toEqual(without(thisWeek));
      expect(r.lastFiveSchoolDays.map((c) => c.id).sort()).toEqual(without(FIVE_DAYS[date]!));
      return r;
    }

    // Last Friday three children talked at home: they count in the last five days on Mon–Thu, not in this week.
    await home(LAST_FRIDAY, [rest[20]!, rest[21]!, rest[22]!]);

    // Monday
    clock.set(at(WEEK[0]!, '08:30'));
    const monday = [...await home(WEEK[0]!, rest.slice(0, 6)), ...await atClub(WEEK[0]!, 'peer', flagged.slice(0, 2))];
    const early = expectOk(await call(tablet, 'participation:log', { entries: [entry(flagged[2]!, WEEK[1]!, 'staff')] }));
    expect(early.refused[0]?.message).toMatch(/future/);
    let r = await endOfDay(WEEK[0]!);
    expect(r.thisWeek).toHaveLength(22);
    expect(r.lastFiveSchoolDays).toHaveLength(19);

    // Tuesday: the tablet, back from a Wi-Fi drop, resends Monday's batch: stored once.
    clock.set(at(WEEK[1]!, '08:30'));
    expectOk(await call(tablet, 'participation:log', { entries: monday.slice(6) }));
    await home(WEEK[1]!, rest.slice(6, 12));
    await atClub(WEEK[1]!, 'staff', flagged.slice(2, 4));
    await atClub(WEEK[1]!, 'peer', [flagged[0]!]);
    r = await endOfDay(WEEK[1]!);
    expect(r.thisWeek).toHaveLength(14);

    // Wednesday: nobody at the club; by the evening the teacher puts everyone not reached on its list.
    clock.set(at(WEEK[2]!, '08:30'));
    await home(WEEK[2]!, [...rest.slice(12, 18), rest[0]!]);
    r = await endOfDay(WEEK[2]!);
    expect(r.thisWeek.map((c) => c.id).sort()).toEqual([...rest.slice(18), ...flagged.slice(4)].sort());
    const notOnList = expectOk(await call(tablet, 'participation:log', { entries: [entry(rest[18]!, WEEK[2]!, 'staff')] }));
    expect(notOnList.refused[0]?.message).toMatch(/not on this club's list/);
    expectOk(await call(teacher, 'club:addChildren', { clubId: club.id, childIds: r.thisWeek.map((c) => c.id) }));

    // Thursday: the club reaches children who were added last night.
    clock.set(at(WEEK[3]!, '08:30'));
    await atClub(WEEK[3]!, 'staff', [rest[18]!, rest[19]!, flagged[4]!]);
    await atClub(WEEK[3]!, 'peer', [rest[20]!]);
    await home(WEEK[3]!, [rest[21]!]);
    r = await endOfDay(WEEK[3]!);
    expect(r.thisWeek.map((c) => c.id).sort()).toEqual([rest[22]!, rest[23]!, flagged[5]!].sort());
    // rest[22] talked last Friday, within the last five school days.
    expect(r.lastFiveSchoolDays.map((c) => c.id).sort()).toEqual([rest[23]!, flagged[5]!].sort());

    // Friday
    clock.set(at(WEEK[4]!, '08:30'));
    await atClub(WEEK[4]!, 'peer', [flagged[5]!]);
    await atClub(WEEK[4]!, 'staff', [rest[22]!]);
    await home(WEEK[4]!, [rest[23]!]);
    r = await endOfDay(WEEK[4]!);
    expect(r.thisWeek).toEqual([]);
    expect(r.lastFiveSchoolDays).toEqual([]);

    const grid = expectOk(await call(teacher, 'participation:grid', { classId: willow.id, weekStart: WEEK[0]! }));
    expect(new Set(grid.entries.map((e) => e.childId)).size).toBe(30);
    expect(grid.entries).toHaveLength(32); // 32 logged this week: the resent batch stored once, the refused ones not at all
    const modes = (m: string) => grid.entries.filter((e) => e.mode === m).length;
    expect([modes('home'), modes('peer'), modes('staff')]).toEqual([21, 5, 6]);
    // Every child flagged as needing a partner was reached in school, never "at home".
    expect(grid.entries.filter((e) => flagged.includes(e.childId)).every((e) => e.mode !== 'home')).toBe(true);
    // The teacher heard about every tablet log live.
    const fromTablet = grid.entries.filter((e) => e.loggedBy === 'tablet: Club tablet').map((e) => e.id);
    await expect.poll(() => fromTablet.every((id) => pushed.includes(id))).toBe(true);

    for (const s of [adminSocket, teacher, tablet]) s.disconnect();
  });
});
