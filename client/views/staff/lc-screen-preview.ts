/**
 * How a day will look on the playground screen, drawn by the poster's own card, from what is
 * on screen in the planner (saved or not).
 *
 * @summary Poster screen preview of one planned day.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDayLong } from '../../../shared/calendar.ts';
import type { PromptDraft } from '../../../shared/schemas.ts';
import '../../components/lc-poster-card.ts';
import { formStyles } from '../../components/shared-styles.ts';

@customElement('lc-screen-preview')
export class LcScreenPreview extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    .pick { display: flex; gap: 0.5rem; align-items: center; }
    .pick label { margin: 0; }
    .pick select { width: auto; }
    /* A 16:9 screen, small: the card scales its text to the box. */
    .screen { margin-top: 0.75rem; width: min(100%, 40rem); aspect-ratio: 16 / 9; border: 6px solid #222; border-radius: 10px; background: #fffdf5; }
    lc-poster-card { display: block; width: 100%; height: 100%; }
  `];

  @property() classTitle = '';
  /** The planned days, Monday first. */
  @property({ attribute: false }) days: PromptDraft[] = [];
  @property() today = '';
  @state() private chosen = '';

  override render() {
    const day = this.days.find((d) => d.date === this.chosen) ?? this.days.find((d) => d.date === this.today) ?? this.days[0];
    if (!day) return html`<p class="muted">Plan a day to see it as the playground screen shows it.</p>`;
    return html`
      <div class="pick">
        <label for="preview-day">Show</label>
        <select id="preview-day" @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}>
          ${this.days.map((d) => html`<option value=${d.date} ?selected=${d.date === day.date}>${formatDayLong(d.date)}</option>`)}
        </select>
      </div>
      <div class="screen">
        ${day.prompt.trim() ? html`<lc-poster-card state="today" phase="pickup" .classLabel=${this.classTitle}
          .prompt=${{ ...day, updatedAt: 0 }}></lc-poster-card>` : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-screen-preview': LcScreenPreview }
}
