/**
 * The children a class has not reached: none this week so far, and (more urgent) none in
 * the last five school days, with one action to put them on a club's list for tomorrow.
 *
 * @event lc-add-to-club - { clubId, childIds }: the children with none this week.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDayLong } from '../../shared/calendar.ts';
import type { NotReached } from '../../shared/events.ts';
import type { Child, Club } from '../../shared/schemas.ts';
import { formStyles } from './shared-styles.ts';

export interface AddToClubDetail { clubId: string; childIds: string[] }

@customElement('lc-not-reached')
export class LcNotReached extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    h4 { font-size: 1.05rem; margin: 1rem 0 0.25rem; }
    ul { margin: 0.25rem 0; padding-left: 1.25rem; columns: 2 10rem; }
    li { break-inside: avoid; padding: 0.1rem 0; }
    .all { color: var(--lc-ok, #1d6b3a); font-weight: 600; }
    form { margin-top: 0.75rem; }
    form .row { align-items: end; }
    form .row > div { flex: 1 1 12rem; }
    .notice { font-weight: 600; margin: 0.5rem 0 0; }
  `];

  @property({ attribute: false }) notReached: NotReached | null = null;
  @property({ attribute: false }) clubs: Club[] = [];
  /** What the last action did, said here where the teacher pressed the button. */
  @property() notice = '';
  @state() private clubId = '';

  private list(children: Child[], id: string, label: string) {
    return html`<h4 id=${id}>${label} (${children.length})</h4>
      ${children.length
        ? html`<ul aria-labelledby=${id}>${children.map((c) => html`<li>${c.displayName}</li>`)}</ul>`
        : html`<p class="all">Everyone has had one.</p>`}`;
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const clubId = this.clubId || this.clubs[0]?.id;
    const childIds = this.notReached?.thisWeek.map((c) => c.id) ?? [];
    if (!clubId || childIds.length === 0) return;
    this.dispatchEvent(new CustomEvent<AddToClubDetail>('lc-add-to-club', { detail: { clubId, childIds }, bubbles: true, composed: true }));
  }

  override render() {
    const r = this.notReached;
    if (!r) return html`<p class="muted">This week has not started yet.</p>`;
    return html`
      <p class="muted">As of ${formatDayLong(r.date)}.</p>
      ${this.list(r.thisWeek, 'none-this-week', 'No conversation yet this week')}
      ${this.list(r.lastFiveSchoolDays, 'none-five-days', 'None in the last five school days')}
      ${r.thisWeek.length && this.clubs.length ? html`
        <form @submit=${this.submit}>
          <div class="row">
            <div>
              <label for="club">Club</label>
              <select id="club" @change=${(e: Event) => (this.clubId = (e.target as HTMLSelectElement).value)}>
                ${this.clubs.map((c) => html`<option value=${c.id} ?selected=${c.id === this.clubId}>${c.name}</option>`)}
              </select>
            </div>
            <button type="submit">Add ${r.thisWeek.length === 1 ? 'this child' : `these ${r.thisWeek.length} children`} to the club's list for tomorrow</button>
          </div>
        </form>` : ''}
      <p role="status" class="notice">${this.notice}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-not-reached': LcNotReached }
  interface HTMLElementEventMap { 'lc-add-to-club': CustomEvent<AddToClubDetail> }
}
