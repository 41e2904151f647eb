/**
 * The print page of the planner (`#plan/print/<layout>?class=…&week=…[&paper=A3]`): the saved
 * week as it will print, with a Print button. The address holds everything, so it can be
 * reloaded or bookmarked; the staff view hides its own header and nav on paper.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatWeekRange } from '../../../shared/calendar.ts';
import type { Prompt, PromptDraft } from '../../../shared/schemas.ts';
import { formStyles } from '../../components/shared-styles.ts';
import type { Connection } from '../../state/connection.ts';
import type { PosterPaper, PrintLayout, PrintPlan } from './lc-print-layouts.ts';
import './lc-print-sheet.ts';

export interface PrintRoute { layout: PrintLayout; classId: string; weekStart: string; paper: PosterPaper }

const LAYOUTS: { id: PrintLayout; label: string; hint: string }[] = [
  { id: 'weekly', label: 'Weekly list', hint: 'A4 portrait: the whole week, to staple into the Reading Diary.' },
  { id: 'slips', label: 'Slips', hint: 'A4 portrait: a page per day with four slips. Copy for the class, cut on the dashed lines.' },
  { id: 'poster', label: 'Easel poster', hint: 'Landscape, a page per day, large enough to read at pickup.' },
];

export function printHash(r: PrintRoute): string {
  const q = new URLSearchParams({ class: r.classId, week: r.weekStart });
  if (r.layout === 'poster' && r.paper === 'A3') q.set('paper', 'A3');
  return `#plan/print/${r.layout}?${q}`;
}

export function parsePrintRoute(hash: string): PrintRoute | null {
  const m = /^#plan\/print\/(weekly|slips|poster)(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  const q = new URLSearchParams(m[2] ?? '');
  return {
    layout: m[1] as PrintLayout,
    classId: q.get('class') ?? '',
    weekStart: q.get('week') ?? '',
    paper: q.get('paper') === 'A3' ? 'A3' : 'A4',
  };
}

const draftOf = ({ classId: _c, status: _s, updatedAt: _u, ...d }: Prompt): PromptDraft => d;

@customElement('lc-print-preview')
export class LcPrintPreview extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin-bottom: 0.5rem; }
    .toolbar h2 { margin: 0; flex: 1 1 100%; }
    nav { display: flex; gap: 0.4rem; flex-wrap: wrap; }
    /* A link styled as a button is content-box by default, unlike a <button>. */
    a.button { box-sizing: border-box; }
    nav a.button[aria-current='page'] { background: var(--lc-sun, #ffd166); color: var(--lc-ink, #0f1b2d); border-color: var(--lc-ink, #0f1b2d); }
    .paper { display: flex; gap: 0.5rem; align-items: center; }
    .paper label { margin: 0; }
    .paper select { width: auto; }
    @media print { .toolbar, .hint, [role='status'] { display: none; } }
  `];

  @property({ attribute: false }) connection!: Connection;
  @property({ attribute: false }) route!: PrintRoute;
  @state() private plan: PrintPlan | null = null;
  @state() private error = '';

  // Opened straight from the address bar, the socket may not be up yet: load once it is.
  private readonly onStatus = () => {
    if (this.connection.status === 'online' && !this.plan) void this.load();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.connection.addEventListener('status', this.onStatus);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.connection.removeEventListener('status', this.onStatus);
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('route')) void this.load();
  }

  private async load(): Promise<void> {
    const { classId, weekStart } = this.route;
    const [classes, week] = await Promise.all([
      this.connection.call('class:list', {}),
      this.connection.call('week:get', { classId, weekStart }),
    ]);
    if (!classes.ok || !week.ok) {
      this.plan = null;
      if (this.connection.status !== 'online') return;
      this.error = (!week.ok ? week.error.message : '') || (!classes.ok ? classes.error.message : '');
      return;
    }
    this.error = '';
    const className = classes.data.find((c) => c.id === classId)?.name ?? '';
    this.plan = { className, weekStart, days: week.data.days.map(draftOf) };
  }

  override render() {
    const r = this.route;
    const current = LAYOUTS.find((l) => l.id === r.layout)!;
    return html`
      <div class="toolbar">
        <h2>Print: ${current.label}${this.plan ? html` · ${this.plan.className} · ${formatWeekRange(r.weekStart)}` : nothing}</h2>
        <a class="button secondary" href=${`#plan?${new URLSearchParams({ class: r.classId, week: r.weekStart })}`}>Back to the planner</a>
        <nav aria-label="Layouts">
          ${LAYOUTS.map((l) => html`<a class="button secondary" href=${printHash({ ...r, layout: l.id })}
            aria-current=${l.id === r.layout ? 'page' : 'false'}>${l.label}</a>`)}
        </nav>
        ${r.layout === 'poster' ? html`<div class="paper">
          <label for="paper">Paper</label>
          <select id="paper" @change=${(e: Event) => (location.hash = printHash({ ...r, paper: (e.target as HTMLSelectElement).value as PosterPaper }))}>
            <option value="A4" ?selected=${r.paper === 'A4'}>A4</option>
            <option value="A3" ?selected=${r.paper === 'A3'}>A3</option>
          </select>
        </div>` : nothing}
        <button type="button" @click=${() => window.print()} ?disabled=${!this.plan}>Print</button>
      </div>
      <p class="hint muted">${current.hint} The paper size and orientation are set for you; this prints the saved plan.</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.plan ? html`<lc-print-sheet .layout=${r.layout} .paper=${r.paper} .plan=${this.plan}></lc-print-sheet>`
        : this.error ? nothing : html`<p role="status">Loading…</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-print-preview': LcPrintPreview }
}
