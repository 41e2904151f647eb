/**
 * The staff view (teachers, admins, club staff): one socket for the whole session,
 * and a page per job, chosen by the #hash so the browser's back button works.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Role } from '../../shared/schemas.ts';
import { formStyles } from '../components/shared-styles.ts';
import { Connection } from '../state/connection.ts';
import { ConnectionController } from '../state/connection-controller.ts';
import { logOut, type StaffSession } from '../state/staff-session.ts';
import { watchForUpdates } from '../state/staff-updates.ts';

interface Page { id: string; label: string; roles: Role[]; load: () => Promise<unknown>; tag: string }

const PAGES: Page[] = [
  { id: 'plan', label: 'Plan the week', roles: ['admin', 'teacher'], load: () => import('./staff/lc-planner-page.ts'), tag: 'lc-planner-page' },
  { id: 'participation', label: 'Who took part', roles: ['admin', 'teacher'], load: () => import('./staff/lc-participation-page.ts'), tag: 'lc-participation-page' },
  { id: 'children', label: 'Classes & children', roles: ['admin', 'teacher'], load: () => import('./staff/lc-roster-page.ts'), tag: 'lc-roster-page' },
  { id: 'devices', label: 'Devices', roles: ['admin', 'teacher'], load: () => import('./staff/lc-devices-page.ts'), tag: 'lc-devices-page' },
  { id: 'school', label: 'Staff & school', roles: ['admin'], load: () => import('./staff/lc-school-page.ts'), tag: 'lc-school-page' },
  { id: 'password', label: 'My password', roles: ['admin', 'teacher', 'staff'], load: () => import('./staff/lc-password-page.ts'), tag: 'lc-password-page' },
];

@customElement('lc-staff-view')
export class LcStaffView extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; min-height: 100vh; }
    header { background: var(--lc-navy, #14325c); color: #fff; padding: 0.75rem 1.25rem; display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
    header h1 { color: #fff; font-size: 1.25rem; margin: 0; flex: 1 1 auto; }
    header .who { font-size: 0.95rem; }
    header button { background: #fff; color: var(--lc-navy, #14325c); }
    nav { display: flex; flex-wrap: wrap; gap: 0.25rem; padding: 0.5rem 1rem; border-bottom: 1px solid var(--lc-line, #c9cfd8); background: #fff; }
    nav a { padding: 0.6rem 0.9rem; border-radius: 8px; color: var(--lc-navy, #14325c); text-decoration: none; font-weight: 600; }
    nav a[aria-current='page'] { background: var(--lc-sun, #ffd166); color: var(--lc-ink, #0f1b2d); }
    main { padding: 1rem 1.25rem 3rem; max-width: 80rem; margin: 0 auto; }
    .offline { background: #fff3cd; color: #5c3b00; padding: 0.5rem 1.25rem; }
    @media print { header, nav, .offline { display: none; } main { padding: 0; max-width: none; } }
  `];

  @property({ attribute: false }) session!: StaffSession;
  @state() private page = '';
  @state() private updateReady = false;
  private readonly applyUpdate = watchForUpdates(() => (this.updateReady = true));
  private connection = new Connection({ auth: {} });
  private status = new ConnectionController(this, this.connection);
  private readonly onHash = () => this.choosePage();
  private readonly elements = new Map<string, HTMLElement>();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
  }

  // Not in connectedCallback: properties set before this element was defined arrive at the first update.
  override firstUpdated(): void {
    this.choosePage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    this.connection.close();
  }

  private get pages(): Page[] {
    return PAGES.filter((p) => p.roles.includes(this.session.staff.role));
  }

  private choosePage(): void {
    const wanted = location.hash.slice(1).split('/')[0] ?? '';
    const page = this.pages.find((p) => p.id === wanted) ?? this.pages[0];
    if (!page) return;
    this.page = page.id;
    void page.load().then(() => this.requestUpdate());
  }

  private async signOut(): Promise<void> {
    await logOut();
    this.dispatchEvent(new Event('lc-session-changed', { bubbles: true, composed: true }));
  }

  private renderPage() {
    const page = this.pages.find((p) => p.id === this.page);
    if (!page) return html`<p role="status">Loading…</p>`;
    if (!customElements.get(page.tag)) return html`<p role="status">Loading…</p>`;
    // One element per page, kept, so a page keeps its state when the header re-renders.
    let el = this.elements.get(page.id);
    if (!el) {
      el = Object.assign(document.createElement(page.tag), { connection: this.connection, session: this.session });
      this.elements.set(page.id, el);
    }
    return el;
  }

  override render() {
    const { staff, school } = this.session;
    return html`
      <header>
        <h1>${school.name}</h1>
        <span class="who">${staff.name} · ${staff.role}</span>
        <button @click=${() => void this.signOut()}>Sign out</button>
      </header>
      ${this.status.online ? '' : html`<div class="offline" role="status">Reconnecting to the server…</div>`}
      ${this.updateReady ? html`<div class="offline" role="status">A new version is ready.
        <button class="secondary" @click=${() => void this.applyUpdate()}>Reload now</button></div>` : ''}
      <nav aria-label="Sections">
        ${this.pages.map((p) => html`<a href=${`#${p.id}`} aria-current=${p.id === this.page ? 'page' : 'false'}>${p.label}</a>`)}
      </nav>
      <main>
        ${staff.role === 'staff' ? html`<p class="card">Conversations are logged on the club tablet. Ask a teacher to pair one for your club.</p>` : ''}
        ${this.renderPage()}
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-staff-view': LcStaffView }
}
