import { css } from 'lit';

/**
 * Sizes are in mm and pt so that the page on screen is the page on paper: the boxes that must
 * fit (a slip, a poster) have the same size on both, so what fits on screen fits on paper.
 * On screen each sheet is a white page on grey; in print the sheets are the pages themselves
 * (the @page size and margins are set on the document, see lc-print-sheet.ts).
 *
 * `data-squeeze` 1…6 on a slip or poster is how much it had to give up to fit its box.
 */
export const printSheetStyles = css`
  :host { display: block; color: #000; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif; }
  .sheets { overflow-x: auto; padding: 1rem 0; background: #d9dde3; }
  .page {
    background: #fff; box-sizing: content-box; margin: 0 auto 1rem; padding: 12mm;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
  }
  /* Content boxes: the paper less the @page margins. */
  .page.a4-portrait { width: 186mm; min-height: 273mm; }
  .page.a4-landscape { width: 277mm; padding: 10mm; }
  .page.a3-landscape { width: 400mm; padding: 10mm; }
  h1, h2, h3, p { margin: 0; }
  .label { font-weight: 700; }
  .meta { color: #333; }

  /* ----- weekly list (A4 portrait, for the Reading Diary) ----- */
  .weekly header { border-bottom: 2pt solid #000; padding-bottom: 3mm; margin-bottom: 4mm; }
  .weekly h1 { font-size: 20pt; }
  .weekly .week { font-size: 13pt; font-weight: 600; margin-top: 1mm; }
  .weekly .intro { font-size: 10.5pt; margin-top: 2mm; }
  .weekly .day { break-inside: avoid; padding: 2.2mm 0 1.5mm; font-size: 10pt; line-height: 1.3; }
  .weekly .day + .day { border-top: 1pt solid #000; }
  .weekly .day h2 { font-size: 12pt; }
  .weekly .day .prompt { font-size: 11.5pt; font-weight: 600; margin: 0.8mm 0; }
  .weekly .day p + p { margin-top: 0.6mm; }
  .weekly .note { margin-top: 1.2mm; color: #333; font-size: 9pt; display: flex; gap: 2mm; align-items: flex-end; }
  .weekly .note span { flex: 1 1 auto; border-bottom: 0.75pt dotted #555; height: 4mm; }

  /* ----- slips (four of one day to an A4 page, cut on the dashed lines) ----- */
  .cut { text-align: center; font-size: 8pt; line-height: 4mm; height: 4mm; color: #555; margin-bottom: 1mm; }
  .slips { display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: 131mm 131mm; }
  .slip {
    box-sizing: border-box; padding: 5mm 5mm 4mm; border: 1pt dashed #555; margin: -0.5pt;
    display: flex; flex-direction: column; gap: 1.6mm; overflow: hidden; font-size: 9.5pt; line-height: 1.3;
  }
  .slip .top { display: flex; justify-content: space-between; gap: 2mm; font-size: 8.5pt; border-bottom: 0.75pt solid #000; padding-bottom: 1.2mm; }
  .slip h2 { font-size: 13pt; }
  .slip .theme { font-size: 10.5pt; font-weight: 600; }
  .slip .prompt { font-size: 11.5pt; font-weight: 600; line-height: 1.3; }
  .slip .note { margin-top: auto; font-size: 8.5pt; color: #333; }
  .slip .note span { display: block; border-bottom: 0.75pt dotted #555; height: 6mm; }
  .slip .foot { font-size: 8pt; color: #333; }
  .slip .elsewhere, .poster .elsewhere { display: none; font-style: italic; }
  .extensions .ext + .ext::before { content: ' · '; }
  /*
   * Giving up detail to fit: the note lines, then size, then all but the first extension, then
   * the support (the weekly list still has it), then the extension.
   */
  .slip[data-squeeze] .note { display: none; }
  .slip[data-squeeze] .foot { margin-top: auto; }
  .slip[data-squeeze]:not([data-squeeze='1']) { font-size: 8.5pt; gap: 1mm; }
  .slip[data-squeeze]:not([data-squeeze='1']) .prompt { font-size: 10pt; }
  .slip:is([data-squeeze='3'], [data-squeeze='4'], [data-squeeze='5'], [data-squeeze='6']) { font-size: 7.5pt; line-height: 1.2; }
  .slip:is([data-squeeze='4'], [data-squeeze='5'], [data-squeeze='6']) .ext + .ext { display: none; }
  .slip:is([data-squeeze='5'], [data-squeeze='6']) .support { display: none; }
  .slip[data-squeeze='6'] .extensions { display: none; }
  .slip:is([data-squeeze='5'], [data-squeeze='6']) .elsewhere { display: block; }

  /* ----- poster (landscape, one day a page, read from a few metres) ----- */
  .poster { --s: 1; display: flex; flex-direction: column; height: 188mm; gap: calc(4mm * var(--s)); overflow: hidden; }
  .a3-landscape .poster { --s: 1.41; height: 275mm; }
  .poster .top { display: flex; justify-content: space-between; align-items: baseline; border-bottom: calc(3pt * var(--s)) solid #000; padding-bottom: calc(2mm * var(--s)); }
  .poster .class { font-size: calc(26pt * var(--s)); font-weight: 800; }
  .poster .week { font-size: calc(13pt * var(--s)); }
  .poster h2 { font-size: calc(22pt * var(--s)); }
  .poster .theme { font-size: calc(18pt * var(--s)); font-weight: 600; }
  .poster .prompt { font-weight: 700; line-height: 1.2; font-size: calc(var(--p, 44pt) * var(--s)); }
  .poster .prompt.medium { --p: 36pt; }
  .poster .prompt.long { --p: 27pt; }
  .poster .more { margin-top: auto; display: grid; grid-template-columns: 3fr 2fr; gap: calc(6mm * var(--s)); font-size: calc(13pt * var(--s)); line-height: 1.3; }
  .poster .box { border: calc(1.5pt * var(--s)) solid #000; border-radius: calc(3mm * var(--s)); padding: calc(3mm * var(--s)); }
  .poster .foot { font-size: calc(11pt * var(--s)); }
  .poster[data-squeeze] .more { font-size: calc(10.5pt * var(--s)); }
  .poster[data-squeeze]:not([data-squeeze='1']) .prompt { --p: 24pt; }
  .poster:is([data-squeeze='3'], [data-squeeze='4'], [data-squeeze='5'], [data-squeeze='6']) .more { font-size: calc(9pt * var(--s)); }
  .poster:is([data-squeeze='4'], [data-squeeze='5'], [data-squeeze='6']) .ext ~ .ext { display: none; }
  .poster:is([data-squeeze='5'], [data-squeeze='6']) .support { display: none; }
  .poster[data-squeeze='6'] .more { display: none; }
  .poster:is([data-squeeze='5'], [data-squeeze='6']) .elsewhere { display: block; }

  .empty { font-size: 14pt; }

  @media print {
    .sheets { background: none; padding: 0; overflow: visible; }
    .page, .page.a4-portrait, .page.a4-landscape, .page.a3-landscape {
      width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; break-after: page;
    }
    .page:last-child { break-after: auto; }
  }
`;
