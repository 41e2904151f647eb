import { expect, fixture, html } from '@open-wc/testing';
import { PROMPT_FLOOR_CQMIN, type LcPosterCard } from '../../client/components/lc-poster-card.ts';
import '../../client/components/lc-poster-card.ts';
import type { PickupPhase, PosterCardState } from '../../client/state/poster-day.ts';
import type { DisplayPrompt } from '../../shared/schemas.ts';

const prompt = (over: Partial<DisplayPrompt> = {}): DisplayPrompt => ({
  date: '2026-12-03',
  subject: 'science',
  theme: 'life cycles',
  prompt: "As you've been learning about life cycles today, could you teach me what each of the stages are?",
  kind: 'verbal',
  minutes: 10,
  support: 'Egg, caterpillar, chrysalis, butterfly.',
  extensions: ['How do you know which stage comes first?'],
  updatedAt: 1,
  ...over,
});

// 400 characters: the longest prompt the schema allows, in two sentences.
const LONGEST = `${'Think about every animal we met this week, from the frog spawn in the pond to the butterflies in the garden, '.repeat(3)}and tell me how each one changes as it grows? Which changes surprised you the most`.slice(0, 399) + '?';

interface Setup {
  state?: PosterCardState;
  p?: DisplayPrompt | null;
  week?: DisplayPrompt[];
  phase?: PickupPhase;
  width?: number;
  height?: number;
}

/** A card in a box of the given size: 1880×990 is the whole screen of a 1920×1080 poster. */
async function card({ state = 'today', p = prompt(), week = [], phase = 'pickup', width = 1880, height = 990 }: Setup = {}) {
  const box = await fixture<HTMLDivElement>(html`<div style=${`width:${width}px;height:${height}px`}>
    <lc-poster-card .state=${state} classLabel="Oak class" .prompt=${p} .week=${week} .phase=${phase}></lc-poster-card>
  </div>`);
  const el = box.querySelector<LcPosterCard>('lc-poster-card')!;
  await el.updateComplete;
  // Fitting may leave things out and render again.
  await new Promise((r) => requestAnimationFrame(r));
  await el.updateComplete;
  return el;
}

const part = (el: LcPosterCard, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (el: LcPosterCard) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const fontPx = (el: LcPosterCard) => parseFloat(getComputedStyle(part(el, '[data-testid=prompt]')!).fontSize);
const floorPx = (el: LcPosterCard) => (PROMPT_FLOOR_CQMIN * Math.min(el.clientWidth, el.clientHeight)) / 100;

function expectNoOverflow(el: LcPosterCard): void {
  const fit = part(el, '.fit')!;
  expect(fit.scrollHeight, 'fitted text overflows').to.be.at.most(fit.clientHeight);
  expect(fit.scrollWidth).to.be.at.most(fit.clientWidth);
  const body = part(el, '.body')!;
  expect(body.scrollHeight, 'card body overflows').to.be.at.most(body.clientHeight);
}

async function expectAAA(el: LcPosterCard): Promise<void> {
  const axe = (window as unknown as { axe: { run(e: Element, o: object): Promise<{ violations: { id: string }[] }> } }).axe;
  const result = await axe.run(el, { runOnly: ['color-contrast-enhanced'] });
  expect(result.violations.map((v) => v.id)).to.deep.equal([]);
}

describe('lc-poster-card', () => {
  it("shows today's prompt with class, subject, theme, an ask-me line and one extension, accessibly (AAA contrast)", async () => {
    const el = await card();
    const t = text(el);
    expect(part(el, 'h2')!.textContent).to.equal('Oak class');
    expect(part(el, '.subject')!.textContent).to.equal('Science');
    expect(t).to.contain('Today we learned about life cycles');
    expect(part(el, '[data-testid=prompt]')!.textContent).to.equal(prompt().prompt);
    expect(t).to.contain('Grown-ups: ask me this on the way home. About 10 minutes, just talking.');
    expect(t).to.contain('Going further: How do you know which stage comes first?');
    await expect(el).to.be.accessible();
    await expectAAA(el);
  });

  it('makes a short prompt large in the pickup window and calmer outside it', async () => {
    const pickup = fontPx(await card({ phase: 'pickup' }));
    const calm = fontPx(await card({ phase: 'after' }));
    expect(pickup).to.be.greaterThan(calm);
    expect(calm).to.be.at.least(48);
  });

  it('fits the longest prompt on a 1920×1080 screen: smaller, but at least 48 px, and nothing overflows', async () => {
    const short = fontPx(await card());
    const el = await card({ p: prompt({ prompt: LONGEST }) });
    expect(LONGEST.length).to.equal(400);
    const px = fontPx(el);
    expect(px).to.be.lessThan(short);
    expect(px).to.be.at.least(floorPx(el));
    expect(px).to.be.at.least(48);
    expectNoOverflow(el);
    expect(text(el)).to.contain('Going further');
  });

  it('in half a 1920×1080 screen (two classes side by side), fits a long prompt at 48 px, or asks for more room', async () => {
    const long = "As you've been learning about life cycles today, could you teach me what each of the stages of a butterfly's life are, and what happens to the caterpillar inside the chrysalis? Which animals that we know change shape like that as they grow up?";
    const el = await card({ p: prompt({ prompt: long }), width: 924, height: 990 });
    expect(fontPx(el)).to.be.at.least(48);
    expectNoOverflow(el);

    const crowded: Event[] = [];
    window.addEventListener('lc-poster-crowded', (e) => crowded.push(e), { once: true });
    const longest = await card({ p: prompt({ prompt: LONGEST }), width: 924, height: 990 });
    expectNoOverflow(longest);
    expect(fontPx(longest) >= 48 || crowded.length === 1, 'at 48 px or more, or a crowded event').to.equal(true);
  });

  it('on a portrait tablet and in a small planner preview, fits proportionally without clipping', async () => {
    for (const [width, height] of [[752, 960], [480, 270]] as const) {
      const el = await card({ p: prompt({ prompt: LONGEST }), width, height });
      expect(fontPx(el)).to.be.at.least(floorPx(el) - 1);
      expectNoOverflow(el);
    }
  });

  it('when even the floor is too big, leaves out the extension before shrinking further, and never clips', async () => {
    const crowded: Event[] = [];
    const longest = prompt({ prompt: LONGEST, theme: 'T'.repeat(10) + ' the longest theme anyone could write for a single day of learning in a primary classroom'.slice(0, 110), extensions: ['E '.repeat(100).trim()] });
    window.addEventListener('lc-poster-crowded', (e) => crowded.push(e));
    const el = await card({ p: longest, width: 700, height: 700 });
    expect(text(el)).not.to.contain('Going further');
    expectNoOverflow(el);
    expect(fontPx(el) >= floorPx(el) || crowded.length > 0, 'below the floor only with a crowded event').to.equal(true);
  });

  it('shows "Today\'s conversation will appear here" on a school day with nothing published', async () => {
    const el = await card({ state: 'pending', p: null });
    expect(text(el)).to.contain("Today's conversation will appear here");
    expect(part(el, '[data-testid=prompt]')).to.equal(null);
    expectNoOverflow(el);
    await expect(el).to.be.accessible();
  });

  it('shows "See you on Monday" with the coming week when it is published', async () => {
    const week = [prompt({ date: '2026-12-07', theme: 'magnets' }), prompt({ date: '2026-12-08', subject: 'maths', theme: '2D shapes' })];
    const el = await card({ state: 'no-school', p: null, week });
    const t = text(el);
    expect(t).to.contain('See you on Monday');
    expect([...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()))
      .to.deep.equal(['Monday · Science: magnets', 'Tuesday · Maths: 2D shapes']);
    expectNoOverflow(el);
    await expect(el).to.be.accessible();
    await expectAAA(el);
  });

  it('shows "See you on Monday" without a list when next week is not published', async () => {
    const el = await card({ state: 'no-school', p: null });
    expect(text(el)).to.contain('See you on Monday');
    expect(el.shadowRoot!.querySelector('li')).to.equal(null);
  });

  it('explains itself before the first publish', async () => {
    const el = await card({ state: 'welcome', p: null });
    expect(text(el)).to.contain('The conversation appears here as soon as the class publishes it');
    await expect(el).to.be.accessible();
  });

  it('works on its own as a planner preview, sized by width and aspect ratio', async () => {
    const el = await fixture<LcPosterCard>(html`<lc-poster-card style="width:480px;height:auto;aspect-ratio:16/9"
      .state=${'today'} classLabel="Oak class" .prompt=${prompt({ prompt: LONGEST })}></lc-poster-card>`);
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    await el.updateComplete;
    expect(el.getBoundingClientRect().height).to.be.closeTo(270, 1);
    expect(fontPx(el)).to.be.at.least(floorPx(el) - 1);
    expectNoOverflow(el);
  });

  it('refits when the prompt changes and when its box is resized', async () => {
    const el = await card();
    const before = fontPx(el);
    el.prompt = prompt({ prompt: LONGEST });
    await el.updateComplete;
    expect(fontPx(el)).to.be.lessThan(before);
    el.parentElement!.style.width = '600px';
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expectNoOverflow(el);
  });
});
