/**
 * For admins: the school's settings (name, time zone, pickup window), staff accounts
 * (invite by a one-time link, remove) and clubs.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Club, SchoolClass, StaffMember } from '../../../shared/schemas.ts';
import { formStyles } from '../../components/shared-styles.ts';
import type { Connection } from '../../state/connection.ts';
import { LoadOnConnect } from '../../state/load-on-connect.ts';
import type { StaffSession } from '../../state/staff-session.ts';

/** Every IANA zone this browser knows, so nobody can mistype one. */
const ZONES: string[] = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? ['Europe/London'];

const ROLE_LABEL = { admin: 'Admin', teacher: 'Teacher', staff: 'Club / wraparound staff' } as const;

@customElement('lc-school-page')
export class LcSchoolPage extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    section { margin-bottom: 2rem; }
    form.card { max-width: 36rem; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0 1rem; }
    .actions { margin-top: 1rem; }
    .link { word-break: break-all; background: #f1f4f8; padding: 0.5rem; border-radius: 6px; }
    table { width: 100%; }
  `];

  @property({ attribute: false }) connection!: Connection;
  @property({ attribute: false }) session!: StaffSession;
  @state() private staff: StaffMember[] = [];
  @state() private clubs: Club[] = [];
  @state() private classes: SchoolClass[] = [];
  @state() private message = '';
  @state() private inviteLink = '';

  private readonly loader = new LoadOnConnect(this, () => this.connection, () => this.load());

  private async load(): Promise<void> {
    const [staff, clubs, classes] = await Promise.all([
      this.connection.call('staff:list', {}), this.connection.call('club:list', {}), this.connection.call('class:list', {}),
    ]);
    if (staff.ok) this.staff = staff.data;
    if (clubs.ok) this.clubs = clubs.data;
    if (classes.ok) this.classes = classes.data;
  }

  private say(result: { ok: boolean; error?: { message: string; issues?: { message: string }[] } }, done: string): boolean {
    this.message = result.ok ? done : (result.error?.issues?.map((i) => i.message).join('; ') || result.error?.message || '');
    return result.ok;
  }

  private async saveSchool(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const result = await this.connection.call('school:update', {
      name: String(f.get('name')), timeZone: String(f.get('timeZone')),
      pickupStart: String(f.get('pickupStart')), pickupEnd: String(f.get('pickupEnd')),
    });
    if (this.say(result, 'School settings saved.') && result.ok) this.session = { ...this.session, school: result.data };
  }

  private async invite(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const result = await this.connection.call('staff:invite', {
      name: String(f.get('name')), email: String(f.get('email')),
      role: String(f.get('role')) as StaffMember['role'], classIds: f.getAll('classIds').map(String),
    });
    if (this.say(result, 'Invited. Send them this one-time link (it works for seven days):') && result.ok) {
      this.inviteLink = result.data.link;
      form.reset();
      await this.load();
    }
  }

  /** For a forgotten password or an expired invite: their sessions and old password stop working. */
  private async newLink(member: StaffMember): Promise<void> {
    if (!confirm(`Give ${member.name} a new sign-in link? Their current password stops working.`)) return;
    const result = await this.connection.call('staff:resetLink', { staffId: member.id });
    if (this.say(result, `Send ${member.name} this one-time link (it works for seven days):`) && result.ok) this.inviteLink = result.data.link;
  }

  private async removeStaff(member: StaffMember): Promise<void> {
    if (!confirm(`Remove ${member.name}'s account?`)) return;
    this.say(await this.connection.call('staff:remove', { staffId: member.id }), `Removed ${member.name}.`);
    await this.load();
  }

  private async addClub(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    if (this.say(await this.connection.call('club:create', { name: String(new FormData(form).get('club')) }), 'Club added.')) form.reset();
    await this.load();
  }

  override render() {
    const s = this.session.school;
    return html`
      <p role="status">${this.message}</p>
      ${this.inviteLink ? html`<p class="link" data-testid="invite-link">${this.inviteLink}</p>` : ''}
      <section aria-labelledby="school-h">
        <h2 id="school-h">School</h2>
        <form class="card" @submit=${this.saveSchool}>
          <label for="name">Name</label><input id="name" name="name" .value=${s.name} required />
          <div class="grid">
            <div><label for="tz">Time zone</label>
              <select id="tz" name="timeZone">${ZONES.map((z) => html`<option ?selected=${z === s.timeZone}>${z}</option>`)}</select></div>
            <div><label for="ps">Pickup starts</label><input id="ps" name="pickupStart" type="time" .value=${s.pickupStart} required /></div>
            <div><label for="pe">Pickup ends</label><input id="pe" name="pickupEnd" type="time" .value=${s.pickupEnd} required /></div>
          </div>
          <div class="actions"><button type="submit">Save</button></div>
        </form>
      </section>
      <section aria-labelledby="staff-h">
        <h2 id="staff-h">Staff</h2>
        <table>
          <thead><tr><th>Name</th><th>Email</th><th>Role</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>${this.staff.map((m) => html`<tr>
            <td>${m.name}</td><td>${m.email}</td><td>${ROLE_LABEL[m.role]}</td>
            <td>${m.id === this.session.staff.id ? '' : html`<div class="row">
              <button class="secondary" @click=${() => void this.newLink(m)} aria-label=${`New sign-in link for ${m.name}`}>New sign-in link</button>
              <button class="danger" @click=${() => void this.removeStaff(m)} aria-label=${`Remove ${m.name}`}>Remove</button></div>`}</td>
          </tr>`)}</tbody>
        </table>
        <form class="card" @submit=${this.invite} aria-labelledby="invite-h">
          <h3 id="invite-h">Invite someone</h3>
          <label for="iname">Name</label><input id="iname" name="name" required />
          <label for="iemail">Email</label><input id="iemail" name="email" type="email" required />
          <label for="irole">Role</label>
          <select id="irole" name="role">${Object.entries(ROLE_LABEL).map(([v, l]) => html`<option value=${v} ?selected=${v === 'teacher'}>${l}</option>`)}</select>
          <fieldset><legend>Classes they teach (optional)</legend>
            ${this.classes.map((c) => html`<label><input type="checkbox" name="classIds" value=${c.id} /> ${c.name}</label>`)}
          </fieldset>
          <div class="actions"><button type="submit">Invite</button></div>
        </form>
      </section>
      <section aria-labelledby="clubs-h">
        <h2 id="clubs-h">Clubs</h2>
        <ul>${this.clubs.map((c) => html`<li>${c.name}</li>`)}</ul>
        <form class="card row" @submit=${this.addClub}>
          <div><label for="club">New club</label><input id="club" name="club" required placeholder="Breakfast club" /></div>
          <button type="submit">Add club</button>
        </form>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-school-page': LcSchoolPage }
}
