/**
 * @summary One class on the poster screen: class name, subject, "Today we learned about
 * <theme>", the prompt, an "ask me" line for the grown-up and one extension question, or the
 * day's other state. Plain data in, no socket: the planner embeds it as a preview.
 *
 * The card fills its box and fits its text to it. Its size must not come from its content:
 * inside a sized grid cell it takes the cell; elsewhere give it one, e.g. a planner preview
 * `lc-poster-card { width: 480px; height: auto; aspect-ratio: 16 / 9; }`. The prompt is made as
 * large as fits, never smaller than PROMPT_FLOOR_CQMIN (5.3% of the card's shorter side:
 * ≥ 48 px at 1920×1080), and never clipped. When the prompt does not fit at that floor the
 * extension, then the "ask me" line, are left out; only then does the text go below the floor,
 * and the card fires `lc-poster-crowded` so a layout can give it more room.
 *
 * @property state - 'today' | 'pending' | 'no-school' | 'welcome' (see PosterCardState).
 * @property classLabel - The class's name, shown in the band at the top ('' for none).
 * @property prompt - Today's DisplayPrompt (subject, theme, prompt, kind, minutes, extensions); used when state is 'today'.
 * @property week - On a no-school day, the coming week's published prompts for the "See you on Monday" list.
 * @property phase - 'pickup' makes the prompt as large as it fits; 'before' / 'after' cap it at a calmer size.
 *
 * @event lc-poster-crowded - The prompt had to go below the floor to fit: the layout should give this card more room.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { dayName } from '../../shared/calendar.ts';
import { themeInSentence } from '../../shared/prompt-rules.ts';
import type { DisplayPrompt } from '../../shared/schemas.ts';
import type { PickupPhase, PosterCardState } from '../state/poster-day.ts';
import { posterCardStyles } from './lc-poster-card.styles.ts';

/** The prompt's smallest size, in % of the card's shorter side. */
export const PROMPT_FLOOR_CQMIN = 5.3;

/** [floor, ceiling] of the fitted text in cqmin, by what is shown. */
const FIT_RANGE = {
  pickup: [PROMPT_FLOOR_CQMIN, 13],
  calm: [PROMPT_FLOOR_CQMIN, 8.5],
  message: [3, 5.5],
} as const;

/** Below this the text is unreadable anyway; it is the last resort before clipping. */
const ABSOLUTE_MIN_PX = 8;

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

@customElement('lc-poster-card')
export class LcPosterCard extends LitElement {
  static override styles = posterCardStyles;

  @property() state: PosterCardState = 'welcome';
  @property() classLabel = '';
  @property({ attribute: false }) prompt: DisplayPrompt | null = null;
  @property({ attribute: false }) week: DisplayPrompt[] = [];
  @property() phase: PickupPhase = 'pickup';

  /** 0: everything; 1: without the extension; 2: without the "ask me" line too; 3: below the floor. */
  @state() private squeeze = 0;
  private readonly resizeObserver = new ResizeObserver(() => this.refit());

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('state') || changed.has('prompt') || changed.has('week') || changed.has('phase')) this.squeeze = 0;
  }

  protected override updated(): void {
    this.fit();
  }

  private refit(): void {
    if (this.squeeze !== 0) this.squeeze = 0;
    else this.fit();
  }

  /** Binary search for the largest font size at which the flexible box does not overflow. */
  private fit(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.fit');
    const text = box?.firstElementChild as HTMLElement | null | undefined;
    const cqmin = Math.min(this.clientWidth, this.clientHeight) / 100;
    if (!box || !text || cqmin === 0) return;
    const range = this.state !== 'today' ? FIT_RANGE.message : this.phase === 'pickup' ? FIT_RANGE.pickup : FIT_RANGE.calm;
    const floor = Math.ceil(range[0] * cqmin);
    let lo = this.squeeze === 3 ? ABSOLUTE_MIN_PX : floor;
    let hi = Math.max(lo, Math.floor(range[1] * cqmin));
    const fits = (px: number): boolean => {
      text.style.fontSize = `${px}px`;
      return box.scrollHeight <= box.clientHeight && box.scrollWidth <= box.clientWidth;
    };
    if (!fits(lo) && this.squeeze < 3) {
      this.squeeze++;
      return;
    }
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid - 1;
    }
    fits(lo);
    if (lo < floor) this.dispatchEvent(new Event('lc-poster-crowded', { bubbles: true, composed: true }));
  }

  override render() {
    const p = this.state === 'today' ? this.prompt : null;
    return html`
      <article aria-labelledby="class-name">
        <header>
          <h2 id="class-name">${this.classLabel || 'Learning Conversations'}</h2>
          ${p ? html`<span class="subject">${capitalise(p.subject)}</span>` : nothing}
        </header>
        <div class="body">${p ? this.renderPrompt(p) : this.renderMessage()}</div>
      </article>
    `;
  }

  private renderPrompt(p: DisplayPrompt) {
    const extension = p.extensions[0];
    const how = p.kind === 'practical' ? 'try it together' : 'just talking';
    return html`
      ${p.theme ? html`<p class="theme">Today we learned about <strong>${themeInSentence(p.theme)}</strong></p>` : nothing}
      <div class="fit"><p class="prompt" data-testid="prompt">${p.prompt}</p></div>
      ${this.squeeze < 2
        ? html`<p class="ask"><span class="label">Grown-ups:</span> ask me this on the way home. About ${p.minutes} minutes, ${how}.</p>`
        : nothing}
      ${extension && this.squeeze < 1 ? html`<p class="extension"><span class="label">Going further:</span> ${extension}</p>` : nothing}
    `;
  }

  private renderMessage() {
    switch (this.state) {
      case 'no-school':
        return html`<div class="fit"><div class="message">
          <h3>See you on Monday</h3>
          ${this.week.length
            ? html`<section class="week" aria-labelledby="week-heading">
                <h3 id="week-heading">Next week's conversations</h3>
                <ol>${this.week.map((d) => html`<li><span class="day">${dayName(d.date)}</span> · ${capitalise(d.subject)}${d.theme ? html`: ${d.theme}` : nothing}</li>`)}</ol>
              </section>`
            : html`<p>Have a lovely weekend.</p>`}
        </div></div>`;
      case 'pending':
        return html`<div class="fit"><div class="message">
          <h3>Today's conversation will appear here</h3>
          <p>Each school day this screen shows a ten-minute conversation to have with your child on the way home.</p>
        </div></div>`;
      default:
        return html`<div class="fit"><div class="message">
          <h3>Learning Conversations</h3>
          <p>Ten minutes of talk at home about what your child learned today: no writing, nothing marked.
            The conversation appears here as soon as the class publishes it.</p>
        </div></div>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-poster-card': LcPosterCard }
  interface HTMLElementEventMap {
    /** A poster card's text went below its floor to fit: it needs more room. */
    'lc-poster-crowded': Event;
  }
}
