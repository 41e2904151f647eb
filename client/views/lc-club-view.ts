/** Club tablet: being built (see the issue that owns this view). */
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Paired } from '../state/device-store.ts';

@customElement('lc-club-view')
export class LcClubView extends LitElement {
  @property({ attribute: false }) paired!: Paired;

  override render() {
    return html`<h1>Club tablet: ${this.paired.device.label}</h1>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-club-view': LcClubView }
}
