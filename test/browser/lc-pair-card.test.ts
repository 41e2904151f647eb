import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../client/components/lc-pair-card.ts';
import type { LcPairCard, LogRequest, PairMember } from '../../client/components/lc-pair-card.ts';
import type { DisplayPrompt } from '../../shared/schemas.ts';

const prompt = (subject: string, text: string, support: string, extensions: string[]): DisplayPrompt => ({
  date: '2025-06-12', subject, theme: `${subject} theme`, prompt: text, kind: 'verbal', minutes: 10, support, extensions, updatedAt: 1,
});

const amira: PairMember = {
  id: 'amira', displayName: 'Amira K.', className: 'Rowan', yearGroup: 6, status: 'todo', canUndo: false,
  prompt: prompt('science', 'Teach me the stages of a frog\'s life.', 'Egg, tadpole, froglet, frog.', ['How do you know?']),
};
const ben: PairMember = {
  id: 'ben', displayName: 'Ben T.', className: 'Oak', yearGroup: 1, status: 'todo', canUndo: false,
  prompt: prompt('music', 'Clap me the repeating pattern from today.', 'Clap, clap, stamp.', ['What if it went backwards?']),
};

const q = <T extends Element>(el: LcPairCard, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const sections = (el: LcPairCard) => [...el.shadowRoot!.querySelectorAll('section')];
const buttonIn = (root: ParentNode, name: string) => {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};

describe('lc-pair-card', () => {
  it('shows both children with each one\'s own class prompt, support and extensions, and passes axe', async () => {
    const el = await fixture<LcPairCard>(html`<lc-pair-card .members=${[amira, ben]}></lc-pair-card>`);
    expect(q(el, 'h2').textContent).to.equal('Amira K. and Ben T.');
    expect(q(el, '.who').textContent).to.contain('Year 6 with Year 1');
    const [a, b] = sections(el) as [HTMLElement, HTMLElement];
    expect(a.querySelector('.tells')!.textContent).to.equal('Amira tells Ben about Rowan\'s learning:');
    expect(a.querySelector('blockquote')!.textContent).to.equal(amira.prompt!.prompt);
    expect(a.querySelector('details')!.textContent).to.contain('Egg, tadpole');
    expect(a.querySelector('li')!.textContent).to.equal('How do you know?');
    expect(b.querySelector('.tells')!.textContent).to.equal('Ben tells Amira about Oak\'s learning:');
    expect(b.querySelector('blockquote')!.textContent).to.equal(ben.prompt!.prompt);
    expect(q(el, 'lc-timer-ring').getAttribute('label')).to.equal('Amira K. and Ben T.');
    await expect(el).to.be.accessible();
  });

  it('logs a child in one tap with the tags and note chosen, and counts the note up to 280', async () => {
    const el = await fixture<LcPairCard>(html`<lc-pair-card .members=${[amira, ben]}></lc-pair-card>`);
    const [a] = sections(el) as [HTMLElement];
    const tag = buttonIn(a, 'Knew it well');
    tag.click();
    await el.updateComplete;
    expect(tag.getAttribute('aria-pressed')).to.equal('true');
    const note = a.querySelector('textarea')!;
    expect(note.labels?.[0]?.textContent).to.contain('Note for the teacher');
    expect(note.maxLength).to.equal(280);
    note.value = 'Knew all four stages.';
    note.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect(a.querySelector('.count')!.textContent).to.equal('21 / 280 characters');
    const logged = oneEvent(el, 'lc-log');
    buttonIn(a, 'Amira took part').click();
    expect(((await logged) as CustomEvent<LogRequest>).detail).to.deep.equal({ childId: 'amira', tags: ['knew_it_well'], note: 'Knew all four stages.' });
    await el.updateComplete;
    expect(a.querySelector('textarea')!.value).to.equal(''); // the draft goes once logged
  });

  it('shows a logged child with undo, a refused one with the form again, and passes axe', async () => {
    const el = await fixture<LcPairCard>(html`<lc-pair-card .members=${[{ ...amira, status: 'pending', canUndo: true }, { ...ben, status: 'refused' }]}></lc-pair-card>`);
    const [a, b] = sections(el) as [HTMLElement, HTMLElement];
    expect(a.querySelector('.logged')!.textContent).to.contain('Amira took part · waiting to sync');
    const undone = oneEvent(el, 'lc-undo');
    buttonIn(a, 'Undo').click();
    expect(((await undone) as CustomEvent).detail).to.deep.equal({ childId: 'amira' });
    expect(b.querySelector('.refused')!.textContent).to.contain('not accepted');
    expect(buttonIn(b, 'Ben took part')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('runs a child alone with staff, and a trio with each telling the other two', async () => {
    const alone = await fixture<LcPairCard>(html`<lc-pair-card .members=${[ben]} staffName="Mr Okafor"></lc-pair-card>`);
    expect(q(alone, '.who').textContent).to.contain('With staff: Mr Okafor');
    expect(q(alone, '.tells').textContent).to.equal('Ben tells you about Oak\'s learning:');
    await expect(alone).to.be.accessible();
    const chloe: PairMember = { ...ben, id: 'chloe', displayName: 'Chloe S.', className: 'Ash', yearGroup: 4, prompt: null };
    const trio = await fixture<LcPairCard>(html`<lc-pair-card .members=${[amira, chloe, ben]}></lc-pair-card>`);
    expect(q(trio, 'h2').textContent).to.equal('Amira K., Chloe S. and Ben T.');
    expect(sections(trio)[0]!.querySelector('.tells')!.textContent).to.equal('Amira tells Chloe and Ben about Rowan\'s learning:');
    expect(sections(trio)[1]!.querySelector('.tells')!.textContent).to.contain('No prompt from Ash today');
    await expect(trio).to.be.accessible();
  });

  it('is thumb-sized and works from the keyboard', async () => {
    const el = await fixture<LcPairCard>(html`<lc-pair-card .members=${[amira, ben]}></lc-pair-card>`);
    el.style.width = '1000px';
    await el.updateComplete;
    for (const b of el.shadowRoot!.querySelectorAll('button')) expect(b.getBoundingClientRect().height, b.textContent ?? '').to.be.at.least(48);
    expect(q(el, 'summary').getBoundingClientRect().height).to.be.at.least(48);
    const [a] = sections(el) as [HTMLElement];
    buttonIn(a, 'Had forgotten').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(buttonIn(a, 'Had forgotten').getAttribute('aria-pressed')).to.equal('true');
    const logged = oneEvent(el, 'lc-log');
    buttonIn(a, 'Amira took part').focus();
    await sendKeys({ press: 'Space' });
    expect(((await logged) as CustomEvent<LogRequest>).detail.tags).to.deep.equal(['had_forgotten']);
  });
});
