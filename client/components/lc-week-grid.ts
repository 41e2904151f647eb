/**
 * A class's week at a glance: a row per child, a column per school day, each cell saying
 * how the child took part (home, peer, staff, or not yet) in words and an icon. A cell is
 * a button that opens the Reading Diary form for that child and day.
 *
 * @event lc-record-home, lc-correct-entry, lc-remove-entry - from the diary form (see lc-diary-dialog).
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { formatDayLong, formatDayShort } from '../../shared/calendar.ts';
import type { Child, Participation, Prompt } from '../../shared/schemas.ts';
import './lc-diary-dialog.ts';
import type { LcDiaryDialog } from './lc-diary-dialog.ts';
import { modeIcon } from './mode-icons.ts';
import { MODE_LABELS, modesOf } from './participation-counts.ts';
import { formStyles } from './shared-styles.ts';

@customElement('lc-week-grid')
export class LcWeekGrid extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; margin: 0 0 0.75rem; padding: 0; list-style: none; }
    .scroll { overflow-x: auto; }
    table { width: 100%; min-width: 44rem; }
    caption { text-align: left; font-weight: 700; font-size: 1.1rem; padding-bottom: 0.5rem; color: var(--lc-navy, #14325c); }
    thead th { vertical-align: bottom; font-size: 0.95rem; }
    th[scope='row'] { white-space: nowrap; font-weight: 600; }
    .theme { display: block; font-weight: 400; color: var(--lc-muted, #4a5568); font-size: 0.85rem; }
    .flag { display: block; font-weight: 400; font-size: 0.8rem; color: var(--lc-warn, #8a4b00); }
    td { padding: 0.25rem; }
    td.count { text-align: center; font-weight: 600; }
    button.cell {
      width: 100%; min-height: 44px; padding: 0.3rem 0.4rem; flex-wrap: wrap; justify-content: flex-start; gap: 0.25rem;
      background: #fff; color: var(--lc-ink, #0f1b2d); border: 1px solid var(--lc-line, #c9cfd8); font-weight: 600; border-radius: 8px;
    }
    button.cell:hover { border-color: var(--lc-navy, #14325c); }
    .mode { display: inline-flex; align-items: center; gap: 0.25rem; border-radius: 6px; padding: 0.1rem 0.4rem; }
    .mode.home { background: #dff1e5; color: #145028; }
    .mode.peer { background: #e2eaf6; color: #14325c; }
    .mode.staff { background: #fbead3; color: #6e3c00; }
    .mode.none { color: var(--lc-muted, #4a5568); font-weight: 400; }
    .later { color: var(--lc-muted, #4a5568); padding-left: 0.5rem; }
    .today { background: #fff8e1; }
  `];

  @property({ attribute: false }) dates: string[] = [];
  @property({ attribute: false }) roster: Child[] = [];
  @property({ attribute: false }) entries: Participation[] = [];
  /** The week's prompts, for each day's theme under its heading. */
  @property({ attribute: false }) prompts: Prompt[] = [];
  /** The school's today: later days cannot be recorded yet. */
  @property() today = '';
  @property() caption = '';
  @state() private opened: { child: Child; date: string } | null = null;
  @query('lc-diary-dialog') private dialog!: LcDiaryDialog;

  private entriesOf(childId: string, date: string): Participation[] {
    return this.entries.filter((e) => e.childId === childId && e.date === date);
  }

  private async open(child: Child, date: string): Promise<void> {
    this.opened = { child, date };
    await this.updateComplete;
    await this.dialog.open();
  }

  private renderCell(child: Child, date: string) {
    const today = date === this.today ? 'today' : '';
    if (this.today && date > this.today) {
      return html`<td class="later"><span aria-hidden="true">–</span><span class="visually-hidden">${child.displayName}, ${formatDayShort(date)}: still to come</span></td>`;
    }
    const modes = modesOf(this.entriesOf(child.id, date));
    return html`<td class=${today}>
      <button class="cell" @click=${() => void this.open(child, date)}>
        <span class="visually-hidden">${child.displayName}, ${formatDayShort(date)}: </span>
        ${modes.length
          ? modes.map((m) => html`<span class="mode ${m}">${modeIcon[m]}${MODE_LABELS[m]}</span>`)
          : html`<span class="mode none">${modeIcon.none}Not yet</span>`}
      </button>
    </td>`;
  }

  override render() {
    const theme = (date: string) => this.prompts.find((p) => p.date === date)?.theme;
    const names = new Map(this.roster.map((c) => [c.id, c.displayName]));
    const opened = this.opened;
    return html`
      <ul class="legend" aria-label="Key">
        <li><span class="mode home">${modeIcon.home}Home</span> from the Reading Diary</li>
        <li><span class="mode peer">${modeIcon.peer}Peer</span> with a partner in school</li>
        <li><span class="mode staff">${modeIcon.staff}Staff</span> with club or school staff</li>
        <li><span class="mode none">${modeIcon.none}Not yet</span></li>
      </ul>
      <div class="scroll">
        <table>
          ${this.caption ? html`<caption>${this.caption}</caption>` : ''}
          <thead><tr>
            <th scope="col">Child</th>
            ${this.dates.map((d) => html`<th scope="col" class=${d === this.today ? 'today' : ''}>
              <abbr title=${formatDayLong(d)}>${formatDayShort(d)}</abbr>${d === this.today ? html` (today)` : ''}
              ${theme(d) ? html`<span class="theme">${theme(d)}</span>` : ''}</th>`)}
            <th scope="col">Days this week</th>
          </tr></thead>
          <tbody>
            ${this.roster.map((c) => html`<tr>
              <th scope="row">${c.displayName}${c.needsPartner ? html`<span class="flag">needs a partner</span>` : ''}</th>
              ${this.dates.map((d) => this.renderCell(c, d))}
              <td class="count">${this.dates.filter((d) => this.entriesOf(c.id, d).length > 0).length}</td>
            </tr>`)}
          </tbody>
        </table>
      </div>
      <lc-diary-dialog .child=${opened?.child ?? null} .date=${opened?.date ?? ''} .names=${names}
        .entries=${opened ? this.entriesOf(opened.child.id, opened.date) : []}></lc-diary-dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-week-grid': LcWeekGrid }
}
