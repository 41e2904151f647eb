/** The whole school's week for the admin: a row per class, how many children were reached and how. */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SchoolSummaryRow } from '../../shared/events.ts';
import { formStyles } from './shared-styles.ts';

@customElement('lc-school-summary')
export class LcSchoolSummary extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    table { width: 100%; max-width: 48rem; }
    td { text-align: right; font-variant-numeric: tabular-nums; }
    thead th:not(:first-child) { text-align: right; }
    meter { width: 6rem; margin-left: 0.5rem; vertical-align: middle; }
  `];

  @property({ attribute: false }) rows: SchoolSummaryRow[] = [];
  @property() caption = '';

  override render() {
    return html`<table>
      ${this.caption ? html`<caption>${this.caption}</caption>` : ''}
      <thead><tr><th scope="col">Class</th><th scope="col">Children reached</th><th scope="col">Conversations at home</th><th scope="col">With a peer</th><th scope="col">With staff</th></tr></thead>
      <tbody>${this.rows.map((r) => html`<tr>
        <th scope="row">${r.className}</th>
        <td>${r.reached} of ${r.children}<meter min="0" max=${Math.max(1, r.children)} value=${r.reached} aria-hidden="true"></meter></td>
        <td>${r.home}</td><td>${r.peer}</td><td>${r.staff}</td>
      </tr>`)}</tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-school-summary': LcSchoolSummary }
}
