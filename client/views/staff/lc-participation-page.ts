/** Who took part: being built (see the issue that owns this page). */
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Connection } from '../../state/connection.ts';

@customElement('lc-participation-page')
export class LcParticipationPage extends LitElement {
  @property({ attribute: false }) connection!: Connection;

  override render() {
    return html`<h2>Who took part</h2>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-participation-page': LcParticipationPage }
}
