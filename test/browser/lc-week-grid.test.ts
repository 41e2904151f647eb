import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../client/components/lc-week-grid.ts';
import type { LcWeekGrid } from '../../client/components/lc-week-grid.ts';
import type { CorrectEntryDetail, LcDiaryDialog, RecordHomeDetail, RemoveEntryDetail } from '../../client/components/lc-diary-dialog.ts';
import type { Child, Participation, Prompt } from '../../shared/schemas.ts';

const dates = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'];
const child = (id: string, displayName: string, needsPartner = false): Child =>
  ({ id, schoolId: 's', classId: 'oak', displayName, yearGroup: 1, needsPartner });
const roster = [child('a', 'Amira K.', true), child('b', 'Ben T.'), child('c', 'Chloe S.')];
let n = 0;
const entry = (childId: string, date: string, mode: Participation['mode'], extra: Partial<Participation> = {}): Participation => ({
  id: `00000000-0000-4000-8000-00000000000${n++}`, childId, date, mode, schoolId: 's', classId: 'oak',
  partnerChildIds: mode === 'peer' ? ['b'] : [], staffName: mode === 'staff' ? 'Mrs Khan' : '', tags: [], note: '',
  loggedBy: 'tablet: Club', createdAt: 1, ...extra,
});
const prompts = [{ date: '2026-03-09', theme: 'Life cycles' }] as Prompt[];

async function grid(entries: Participation[]) {
  return fixture<LcWeekGrid>(html`<lc-week-grid .dates=${dates} .roster=${roster} .entries=${entries} .prompts=${prompts}
    today="2026-03-11" caption="Oak: week of 9 March"></lc-week-grid>`);
}
const cell = (el: LcWeekGrid, row: number, day: number) =>
  el.shadowRoot!.querySelectorAll('tbody tr')[row]!.querySelectorAll('td')[day]!;

describe('lc-week-grid', () => {
  it('is a table with row and column headers, each cell saying how the child took part in words', async () => {
    const el = await grid([entry('a', '2026-03-09', 'peer'), entry('a', '2026-03-09', 'home'), entry('b', '2026-03-10', 'staff')]);
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).to.deep.equal(Array(7).fill('col'));
    expect([...root.querySelectorAll('tbody th')].map((th) => th.getAttribute('scope'))).to.deep.equal(['row', 'row', 'row']);
    expect(root.querySelector('tbody th')!.textContent).to.contain('Amira K.').and.contain('needs a partner');
    expect(root.querySelector('thead')!.textContent).to.contain('Life cycles');
    // Home before peer whatever order they were logged in; an icon beside every word.
    expect(cell(el, 0, 0).querySelector('button')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Amira K., Mon 9 Mar: Home Peer');
    expect(cell(el, 0, 0).querySelectorAll('svg.icon').length).to.equal(2);
    expect(cell(el, 1, 1).textContent).to.contain('Staff');
    expect(cell(el, 2, 2).textContent).to.contain('Not yet');
    // Days still to come are not buttons.
    expect(cell(el, 2, 3).querySelector('button')).to.equal(null);
    expect(cell(el, 2, 3).textContent).to.contain('still to come');
    // Days with a conversation, per child.
    expect(cell(el, 0, 5).textContent!.trim()).to.equal('1');
    await expect(el).to.be.accessible();
  });

  it('records a home conversation from the diary with tags and a note', async () => {
    const el = await grid([]);
    cell(el, 2, 2).querySelector('button')!.click();
    const dialog = el.shadowRoot!.querySelector<LcDiaryDialog>('lc-diary-dialog')!;
    const root = dialog.shadowRoot!;
    await waitUntil(() => root.querySelector('dialog')!.open, 'the diary form opens');
    expect(root.querySelector('dialog')!.open).to.equal(true);
    expect(root.querySelector('h2')!.textContent).to.contain('Chloe S.').and.contain('Wednesday 11 March');
    root.querySelector<HTMLInputElement>('input[value="misconception"]')!.click();
    root.querySelector('textarea')!.value = '  Thought a tadpole is a fish.  ';
    const sent = oneEvent(el, 'lc-record-home');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { detail } = (await sent) as CustomEvent<RecordHomeDetail>;
    expect(detail).to.deep.equal({ childId: 'c', date: '2026-03-11', tags: ['misconception'], note: 'Thought a tadpole is a fish.' });
    expect(root.querySelector('dialog')!.open).to.equal(false);
    await expect(dialog).to.be.accessible();
  });

  it('corrects or removes a logged entry', async () => {
    const logged = entry('b', '2026-03-10', 'staff', { tags: ['knew_it_well'], note: 'Knew all four stages.' });
    const el = await grid([logged]);
    cell(el, 1, 1).querySelector('button')!.click();
    const dialog = el.shadowRoot!.querySelector<LcDiaryDialog>('lc-diary-dialog')!;
    const root = dialog.shadowRoot!;
    await waitUntil(() => root.querySelector('dialog')!.open, 'the diary form opens');
    expect(root.querySelector('li')!.textContent).to.contain('With staff: Mrs Khan').and.contain('Knew all four stages.');
    const correct = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Correct')!;
    correct.click();
    await waitUntil(() => root.querySelector('textarea')!.value !== '', 'the form is filled from the entry');
    expect(root.querySelector<HTMLInputElement>('input[value="knew_it_well"]')!.checked).to.equal(true);
    expect(root.querySelector('textarea')!.value).to.equal('Knew all four stages.');
    root.querySelector('textarea')!.value = 'Knew three of the four stages.';
    const corrected = oneEvent(el, 'lc-correct-entry');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const c = (await corrected) as CustomEvent<CorrectEntryDetail>;
    expect(c.detail.entry.id).to.equal(logged.id);
    expect(c.detail.note).to.equal('Knew three of the four stages.');

    cell(el, 1, 1).querySelector('button')!.click();
    await waitUntil(() => root.querySelector('dialog')!.open, 'the diary form opens again');
    // A fresh open is a fresh form, not the last correction.
    expect(root.querySelector('textarea')!.value).to.equal('');
    const removed = oneEvent(el, 'lc-remove-entry');
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Remove')!.click();
    expect(((await removed) as CustomEvent<RemoveEntryDetail>).detail.entry.id).to.equal(logged.id);
  });
});
