/**
 * One cell of the week grid, opened: what is logged for this child on this day, and a
 * short form to record a home conversation from the Reading Diary (the same optional
 * tags and note as the club tablet), or to correct or remove an entry.
 *
 * @event lc-record-home - { childId, date, tags, note }: record a home conversation.
 * @event lc-correct-entry - { entry, tags, note }: replace an entry's tags and note.
 * @event lc-remove-entry - { entry }: remove an entry logged by mistake.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { formatDayLong } from '../../shared/calendar.ts';
import { NOTE_MAX, TAG_LABELS, Tag, type Child, type Participation } from '../../shared/schemas.ts';
import { MODE_LONG } from './participation-counts.ts';
import { formStyles } from './shared-styles.ts';

export interface RecordHomeDetail { childId: string; date: string; tags: Tag[]; note: string }
export interface CorrectEntryDetail { entry: Participation; tags: Tag[]; note: string }
export interface RemoveEntryDetail { entry: Participation }

const TAGS = Tag.options;

@customElement('lc-diary-dialog')
export class LcDiaryDialog extends LitElement {
  static override styles = [formStyles, css`
    dialog { max-width: 34rem; width: calc(100% - 2rem); border: 0; border-radius: var(--lc-radius, 12px); padding: 1.25rem 1.5rem; box-shadow: 0 10px 40px #0005; }
    dialog::backdrop { background: #0f1b2d88; }
    h2 { margin: 0 0 0.75rem; font-size: 1.25rem; }
    ul { list-style: none; padding: 0; margin: 0 0 1rem; }
    li { border: 1px solid var(--lc-line, #c9cfd8); border-radius: 8px; padding: 0.6rem 0.75rem; margin-bottom: 0.5rem; }
    li p { margin: 0.2rem 0; }
    fieldset { border: 0; padding: 0; margin: 0.75rem 0 0; }
    legend { font-weight: 600; padding: 0; }
    .tags { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0.25rem 1rem; }
    .choice { display: flex; align-items: center; gap: 0.5rem; margin: 0.3rem 0; font-weight: 400; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 1rem; }
  `];

  @property({ attribute: false }) child: Child | null = null;
  @property() date = '';
  /** This child's entries on this day. */
  @property({ attribute: false }) entries: Participation[] = [];
  /** Display names by child id, for partners. */
  @property({ attribute: false }) names: ReadonlyMap<string, string> = new Map();
  @state() private editing: Participation | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('form') private form!: HTMLFormElement;

  async open(): Promise<void> {
    this.editing = null;
    await this.updateComplete;
    this.form.reset();
    this.dialog.showModal();
  }

  close(): void {
    this.dialog.close();
  }

  /** Fills the form by hand: a bound value would wipe what the teacher is typing when a live update re-renders. */
  private async edit(entry: Participation): Promise<void> {
    this.editing = entry;
    await this.updateComplete;
    for (const box of this.form.querySelectorAll<HTMLInputElement>('input[name="tags"]')) box.checked = entry.tags.includes(box.value as Tag);
    const note = this.form.querySelector('textarea')!;
    note.value = entry.note;
    note.focus();
  }

  private send<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
    this.close();
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const data = new FormData(this.form);
    const tags = data.getAll('tags').map(String).filter((t): t is Tag => (TAGS as readonly string[]).includes(t));
    const note = String(data.get('note') ?? '').trim();
    if (this.editing) this.send<CorrectEntryDetail>('lc-correct-entry', { entry: this.editing, tags, note });
    else if (this.child) this.send<RecordHomeDetail>('lc-record-home', { childId: this.child.id, date: this.date, tags, note });
  }

  private describe(e: Participation): string {
    if (e.mode === 'peer') return `${MODE_LONG.peer}: ${e.partnerChildIds.map((id) => this.names.get(id) ?? 'a child').join(' and ')}`;
    if (e.mode === 'staff') return `${MODE_LONG.staff}: ${e.staffName}`;
    return MODE_LONG.home;
  }

  private renderEntry(e: Participation) {
    return html`<li>
      <p><strong>${this.describe(e)}</strong> <span class="muted">· logged by ${e.loggedBy}</span></p>
      ${e.tags.length ? html`<p>${e.tags.map((t) => TAG_LABELS[t]).join(', ')}</p>` : ''}
      ${e.note ? html`<p>“${e.note}”</p>` : ''}
      <div class="actions">
        <button type="button" class="secondary" @click=${() => void this.edit(e)}>Correct</button>
        <button type="button" class="danger" @click=${() => this.send<RemoveEntryDetail>('lc-remove-entry', { entry: e })}>Remove</button>
      </div>
    </li>`;
  }

  override render() {
    const name = this.child?.displayName ?? '';
    const day = this.date ? formatDayLong(this.date) : '';
    const editing = this.editing;
    return html`
      <dialog aria-labelledby="diary-title" @close=${() => (this.editing = null)}>
        <h2 id="diary-title">${name} · ${day}</h2>
        ${this.entries.length ? html`<ul aria-label="Logged conversations">${this.entries.map((e) => this.renderEntry(e))}</ul>`
          : html`<p class="muted">Nothing logged for this day yet.</p>`}
        <form @submit=${this.submit}>
          <h3>${editing ? `Correct: ${this.describe(editing)}` : 'Record a home conversation from the Reading Diary'}</h3>
          <fieldset>
            <legend>Tags (optional)</legend>
            <div class="tags">
              ${TAGS.map((t) => html`<label class="choice"><input type="checkbox" name="tags" value=${t} /> ${TAG_LABELS[t]}</label>`)}
            </div>
          </fieldset>
          <label for="note">What the child said (optional, short)</label>
          <textarea id="note" name="note" maxlength=${NOTE_MAX} rows="3"></textarea>
          <div class="actions">
            <button type="submit">${editing ? 'Save correction' : 'Record home conversation'}</button>
            <button type="button" class="secondary" @click=${() => this.close()}>Cancel</button>
          </div>
        </form>
      </dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-diary-dialog': LcDiaryDialog }
  interface HTMLElementEventMap {
    'lc-record-home': CustomEvent<RecordHomeDetail>;
    'lc-correct-entry': CustomEvent<CorrectEntryDetail>;
    'lc-remove-entry': CustomEvent<RemoveEntryDetail>;
  }
}
