/**
 * Finds earlier prompts of the school by theme or wording, so a good one can be used again.
 *
 * @summary Search of past prompts.
 * @event lc-reuse - `detail` is `{ prompt, date }`: the found prompt, and the day of this week to use it for.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { dayName, formatDayShort } from '../../../shared/calendar.ts';
import type { Prompt, SchoolClass } from '../../../shared/schemas.ts';
import { formStyles } from '../../components/shared-styles.ts';
import type { Connection } from '../../state/connection.ts';

export interface ReuseRequest { prompt: Prompt; date: string }

@customElement('lc-prompt-search')
export class LcPromptSearch extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    form { display: flex; gap: 0.5rem; align-items: flex-end; flex-wrap: wrap; }
    form > div { flex: 1 1 16rem; }
    ul { list-style: none; padding: 0; margin: 0.75rem 0 0; display: grid; gap: 0.5rem; }
    li { border: 1px solid var(--lc-line, #c9cfd8); border-radius: 10px; padding: 0.6rem 0.8rem; background: #fff; }
    .theme { font-weight: 700; }
    .use { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; margin-top: 0.4rem; }
    .use label { margin: 0; font-weight: 400; }
    .use select { width: auto; }
  `];

  @property({ attribute: false }) connection!: Connection;
  @property({ attribute: false }) classes: SchoolClass[] = [];
  /** The school days of the week being planned. */
  @property({ attribute: false }) dates: string[] = [];
  @state() private results: Prompt[] | null = null;
  @state() private message = '';

  private async search(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const query = String(new FormData(e.target as HTMLFormElement).get('query') ?? '').trim();
    const result = await this.connection.call('prompt:search', { query });
    if (!result.ok) {
      this.results = null;
      this.message = result.error.issues?.[0]?.message ?? result.error.message;
      return;
    }
    this.results = result.data;
    this.message = result.data.length ? `${result.data.length} earlier prompt${result.data.length === 1 ? '' : 's'} found.` : 'No earlier prompt matches.';
  }

  private use(prompt: Prompt, i: number): void {
    const date = this.renderRoot.querySelector<HTMLSelectElement>(`#use-${i}`)?.value ?? this.dates[0];
    if (!date) return;
    this.dispatchEvent(new CustomEvent<ReuseRequest>('lc-reuse', { detail: { prompt, date }, bubbles: true, composed: true }));
  }

  private classNameOf(id: string): string {
    return this.classes.find((c) => c.id === id)?.name ?? '';
  }

  override render() {
    return html`
      <form @submit=${this.search} role="search">
        <div>
          <label for="query">Search earlier themes and prompts</label>
          <input id="query" name="query" minlength="2" maxlength="60" required placeholder="e.g. Romans, fractions" />
        </div>
        <button type="submit" class="secondary">Search</button>
      </form>
      <p role="status">${this.message}</p>
      ${this.results?.length ? html`<ul aria-label="Earlier prompts">
        ${this.results.map((p, i) => html`<li>
          <div><span class="theme">${p.theme}</span> · ${p.subject.charAt(0).toUpperCase() + p.subject.slice(1)} · ${this.classNameOf(p.classId)} · ${formatDayShort(p.date)} ${p.date.slice(0, 4)}</div>
          <div>${p.prompt}</div>
          <div class="use">
            <label for=${`use-${i}`}>Use for</label>
            <select id=${`use-${i}`}>${this.dates.map((d) => html`<option value=${d}>${dayName(d)}</option>`)}</select>
            <button type="button" class="secondary" @click=${() => this.use(p, i)}>Use it<span class="visually-hidden"> (${p.theme})</span></button>
          </div>
        </li>`)}
      </ul>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-prompt-search': LcPromptSearch }
  interface HTMLElementEventMap { 'lc-reuse': CustomEvent<ReuseRequest> }
}
