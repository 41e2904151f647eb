/** Plan the week: being built (see the issue that owns this page). */
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Connection } from '../../state/connection.ts';

@customElement('lc-planner-page')
export class LcPlannerPage extends LitElement {
  @property({ attribute: false }) connection!: Connection;

  override render() {
    return html`<h2>Plan the week</h2>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-planner-page': LcPlannerPage }
}
