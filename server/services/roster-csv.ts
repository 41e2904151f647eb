/**
 * Reads a class list exported from a school's MIS or typed in a spreadsheet. Pure: text in,
 * rows and errors out. Only what a child record may hold comes out (a display name of first
 * name and surname initial, class, year group, flag): the surname and any other column
 * (date of birth, UPN, ...) are read only to be dropped, and never appear in an error either.
 */
import { CsvSyntaxError, parseCsvWithLines, type CsvRecord } from '../../shared/csv.ts';
import { yearGroupLabel } from '../../shared/schemas.ts';

export interface RosterRow {
  line: number;
  displayName: string;
  classId: string;
  yearGroup: number;
  needsPartner: boolean;
}
export interface RosterError {
  line: number;
  reason: string;
}
export interface RosterClass {
  id: string;
  name: string;
  yearGroup: number;
}

type Column = 'first' | 'surname' | 'year' | 'class' | 'flag';

/** Accepted headings, after normalising (lower case, punctuation and extra spaces gone). */
const HEADINGS: Record<Column, readonly string[]> = {
  first: ['first name', 'firstname', 'forename', 'first'],
  surname: ['surname', 'last name', 'lastname', 'family name'],
  year: ['year', 'year group', 'yeargroup'],
  class: ['class', 'class name'],
  flag: ['needs partner', 'needs a partner', 'no one at home', 'flag'],
};
const LABEL: Record<Column, string> = {
  first: 'first name',
  surname: 'surname',
  year: 'year group',
  class: 'class',
  flag: 'needs partner',
};
/** The surname column must be there (so initials are never lost to a misnamed heading); its cells may be blank. */
const REQUIRED: readonly Column[] = ['first', 'surname', 'year', 'class'];

// Counted in UTF-16 units, as the Child schema counts its 40-character display name.
const FIRST_NAME_MAX = 30;
// Letters (any script, with combining marks) and the joiners names use: space, hyphen, apostrophes.
const FIRST_NAME = /^\p{L}[\p{L}\p{M}' ’-]*$/u;

const tidy = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ');
const headingKey = (s: string): string =>
  tidy(s.toLowerCase().replace(/[^\p{L}\p{N}\s]+/gu, ' '));

const TRUE = new Set(['yes', 'y', 'true', '1', 'x']);
const FALSE = new Set(['no', 'n', 'false', '0', '']);

function parseYear(raw: string): number | undefined {
  const s = raw.toLowerCase();
  if (s === 'r' || s === 'reception' || s === 'yr' || s === 'year r') return 0;
  const m = /^(?:y|year)? ?([0-6])$/.exec(s);
  return m ? Number(m[1]) : undefined;
}

const isBlank = (r: CsvRecord): boolean => r.cells.every((c) => c.trim() === '');

export function parseRosterCsv(
  text: string,
  classes: readonly RosterClass[],
): { rows: RosterRow[]; errors: RosterError[] } {
  let records: CsvRecord[];
  try {
    records = parseCsvWithLines(text).filter((r) => !isBlank(r));
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      return { rows: [], errors: [{ line: e.line, reason: 'a quote (") opened here is never closed, so the rest of the file cannot be read' }] };
    }
    throw e;
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [{ line: 1, reason: 'the file is empty: expected a header row' }] };

  const { index, errors } = readHeader(header);
  if (errors.length > 0) return { rows: [], errors };

  const classesByName = new Map<string, RosterClass[]>();
  for (const c of classes) {
    const key = tidy(c.name).toLowerCase();
    classesByName.set(key, [...(classesByName.get(key) ?? []), c]);
  }

  const rows: RosterRow[] = [];
  const seen = new Map<string, number>(); // display name + class → first line
  for (const record of data) {
    const cell = (col: Column): string => {
      const i = index.get(col);
      return i === undefined ? '' : tidy(record.cells[i] ?? '');
    };
    const first = cell('first');
    const surname = cell('surname');
    // Echoes a cell back in an error, unless a misplaced surname ended up in it.
    const show = (v: string): string =>
      surname.length > 1 && v.toLowerCase().includes(surname.toLowerCase()) ? 'a value' : `'${v.slice(0, 40)}'`;

    const problems: string[] = [];
    if (first === '') problems.push('first name is empty');
    else if (first.length > FIRST_NAME_MAX) problems.push(`first name is longer than ${FIRST_NAME_MAX} characters`);
    else if (!FIRST_NAME.test(first)) problems.push(`first name ${show(first)} may only have letters, spaces, hyphens and apostrophes`);
    else if (surname.length > 1 && ` ${first.toLowerCase().split(' ').slice(1).join(' ')} `.includes(` ${surname.toLowerCase()} `)) {
      // A full name typed into the first-name column would put the surname on every screen.
      problems.push('first name also holds the surname: give the first name only');
    }
    const initial = /\p{L}/u.exec(surname)?.[0];
    if (surname !== '' && !initial) problems.push('surname has no letter to take an initial from');

    const yearCell = cell('year');
    const yearGroup = parseYear(yearCell);
    if (yearCell === '') problems.push('year group is empty');
    else if (yearGroup === undefined) problems.push(`year group ${show(yearCell)} is not one of R, 1, 2, 3, 4, 5, 6`);

    const className = cell('class');
    const matches = classesByName.get(className.toLowerCase()) ?? [];
    const cls = matches.length === 1 ? matches[0] : undefined;
    if (className === '') problems.push('class is empty');
    else if (matches.length === 0) problems.push(`unknown class ${show(className)}${knownClasses(classes)}`);
    else if (matches.length > 1) problems.push(`more than one class is called ${show(className)}`);
    else if (cls && yearGroup !== undefined && cls.yearGroup !== yearGroup) {
      problems.push(`class '${cls.name}' is ${yearGroupLabel(cls.yearGroup)}, row says ${yearGroupLabel(yearGroup)}`);
    }

    const flagCell = cell('flag').toLowerCase();
    const needsPartner = TRUE.has(flagCell);
    if (!needsPartner && !FALSE.has(flagCell)) problems.push(`needs partner ${show(cell('flag'))} should be yes or no`);

    if (problems.length > 0 || !cls || yearGroup === undefined) {
      errors.push({ line: record.line, reason: problems.join('; ') });
      continue;
    }
    const displayName = initial ? `${first} ${initial.toUpperCase()}.` : first;
    const key = `${displayName.toLowerCase()}\u0000${cls.id}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({ line: record.line, reason: `duplicate: '${displayName}' in ${cls.name} is already on line ${earlier}` });
      continue;
    }
    seen.set(key, record.line);
    rows.push({ line: record.line, displayName, classId: cls.id, yearGroup, needsPartner });
  }
  return { rows, errors };
}

function readHeader(header: CsvRecord): { index: Map<Column, number>; errors: RosterError[] } {
  const index = new Map<Column, number>();
  const errors: RosterError[] = [];
  header.cells.forEach((heading, i) => {
    const key = headingKey(heading);
    const col = (Object.keys(HEADINGS) as Column[]).find((c) => HEADINGS[c].includes(key));
    if (!col) return; // other columns are ignored, and so never stored
    const earlier = index.get(col);
    if (earlier !== undefined) {
      errors.push({ line: header.line, reason: `columns ${earlier + 1} and ${i + 1} are both the ${LABEL[col]}` });
    } else index.set(col, i);
  });
  for (const col of REQUIRED) {
    if (!index.has(col)) {
      errors.push({ line: header.line, reason: `missing column: ${LABEL[col]} (headings accepted: ${HEADINGS[col].join(', ')})` });
    }
  }
  return { index, errors };
}

function knownClasses(classes: readonly RosterClass[]): string {
  if (classes.length === 0) return ' (the school has no classes yet)';
  const names = classes.slice(0, 12).map((c) => c.name).join(', ');
  return ` (classes are: ${names}${classes.length > 12 ? ', ...' : ''})`;
}
