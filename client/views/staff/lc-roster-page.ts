/** Classes and children: being built (see the issue that owns this page). */
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Connection } from '../../state/connection.ts';

@customElement('lc-roster-page')
export class LcRosterPage extends LitElement {
  @property({ attribute: false }) connection!: Connection;

  override render() {
    return html`<h2>Classes and children</h2>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-roster-page': LcRosterPage }
}
