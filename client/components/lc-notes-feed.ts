/**
 * The Reading Diary notes of a class, short and dated: grouped by the day's theme,
 * misconceptions first (they are what the next lesson should pick up), filterable by tag.
 * Small enough to sit beside the next week's planner.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDayShort } from '../../shared/calendar.ts';
import { TAG_LABELS, type Child, type Participation, type Prompt, type Tag } from '../../shared/schemas.ts';
import { MODE_LONG } from './participation-counts.ts';
import { formStyles } from './shared-styles.ts';

/** Filter order: what needs re-teaching first. */
const TAG_ORDER: Tag[] = ['misconception', 'had_forgotten', 'found_it_hard', 'knew_it_well'];
const NO_THEME = 'No theme planned';

interface Group { theme: string; latest: string; notes: Participation[] }

@customElement('lc-notes-feed')
export class LcNotesFeed extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    .filter { max-width: 20rem; }
    section { margin-top: 1rem; }
    .theme { font-weight: 700; font-size: 1.05rem; margin: 0 0 0.4rem; color: var(--lc-navy, #14325c); }
    ol { list-style: none; margin: 0; padding: 0; }
    li { padding: 0.5rem 0; border-bottom: 1px solid var(--lc-line, #c9cfd8); }
    .meta { display: flex; flex-wrap: wrap; gap: 0.25rem 0.6rem; align-items: baseline; }
    time { color: var(--lc-muted, #4a5568); font-variant-numeric: tabular-nums; }
    .tag { border: 1px solid currentColor; border-radius: 999px; padding: 0 0.5rem; font-size: 0.85rem; }
    .tag.misconception { color: var(--lc-error, #a3161b); font-weight: 700; }
    .note { margin: 0.2rem 0 0; }
  `];

  @property({ attribute: false }) notes: Participation[] = [];
  /** For display names. */
  @property({ attribute: false }) roster: Child[] = [];
  /** For each note's theme (by class and date). */
  @property({ attribute: false }) prompts: Prompt[] = [];
  /** Level of each theme's heading, so the feed fits under whatever heading embeds it. */
  @property({ type: Number }) headingLevel = 3;
  @state() private tag: Tag | '' = '';

  private groups(): Group[] {
    const theme = new Map(this.prompts.map((p) => [`${p.classId}|${p.date}`, p.theme || NO_THEME]));
    const shown = this.notes.filter((n) => !this.tag || n.tags.includes(this.tag));
    const groups = new Map<string, Group>();
    for (const n of shown) {
      const name = theme.get(`${n.classId}|${n.date}`) ?? NO_THEME;
      const g = groups.get(name) ?? { theme: name, latest: n.date, notes: [] };
      g.notes.push(n);
      if (n.date > g.latest) g.latest = n.date;
      groups.set(name, g);
    }
    const misconception = (n: Participation) => (n.tags.includes('misconception') ? 0 : 1);
    for (const g of groups.values()) {
      g.notes.sort((a, b) => misconception(a) - misconception(b) || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    }
    return [...groups.values()].sort((a, b) => (a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : 0));
  }

  private renderNote(n: Participation, names: Map<string, string>) {
    return html`<li>
      <div class="meta">
        <time datetime=${n.date}>${formatDayShort(n.date)}</time>
        <strong>${names.get(n.childId) ?? 'A child'}</strong>
        <span class="muted">${MODE_LONG[n.mode].toLowerCase()}</span>
        ${[...n.tags].sort((a, b) => TAG_ORDER.indexOf(a) - TAG_ORDER.indexOf(b))
          .map((t) => html`<span class="tag ${t}">${TAG_LABELS[t]}</span>`)}
      </div>
      ${n.note ? html`<p class="note">${n.note}</p>` : ''}
    </li>`;
  }

  override render() {
    const names = new Map(this.roster.map((c) => [c.id, c.displayName]));
    const count = (t: Tag) => this.notes.filter((n) => n.tags.includes(t)).length;
    const groups = this.groups();
    return html`
      <div class="filter">
        <label for="tag">Show notes</label>
        <select id="tag" @change=${(e: Event) => (this.tag = (e.target as HTMLSelectElement).value as Tag | '')}>
          <option value="" ?selected=${this.tag === ''}>All notes (${this.notes.length})</option>
          ${TAG_ORDER.map((t) => html`<option value=${t} ?selected=${this.tag === t}>${TAG_LABELS[t]} (${count(t)})</option>`)}
        </select>
      </div>
      <p class="visually-hidden" role="status">${groups.reduce((n, g) => n + g.notes.length, 0)} notes shown</p>
      ${groups.length === 0 ? html`<p class="muted">${this.tag ? 'No notes with this tag.' : 'No notes yet for these days.'}</p>` : ''}
      ${groups.map((g) => html`<section aria-label=${`Theme: ${g.theme}`}>
        <div class="theme" role="heading" aria-level=${this.headingLevel}>${g.theme}</div>
        <ol>${g.notes.map((n) => this.renderNote(n, names))}</ol>
      </section>`)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-notes-feed': LcNotesFeed }
}
