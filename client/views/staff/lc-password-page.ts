/** Everyone signed in can choose a new password here (it needs the current one). */
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formStyles } from '../../components/shared-styles.ts';
import { changePassword } from '../../state/staff-session.ts';

@customElement('lc-password-page')
export class LcPasswordPage extends LitElement {
  static override styles = [formStyles, css`:host { display: block; } form { max-width: 28rem; } .actions { margin-top: 1rem; }`];

  @state() private message = '';
  @state() private failed = false;

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const next = String(f.get('next'));
    if (next !== String(f.get('again'))) {
      this.failed = true;
      this.message = 'The two new passwords are not the same.';
      return;
    }
    const result = await changePassword(String(f.get('current')), next);
    this.failed = !result.ok;
    this.message = result.ok ? 'Your password is changed.' : result.error.message;
    if (result.ok) form.reset();
  }

  override render() {
    return html`
      <h2>Change your password</h2>
      <form class="card" @submit=${this.submit}>
        <label for="current">Current password</label>
        <input id="current" name="current" type="password" autocomplete="current-password" required />
        <label for="next">New password (at least 10 characters)</label>
        <input id="next" name="next" type="password" autocomplete="new-password" minlength="10" required />
        <label for="again">New password again</label>
        <input id="again" name="again" type="password" autocomplete="new-password" minlength="10" required />
        <p role=${this.failed ? 'alert' : 'status'} class=${this.failed ? 'error' : ''}>${this.message}</p>
        <div class="actions"><button type="submit">Change password</button></div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-password-page': LcPasswordPage }
}
