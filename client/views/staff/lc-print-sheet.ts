/**
 * A week on paper: the weekly list, slips or easel posters, shown on screen as the pages that
 * will print.
 *
 * @summary Print layouts of a week's plan.
 */
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { posters, slips, weeklyList, type PosterPaper, type PrintLayout, type PrintPlan } from './lc-print-layouts.ts';
import { printSheetStyles } from './lc-print-sheet.styles.ts';

const MAX_SQUEEZE = 6;

const PAGE_RULES: Record<string, string> = {
  weekly: '@page { size: A4 portrait; margin: 12mm; }',
  slips: '@page { size: A4 portrait; margin: 12mm; }',
  'poster-A4': '@page { size: A4 landscape; margin: 10mm; }',
  'poster-A3': '@page { size: A3 landscape; margin: 10mm; }',
};

@customElement('lc-print-sheet')
export class LcPrintSheet extends LitElement {
  static override styles = printSheetStyles;

  @property() layout: PrintLayout = 'weekly';
  @property() paper: PosterPaper = 'A4';
  @property({ attribute: false }) plan: PrintPlan = { className: '', weekStart: '2000-01-03', days: [] };

  // Chromium ignores @page inside a shadow root, so the page size goes on the document while
  // this sheet is shown (a constructed sheet: the CSP allows no <style> element).
  private readonly pageSheet = new CSSStyleSheet();

  override connectedCallback(): void {
    super.connectedCallback();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.pageSheet];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.pageSheet);
  }

  protected override willUpdate(): void {
    this.pageSheet.replaceSync(PAGE_RULES[this.layout === 'poster' ? `poster-${this.paper}` : this.layout] ?? '');
  }

  /** Each slip and poster gives up detail, step by step, until it fits its box: paper cannot scroll. */
  protected override updated(): void {
    for (const box of this.renderRoot.querySelectorAll<HTMLElement>('.fit')) {
      delete box.dataset.squeeze;
      for (let level = 1; level <= MAX_SQUEEZE && box.scrollHeight > box.clientHeight + 1; level++) box.dataset.squeeze = String(level);
    }
  }

  private renderPages() {
    if (this.plan.days.length === 0) {
      return html`<article class="page a4-portrait"><p class="empty">Nothing is planned for this week yet.</p></article>`;
    }
    switch (this.layout) {
      case 'weekly':
        return weeklyList(this.plan);
      case 'slips':
        return slips(this.plan);
      case 'poster':
        return posters(this.plan, this.paper);
    }
  }

  override render() {
    return html`<div class="sheets">${this.renderPages()}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-print-sheet': LcPrintSheet }
}
