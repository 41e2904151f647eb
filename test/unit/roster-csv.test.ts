import { describe, expect, it } from 'vitest';
import { parseRosterCsv, type RosterRow } from '../../server/services/roster-csv.ts';

const classes = [
  { id: 'c-oak', name: 'Oak', yearGroup: 3 },
  { id: 'c-ash', name: 'Ash Class', yearGroup: 5 },
  { id: 'c-rec', name: 'Acorns', yearGroup: 0 },
];

const file = (...lines: string[]) => lines.join('\n') + '\n';

/** Every row must hold nothing of the surname. */
const expectNoSurnames = (rows: RosterRow[], surnames: string[]) => {
  for (const row of rows) {
    const text = JSON.stringify(row).toLowerCase();
    for (const s of surnames) expect(text).not.toContain(s.toLowerCase());
  }
};

describe('parseRosterCsv: a good file', () => {
  it('makes display names of first name and initial, and reads every column', () => {
    const { rows, errors } = parseRosterCsv(
      file(
        'First name,Surname,Year,Class,Needs partner,UPN',
        'Amira,Khan,3,Oak,yes,A123',
        '  Zoë ,  Ørsted,Y5,ash class,n,',
        'Łukasz,Nowak,Year 5,ASH CLASS,X,',
        'Siobhán,,R,Acorns,,',
        "Mary  Jane,o'brien,Reception,Acorns,true,",
        'Tom,Lee,YR,Acorns,0,',
      ),
      classes,
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, displayName: 'Amira K.', classId: 'c-oak', yearGroup: 3, needsPartner: true },
      { line: 3, displayName: 'Zoë Ø.', classId: 'c-ash', yearGroup: 5, needsPartner: false },
      { line: 4, displayName: 'Łukasz N.', classId: 'c-ash', yearGroup: 5, needsPartner: true },
      { line: 5, displayName: 'Siobhán', classId: 'c-rec', yearGroup: 0, needsPartner: false },
      { line: 6, displayName: 'Mary Jane O.', classId: 'c-rec', yearGroup: 0, needsPartner: true },
      { line: 7, displayName: 'Tom L.', classId: 'c-rec', yearGroup: 0, needsPartner: false },
    ]);
    expectNoSurnames(rows, ['Khan', 'Ørsted', 'Nowak', "o'brien", 'Lee']);
  });

  it('accepts other headings in any case, and no flag column', () => {
    for (const header of ['forename,family name,year group,class name', 'FIRSTNAME,LastName,YearGroup,CLASS', 'First,Last_Name,Year,Class']) {
      const { rows, errors } = parseRosterCsv(file(header, 'Amira,Khan,3,Oak'), classes);
      expect(errors).toEqual([]);
      expect(rows).toEqual([{ line: 2, displayName: 'Amira K.', classId: 'c-oak', yearGroup: 3, needsPartner: false }]);
    }
    const { rows } = parseRosterCsv(file('First name,Surname,Year,Class,No one at home?', 'Amira,Khan,3,Oak,y'), classes);
    expect(rows[0]?.needsPartner).toBe(true);
  });

  it('skips blank lines silently', () => {
    const { rows, errors } = parseRosterCsv(file('', 'First name,Surname,Year,Class', '', 'Amira,Khan,3,Oak', ',,,', 'Ben,Ode,3,Oak'), classes);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.line, r.displayName])).toEqual([[4, 'Amira K.'], [6, 'Ben O.']]);
  });

  it('reads a BOM and Windows line endings', () => {
    const text = '\uFEFFFirst name,Surname,Year,Class\r\nAmira,Khan,3,Oak\r\nBogus,Row,9,Oak\r\nBen,Ode,3,Oak\r\n';
    const { rows, errors } = parseRosterCsv(text, classes);
    expect(rows.map((r) => [r.line, r.displayName])).toEqual([[2, 'Amira K.'], [4, 'Ben O.']]);
    expect(errors).toEqual([{ line: 3, reason: "year group '9' is not one of R, 1, 2, 3, 4, 5, 6" }]);
  });

  it('reads quoted cells with commas and line breaks, and keeps line numbers right after them', () => {
    const text = file(
      'First name,Surname,Year,Class,Notes',
      'Amira,"Khan, Jr",3,Oak,"allergy note',
      'over two lines"',
      'Ben,Ode,3,Nowhere,',
      '"Cara","Day",3,"Oak",',
    );
    const { rows, errors } = parseRosterCsv(text, classes);
    expect(rows.map((r) => [r.line, r.displayName])).toEqual([[2, 'Amira K.'], [5, 'Cara D.']]);
    expect(errors).toEqual([{ line: 4, reason: "unknown class 'Nowhere' (classes are: Oak, Ash Class, Acorns)" }]);
  });
});

describe('parseRosterCsv: bad rows', () => {
  it('reports each bad row with its line and a clear reason', () => {
    const { rows, errors } = parseRosterCsv(
      file(
        'First name,Surname,Year,Class,Needs partner',
        'Amira,Khan,3,Oak,yes', // 2 fine
        'Ben,Ode,3,Maple,', // 3 unknown class
        'Cara,Day,Y9,Oak,', // 4 bad year
        'Dan,Eve,3,Oak,maybe', // 5 bad flag
        ',Fox,3,Oak,', // 6 empty first name
        `${'A'.repeat(31)},Gee,3,Oak,`, // 7 too long
        'Esme,Hay,5,Oak,', // 8 class in another year
        'J4ck,Ives,3,Oak,', // 9 digits in name
        'Amira,Kaur,3,oak,no', // 10 same display name and class as line 2
        'Amira,Kaur,5,Ash Class,no', // 11 fine: another class
        'Amira Khan,Khan,3,Oak,', // 12 full name in the first-name column
        'Finn,Jay,,,', // 13 two things missing
      ),
      classes,
    );
    expect(errors).toEqual([
      { line: 3, reason: "unknown class 'Maple' (classes are: Oak, Ash Class, Acorns)" },
      { line: 4, reason: "year group 'Y9' is not one of R, 1, 2, 3, 4, 5, 6" },
      { line: 5, reason: "needs partner 'maybe' should be yes or no" },
      { line: 6, reason: 'first name is empty' },
      { line: 7, reason: 'first name is longer than 30 characters' },
      { line: 8, reason: "class 'Oak' is Year 3, row says Year 5" },
      { line: 9, reason: "first name 'J4ck' may only have letters, spaces, hyphens and apostrophes" },
      { line: 10, reason: "duplicate: 'Amira K.' in Oak is already on line 2" },
      { line: 12, reason: 'first name also holds the surname: give the first name only' },
      { line: 13, reason: 'year group is empty; class is empty' },
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 11]);
    const surnames = ['Khan', 'Ode', 'Day', 'Eve', 'Fox', 'Gee', 'Hay', 'Ives', 'Kaur', 'Jay'];
    expectNoSurnames(rows, surnames);
    // Errors are output too.
    for (const e of errors) for (const s of surnames) expect(e.reason).not.toContain(s);
  });

  it('says Reception for year 0', () => {
    const { errors } = parseRosterCsv(file('First name,Surname,Year,Class', 'Amy,Bee,R,Oak'), classes);
    expect(errors).toEqual([{ line: 2, reason: "class 'Oak' is Year 3, row says Reception" }]);
  });

  it('names each missing column on line 1', () => {
    expect(parseRosterCsv(file('First name,Year,Class', 'Amira,3,Oak'), classes)).toEqual({
      rows: [],
      errors: [{ line: 1, reason: 'missing column: surname (headings accepted: surname, last name, lastname, family name)' }],
    });
    const { errors } = parseRosterCsv(file('Amira,Khan,3,Oak'), classes);
    expect(errors.map((e) => [e.line, e.reason.split(' (')[0]])).toEqual([
      [1, 'missing column: first name'],
      [1, 'missing column: surname'],
      [1, 'missing column: year group'],
      [1, 'missing column: class'],
    ]);
  });

  it('rejects a column given twice, an empty file and an unclosed quote', () => {
    expect(parseRosterCsv(file('First name,Forename,Surname,Year,Class'), classes).errors).toEqual([
      { line: 1, reason: 'columns 1 and 2 are both the first name' },
    ]);
    expect(parseRosterCsv('', classes).errors).toEqual([{ line: 1, reason: 'the file is empty: expected a header row' }]);
    expect(parseRosterCsv(file('First name,Surname,Year,Class', 'Amira,Khan,3,Oak', 'Ben,"Ode,3,Oak'), classes)).toEqual({
      rows: [],
      errors: [{ line: 3, reason: 'a quote (") opened here is never closed, so the rest of the file cannot be read' }],
    });
  });
});

describe('parseRosterCsv: size', () => {
  it('parses a generated 2,000-row file well under a second, with no surname anywhere', () => {
    const firsts = ['Amira', 'Zoë', 'Łukasz', 'Siobhán', 'Mary-Jane', "D'Arcy", '李', 'Ben'];
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, name: `Class ${i}`, yearGroup: i % 7 }));
    const letter = (n: number) => String.fromCharCode(97 + (n % 26));
    const lines = ['First name,Surname,Year group,Class,Needs partner'];
    const surnames: string[] = [];
    for (let i = 0; i < 2000; i++) {
      // Distinct first names, so no row is a duplicate of another.
      const first = `${firsts[i % firsts.length]}${letter(i >> 3)}${letter(Math.floor(i / 208))}`;
      const surname = `${letter(i).toUpperCase()}urname${i}`;
      surnames.push(surname);
      const cls = many[i % 30]!;
      lines.push(`${first},${surname},${cls.yearGroup === 0 ? 'R' : `Year ${cls.yearGroup}`},"${cls.name}",${i % 3 === 0 ? 'yes' : ''}`);
    }
    const text = lines.join('\r\n');
    const start = performance.now();
    const { rows, errors } = parseRosterCsv(text, many);
    const ms = performance.now() - start;
    expect(ms).toBeLessThan(250);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(2000);
    expect(rows[1]).toEqual({ line: 3, displayName: 'Zoëaa B.', classId: 'c1', yearGroup: 1, needsPartner: false });
    expect(JSON.stringify(rows)).not.toMatch(/urname/);
    rows.forEach((row, i) => expectNoSurnames([row], [surnames[i]!]));
  });
});
