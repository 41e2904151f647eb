import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../client/components/lc-timer-ring.ts';
import type { LcTimerRing } from '../../client/components/lc-timer-ring.ts';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const button = (el: LcTimerRing, name: string) => {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
const names = (el: LcTimerRing) => [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent?.trim());
const timer = (el: LcTimerRing) => el.shadowRoot!.querySelector('[role="timer"]')!;
const ringOffset = (el: LcTimerRing) => Number(el.shadowRoot!.querySelector('circle.bar')!.getAttribute('stroke-dashoffset'));
const digits = (el: LcTimerRing) => el.shadowRoot!.querySelector('.digits')!.textContent;

describe('lc-timer-ring', () => {
  it('is a labelled timer with real buttons, and passes axe before, during and after', async () => {
    const clock = manualClock();
    const el = await fixture<LcTimerRing>(html`<lc-timer-ring label="Amira K. and Ben T." .now=${clock.now}></lc-timer-ring>`);
    expect(timer(el).getAttribute('aria-label')).to.equal('Timer for Amira K. and Ben T.: 10 minutes 0 seconds left');
    expect(digits(el)).to.equal('10:00');
    await expect(el).to.be.accessible();
    button(el, 'Start 10 minutes').click();
    clock.advance(4 * 60_000);
    await waitUntil(() => digits(el) === '6:00', 'four minutes pass');
    await expect(el).to.be.accessible();
    clock.advance(6 * 60_000);
    await waitUntil(() => names(el).includes('Keep going'), 'the end');
    await expect(el).to.be.accessible();
  });

  it('fills the ring as time passes, pauses and resumes without losing time', async () => {
    const clock = manualClock();
    const el = await fixture<LcTimerRing>(html`<lc-timer-ring .now=${clock.now}></lc-timer-ring>`);
    const full = ringOffset(el);
    expect(full).to.equal(0);
    const running = oneEvent(el, 'lc-timer-change');
    button(el, 'Start 10 minutes').click();
    expect((await running).detail).to.deep.equal({ running: true });
    clock.advance(5 * 60_000);
    await waitUntil(() => digits(el) === '5:00', 'half way');
    const circumference = 2 * Math.PI * 52;
    expect(ringOffset(el)).to.be.closeTo(circumference / 2, 0.5);

    button(el, 'Pause').click();
    expect(el.running).to.equal(false);
    await el.updateComplete;
    clock.advance(30 * 60_000); // a long break: paused time does not count
    await new Promise((r) => setTimeout(r, 300));
    expect(digits(el)).to.equal('5:00');
    expect(timer(el).getAttribute('aria-label')).to.contain('left, paused');
    button(el, 'Resume').click();
    clock.advance(60_000);
    await waitUntil(() => digits(el) === '4:00', 'a minute more');
  });

  it('ends gently once, then "Keep going" counts on with no second signal', async () => {
    const clock = manualClock();
    const el = await fixture<LcTimerRing>(html`<lc-timer-ring minutes="10" .now=${clock.now}></lc-timer-ring>`);
    let ends = 0;
    el.addEventListener('lc-timer-end', () => ends++);
    button(el, 'Start 10 minutes').click();
    clock.advance(10 * 60_000 + 5_000);
    await waitUntil(() => ends === 1, 'the end signal');
    expect(digits(el)).to.equal('0:00');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Ten minutes are up');
    expect(timer(el).getAttribute('aria-label')).to.equal('Timer: ten minutes are up');
    expect(el.running).to.equal(false);

    button(el, 'Keep going').click();
    clock.advance(90_000);
    await waitUntil(() => digits(el) === '+1:30', 'going further');
    expect(el.shadowRoot!.querySelector('.caption')!.textContent).to.equal('going further');
    clock.advance(20 * 60_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(ends).to.equal(1);
    button(el, 'Pause').click();
    await el.updateComplete;
    button(el, 'Reset').click();
    await el.updateComplete;
    expect(digits(el)).to.equal('10:00');
    expect(names(el)).to.include('Start 10 minutes');
  });

  it('works from the keyboard, and the chime is a toggle that starts off', async () => {
    const clock = manualClock();
    const el = await fixture<LcTimerRing>(html`<lc-timer-ring .now=${clock.now}></lc-timer-ring>`);
    const chime = button(el, 'Soft chime');
    expect(chime.getAttribute('aria-pressed')).to.equal('false');
    chime.click(); // a user gesture: the only moment audio may be unlocked
    await el.updateComplete;
    expect(chime.getAttribute('aria-pressed')).to.equal('true');
    expect(el.chime).to.equal(true);
    button(el, 'Start 10 minutes').focus();
    await sendKeys({ press: 'Enter' });
    expect(el.running).to.equal(true);
    await el.updateComplete;
    // Focus stays on the main button as its job changes: Start → Pause → Resume.
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Pause');
    await sendKeys({ press: 'Space' });
    expect(el.running).to.equal(false);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Resume');
    for (const b of el.shadowRoot!.querySelectorAll('button')) expect(b.getBoundingClientRect().height).to.be.at.least(48);
  });
});
