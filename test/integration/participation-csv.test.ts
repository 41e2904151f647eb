/** The participation export, fetched over HTTP as a browser would and read back with our own CSV parser. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv.ts';
import type { ParticipationEntry, PromptDraft } from '../../shared/schemas.ts';
import { ManualClock, call, connectSocket, expectOk, makeSchool, makeStaff, startTestApp, type TestApp } from '../support/test-app.ts';

const HEADER = ['child', 'class', 'date', 'theme', 'mode', 'partner or staff', 'tags', 'note'];
const EVIL = '=HYPERLINK("http://x","y")';

let t: TestApp;
let cookie: string;
let oakId: string;
beforeAll(async () => {
  t = await startTestApp({ clock: new ManualClock(Date.parse('2026-03-11T12:00:00Z')) });
  const { school, classes: [oak, rowan] } = await makeSchool(t, 'Csv School');
  oakId = oak!.id;
  cookie = (await makeStaff(t, school.id, 'teacher', 'Ms Patel')).cookie;
  const teacher = await connectSocket(t, { cookie });
  const add = async (classId: string, displayName: string) =>
    expectOk(await call(teacher, 'child:create', { classId, displayName, needsPartner: false })).id;
  const zoe = await add(oak!.id, 'Zoë W.');
  const evil = await add(oak!.id, EVIL);
  const lukasz = await add(rowan!.id, 'Łukasz B.');
  const draft = (date: string, theme: string): PromptDraft =>
    ({ date, subject: 'science', theme, prompt: `Could you teach me about ${theme}?`, kind: 'verbal', minutes: 10, support: '', extensions: [] });
  await t.app.services.storage.prompts.saveDays(school.id, oak!.id, [draft('2026-03-09', 'Life cycles'), draft('2026-03-10', '+ and − of magnets')], [], Date.now());
  const e = (childId: string, date: string, rest: Partial<ParticipationEntry>): ParticipationEntry =>
    ({ id: randomUUID(), childId, date, mode: 'home', partnerChildIds: [], staffName: '', tags: [], note: '', ...rest });
  const report = expectOk(await call(teacher, 'participation:log', {
    entries: [
      e(zoe, '2026-03-06', { note: 'before the range' }),
      e(zoe, '2026-03-09', { tags: ['misconception', 'had_forgotten'], note: 'Said a caterpillar "turns into" a bee, then laughed' }),
      e(evil, '2026-03-10', { mode: 'peer', partnerChildIds: [lukasz], note: '=1+2' }),
      e(lukasz, '2026-03-10', { mode: 'staff', staffName: '@Mrs Nowak', note: '-minus first\nthen a new line' }),
      e(zoe, '2026-03-11', { note: 'after the range' }),
    ],
  }));
  expect(report.refused).toEqual([]);
  teacher.disconnect();
});
afterAll(async () => { await t.close(); });

async function download(query: string) {
  const res = await fetch(`${t.url}/api/export/participation.csv?${query}`, { headers: { cookie } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  // ignoreBOM keeps the BOM in the text, so the test sees exactly what a spreadsheet gets.
  return { res, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes) };
}

describe('participation CSV export', () => {
  it('has the columns and exactly the rows of the range, for one class', async () => {
    const { res, bytes, text } = await download(`classId=${oakId}&from=2026-03-09&to=2026-03-10`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="participation-2026-03-09-to-2026-03-10.csv"');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith('\uFEFF')).toBe(true);

    const table = parseCsv(text);
    expect(table).toHaveLength(1 + 2);
    expect(table[0]).toEqual(HEADER);
    expect(table[1]).toEqual(['Zoë W.', 'Csv School Oak', '2026-03-09', 'Life cycles', 'home', '', 'misconception; had_forgotten',
      'Said a caterpillar "turns into" a bee, then laughed']);
    expect(table[2]).toEqual([`'${EVIL}`, 'Csv School Oak', '2026-03-10', "'+ and − of magnets", 'peer', 'Łukasz B.', '', "'=1+2"]);
    // Every record is one CRLF-terminated line here (no cell holds a line break).
    expect(text.split('\r\n')).toHaveLength(1 + 2 + 1);
  });

  it('keeps formulas inert and names intact across the whole school', async () => {
    const { text } = await download('from=2026-03-09&to=2026-03-10');
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(HEADER);
    // Entries logged in one batch share a time: their order within a day is not part of the contract.
    expect(rows.map((r) => r[0]).sort()).toEqual([`'${EVIL}`, 'Zoë W.', 'Łukasz B.']);
    expect(rows.find((r) => r[0] === 'Łukasz B.')).toEqual(['Łukasz B.', 'Csv School Rowan', '2026-03-10', '', 'staff', "'@Mrs Nowak", '', "'-minus first\nthen a new line"]);
    // Nothing a spreadsheet would run: no cell starts with = + - @ or a tab.
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t]/);
    // The quoted form on the wire: the apostrophe inside the quotes, the quotes doubled.
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('opens as just the header for a range with nothing in it, and refuses a backwards range', async () => {
    const empty = await download(`classId=${oakId}&from=2026-02-02&to=2026-02-06`);
    expect(parseCsv(empty.text)).toEqual([HEADER]);
    const backwards = await download(`classId=${oakId}&from=2026-03-10&to=2026-03-09`);
    expect(backwards.res.status).toBe(400);
  });
});
