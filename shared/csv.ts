/**
 * CSV in and out, RFC 4180, pure. Reading is forgiving about what spreadsheets really
 * write (a BOM, CRLF, LF or old-Mac CR line endings, a last line with or without a break);
 * writing is strict (CRLF, every awkward cell quoted) and safe to open in a spreadsheet.
 */

export interface CsvRecord {
  /** 1-based physical line the record starts on, for error reports. */
  line: number;
  cells: string[];
}

/** A quote was opened and never closed: everything after it would silently become one cell. */
export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(line: number) {
    super(`line ${line}: a quoted cell is never closed`);
    this.line = line;
    this.name = 'CsvSyntaxError';
  }
}

export function parseCsv(text: string): string[][] {
  return parseCsvWithLines(text).map((r) => r.cells);
}

/** Throws CsvSyntaxError for an unclosed quote. A blank line in the middle is a record of one empty cell. */
export function parseCsvWithLines(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let cellStart = true; // nothing read yet in this cell
  let quotedFrom = 0; // line of the open quote, 0 when outside quotes

  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quotedFrom) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quotedFrom = 0;
        continue;
      }
      // Line breaks inside quotes belong to the cell but still move the physical line on.
      if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) line++;
      cell += ch;
      continue;
    }
    if (ch === '"' && cellStart) {
      quotedFrom = line;
      cellStart = false;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      cellStart = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      cellStart = true;
      recordLine = ++line;
    } else {
      // Includes a stray quote mid-cell or after a closing quote: kept as text, as Excel does.
      cell += ch;
      cellStart = false;
    }
  }
  if (quotedFrom) throw new CsvSyntaxError(quotedFrom);
  // Text after the last line break; nothing there means the file simply ended with a break.
  if (cells.length > 0 || !cellStart) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return records;
}

/**
 * One cell, quoted when needed. Text starting with = + - @ tab or CR is prefixed with an
 * apostrophe so that a spreadsheet shows it instead of running it as a formula (OWASP CSV
 * injection advice). Numbers are written as they are: a number cannot carry a formula, and
 * -3 must stay a number.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole file: BOM first (so Excel reads UTF-8), CRLF after every record. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}
