/**
 * CSV import of a class list: check it first (a dry run that lists every bad row with its line),
 * then import it all or nothing.
 *
 * @summary Roster CSV import.
 * @event lc-imported - After a successful import; `detail` is the number of children added.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RosterImportReport } from '../../../shared/events.ts';
import { formStyles } from '../../components/shared-styles.ts';
import type { Connection } from '../../state/connection.ts';

const MAX_CHARS = 200_000;

@customElement('lc-roster-import')
export class LcRosterImport extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    textarea { font-family: ui-monospace, Menlo, Consolas, monospace; min-height: 8rem; }
    .actions { display: flex; gap: 0.5rem; flex-wrap: wrap; margin-top: 0.75rem; }
    table { width: 100%; margin-top: 0.5rem; }
    td:first-child, th:first-child { width: 5rem; }
    code { background: #eef1f5; padding: 0 0.25rem; border-radius: 4px; }
  `];

  @property({ attribute: false }) connection!: Connection;
  @state() private csv = '';
  @state() private report: RosterImportReport | null = null;
  /** The text the report is about: importing needs a clean check of exactly this text. */
  @state() private checked = '';
  @state() private message = '';
  @state() private busy = false;

  private async readFile(e: Event): Promise<void> {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.csv = await file.text();
    this.report = null;
    this.message = `Read ${file.name}. Check it before importing.`;
  }

  private async send(dryRun: boolean): Promise<void> {
    if (this.csv.length > MAX_CHARS) {
      this.message = 'That file is too large: import a few classes at a time.';
      return;
    }
    this.busy = true;
    const csv = this.csv;
    const result = await this.connection.call('roster:import', { csv, dryRun }, 30_000);
    this.busy = false;
    if (!result.ok) {
      this.report = null;
      this.message = result.error.message;
      return;
    }
    this.report = result.data;
    this.checked = csv;
    const { created, errors, skipped } = result.data;
    const already = skipped.length ? ` ${skipped.length} already on the roll will be left as they are.` : '';
    if (errors.length) {
      this.message = `${errors.length} row${errors.length === 1 ? '' : 's'} need${errors.length === 1 ? 's' : ''} fixing. Nothing has been imported.`;
    } else if (dryRun) {
      this.message = `${created} new children are ready to import.${already}`;
    } else {
      this.message = `Imported ${created} children.${skipped.length ? ` ${skipped.length} were already on the roll.` : ''}`;
      this.csv = this.checked = '';
      this.report = null;
      this.dispatchEvent(new CustomEvent('lc-imported', { detail: created, bubbles: true, composed: true }));
    }
  }

  override render() {
    const ready = this.report && this.report.errors.length === 0 && this.checked === this.csv && this.csv.trim() !== '';
    return html`
      <p class="muted" id="csv-help">Columns: <code>first name</code>, <code>surname</code>, <code>year</code> (R or 1–6), <code>class</code>,
        and optionally <code>needs partner</code> (yes/no). Only the first name and the surname's initial are kept; any other column is ignored.</p>
      <label for="csv-file">Choose a CSV file</label>
      <input id="csv-file" type="file" accept=".csv,text/csv" @change=${this.readFile} aria-describedby="csv-help" />
      <label for="csv-text">…or paste it here</label>
      <textarea id="csv-text" .value=${this.csv} aria-describedby="csv-help"
        @input=${(e: Event) => { this.csv = (e.target as HTMLTextAreaElement).value; this.report = null; }}></textarea>
      <div class="actions">
        <button type="button" class="secondary" ?disabled=${this.busy || this.csv.trim() === ''} @click=${() => void this.send(true)}>Check the file</button>
        <button type="button" ?disabled=${this.busy || !ready} @click=${() => void this.send(false)}>Import ${ready ? this.report!.created : ''} children</button>
      </div>
      <p role="status">${this.message}</p>
      ${this.report?.errors.length ? html`<table>
        <caption class="visually-hidden">Rows that need fixing</caption>
        <thead><tr><th scope="col">Line</th><th scope="col">What to fix</th></tr></thead>
        <tbody>${this.report.errors.map((e) => html`<tr><td>${e.line}</td><td>${e.reason}</td></tr>`)}</tbody>
      </table>` : nothing}
      ${this.report?.skipped.length ? html`<details><summary>${this.report.skipped.length} already on the roll</summary>
        <ul>${this.report.skipped.map((e) => html`<li>Line ${e.line}: ${e.reason}</li>`)}</ul></details>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-roster-import': LcRosterImport }
  interface HTMLElementEventMap { 'lc-imported': CustomEvent<number> }
}
