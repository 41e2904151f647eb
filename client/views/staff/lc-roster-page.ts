/**
 * Classes and children: the classes of the school (an admin adds them), the children of one
 * class as first name and initial with the "needs a partner" flag, and a CSV import.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { yearGroupLabel, type Child, type SchoolClass } from '../../../shared/schemas.ts';
import { formStyles } from '../../components/shared-styles.ts';
import type { Connection } from '../../state/connection.ts';
import type { StaffSession } from '../../state/staff-session.ts';
import './lc-roster-import.ts';

const YEAR_GROUPS = [0, 1, 2, 3, 4, 5, 6];

/** "amira" + "k" → "Amira K.": the least a screen needs to tell two children apart. */
export function displayNameOf(first: string, surnameInitial: string): string {
  const name = first.trim().replace(/\s+/g, ' ');
  const initial = /\p{L}/u.exec(surnameInitial)?.[0]?.toUpperCase();
  const capitalised = name.charAt(0).toUpperCase() + name.slice(1);
  return initial ? `${capitalised} ${initial}.` : capitalised;
}

@customElement('lc-roster-page')
export class LcRosterPage extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    .layout { display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 1fr); }
    @media (min-width: 56rem) { .layout { grid-template-columns: 18rem minmax(0, 1fr); } }
    ul.classes { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.35rem; }
    ul.classes button { width: 100%; justify-content: space-between; }
    ul.classes button[aria-pressed='false'] { background: #fff; color: var(--lc-navy, #14325c); }
    form.inline { display: grid; gap: 0 0.75rem; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); align-items: end; }
    form.inline .full { grid-column: 1 / -1; }
    .check { display: flex; align-items: center; gap: 0.5rem; font-weight: 400; }
    table { width: 100%; }
    td.flag, th.flag { width: 9rem; }
    section { margin-bottom: 2rem; }
  `];

  @property({ attribute: false }) connection!: Connection;
  @property({ attribute: false }) session!: StaffSession;
  @state() private classes: SchoolClass[] = [];
  @state() private classId = '';
  @state() private pupils: Child[] = [];
  @state() private message = '';
  @state() private error = '';

  private readonly onStatus = () => {
    if (this.connection.status === 'online') void this.load();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.connection.addEventListener('status', this.onStatus);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.connection.removeEventListener('status', this.onStatus);
  }

  private get isAdmin(): boolean {
    return this.session.staff.role === 'admin';
  }

  private async load(): Promise<void> {
    const result = await this.connection.call('class:list', {});
    if (!result.ok) return;
    this.classes = result.data;
    if (!this.classes.some((c) => c.id === this.classId)) this.classId = this.classes[0]?.id ?? '';
    await this.loadChildren();
  }

  private async loadChildren(): Promise<void> {
    if (!this.classId) {
      this.pupils = [];
      return;
    }
    const result = await this.connection.call('child:list', { classId: this.classId });
    if (result.ok) this.pupils = result.data;
  }

  private say(result: { ok: boolean; error?: { message: string; issues?: { message: string }[] } }, done: string): boolean {
    if (result.ok) {
      this.message = done;
      this.error = '';
      return true;
    }
    this.error = [result.error?.message, ...(result.error?.issues ?? []).map((i) => i.message)].filter(Boolean).join(': ');
    this.message = '';
    return false;
  }

  private async createClass(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const result = await this.connection.call('class:create', { name: String(data.get('name') ?? ''), yearGroup: Number(data.get('yearGroup')) });
    if (!this.say(result, result.ok ? `Added ${result.data.name}.` : '')) return;
    form.reset();
    if (result.ok) this.classId = result.data.id;
    await this.load();
  }

  private async addChild(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const displayName = displayNameOf(String(data.get('first') ?? ''), String(data.get('initial') ?? ''));
    const result = await this.connection.call('child:create', { classId: this.classId, displayName, needsPartner: data.get('needsPartner') === 'on' });
    if (!this.say(result, `Added ${displayName}.`)) return;
    form.reset();
    form.querySelector<HTMLInputElement>('#first')?.focus();
    await this.loadChildren();
  }

  private async setNeedsPartner(child: Child, needsPartner: boolean): Promise<void> {
    const result = await this.connection.call('child:update', { childId: child.id, needsPartner });
    this.say(result, needsPartner ? `${child.displayName} is marked as needing a partner.` : `${child.displayName} no longer needs a partner.`);
    await this.loadChildren();
  }

  private async removePupil(child: Child): Promise<void> {
    if (!confirm(`Remove ${child.displayName} from the class list?`)) return;
    const result = await this.connection.call('child:remove', { childId: child.id });
    this.say(result, `Removed ${child.displayName}.`);
    await this.loadChildren();
  }

  private choose(classId: string): void {
    this.classId = classId;
    this.message = this.error = '';
    void this.loadChildren();
  }

  private renderClasses() {
    return html`<section aria-labelledby="classes-heading">
      <h3 id="classes-heading">Classes</h3>
      ${this.classes.length ? html`<ul class="classes">
        ${this.classes.map((c) => html`<li><button type="button" aria-pressed=${c.id === this.classId ? 'true' : 'false'} @click=${() => this.choose(c.id)}>
          <span>${c.name}</span><span>${yearGroupLabel(c.yearGroup)}</span></button></li>`)}
      </ul>` : html`<p>No classes yet.${this.isAdmin ? '' : ' An admin adds them.'}</p>`}
      ${this.isAdmin ? html`<form class="card" @submit=${this.createClass} aria-labelledby="new-class-heading">
        <h4 id="new-class-heading">Add a class</h4>
        <label for="class-name">Class name</label>
        <input id="class-name" name="name" required maxlength="60" placeholder="Oak" />
        <label for="year-group">Year group</label>
        <select id="year-group" name="yearGroup">${YEAR_GROUPS.map((y) => html`<option value=${y}>${yearGroupLabel(y)}</option>`)}</select>
        <p><button type="submit">Add class</button></p>
      </form>` : nothing}
    </section>`;
  }

  private renderChildren(cls: SchoolClass) {
    return html`<section aria-labelledby="children-heading">
      <h3 id="children-heading">Children in ${cls.name} (${yearGroupLabel(cls.yearGroup)})</h3>
      ${this.pupils.length ? html`<table>
        <thead><tr><th scope="col">Name</th><th scope="col" class="flag">Needs a partner</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>${this.pupils.map((c) => html`<tr>
          <td>${c.displayName}</td>
          <td class="flag"><input type="checkbox" .checked=${c.needsPartner} aria-label=${`${c.displayName} needs a partner`}
            @change=${(e: Event) => void this.setNeedsPartner(c, (e.target as HTMLInputElement).checked)} /></td>
          <td><button type="button" class="danger" @click=${() => void this.removePupil(c)}>Remove<span class="visually-hidden"> ${c.displayName}</span></button></td>
        </tr>`)}</tbody>
      </table>` : html`<p>No children in this class yet.</p>`}
      <p class="muted">“Needs a partner”: there is no one at home to have the conversation with, so the club or a peer does it in school.</p>
      <form class="card inline" @submit=${this.addChild} aria-labelledby="add-child-heading">
        <h4 id="add-child-heading" class="full">Add a child</h4>
        <div><label for="first">First name</label><input id="first" name="first" required maxlength="30" autocomplete="off" /></div>
        <div><label for="initial">Surname initial</label><input id="initial" name="initial" maxlength="1" autocomplete="off" aria-describedby="initial-hint" /></div>
        <p class="muted full" id="initial-hint">Only the initial is kept, never the surname.</p>
        <label class="check full"><input type="checkbox" name="needsPartner" /> Needs a partner</label>
        <p class="full"><button type="submit">Add child</button></p>
      </form>
    </section>`;
  }

  override render() {
    const cls = this.classes.find((c) => c.id === this.classId);
    return html`
      <h2>Classes and children</h2>
      <p role="status">${this.message}</p>
      <div role="alert">${this.error ? html`<p class="error">${this.error}</p>` : nothing}</div>
      <div class="layout">
        ${this.renderClasses()}
        <div>
          ${cls ? this.renderChildren(cls) : nothing}
          <section aria-labelledby="import-heading">
            <h3 id="import-heading">Import a class list (CSV)</h3>
            <lc-roster-import .connection=${this.connection} @lc-imported=${() => void this.loadChildren()}></lc-roster-import>
          </section>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-roster-page': LcRosterPage }
}
