import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../client/components/lc-group-editor.ts';
import type { LcGroupEditor } from '../../client/components/lc-group-editor.ts';
import type { Groups } from '../../client/state/club-groups.ts';
import type { Child } from '../../shared/schemas.ts';

const kid = (id: string, displayName: string, classId: string, yearGroup: number): Child =>
  ({ id, schoolId: 's', classId, displayName, yearGroup, needsPartner: true });
const roster = [kid('a', 'Amira K.', 'rowan', 6), kid('b', 'Ben T.', 'oak', 1), kid('c', 'Chloe S.', 'ash', 4), kid('d', 'Dev P.', 'acorn', 0), kid('e', 'Eli W.', 'rowan', 6)];
const classNames = { rowan: 'Rowan', oak: 'Oak', ash: 'Ash', acorn: 'Acorn' };

const editor = (groups: Groups, edited = false) =>
  fixture<LcGroupEditor>(html`<lc-group-editor .groups=${groups} .roster=${roster} .classNames=${classNames} ?edited=${edited}></lc-group-editor>`);
const button = (el: LcGroupEditor, name: string) => {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim().startsWith(name));
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
const tap = async (el: LcGroupEditor, name: string) => {
  button(el, name).click();
  await el.updateComplete;
};

describe('lc-group-editor', () => {
  it('shows each group with names, year groups and classes, and passes axe', async () => {
    const el = await editor([['a', 'c', 'b'], ['e', 'd']]);
    const groups = [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(groups[0]).to.contain('Trio 1').and.contain('Amira K.Year 6 · Rowan').and.contain('Ben T.Year 1 · Oak');
    expect(groups[1]).to.contain('Pair 2').and.contain('Dev P.Reception · Acorn');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Suggested pairs');
    await expect(el).to.be.accessible();
  });

  it('swaps two children with two taps', async () => {
    const el = await editor([['a', 'c', 'b'], ['e', 'd']]);
    await tap(el, 'Amira K.');
    expect(button(el, 'Amira K.').getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
    const changed = oneEvent(el, 'lc-groups-change');
    button(el, 'Dev P.').click();
    expect((await changed).detail).to.deep.equal([['d', 'c', 'b'], ['e', 'a']]);
  });

  it('moves a child into a pair, or out to staff, and never makes a group of four', async () => {
    const el = await editor([['a', 'b'], ['c', 'd'], ['e']]);
    await tap(el, 'Eli W.');
    expect([...el.shadowRoot!.querySelectorAll('.move')].map((b) => b.textContent!.trim())).to.deep.equal(['Move Eli here', 'Move Eli here']);
    let changed = oneEvent(el, 'lc-groups-change');
    button(el, 'Move Eli here').click();
    expect((await changed).detail).to.deep.equal([['a', 'b', 'e'], ['c', 'd']]);

    const trio = await editor([['a', 'b', 'e'], ['c', 'd']]);
    await tap(trio, 'Chloe S.');
    expect(trio.shadowRoot!.querySelectorAll('.move')).to.have.length(0); // the trio is full
    changed = oneEvent(trio, 'lc-groups-change');
    button(trio, 'Chloe with staff').click();
    expect((await changed).detail).to.deep.equal([['a', 'b', 'e'], ['d'], ['c']]);
  });

  it('marks a same-class pair, offers the suggestion back once edited, and accepts', async () => {
    const el = await editor([['a', 'e'], ['c', 'b'], ['d']], true);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal("Today's groups");
    expect(el.shadowRoot!.querySelector('h3')!.textContent).to.contain('same class');
    expect([...el.shadowRoot!.querySelectorAll('h3')].at(-1)!.textContent).to.equal('With staff');
    const back = oneEvent(el, 'lc-resuggest');
    button(el, 'Suggest again').click();
    await back;
    const accepted = oneEvent(el, 'lc-accept');
    button(el, 'Accept these 3 groups').click();
    expect((await accepted).detail).to.deep.equal([['a', 'e'], ['c', 'b'], ['d']]);
    for (const b of el.shadowRoot!.querySelectorAll('button')) expect(b.getBoundingClientRect().height).to.be.at.least(48);
    await expect(el).to.be.accessible();
  });
});
