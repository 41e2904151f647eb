/**
 * @summary One conversation: the children of a group (or one child with staff), each child's
 * own class prompt (each tells the others about theirs), the support for the adult, the
 * extensions, the ten-minute timer, and a one-tap "took part" per child with quick tags and a
 * short note.
 *
 * @event lc-log - { childId, tags, note }: staff tapped "took part" for a child.
 * @event lc-undo - { childId }: staff took that log back.
 *
 * A component: it never talks to the socket; the view turns these events into outbox entries.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { NOTE_MAX, TAG_LABELS, Tag, yearGroupLabel, type DisplayPrompt } from '../../shared/schemas.ts';
import { formStyles } from './shared-styles.ts';
import './lc-timer-ring.ts';

export interface PairMember {
  id: string;
  displayName: string;
  className: string;
  yearGroup: number;
  /** Today's published prompt of the child's class, if there is one. */
  prompt: DisplayPrompt | null;
  /** todo: not logged today; pending: logged, waiting to sync; synced: on the server; refused: the server said no. */
  status: 'todo' | 'pending' | 'synced' | 'refused';
  canUndo: boolean;
}

export interface LogRequest { childId: string; tags: Tag[]; note: string }

const firstName = (displayName: string) => displayName.split(' ')[0] ?? displayName;
const TAGS = Tag.options;

@customElement('lc-pair-card')
export class LcPairCard extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    :host([hidden]) { display: none; }
    article { background: #fff; border: 1px solid var(--lc-line, #c9cfd8); border-radius: var(--lc-radius, 12px); padding: 1rem 1.25rem; }
    header { display: flex; gap: 1rem; align-items: flex-start; justify-content: space-between; }
    h2 { margin: 0 0 0.25rem; font-size: 1.6rem; }
    .who { margin: 0; font-size: 1.05rem; }
    .members { display: grid; gap: 1rem; margin-top: 0.75rem; grid-template-columns: repeat(var(--cols, 2), minmax(0, 1fr)); }
    section { border-top: 4px solid var(--lc-navy, #14325c); padding-top: 0.5rem; display: flex; flex-direction: column; }
    h3 { margin: 0; font-size: 1.3rem; }
    h3 small { font-weight: 500; color: var(--lc-muted, #4a5568); font-size: 0.95rem; }
    .tells { margin: 0.4rem 0 0.1rem; font-weight: 600; }
    .subject { margin: 0; color: var(--lc-muted, #4a5568); }
    blockquote { margin: 0.4rem 0; font-size: 1.2rem; line-height: 1.4; padding: 0.5rem 0.75rem; background: #f4f6fa; border-radius: 8px; }
    h4 { margin: 0.5rem 0 0.2rem; font-size: 1rem; }
    ul { margin: 0; padding-left: 1.25rem; }
    details { margin: 0.5rem 0; border: 1px solid var(--lc-line, #c9cfd8); border-radius: 8px; }
    summary { min-height: 48px; display: flex; align-items: center; padding: 0 0.75rem; font-weight: 600; cursor: pointer; }
    details p { margin: 0 0.75rem 0.75rem; white-space: pre-line; }
    .log { padding-top: 0.5rem; }
    .tags { display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem; }
    .tags button { min-height: 48px; padding: 0.25rem 0.5rem; background: #fff; color: var(--lc-navy, #14325c); font-weight: 600; }
    .tags button[aria-pressed='true'] { background: var(--lc-navy, #14325c); color: #fff; }
    .tags button[aria-pressed='true']::before { content: '✓ '; }
    textarea { min-height: 4.5rem; }
    .count { display: block; text-align: right; font-size: 0.9rem; color: var(--lc-muted, #4a5568); }
    button { min-height: 48px; }
    .took-part { width: 100%; min-height: 56px; font-size: 1.15rem; margin-top: 0.25rem; }
    .logged { display: flex; align-items: center; gap: 0.75rem; flex-wrap: wrap; padding: 0.5rem 0.75rem; border-radius: 8px; background: #e8f3ec; }
    .logged p { margin: 0; font-weight: 700; color: var(--lc-ok, #1d6b3a); flex: 1; }
    .refused { color: var(--lc-error, #a3161b); font-weight: 600; margin: 0.25rem 0; }
  `];

  @property({ attribute: false }) members: PairMember[] = [];
  /** Who is on duty: shown, and required, for a child talking with staff. */
  @property() staffName = '';
  /** Passed on to the timer (tests give it a fast clock). */
  @property({ attribute: false }) now: () => number = () => Date.now();

  @state() private drafts = new Map<string, { tags: Tag[]; note: string }>();

  private draft(id: string) {
    return this.drafts.get(id) ?? { tags: [], note: '' };
  }

  private setDraft(id: string, change: Partial<{ tags: Tag[]; note: string }>): void {
    this.drafts = new Map(this.drafts).set(id, { ...this.draft(id), ...change });
  }

  private toggleTag(id: string, tag: Tag): void {
    const tags = this.draft(id).tags;
    this.setDraft(id, { tags: tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag] });
  }

  private tookPart(id: string): void {
    const { tags, note } = this.draft(id);
    const detail: LogRequest = { childId: id, tags, note: note.trim() };
    this.dispatchEvent(new CustomEvent('lc-log', { detail, bubbles: true, composed: true }));
    const drafts = new Map(this.drafts);
    drafts.delete(id);
    this.drafts = drafts;
  }

  private undo(id: string): void {
    this.dispatchEvent(new CustomEvent('lc-undo', { detail: { childId: id }, bubbles: true, composed: true }));
  }

  private get names(): string {
    const names = this.members.map((m) => m.displayName);
    return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  }

  override willUpdate(): void {
    this.style.setProperty('--cols', String(Math.max(1, this.members.length)));
  }

  override render() {
    const withStaff = this.members.length === 1;
    const years = [...new Set(this.members.map((m) => yearGroupLabel(m.yearGroup)))];
    return html`
      <article aria-labelledby="title">
        <header>
          <div>
            <h2 id="title">${this.names}</h2>
            <p class="who">${withStaff
              ? html`With staff: <strong>${this.staffName || 'type your name at the top'}</strong>`
              : html`Peer partners: ${years.length === 3 ? `${years[0]}, ${years[1]} and ${years[2]}` : years.join(' with ')}`}</p>
          </div>
          <lc-timer-ring .now=${this.now} label=${this.names}></lc-timer-ring>
        </header>
        <div class="members">${this.members.map((m) => this.renderMember(m, withStaff))}</div>
      </article>
    `;
  }

  private renderMember(m: PairMember, withStaff: boolean) {
    const others = this.members.filter((o) => o.id !== m.id).map((o) => firstName(o.displayName));
    const listener = withStaff ? 'you' : others.join(' and ');
    return html`
      <section aria-labelledby=${`name-${m.id}`}>
        <h3 id=${`name-${m.id}`}>${m.displayName} <small>${yearGroupLabel(m.yearGroup)} · ${m.className}</small></h3>
        ${m.prompt ? html`
          <p class="tells">${firstName(m.displayName)} tells ${listener} about ${m.className}'s learning:</p>
          <p class="subject">${m.prompt.subject}${m.prompt.theme ? ` · ${m.prompt.theme}` : ''}</p>
          <blockquote>${m.prompt.prompt}</blockquote>
          ${m.prompt.extensions.length ? html`
            <h4>To go further</h4>
            <ul>${m.prompt.extensions.map((x) => html`<li>${x}</li>`)}</ul>` : nothing}
          ${m.prompt.support ? html`
            <details><summary>Support for the adult</summary><p>${m.prompt.support}</p></details>` : nothing}
        ` : html`<p class="tells">No prompt from ${m.className || 'the class'} today: ${firstName(m.displayName)} tells ${listener} what they learned today.</p>`}
        <div class="log">${m.status === 'pending' || m.status === 'synced' ? this.renderLogged(m) : this.renderLogForm(m)}</div>
      </section>
    `;
  }

  private renderLogged(m: PairMember) {
    return html`
      <div class="logged">
        <p>✓ ${firstName(m.displayName)} took part · ${m.status === 'pending' ? 'waiting to sync' : 'saved'}</p>
        ${m.canUndo ? html`<button class="secondary" @click=${() => this.undo(m.id)}>Undo</button>` : nothing}
      </div>
    `;
  }

  private renderLogForm(m: PairMember) {
    const d = this.draft(m.id);
    return html`
      ${m.status === 'refused' ? html`<p class="refused">The last log for ${firstName(m.displayName)} was not accepted: the reason is at the top of the page.</p>` : nothing}
      <div class="tags" role="group" aria-label=${`Quick tags for ${m.displayName}`}>
        ${TAGS.map((t) => html`<button aria-pressed=${d.tags.includes(t) ? 'true' : 'false'} @click=${() => this.toggleTag(m.id, t)}>${TAG_LABELS[t]}</button>`)}
      </div>
      <label for=${`note-${m.id}`}>Note for the teacher (optional)</label>
      <textarea id=${`note-${m.id}`} maxlength=${NOTE_MAX} rows="2" aria-describedby=${`count-${m.id}`} .value=${d.note}
        @input=${(e: InputEvent) => this.setDraft(m.id, { note: (e.target as HTMLTextAreaElement).value })}></textarea>
      <span class="count" id=${`count-${m.id}`}>${d.note.length} / ${NOTE_MAX} characters</span>
      <button class="took-part" @click=${() => this.tookPart(m.id)}>${firstName(m.displayName)} took part</button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-pair-card': LcPairCard }
  interface HTMLElementEventMap {
    'lc-log': CustomEvent<LogRequest>;
    'lc-undo': CustomEvent<{ childId: string }>;
  }
}
