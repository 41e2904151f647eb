/**
 * Participation per day for a class, split by mode: a stacked SVG bar chart (role="img",
 * with a title and a description a screen reader reads), and the same numbers in a real
 * table under it, with the whole week as the last row.
 */
import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatDayShort } from '../../shared/calendar.ts';
import type { ParticipationMode } from '../../shared/schemas.ts';
import { MODES, MODE_LONG, type DayCounts } from './participation-counts.ts';
import { formStyles } from './shared-styles.ts';

const W = 560;
const H = 280;
const PAD = { left: 44, right: 12, top: 28, bottom: 44 };
const PLOT_H = H - PAD.top - PAD.bottom;
/** Light, dark and hatched: the three modes differ in lightness and texture, not only in hue. */
const FILL: Record<ParticipationMode, string> = { home: '#8fd0a0', peer: '#14325c', staff: 'url(#staff-hatch)' };
const INK: Record<ParticipationMode, string> = { home: '#0f1b2d', peer: '#ffffff', staff: '#ffffff' };

@customElement('lc-participation-chart')
export class LcParticipationChart extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    svg { width: 100%; max-width: 40rem; height: auto; display: block; }
    .axis { font: 13px system-ui, sans-serif; fill: #4a5568; }
    .count { font: 700 13px system-ui, sans-serif; }
    .total { font: 700 13px system-ui, sans-serif; fill: #0f1b2d; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; list-style: none; padding: 0; margin: 0.5rem 0; }
    .legend svg { display: inline-block; width: 1rem; height: 1rem; vertical-align: -2px; margin-right: 0.3rem; }
    table { margin-top: 0.5rem; width: 100%; }
    th[scope='row'] { white-space: nowrap; }
    td, th { text-align: right; }
    th[scope='row'], thead th:first-child { text-align: left; }
    tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--lc-ink, #0f1b2d); }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
  `];

  @property({ attribute: false }) days: DayCounts[] = [];
  @property({ type: Number }) classSize = 0;
  /** Different children with a conversation on any day of the week. */
  @property({ type: Number }) weekReached = 0;
  @property() heading = 'Who took part each day';

  private get scaleMax(): number {
    return Math.max(1, this.classSize, ...this.days.map((d) => d.home + d.peer + d.staff));
  }

  private description(): string {
    const days = this.days.map((d) =>
      `${formatDayShort(d.date)}: ${d.home} at home, ${d.peer} with a peer, ${d.staff} with staff, ${d.reached} of ${this.classSize} children`);
    return `${days.join('; ')}. Whole week: ${this.weekReached} of ${this.classSize} children.`;
  }

  private renderBars() {
    const slot = (W - PAD.left - PAD.right) / Math.max(1, this.days.length);
    const barW = Math.min(64, slot * 0.6);
    const y = (n: number) => PAD.top + PLOT_H - (n / this.scaleMax) * PLOT_H;
    return this.days.map((d, i) => {
      const x = PAD.left + slot * i + (slot - barW) / 2;
      let base = 0;
      const segments = MODES.map((mode) => {
        const n = d[mode];
        const top = y(base + n);
        const height = y(base) - top;
        base += n;
        return svg`<rect class="seg" data-date=${d.date} data-mode=${mode} data-count=${n} x=${x} y=${top} width=${barW} height=${height} fill=${FILL[mode]} />
          ${n > 0 && height >= 16 ? svg`<text class="count" x=${x + barW / 2} y=${top + height / 2 + 5} text-anchor="middle" fill=${INK[mode]}>${n}</text>` : ''}`;
      });
      return svg`<g>${segments}
        <text class="total" data-date=${d.date} x=${x + barW / 2} y=${y(base) - 6} text-anchor="middle">${d.reached}</text>
        <text class="axis" x=${x + barW / 2} y=${H - PAD.bottom + 20} text-anchor="middle">${formatDayShort(d.date).slice(0, 3)}</text>
        <text class="axis" x=${x + barW / 2} y=${H - PAD.bottom + 36} text-anchor="middle">${formatDayShort(d.date).slice(4)}</text></g>`;
    });
  }

  private renderAxis() {
    const y = (n: number) => PAD.top + PLOT_H - (n / this.scaleMax) * PLOT_H;
    const ticks = [...new Set([0, Math.round(this.scaleMax / 2), this.scaleMax])];
    return svg`
      ${ticks.map((t) => svg`<line x1=${PAD.left} x2=${W - PAD.right} y1=${y(t)} y2=${y(t)} stroke="#c9cfd8" />
        <text class="axis" x=${PAD.left - 8} y=${y(t) + 4} text-anchor="end">${t}</text>`)}
      ${this.classSize > 0 ? svg`<line x1=${PAD.left} x2=${W - PAD.right} y1=${y(this.classSize)} y2=${y(this.classSize)} stroke="#0f1b2d" stroke-dasharray="6 4" />
        <text class="axis" x=${W - PAD.right} y=${y(this.classSize) - 6} text-anchor="end">whole class (${this.classSize})</text>` : ''}`;
  }

  /** Uses the chart's own pattern: one id per shadow root. */
  private swatch(mode: ParticipationMode) {
    return html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect width="16" height="16" fill=${FILL[mode]} stroke="#0f1b2d" /></svg>`;
  }

  private hatch() {
    return svg`<defs><pattern id="staff-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill="#9a5200" /><rect width="2" height="6" fill="#c9883f" /></pattern></defs>`;
  }

  override render() {
    const sum = (mode: ParticipationMode) => this.days.reduce((n, d) => n + d[mode], 0);
    return html`
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">${this.heading}</title>
        <desc id="chart-desc">${this.description()}</desc>
        ${this.hatch()}${this.renderAxis()}${this.renderBars()}
      </svg>
      <ul class="legend" aria-label="Key">
        ${MODES.map((m) => html`<li>${this.swatch(m)}${MODE_LONG[m]}</li>`)}
        <li>Number on top: children reached</li>
      </ul>
      <table>
        <caption>${this.heading}: the numbers</caption>
        <thead><tr><th scope="col">Day</th>${MODES.map((m) => html`<th scope="col">${MODE_LONG[m]}</th>`)}<th scope="col">Children reached</th></tr></thead>
        <tbody>
          ${this.days.map((d) => html`<tr data-date=${d.date}><th scope="row">${formatDayShort(d.date)}</th>
            ${MODES.map((m) => html`<td data-mode=${m}>${d[m]}</td>`)}<td data-mode="reached">${d.reached} of ${this.classSize}</td></tr>`)}
        </tbody>
        <tfoot><tr><th scope="row">Whole week</th>${MODES.map((m) => html`<td data-mode=${m}>${sum(m)}</td>`)}
          <td data-mode="reached">${this.weekReached} of ${this.classSize}</td></tr></tfoot>
      </table>
      <p class="muted">A child who talked at home and with a peer on the same day counts under both.</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-participation-chart': LcParticipationChart }
}
