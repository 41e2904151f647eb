import { expect, fixture, html } from '@open-wc/testing';
import '../../client/components/lc-participation-chart.ts';
import type { LcParticipationChart } from '../../client/components/lc-participation-chart.ts';
import { dayCounts, type DayCounts } from '../../client/components/participation-counts.ts';
import type { Participation } from '../../shared/schemas.ts';

const days: DayCounts[] = [
  { date: '2026-03-09', home: 12, peer: 3, staff: 2, reached: 16 },
  { date: '2026-03-10', home: 9, peer: 0, staff: 4, reached: 13 },
  { date: '2026-03-11', home: 0, peer: 0, staff: 0, reached: 0 },
  { date: '2026-03-12', home: 20, peer: 5, staff: 1, reached: 25 },
  { date: '2026-03-13', home: 7, peer: 2, staff: 0, reached: 9 },
];
const MODES = ['home', 'peer', 'staff'] as const;

/** What the chart draws, read back from the SVG. */
function bars(el: LcParticipationChart) {
  return [...el.shadowRoot!.querySelectorAll<SVGRectElement>('rect.seg')].map((r) => ({
    date: r.dataset.date!, mode: r.dataset.mode!, count: Number(r.dataset.count),
    y: Number(r.getAttribute('y')), height: Number(r.getAttribute('height')),
  }));
}
/** What the table says. */
const cellOf = (el: LcParticipationChart, date: string, mode: string) =>
  el.shadowRoot!.querySelector(`tbody tr[data-date="${date}"] td[data-mode="${mode}"]`)!.textContent!.trim();

describe('lc-participation-chart', () => {
  it('draws the same numbers as its table, to scale, stacked by mode', async () => {
    const el = await fixture<LcParticipationChart>(html`<lc-participation-chart .days=${days} classSize="30" weekReached="29"></lc-participation-chart>`);
    const drawn = bars(el);
    expect(drawn).to.have.length(15);
    for (const b of drawn) expect(String(b.count)).to.equal(cellOf(el, b.date, b.mode));
    // One scale for every bar: height per child is the same everywhere.
    const perChild = drawn.filter((b) => b.count > 0).map((b) => b.height / b.count);
    for (const h of perChild) expect(h).to.be.closeTo(perChild[0]!, 1e-9);
    // Home at the bottom, then peer, then staff, each sitting on the one below.
    for (const d of days) {
      const [home, peer, staff] = MODES.map((m) => drawn.find((b) => b.date === d.date && b.mode === m)!);
      expect(peer!.y + peer!.height).to.be.closeTo(home!.y, 1e-9);
      expect(staff!.y + staff!.height).to.be.closeTo(peer!.y, 1e-9);
      const total = el.shadowRoot!.querySelector(`text.total[data-date="${d.date}"]`)!.textContent!.trim();
      expect(`${total} of 30`).to.equal(cellOf(el, d.date, 'reached'));
    }
    // The week row adds up the days.
    const foot = [...el.shadowRoot!.querySelectorAll('tfoot td')].map((td) => td.textContent!.trim());
    expect(foot).to.deep.equal(['48', '10', '7', '29 of 30']);
    await expect(el).to.be.accessible();
  });

  it('is an image with a title and a description that carries the numbers', async () => {
    const el = await fixture<LcParticipationChart>(html`<lc-participation-chart .days=${days} classSize="30" weekReached="29" heading="Oak: who took part"></lc-participation-chart>`);
    const svg = el.shadowRoot!.querySelector('svg[role="img"]')!;
    const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(el.shadowRoot!.getElementById(titleId!)!.textContent).to.equal('Oak: who took part');
    const desc = el.shadowRoot!.getElementById(descId!)!.textContent!;
    expect(desc).to.contain('Thu 12 Mar: 20 at home, 5 with a peer, 1 with staff, 25 of 30 children');
    expect(desc).to.contain('Whole week: 29 of 30 children');
  });

  it('changes when a conversation is logged', async () => {
    const entry = (childId: string, mode: Participation['mode']) => ({ childId, mode, date: '2026-03-11' }) as Participation;
    const dates = days.map((d) => d.date);
    const el = await fixture<LcParticipationChart>(html`<lc-participation-chart .days=${dayCounts(dates, [entry('a', 'peer')])} classSize="4" weekReached="1"></lc-participation-chart>`);
    const before = bars(el).find((b) => b.date === '2026-03-11' && b.mode === 'home')!;
    expect(before.height).to.equal(0);
    el.days = dayCounts(dates, [entry('a', 'peer'), entry('b', 'home'), entry('b', 'home')]);
    await el.updateComplete;
    const after = bars(el).find((b) => b.date === '2026-03-11' && b.mode === 'home')!;
    expect(after.count).to.equal(1); // the same child twice in a day counts once
    expect(after.height).to.be.greaterThan(0);
    expect(cellOf(el, '2026-03-11', 'reached')).to.equal('2 of 4');
  });
});
