/**
 * A one-time link: set up the first admin, accept an invite (choose a password), or
 * sign in with a demo login link. The token travels in the URL's #fragment, so it
 * never reaches a server log.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formStyles } from '../components/shared-styles.ts';
import { peekLink, redeemLink, type LinkInfo } from '../state/staff-session.ts';

@customElement('lc-link-view')
export class LcLinkView extends LitElement {
  static override styles = [formStyles, css`:host { display: block; max-width: 32rem; margin: 0 auto; padding: 2rem 1.25rem; } .actions { margin-top: 1.25rem; }`];

  @property() token = '';
  @state() private info: LinkInfo | null = null;
  @state() private error = '';
  @state() private busy = false;

  // Not in connectedCallback: a token set before this lazily loaded element was defined arrives at the first update.
  override firstUpdated(): void {
    void peekLink(this.token).then((r) => {
      if (r.ok) this.info = r.data;
      else this.error = r.error.message;
    });
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const field = (k: string) => (form.has(k) ? String(form.get(k)) : undefined);
    this.busy = true;
    const result = await redeemLink(this.token, { name: field('name'), email: field('email'), password: field('password') } as never);
    this.busy = false;
    if (!result.ok) {
      this.error = result.error.issues?.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') || result.error.message;
      return;
    }
    history.replaceState(null, '', '/');
    this.dispatchEvent(new Event('lc-session-changed', { bubbles: true, composed: true }));
  }

  override render() {
    if (!this.info) {
      return html`<h1>Learning Conversations</h1>
        <p role=${this.error ? 'alert' : 'status'} class=${this.error ? 'error' : ''}>${this.error || 'Checking the link…'}</p>
        ${this.error ? html`<a class="button secondary" href="/">Go to sign in</a>` : ''}`;
    }
    const { purpose, schoolName, staffName } = this.info;
    const heading = purpose === 'setup' ? `Set up ${schoolName}` : purpose === 'invite' ? `Welcome, ${staffName ?? ''}` : `Sign in to ${schoolName}`;
    return html`
      <h1>${heading}</h1>
      <form @submit=${this.submit}>
        ${purpose === 'setup' ? html`
          <p>Create the first administrator account. This link works once.</p>
          <label for="name">Your name</label><input id="name" name="name" autocomplete="name" required />
          <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required />` : ''}
        ${purpose !== 'login' ? html`
          <label for="password">Choose a password (at least 10 characters)</label>
          <input id="password" name="password" type="password" minlength="10" autocomplete="new-password" required />` : html`
          <p>This one-time link signs you in as ${staffName ?? 'staff'}.</p>`}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${purpose === 'setup' ? 'Create account' : purpose === 'invite' ? 'Save password' : 'Sign in'}</button></div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-link-view': LcLinkView }
}
