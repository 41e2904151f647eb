import { expect, fixture, html } from '@open-wc/testing';
import '../../client/components/lc-notes-feed.ts';
import type { LcNotesFeed } from '../../client/components/lc-notes-feed.ts';
import type { Child, Participation, Prompt, Tag } from '../../shared/schemas.ts';

const roster = [['a', 'Amira K.'], ['b', 'Ben T.'], ['c', 'Chloe S.']].map(([id, displayName]) =>
  ({ id, displayName, schoolId: 's', classId: 'oak', yearGroup: 1, needsPartner: false }) as Child);
const prompts = [{ classId: 'oak', date: '2026-03-09', theme: 'Life cycles' }, { classId: 'oak', date: '2026-03-10', theme: '2D shapes' }] as Prompt[];
let n = 0;
const note = (childId: string, date: string, tags: Tag[], text: string) => ({
  id: `id-${n++}`, childId, date, tags, note: text, mode: 'home', classId: 'oak', schoolId: 's',
  partnerChildIds: [], staffName: '', loggedBy: 'Ms Patel', createdAt: n,
}) as Participation;
const notes = [
  note('a', '2026-03-09', ['knew_it_well'], 'Named all four stages.'),
  note('b', '2026-03-09', ['misconception'], 'Thinks a tadpole is a fish.'),
  note('c', '2026-03-10', ['had_forgotten'], 'Forgot the pentagon.'),
  note('a', '2026-03-11', [], 'No theme that day.'),
];

const themes = (el: LcNotesFeed) => [...el.shadowRoot!.querySelectorAll('[role="heading"]')].map((h) => h.textContent);
const items = (el: LcNotesFeed) => [...el.shadowRoot!.querySelectorAll('li .note')].map((p) => p.textContent);

describe('lc-notes-feed', () => {
  it('groups notes by theme, newest theme first, misconceptions first within a theme', async () => {
    const el = await fixture<LcNotesFeed>(html`<lc-notes-feed .notes=${notes} .roster=${roster} .prompts=${prompts}></lc-notes-feed>`);
    expect(themes(el)).to.deep.equal(['No theme planned', '2D shapes', 'Life cycles']);
    expect(items(el)).to.deep.equal(['No theme that day.', 'Forgot the pentagon.', 'Thinks a tadpole is a fish.', 'Named all four stages.']);
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-11');
    await expect(el).to.be.accessible();
  });

  it('filters by tag, misconceptions offered first', async () => {
    const el = await fixture<LcNotesFeed>(html`<lc-notes-feed .notes=${notes} .roster=${roster} .prompts=${prompts}></lc-notes-feed>`);
    const select = el.shadowRoot!.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(
      ['All notes (4)', 'Misconception (1)', 'Had forgotten (1)', 'Found it hard (0)', 'Knew it well (1)']);
    select.value = 'misconception';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(themes(el)).to.deep.equal(['Life cycles']);
    expect(items(el)).to.deep.equal(['Thinks a tadpole is a fish.']);
    select.value = 'found_it_hard';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('No notes with this tag.');
  });
});
