/**
 * A class's Reading Diary and club notes for one week, loaded and kept live. The
 * participation page shows it under its grid; the planner can embed it beside next
 * week's plan, under a heading of its own:
 *   <lc-notes-panel .connection=${c} classId=${id} weekStart=${addDays(plannedMonday, -7)} headingLevel="4">
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { schoolDays } from '../../../shared/calendar.ts';
import type { ParticipationGrid } from '../../../shared/events.ts';
import type { Participation } from '../../../shared/schemas.ts';
import '../../components/lc-notes-feed.ts';
import type { Connection } from '../../state/connection.ts';

@customElement('lc-notes-panel')
export class LcNotesPanel extends LitElement {
  static override styles = css`:host { display: block; } .error { color: var(--lc-error, #a3161b); font-weight: 600; }`;

  @property({ attribute: false }) connection!: Connection;
  @property() classId = '';
  /** The Monday of the week whose notes to show (for planning, usually last week). */
  @property() weekStart = '';
  /** Level of the feed's theme headings, one below the embedder's own heading. */
  @property({ type: Number }) headingLevel = 3;
  @state() private grid: ParticipationGrid | null = null;
  @state() private notes: Participation[] = [];
  @state() private error = '';
  private stop: (() => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly reload = () => void this.load();

  override connectedCallback(): void {
    super.connectedCallback();
    // A change for this class, or a removal (which does not say whose it was): read the notes again.
    this.stop = this.connection.on('participation:changed', (c) => {
      if (!c.entries.some((e) => e.classId === this.classId) && c.removedIds.length === 0) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(this.reload, 150);
    });
    this.connection.socket.on('connect', this.reload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
    clearTimeout(this.timer);
    this.connection.socket.off('connect', this.reload);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('classId') || changed.has('weekStart')) void this.load();
  }

  private async load(): Promise<void> {
    const { classId, weekStart } = this;
    if (!classId || !weekStart || !this.connection.socket.connected) return;
    const days = schoolDays(weekStart);
    const [grid, notes] = await Promise.all([
      this.connection.call('participation:grid', { classId, weekStart }),
      this.connection.call('participation:notes', { classId, from: days[0]!, to: days[4]! }),
    ]);
    if (classId !== this.classId || weekStart !== this.weekStart) return;
    this.error = !grid.ok ? grid.error.message : !notes.ok ? notes.error.message : '';
    if (grid.ok) this.grid = grid.data;
    if (notes.ok) this.notes = notes.data;
  }

  override render() {
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <lc-notes-feed .notes=${this.notes} .roster=${this.grid?.children ?? []} .prompts=${this.grid?.prompts ?? []}
        headingLevel=${this.headingLevel}></lc-notes-feed>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-notes-panel': LcNotesPanel }
}
