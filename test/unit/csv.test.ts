import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvSyntaxError, csvCell, parseCsv, parseCsvWithLines, toCsv } from '../../shared/csv.ts';

describe('parseCsv', () => {
  it('reads plain records and ignores the trailing line break', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a,,\n')).toEqual([['a', '', '']]);
  });

  it('accepts a BOM and CRLF, LF or CR line endings alike', () => {
    const want = [['a', 'b'], ['1', '2'], ['3', '4']];
    expect(parseCsv('\uFEFFa,b\r\n1,2\r\n3,4\r\n')).toEqual(want);
    expect(parseCsv('a,b\n1,2\n3,4')).toEqual(want);
    expect(parseCsv('a,b\r1,2\r3,4\r')).toEqual(want);
    expect(parseCsv('\uFEFFa,b\r\n1,2\n3,4\r')).toEqual(want);
  });

  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('"Oak, upstairs","say ""hi""","two\nlines","crlf\r\ninside",""\n')).toEqual([
      ['Oak, upstairs', 'say "hi"', 'two\nlines', 'crlf\r\ninside', ''],
    ]);
  });

  it('keeps a blank line in the middle as one empty cell', () => {
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  it('keeps stray quotes that do not open a cell as text', () => {
    expect(parseCsv('5" tall,"a"b\n')).toEqual([['5" tall', 'ab']]);
  });

  it('rejects an unclosed quote, naming the line it opened on', () => {
    expect(() => parseCsv('a,b\n1,"oops\n2,3\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,"oops\n2,3\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
    }
  });
});

describe('parseCsvWithLines', () => {
  it('gives the physical line each record starts on, counting breaks inside quotes', () => {
    const text = 'h1,h2\r\n"multi\r\nline\r\ncell",x\r\n\r\nlast,"a\nb"\nafter,1';
    expect(parseCsvWithLines(text)).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['multi\r\nline\r\ncell', 'x'] },
      { line: 5, cells: [''] },
      { line: 6, cells: ['last', 'a\nb'] },
      { line: 8, cells: ['after', '1'] },
    ]);
  });

  it('counts a lone CR inside quotes as a line break too', () => {
    expect(parseCsvWithLines('"a\rb"\rc').map((r) => r.line)).toEqual([1, 3]);
  });
});

describe('csvCell', () => {
  it('quotes only when needed', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('makes formula-looking text inert with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('leaves numbers as numbers, negative ones included', () => {
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(3.5)).toBe('3.5');
  });

  it('keeps non-ASCII text intact', () => {
    for (const s of ['Zoë', 'Łukasz', '李', 'Siobhán']) expect(csvCell(s)).toBe(s);
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    const out = toCsv(['name', 'class'], [['Zoë K.', 'Oak'], ['李 W.', null]]);
    expect(out).toBe('\uFEFFname,class\r\nZoë K.,Oak\r\n李 W.,\r\n');
    expect(out.startsWith('\uFEFF')).toBe(true);
  });

  it('every parsed-back cell from a formula is inert', () => {
    const back = parseCsv(toCsv(['x'], [['=HYPERLINK("http://x","y")'], ['+1'], ['-1'], ['@x'], ['\tx']]));
    for (const [cell] of back.slice(1)) expect(cell!.startsWith("'")).toBe(true);
  });

  it('round-trips: parseCsv(toCsv(header, rows)) gives back the header and every row', () => {
    const value = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('a,b', '"q"', 'x\r\ny', '\r', '\n', '', 'Łukasz', '李', '=1+1'),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.tuple(
            fc.array(fc.string({ minLength: 1 }), { minLength: width, maxLength: width }),
            fc.array(fc.array(value, { minLength: width, maxLength: width }), { maxLength: 20 }),
          ),
        ),
        ([header, rows]) => {
          // What a reader should see: the text, with the apostrophe csvCell adds to formulas.
          const seen = (v: string | number | null): string =>
            typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v ?? '');
          const back = parseCsv(toCsv(header, rows));
          expect(back).toHaveLength(rows.length + 1);
          expect(back).toEqual([header, ...rows].map((r) => r.map(seen)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
