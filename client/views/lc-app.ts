/**
 * The app shell: decides, on every start, which view this device or person gets.
 * A paired device (token in IndexedDB) becomes its poster or club view; a signed-in
 * person gets the staff view; /link redeems a one-time link; anyone else can sign in
 * or pair this device.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { forgetPaired, readPaired, type Paired } from '../state/device-store.ts';
import { currentStaff, type StaffSession } from '../state/staff-session.ts';

type Route =
  | { view: 'loading' }
  | { view: 'link'; token: string }
  | { view: 'device'; paired: Paired }
  | { view: 'staff'; session: StaffSession }
  | { view: 'welcome'; offline: boolean };

@customElement('lc-app')
export class LcApp extends LitElement {
  static override styles = css`:host { display: block; min-height: 100vh; } .loading { padding: 2rem; }`;

  @state() private route: Route = { view: 'loading' };

  override connectedCallback(): void {
    super.connectedCallback();
    void this.decide();
    this.addEventListener('lc-session-changed', () => void this.decide());
  }

  private async decide(): Promise<void> {
    if (location.pathname === '/link') {
      this.route = { view: 'link', token: location.hash.slice(1) };
      return;
    }
    const paired = await readPaired().catch(() => null);
    if (paired) {
      this.route = { view: 'device', paired };
      return;
    }
    const me = await currentStaff();
    this.route = me.ok ? { view: 'staff', session: me.data } : { view: 'welcome', offline: !me.ok && me.error.code === 'unavailable' };
  }

  /** A revoked or unknown device goes back to pairing. */
  private async unpair(): Promise<void> {
    await forgetPaired();
    await this.decide();
  }

  override render() {
    const r = this.route;
    switch (r.view) {
      case 'loading':
        return html`<p role="status" class="loading">Loading…</p>`;
      // Each view is its own chunk: a poster on the playground never loads the sign-in form.
      case 'link':
        void import('./lc-link-view.ts');
        return html`<lc-link-view .token=${r.token}></lc-link-view>`;
      case 'welcome':
        void import('./lc-welcome-view.ts');
        return html`<lc-welcome-view .offline=${r.offline}></lc-welcome-view>`;
      case 'staff':
        void import('./lc-staff-view.ts');
        return html`<lc-staff-view .session=${r.session}></lc-staff-view>`;
      case 'device':
        if (r.paired.device.kind === 'poster') {
          void import('./lc-poster-view.ts');
          return html`<lc-poster-view .paired=${r.paired} @lc-unpaired=${() => void this.unpair()}></lc-poster-view>`;
        }
        void import('./lc-club-view.ts');
        return html`<lc-club-view .paired=${r.paired} @lc-unpaired=${() => void this.unpair()}></lc-club-view>`;
    }
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lc-app': LcApp;
  }
  interface HTMLElementEventMap {
    /** Someone signed in or out, or this device was paired: decide the view again. */
    'lc-session-changed': Event;
    /** This device's token was refused: back to pairing. */
    'lc-unpaired': Event;
  }
}
