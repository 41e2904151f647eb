import { expect, fixture, html } from '@open-wc/testing';
import '../../client/views/staff/lc-week-exports.ts';
import type { LcWeekExports } from '../../client/views/staff/lc-week-exports.ts';
import type { PromptDraft } from '../../shared/schemas.ts';

const day = (date: string, theme: string, prompt: string): PromptDraft => ({
  date, subject: 'science', theme, prompt, kind: 'verbal', minutes: 10, support: '', extensions: ['How do you know?'],
});

const DAYS = [
  day('2026-03-02', 'Romans', 'What did the Romans do for us?'),
  day('2026-03-03', '2D shapes', 'Which shapes can you find in the kitchen?'),
  day('2026-03-04', 'Life-cycles', 'Could you teach me the stages of a life-cycle?'),
];

describe('lc-week-exports', () => {
  it('gives the Monday message, the short text with its segments, and today\'s message', async () => {
    const el = await fixture<LcWeekExports>(html`<lc-week-exports classTitle="Year 3 Oak" weekStart="2026-03-02" today="2026-03-03" .days=${DAYS}></lc-week-exports>`);
    const text = (id: string) => el.shadowRoot!.querySelector<HTMLTextAreaElement>(`#${id}`)!.value;

    const monday = text('monday').split('\n');
    expect(monday[0]).to.equal('Year 3 Oak');
    expect(monday.filter((l) => /^(Mon|Tue|Wed|Thu|Fri): /.test(l))).to.deep.equal([
      'Mon: Romans — What did the Romans do for us?',
      'Tue: 2D shapes — Which shapes can you find in the kitchen?',
      'Wed: Life-cycles — Could you teach me the stages of a life-cycle?',
    ]);
    expect(text('sms')).to.contain('Year 3 Oak');
    expect(el.shadowRoot!.querySelector('#sms-hint')!.textContent).to.match(/\d+ characters: 1 SMS segment/);
    // Today's message starts on the school's today, and follows the chosen day.
    expect(text('today')).to.contain('Which shapes can you find in the kitchen?');
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#today-day')!;
    select.value = '2026-03-04';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text('today')).to.contain('life-cycle');
    await expect(el).to.be.accessible();
  });

  it('copies, or leaves the text selected to copy by hand, and says which', async () => {
    const el = await fixture<LcWeekExports>(html`<lc-week-exports classTitle="Oak" weekStart="2026-03-02" .days=${DAYS}></lc-week-exports>`);
    const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Copy the Monday message')!;
    button.click();
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    for (let i = 0; i < 50 && status.textContent!.trim() === ''; i++) await new Promise((r) => setTimeout(r, 20));
    expect(status.textContent).to.match(/Monday message copied|press Ctrl\+C/);
  });
});
