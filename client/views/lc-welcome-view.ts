/** For anyone who is neither signed in nor a paired device: sign in, or pair this device. */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formStyles } from '../components/shared-styles.ts';
import { logIn } from '../state/staff-session.ts';
import './lc-pair-view.ts';

@customElement('lc-welcome-view')
export class LcWelcomeView extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; max-width: 32rem; margin: 0 auto; padding: 2rem 1.25rem; }
    form { margin-bottom: 2rem; }
    .actions { margin-top: 1.25rem; }
  `];

  @property({ type: Boolean }) offline = false;
  @state() private pairing = false;
  @state() private error = '';
  @state() private busy = false;

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    this.busy = true;
    const result = await logIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
    this.busy = false;
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.dispatchEvent(new Event('lc-session-changed', { bubbles: true, composed: true }));
  }

  override render() {
    if (this.pairing) return html`<lc-pair-view @lc-cancel=${() => (this.pairing = false)}></lc-pair-view>`;
    return html`
      <h1>Learning Conversations</h1>
      ${this.offline ? html`<p class="warning" role="status">The server cannot be reached right now.</p>` : ''}
      <form @submit=${this.submit} aria-labelledby="signin">
        <h2 id="signin">Staff sign in</h2>
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>Sign in</button></div>
      </form>
      <section aria-labelledby="pair">
        <h2 id="pair">A poster screen or club tablet?</h2>
        <p class="muted">Pair it once with a code; a teacher enters the code on their Devices page.</p>
        <button class="secondary" @click=${() => (this.pairing = true)}>Pair this device</button>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-welcome-view': LcWelcomeView }
}
