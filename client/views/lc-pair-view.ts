/**
 * An unpaired device shows a short code, large, and waits for a teacher to claim it.
 * A code lives ten minutes; a fresh one is asked for before it runs out.
 */
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formStyles } from '../components/shared-styles.ts';
import { APP_VERSION, Connection } from '../state/connection.ts';
import { Paired, writePaired } from '../state/device-store.ts';

@customElement('lc-pair-view')
export class LcPairView extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; text-align: center; padding: 2rem 1rem; }
    .code { font-size: clamp(3rem, 14vw, 9rem); font-weight: 800; letter-spacing: 0.15em; color: var(--lc-navy, #14325c);
      font-variant-numeric: tabular-nums; margin: 1rem 0; font-family: ui-monospace, 'DejaVu Sans Mono', monospace; }
    p { font-size: 1.25rem; }
  `];

  @state() private code = '';
  @state() private message = 'Asking the server for a code…';
  private connection: Connection | null = null;
  private refresh: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.connection = new Connection({ auth: { unpaired: true } });
    this.connection.socket.on('connect', () => void this.requestCode());
    this.connection.on('device:paired', (pushed) => {
      const paired = Paired.safeParse(pushed);
      if (!paired.success) return;
      void writePaired(paired.data).then(() => {
        this.dispatchEvent(new Event('lc-session-changed', { bubbles: true, composed: true }));
      });
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.refresh);
    this.connection?.close();
  }

  private async requestCode(): Promise<void> {
    clearTimeout(this.refresh);
    const result = await this.connection!.call('device:requestCode', { appVersion: APP_VERSION });
    if (!result.ok) {
      this.message = `Could not get a code: ${result.error.message}`;
      return;
    }
    this.code = result.data.code;
    this.message = 'On a staff laptop, open Devices and enter this code.';
    this.refresh = setTimeout(() => void this.requestCode(), Math.max(5_000, result.data.expiresAt - Date.now() - 30_000));
  }

  override render() {
    return html`
      <h1>Pair this device</h1>
      <p role="status">${this.message}</p>
      ${this.code ? html`<div class="code" aria-label=${`Pairing code ${this.code.split('').join(' ')}`} data-testid="pairing-code">${this.code}</div>` : ''}
      <button class="secondary" @click=${() => this.dispatchEvent(new Event('lc-cancel'))}>Back</button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-pair-view': LcPairView }
}
