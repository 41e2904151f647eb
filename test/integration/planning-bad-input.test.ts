/**
 * Bad plans through the socket: each one gets a clear `invalid` or `forbidden` ack with the
 * path of what is wrong, and nothing is stored (week:get after shows the plan unchanged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar.ts';
import type { Result } from '../../shared/result.ts';
import type { PromptDraft, SchoolClass } from '../../shared/schemas.ts';
import { call, connectSocket, expectOk, makeSchool, makeStaff, startTestApp, type TestApp, type TestSocket } from '../support/test-app.ts';

const MONDAY = '2026-03-02';

let t: TestApp;
let teacher: TestSocket;
let otherTeacher: TestSocket;
let cls: SchoolClass;
let otherCls: SchoolClass;

const good = (i: number, over: Partial<PromptDraft> = {}): PromptDraft => ({
  date: addDays(MONDAY, i), subject: 'science', theme: 'Life-cycles', prompt: 'Could you teach me the stages of a life-cycle?',
  kind: 'verbal', minutes: 10, support: 'Egg, caterpillar, chrysalis, butterfly.', extensions: ['How do you know?'], ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  const mine = await makeSchool(t, 'Mine');
  const theirs = await makeSchool(t, 'Theirs');
  cls = mine.classes[0]!;
  otherCls = theirs.classes[0]!;
  teacher = await connectSocket(t, { cookie: (await makeStaff(t, mine.school.id, 'teacher')).cookie });
  otherTeacher = await connectSocket(t, { cookie: (await makeStaff(t, theirs.school.id, 'teacher')).cookie });
  // A saved plan that every bad attempt below must leave exactly as it is.
  expectOk(await call(teacher, 'week:save', { classId: cls.id, weekStart: MONDAY, days: [good(0, { theme: 'Kept' })] }));
});
afterAll(async () => {
  teacher?.disconnect();
  otherTeacher?.disconnect();
  await t?.close();
});

function expectRefused(result: Result<unknown>, code: 'invalid' | 'forbidden', path: (string | number)[]): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(0);
  expect(result.error.issues?.map((i) => i.path)).toContainEqual(path);
}

async function expectUnchanged(): Promise<void> {
  const week = expectOk(await call(teacher, 'week:get', { classId: cls.id, weekStart: MONDAY }));
  expect(week.days.map((d) => [d.date, d.theme, d.status])).toEqual([[MONDAY, 'Kept', 'draft']]);
  const next = expectOk(await call(teacher, 'week:get', { classId: cls.id, weekStart: addDays(MONDAY, 7) }));
  expect(next.days).toEqual([]);
}

describe('planning refuses bad input', () => {
  it('a week that does not start on a Monday', async () => {
    const tuesday = addDays(MONDAY, 1);
    expectRefused(await call(teacher, 'week:save', { classId: cls.id, weekStart: tuesday, days: [good(1)] }), 'invalid', ['weekStart']);
    expectRefused(await call(teacher, 'week:get', { classId: cls.id, weekStart: tuesday }), 'invalid', ['weekStart']);
    expectRefused(await call(teacher, 'week:publish', { classId: cls.id, weekStart: tuesday }), 'invalid', ['weekStart']);
    expectRefused(await call(teacher, 'week:save', { classId: cls.id, weekStart: '2026-02-30', days: [] }), 'invalid', ['weekStart']);
    await expectUnchanged();
  });

  it('a day outside the week', async () => {
    const saturday = addDays(MONDAY, 5);
    expectRefused(await call(teacher, 'week:save', { classId: cls.id, weekStart: MONDAY, days: [good(0), { ...good(0), date: saturday }] }), 'invalid', ['days', 1, 'date']);
    expectRefused(await call(teacher, 'week:save', { classId: cls.id, weekStart: MONDAY, days: [good(0), good(0)] }), 'invalid', ['days', 1, 'date']);
    await expectUnchanged();
  });

  it('a class of another school', async () => {
    expectRefused(await call(teacher, 'week:save', { classId: otherCls.id, weekStart: MONDAY, days: [good(0)] }), 'forbidden', ['classId']);
    expectRefused(await call(teacher, 'week:get', { classId: otherCls.id, weekStart: MONDAY }), 'forbidden', ['classId']);
    expectRefused(await call(teacher, 'week:publish', { classId: otherCls.id, weekStart: MONDAY }), 'forbidden', ['classId']);
    expectRefused(await call(teacher, 'week:copyPrevious', { classId: otherCls.id, weekStart: MONDAY }), 'forbidden', ['classId']);
    // ...and the other way round: their teacher cannot reach this school's plan.
    expectRefused(await call(otherTeacher, 'week:save', { classId: cls.id, weekStart: MONDAY, days: [good(0, { theme: 'Overwritten' })] }), 'forbidden', ['classId']);
    expect(expectOk(await call(otherTeacher, 'week:get', { classId: otherCls.id, weekStart: MONDAY })).days).toEqual([]);
    await expectUnchanged();
  });

  it('an over-long prompt', async () => {
    const prompt = `Could you teach me ${'about life-cycles and '.repeat(20)}more?`;
    expect(prompt.length).toBeGreaterThan(400);
    expectRefused(await call(teacher, 'week:save', { classId: cls.id, weekStart: MONDAY, days: [good(0), good(1, { prompt })] }), 'invalid', ['days', 1, 'prompt']);
    expectRefused(await call(teacher, 'week:save', { classId: cls.id, weekStart: MONDAY, days: [good(0, { theme: 'x'.repeat(121) })] }), 'invalid', ['days', 0, 'theme']);
    await expectUnchanged();
  });

  it('11 minutes', async () => {
    expectRefused(await call(teacher, 'week:save', { classId: cls.id, weekStart: MONDAY, days: [good(0, { minutes: 11 })] }), 'invalid', ['days', 0, 'minutes']);
    expectRefused(await call(teacher, 'week:save', { classId: cls.id, weekStart: MONDAY, days: [good(0, { minutes: 2.5 })] }), 'invalid', ['days', 0, 'minutes']);
    await expectUnchanged();
  });

  it('three sentences, and an empty theme', async () => {
    const three = good(2, { prompt: 'What is a seed? How does it grow? What does it need?' });
    const result = await call(teacher, 'week:save', { classId: cls.id, weekStart: MONDAY, days: [good(0), three] });
    expectRefused(result, 'invalid', ['days', 1, 'prompt']);
    if (!result.ok) expect(result.error.issues?.find((i) => i.path[2] === 'prompt')?.message).toMatch(/one or two sentences/);
    expectRefused(await call(teacher, 'week:save', { classId: cls.id, weekStart: MONDAY, days: [good(0, { theme: '   ' })] }), 'invalid', ['days', 0, 'theme']);
    await expectUnchanged();
  });

  it('unknown fields and wrong types', async () => {
    const extra = { ...good(0), markScheme: 'out of 10' } as PromptDraft;
    expectRefused(await call(teacher, 'week:save', { classId: cls.id, weekStart: MONDAY, days: [extra] }), 'invalid', ['days', 0, 'markScheme']);
    const wrongKind = { ...good(0), kind: 'written' } as unknown as PromptDraft;
    expectRefused(await call(teacher, 'week:save', { classId: cls.id, weekStart: MONDAY, days: [wrongKind] }), 'invalid', ['days', 0, 'kind']);
    await expectUnchanged();
  });

  it('a good save after all that still works', async () => {
    const week = expectOk(await call(teacher, 'week:save', { classId: cls.id, weekStart: MONDAY, days: [good(0, { theme: 'Kept' }), good(1)] }));
    expect(week.days.map((d) => d.date)).toEqual([MONDAY, addDays(MONDAY, 1)]);
  });
});
