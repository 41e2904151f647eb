import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../client/components/lc-day-editor.ts';
import { blankDay, type LcDayEditor } from '../../client/components/lc-day-editor.ts';
import type { PromptDraft } from '../../shared/schemas.ts';

const planned: PromptDraft = {
  ...blankDay('2026-03-02'),
  subject: 'history',
  theme: 'Romans',
  prompt: 'What did the Romans do for us?',
  support: 'Roads, baths, aqueducts, calendars.',
  extensions: ['How do you know?'],
};

async function editor(value: PromptDraft = planned): Promise<LcDayEditor> {
  return fixture<LcDayEditor>(html`<lc-day-editor .value=${value} heading="Monday 2 March"></lc-day-editor>`);
}

const $ = <T extends Element = HTMLElement>(el: LcDayEditor, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;

/** Types as a person does: sets the value and fires the input event the browser would. */
async function type(el: LcDayEditor, sel: string, text: string): Promise<void> {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, sel);
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const issuesOf = (el: LcDayEditor, id: string) => [...$(el, `#${id}`).querySelectorAll('li')].map((li) => ({ severity: li.className, text: li.textContent ?? '' }));

describe('lc-day-editor', () => {
  it('is accessible, blank and planned', async () => {
    const blank = await editor(blankDay('2026-03-02'));
    await expect(blank).to.be.accessible();
    const el = await editor();
    expect($(el, 'h3').textContent).to.equal('Monday 2 March');
    for (const id of ['subject', 'theme', 'prompt', 'minutes', 'support', 'extension-0']) {
      const field = $<HTMLInputElement>(el, `#${id}`);
      expect(field.labels?.length, `#${id} has a label`).to.be.greaterThan(0);
    }
    await expect(el).to.be.accessible();
  });

  it('warns inline, naming "Write", as the teacher types', async () => {
    const el = await editor();
    const changed = oneEvent(el, 'lc-day-change');
    await type(el, '#prompt', 'Write a paragraph about the Romans.');
    const { detail } = await changed;
    expect(detail.prompt).to.equal('Write a paragraph about the Romans.');
    const issues = issuesOf(el, 'prompt-issues');
    expect(issues).to.have.length(1);
    expect(issues[0]!.severity).to.equal('warning');
    expect(issues[0]!.text).to.contain('"Write"');
    const prompt = $(el, '#prompt');
    expect(prompt.getAttribute('aria-describedby')).to.contain('prompt-issues');
    expect(prompt.getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '#prompt-issues').getAttribute('aria-live')).to.equal('polite');
    await expect(el).to.be.accessible();
  });

  it('shows an error for three sentences, and clears it at two', async () => {
    const el = await editor();
    await type(el, '#prompt', 'What is a seed? How does it grow? What does it need?');
    const issues = issuesOf(el, 'prompt-issues');
    expect(issues.map((i) => i.severity)).to.deep.equal(['error']);
    expect(issues[0]!.text).to.contain('one or two sentences');
    expect($(el, '#prompt').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#prompt-hint').textContent).to.contain('3 of 2');
    await type(el, '#prompt', 'What is a seed? How does it grow?');
    expect(issuesOf(el, 'prompt-issues')).to.deep.equal([]);
  });

  it('shows an error for 11 minutes', async () => {
    const el = await editor();
    await type(el, '#minutes', '11');
    const issues = issuesOf(el, 'minutes-issues');
    expect(issues.map((i) => i.severity)).to.deep.equal(['error']);
    expect(issues[0]!.text).to.contain('Ten minutes at most');
    expect($(el, '#minutes').getAttribute('aria-invalid')).to.equal('true');
    expect(el.value.minutes).to.equal(11);
    await type(el, '#minutes', '10');
    expect(issuesOf(el, 'minutes-issues')).to.deep.equal([]);
  });

  it('fills the prompt from a "teach me" opener built from the theme', async () => {
    const el = await editor({ ...planned, theme: '', prompt: '' });
    expect(el.shadowRoot!.querySelectorAll('button.opener')).to.have.length(0);
    await type(el, '#theme', 'Life-cycles');
    const openers = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.opener')];
    expect(openers.length).to.be.greaterThan(2);
    expect(openers[0]!.textContent).to.equal("As you've been learning about life-cycles today, could you teach me…");
    const changed = oneEvent(el, 'lc-day-change');
    openers[0]!.click();
    expect((await changed).detail.prompt).to.equal("As you've been learning about life-cycles today, could you teach me…");
    await el.updateComplete;
    const area = $<HTMLTextAreaElement>(el, '#prompt');
    expect(area.value).to.equal("As you've been learning about life-cycles today, could you teach me…");
    expect(el.shadowRoot!.activeElement).to.equal(area);
  });

  it('adds extension ideas and takes a custom subject', async () => {
    const el = await editor({ ...planned, extensions: [] });
    expect(issuesOf(el, 'extensions-issues').map((i) => i.text).join()).to.contain('What if');
    const idea = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.idea')].find((b) => b.textContent === 'What if…?')!;
    idea.click();
    await el.updateComplete;
    expect(el.value.extensions).to.deep.equal(['What if…?']);
    expect(issuesOf(el, 'extensions-issues')).to.deep.equal([]);

    const select = $<HTMLSelectElement>(el, '#subject');
    select.value = '__other';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(issuesOf(el, 'subject-issues').map((i) => i.severity)).to.deep.equal(['error']);
    await type(el, '#subject-other', 'Forest school');
    expect(el.value.subject).to.equal('Forest school');
    expect(issuesOf(el, 'subject-issues')).to.deep.equal([]);
  });
});
