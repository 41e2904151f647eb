/** Staff and school: being built (see the issue that owns this page). */
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Connection } from '../../state/connection.ts';

@customElement('lc-school-page')
export class LcSchoolPage extends LitElement {
  @property({ attribute: false }) connection!: Connection;

  override render() {
    return html`<h2>Staff and school</h2>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-school-page': LcSchoolPage }
}
