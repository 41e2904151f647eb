/**
 * Roster CSV import through the socket (`roster:import`), against a real SQLite file: checked
 * first, stored all or nothing, every bad row reported by line, and no surname ever stored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Child, SchoolClass } from '../../shared/schemas.ts';
import { call, connectSocket, expectOk, makeSchool, makeStaff, startTestApp, type TestApp, type TestSocket } from '../support/test-app.ts';

let t: TestApp;
let teacher: TestSocket;
let oak: SchoolClass; // Year 1
let rowan: SchoolClass; // Year 6

/** Surnames distinctive enough to search the database file for. */
const SURNAMES = ['Featherstonehaugh', 'Quarrington', 'Zbigniewska'];

beforeAll(async () => {
  t = await startTestApp();
  const { school, classes } = await makeSchool(t, 'Brook');
  [oak, rowan] = classes as [SchoolClass, SchoolClass];
  const { cookie } = await makeStaff(t, school.id, 'teacher');
  teacher = await connectSocket(t, { cookie });
});
afterAll(async () => {
  teacher?.disconnect();
  await t?.close();
});

const childrenOf = async (cls: SchoolClass): Promise<Child[]> => expectOk(await call(teacher, 'child:list', { classId: cls.id }));
const allChildren = async (): Promise<Child[]> => [...(await childrenOf(oak)), ...(await childrenOf(rowan))];
const importCsv = async (csv: string, dryRun: boolean) => expectOk(await call(teacher, 'roster:import', { csv, dryRun }));

/** Every display name is a first name and at most an initial: never anything that looks like a surname. */
function expectNoSurnames(children: Child[]): void {
  for (const c of children) {
    expect(c.displayName, c.displayName).toMatch(/^\p{L}[\p{L}\p{M}' ’-]*(?: \p{Lu}\.)?$/u);
    for (const s of SURNAMES) expect(c.displayName).not.toContain(s);
  }
}

/** The surnames are nowhere in the data folder either: not in the database, not in its WAL. */
function expectSurnamesNotOnDisk(): void {
  for (const file of readdirSync(t.dataDir)) {
    const bytes = readFileSync(join(t.dataDir, file)).toString('latin1');
    for (const s of SURNAMES) expect(bytes.includes(s), `${s} in ${file}`).toBe(false);
  }
}

describe('roster:import', () => {
  it('checks a good file without storing it, then imports it with initials only', async () => {
    const before = (await allChildren()).length;
    const csv = [
      'First name,Surname,Year,Class,Needs partner',
      `Olivia,${SURNAMES[0]},1,Brook Oak,no`,
      `Noah,${SURNAMES[1]},Y1,brook oak,yes`,
      `Zofia,${SURNAMES[2]},6,Brook Rowan,`,
      'Ayo,,Year 6,Brook Rowan,y',
    ].join('\n');

    expect(await importCsv(csv, true)).toEqual({ created: 4, errors: [], skipped: [] });
    expect((await allChildren()).length).toBe(before);

    expect(await importCsv(csv, false)).toEqual({ created: 4, errors: [], skipped: [] });
    const oakNames = (await childrenOf(oak)).map((c) => [c.displayName, c.needsPartner, c.yearGroup]);
    expect(oakNames).toEqual(expect.arrayContaining([['Olivia F.', false, 1], ['Noah Q.', true, 1]]));
    const rowanNames = (await childrenOf(rowan)).map((c) => [c.displayName, c.needsPartner, c.yearGroup]);
    expect(rowanNames).toEqual(expect.arrayContaining([['Zofia Z.', false, 6], ['Ayo', true, 6]]));
    expectNoSurnames(await allChildren());
    expectSurnamesNotOnDisk();

    // The same file again, with one newcomer: only the newcomer is added, the rest are listed as skipped.
    const again = await importCsv(`${csv}
Kwame,Asante,1,Brook Oak,no`, false);
    expect(again.created).toBe(1);
    expect(again.skipped.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(again.skipped[0]!.reason).toBe('Olivia F. is already in Brook Oak');
    expect((await allChildren()).length).toBe(before + 5);
  });

  it('stores nothing from a file with bad rows, and reports every one by line', async () => {
    const before = await allChildren();
    const csv = [
      'first name,surname,year group,class',
      'Maya,Jones,1,Brook Oak', // 2: fine
      ',Smith,1,Brook Oak', // 3: no first name
      'Leo,Brown,7,Brook Oak', // 4: no such year
      'Ivy,Green,1,Brook Ash', // 5: no such class
      'Sam Patel,Patel,1,Brook Oak', // 6: surname in the first-name column
      'Maya,Jenkins,1,Brook Oak', // 7: a second "Maya J." in Oak
      'Ben,Cole,6,Brook Oak', // 8: Oak is Year 1
      '',
      '"Eve,Hart,1,Brook Oak', // 10: a quote never closed
    ].join('\n');
    const report = await importCsv(csv, false);
    // An unclosed quote would swallow the rest of the file into one cell: it is the one error reported.
    expect(report).toEqual({ created: 0, errors: [{ line: 10, reason: expect.stringMatching(/never closed/) }], skipped: [] });
    expect((await allChildren()).map((c) => c.id).sort()).toEqual(before.map((c) => c.id).sort());

    const withoutQuote = csv.split('\n').slice(0, 8).join('\n');
    const rows = await importCsv(withoutQuote, false);
    expect(rows.created).toBe(0);
    expect(rows.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8]);
    const reasons = new Map(rows.errors.map((e) => [e.line, e.reason]));
    expect(reasons.get(3)).toMatch(/first name is empty/);
    expect(reasons.get(4)).toMatch(/year group '7'/);
    expect(reasons.get(5)).toMatch(/unknown class 'Brook Ash'/);
    expect(reasons.get(6)).toMatch(/also holds the surname/);
    expect(reasons.get(7)).toMatch(/duplicate: 'Maya J\.' .* line 2/);
    expect(reasons.get(8)).toMatch(/Year 1, row says Year 6/);
    // The reasons never repeat a surname back.
    for (const r of rows.errors) expect(r.reason).not.toMatch(/Patel|Jenkins|Brown|Smith|Green|Cole/);
    expect((await allChildren()).map((c) => c.id).sort()).toEqual(before.map((c) => c.id).sort());
  });

  it('reads a spreadsheet export with a BOM and Windows line endings', async () => {
    const csv = `\uFEFF${['Forename,Last name,Year,Class,Flag', 'Priya,Shah,R,Brook Oak,no', '"Anne-Marie",O\'Neill,1,Brook Oak,yes'].join('\r\n')}\r\n`;
    // The class is Year 1, so Reception is refused: the BOM has not eaten the first heading.
    const refused = await importCsv(csv, true);
    expect(refused.errors).toEqual([{ line: 2, reason: "class 'Brook Oak' is Year 1, row says Reception" }]);
    const fixed = csv.replace(',R,', ',1,');
    expect(await importCsv(fixed, false)).toEqual({ created: 2, errors: [], skipped: [] });
    const names = (await childrenOf(oak)).map((c) => c.displayName);
    expect(names).toEqual(expect.arrayContaining(['Priya S.', 'Anne-Marie O.']));
    expect(names.some((n) => n.includes('\r') || n.includes('\uFEFF'))).toBe(false);
  });

  it('imports a 2,000-row file in one go', async () => {
    const syllables = ['ka', 'lo', 'mi', 'ne', 'su', 'ta', 'ri', 'bo', 'da', 'fe', 'gu', 'ha', 'jo', 'vi'];
    const first = (i: number) => {
      const s = [syllables[i % 14], syllables[Math.floor(i / 14) % 14], syllables[Math.floor(i / 196) % 14]].join('');
      return s.charAt(0).toUpperCase() + s.slice(1);
    };
    const rows = Array.from({ length: 2000 }, (_, i) => `${first(i)},${SURNAMES[i % 3]},${i % 2 ? 6 : 1},${i % 2 ? 'Brook Rowan' : 'Brook Oak'},${i % 5 === 0 ? 'yes' : 'no'}`);
    const csv = ['First name,Surname,Year,Class,Needs partner', ...rows].join('\r\n');
    expect(csv.length).toBeLessThan(200_000);
    const before = (await allChildren()).length;
    const started = performance.now();
    const report = await importCsv(csv, false);
    const ms = performance.now() - started;
    expect(report).toEqual({ created: 2000, errors: [], skipped: [] });
    const after = await allChildren();
    expect(after.length).toBe(before + 2000);
    expect(after.filter((c) => c.needsPartner).length).toBeGreaterThanOrEqual(400);
    expectNoSurnames(after);
    expectSurnamesNotOnDisk();
    console.log(`2,000-row import: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(10_000);
  });

  it('is for teachers and admins only', async () => {
    const { school } = await makeSchool(t, 'Other');
    const { cookie } = await makeStaff(t, school.id, 'staff');
    const clubStaff = await connectSocket(t, { cookie });
    const result = await call(clubStaff, 'roster:import', { csv: 'first name,surname,year,class', dryRun: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('forbidden');
    clubStaff.disconnect();
  });
});
