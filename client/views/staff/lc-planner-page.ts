/**
 * Plan the week: a class and a week (Monday to Friday), a day editor per day, saved as a
 * draft and published to the class's poster screens (the week or one day), with earlier
 * prompts to reuse, the week as text for the office, and print layouts (lc-print-preview).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { addDays, dayName, formatDayLong, formatWeekRange, isSchoolDay, localDate, schoolDays, weekStart as mondayOf } from '../../../shared/calendar.ts';
import type { Result, ResultError } from '../../../shared/result.ts';
import { yearGroupLabel, type Prompt, type PromptDraft, type SchoolClass, type Week } from '../../../shared/schemas.ts';
import { blankDay, dayIssues, isBlankDay } from '../../components/lc-day-editor.ts';
import '../../components/lc-day-editor.ts';
import { formStyles } from '../../components/shared-styles.ts';
import type { Connection } from '../../state/connection.ts';
import type { StaffSession } from '../../state/staff-session.ts';
import { parsePrintRoute, printHash, type PrintRoute } from './lc-print-preview.ts';
import './lc-print-preview.ts';
import type { PrintLayout } from './lc-print-layouts.ts';
import './lc-prompt-search.ts';
import './lc-screen-preview.ts';
import './lc-week-exports.ts';

const draftOf = ({ classId: _c, status: _s, updatedAt: _u, ...d }: Prompt): PromptDraft => d;

/** What the server will store: trimmed, without empty extensions. */
const cleaned = (d: PromptDraft): PromptDraft => ({
  ...d, subject: d.subject.trim(), theme: d.theme.trim(), prompt: d.prompt.trim(), support: d.support.trim(),
  extensions: d.extensions.map((e) => e.trim()).filter((e) => e !== ''),
});

const sameDraft = (a: PromptDraft, b: PromptDraft): boolean => {
  const x = cleaned(a);
  const y = cleaned(b);
  return x.subject === y.subject && x.theme === y.theme && x.prompt === y.prompt && x.kind === y.kind
    && x.minutes === y.minutes && x.support === y.support && x.extensions.join('\n') === y.extensions.join('\n');
};

@customElement('lc-planner-page')
export class LcPlannerPage extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    .choose { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: flex-end; }
    .choose label { margin-top: 0; }
    .choose select { min-width: 14rem; }
    .week { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    .week strong { font-size: 1.1rem; min-width: 17rem; text-align: center; }
    .bar { position: sticky; top: 0; z-index: 2; background: var(--lc-paper, #fffdf5); padding: 0.75rem 0; border-bottom: 1px solid var(--lc-line, #c9cfd8); display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    .bar .summary { margin-left: auto; }
    .days { display: grid; gap: 1rem; margin-top: 1rem; }
    .badge { display: inline-block; padding: 0.2rem 0.6rem; border-radius: 999px; font-weight: 700; font-size: 0.9rem; border: 2px solid currentColor; }
    .badge.published { color: var(--lc-ok, #1d6b3a); }
    .badge.draft { color: var(--lc-muted, #4a5568); }
    .badge.unsaved { color: var(--lc-warn, #8a4b00); }
    .status { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    section.more { margin-top: 2rem; }
    .print { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  `];

  @property({ attribute: false }) connection!: Connection;
  @property({ attribute: false }) session!: StaffSession;
  @state() private classes: SchoolClass[] = [];
  @state() private classId = '';
  @state() private weekStart = '';
  @state() private saved: Week | null = null;
  @state() private drafts: PromptDraft[] = [];
  @state() private busy = false;
  @state() private message = '';
  @state() private error = '';
  @state() private printRoute: PrintRoute | null = null;

  private offPush: (() => void) | null = null;
  private readonly onHash = () => this.readHash();
  private readonly onStatus = () => {
    if (this.connection.status === 'online') void this.load();
  };

  private get today(): string {
    return localDate(Date.now(), this.session.school.timeZone);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // At the weekend the week worth planning is the next one.
    this.weekStart = isSchoolDay(this.today) ? mondayOf(this.today) : mondayOf(addDays(this.today, 2));
    this.readHash();
    window.addEventListener('hashchange', this.onHash);
    this.connection.addEventListener('status', this.onStatus);
    this.offPush = this.connection.on('week:changed', (c) => {
      if (c.classId === this.classId && c.weekStart === this.weekStart && !this.dirty) void this.loadWeek();
    });
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    this.connection.removeEventListener('status', this.onStatus);
    this.offPush?.();
  }

  /** `#plan?class=…&week=…` picks the class and week; `#plan/print/…` shows a print layout. */
  private readHash(): void {
    this.printRoute = parsePrintRoute(location.hash);
    const q = /^#plan\?(.*)$/.exec(location.hash);
    if (!q) return;
    const params = new URLSearchParams(q[1]);
    const week = params.get('week');
    if (params.get('class')) this.classId = params.get('class')!;
    if (week && /^\d{4}-\d{2}-\d{2}$/.test(week)) this.weekStart = mondayOf(week);
    void this.loadWeek();
  }

  private async load(): Promise<void> {
    const result = await this.connection.call('class:list', {});
    if (!result.ok) return;
    this.classes = result.data;
    if (!this.classes.some((c) => c.id === this.classId)) {
      const mine = this.classes.find((c) => this.session.staff.classIds.includes(c.id));
      this.classId = (mine ?? this.classes[0])?.id ?? '';
    }
    await this.loadWeek();
  }

  private async loadWeek(): Promise<void> {
    if (!this.classId || !this.weekStart) return;
    const { classId, weekStart } = this;
    const result = await this.connection.call('week:get', { classId, weekStart });
    if (classId !== this.classId || weekStart !== this.weekStart) return; // the teacher moved on meanwhile
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.setSaved(result.data);
  }

  private setSaved(week: Week): void {
    this.saved = week;
    this.drafts = schoolDays(week.weekStart).map((date) => {
      const day = week.days.find((d) => d.date === date);
      return day ? draftOf(day) : blankDay(date);
    });
  }

  private savedDay(date: string): Prompt | undefined {
    return this.saved?.days.find((d) => d.date === date);
  }

  private isDayDirty(d: PromptDraft): boolean {
    const saved = this.savedDay(d.date);
    return saved ? isBlankDay(d) || !sameDraft(d, draftOf(saved)) : !isBlankDay(d);
  }

  private get dirty(): boolean {
    return this.drafts.some((d) => this.isDayDirty(d));
  }

  private get planned(): PromptDraft[] {
    return this.drafts.filter((d) => !isBlankDay(d)).map(cleaned);
  }

  private leaveOk(): boolean {
    return !this.dirty || confirm('This week has changes that are not saved. Leave them?');
  }

  private go(classId: string, weekStart: string, select?: HTMLSelectElement): void {
    if (!this.leaveOk()) {
      if (select) select.value = this.classId;
      return;
    }
    this.classId = classId;
    this.weekStart = weekStart;
    this.message = this.error = '';
    this.saved = null;
    history.replaceState(null, '', `#plan?${new URLSearchParams({ class: classId, week: weekStart })}`);
    void this.loadWeek();
  }

  private edit(e: CustomEvent<PromptDraft>): void {
    this.drafts = this.drafts.map((d) => (d.date === e.detail.date ? e.detail : d));
    this.message = '';
  }

  private describe(error: ResultError, days: PromptDraft[]): string {
    const details = (error.issues ?? []).map((i) => {
      const [, at] = i.path;
      const day = typeof at === 'number' ? days[at]?.date : typeof at === 'string' ? at : undefined;
      return day ? `${dayName(day)}: ${i.message}` : i.message;
    });
    return [error.message, ...details].join(' ');
  }

  /** Runs one server action with the buttons disabled; true when it succeeded. */
  private async run(action: () => Promise<Result<Week>>, done: string, days = this.planned): Promise<boolean> {
    this.busy = true;
    this.error = this.message = '';
    const result = await action();
    this.busy = false;
    if (!result.ok) {
      this.error = this.describe(result.error, days);
      return false;
    }
    this.setSaved(result.data);
    this.message = done;
    return true;
  }

  private async save(): Promise<boolean> {
    const broken = this.drafts.filter((d) => dayIssues(d).some((i) => i.severity === 'error'));
    if (broken.length) {
      this.error = `Fix what is marked “Needs fixing” on ${broken.map((d) => dayName(d.date)).join(', ')} first.`;
      this.message = '';
      return false;
    }
    const days = this.planned;
    const anyPublished = this.saved?.days.some((d) => d.status === 'published');
    return this.run(() => this.connection.call('week:save', { classId: this.classId, weekStart: this.weekStart, days }),
      anyPublished ? 'Saved. Published days are updated on the screens.' : 'Saved as a draft. Families see nothing until you publish.', days);
  }

  private async publish(date?: string): Promise<void> {
    if (this.dirty && !(await this.save())) return;
    if (!this.saved?.days.length) {
      this.error = 'Plan at least one day first.';
      return;
    }
    const what = date ? formatDayLong(date) : 'The week';
    await this.run(() => this.connection.call('week:publish', { classId: this.classId, weekStart: this.weekStart, ...(date ? { date } : {}) }),
      `${what} is published: the class's screens show it now.`);
  }

  private async unpublish(date?: string): Promise<void> {
    const what = date ? formatDayLong(date) : 'The week';
    await this.run(() => this.connection.call('week:unpublish', { classId: this.classId, weekStart: this.weekStart, ...(date ? { date } : {}) }),
      `${what} is back to draft and off the screens.`);
  }

  private async copyLastWeek(): Promise<void> {
    if (!this.leaveOk()) return;
    await this.run(() => this.connection.call('week:copyPrevious', { classId: this.classId, weekStart: this.weekStart }),
      'Last week is copied in as a draft: change what you need, then save or publish.');
  }

  private reuse(e: CustomEvent<{ prompt: Prompt; date: string }>): void {
    const { prompt, date } = e.detail;
    const current = this.drafts.find((d) => d.date === date);
    if (current && !isBlankDay(current) && !confirm(`Replace what is planned for ${dayName(date)}?`)) return;
    this.drafts = this.drafts.map((d) => (d.date === date ? { ...draftOf(prompt), date } : d));
    this.message = `${dayName(date)} now uses “${prompt.theme}”. Save to keep it.`;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`lc-day-editor[data-date="${date}"]`)?.scrollIntoView({ block: 'start' }));
  }

  private async print(layout: PrintLayout): Promise<void> {
    if (this.dirty && !(await this.save())) return;
    location.hash = printHash({ layout, classId: this.classId, weekStart: this.weekStart, paper: 'A4' });
  }

  private renderStatus(d: PromptDraft) {
    const saved = this.savedDay(d.date);
    const dirty = this.isDayDirty(d);
    const label = dayName(d.date);
    return html`<div class="status" slot="status">
      ${saved ? html`<span class=${`badge ${saved.status}`}>${saved.status === 'published' ? 'Published' : 'Draft'}</span>`
        : html`<span class="badge draft">Not planned</span>`}
      ${dirty ? html`<span class="badge unsaved">Unsaved changes</span>` : nothing}
      ${saved?.status === 'published'
        ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.unpublish(d.date)}>Unpublish<span class="visually-hidden"> ${label}</span></button>`
        : !isBlankDay(d) ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.publish(d.date)}>Publish this day<span class="visually-hidden"> (${label})</span></button>` : nothing}
    </div>`;
  }

  private renderPlanner() {
    const days = this.saved?.days ?? [];
    const published = days.filter((d) => d.status === 'published').length;
    const cls = this.classes.find((c) => c.id === this.classId);
    return html`
      <h2>Plan the week</h2>
      <div class="choose card">
        <div>
          <label for="class">Class</label>
          <select id="class" @change=${(e: Event) => this.go((e.target as HTMLSelectElement).value, this.weekStart, e.target as HTMLSelectElement)}>
            ${this.classes.map((c) => html`<option value=${c.id} ?selected=${c.id === this.classId}>${c.name} (${yearGroupLabel(c.yearGroup)})</option>`)}
          </select>
        </div>
        <div class="week" role="group" aria-label="Week">
          <button type="button" class="secondary" @click=${() => this.go(this.classId, addDays(this.weekStart, -7))}>← Previous week</button>
          <strong aria-live="polite">${formatWeekRange(this.weekStart)}</strong>
          <button type="button" class="secondary" @click=${() => this.go(this.classId, addDays(this.weekStart, 7))}>Next week →</button>
          ${this.weekStart !== mondayOf(this.today) ? html`<button type="button" class="secondary" @click=${() => this.go(this.classId, mondayOf(this.today))}>This week</button>` : nothing}
        </div>
      </div>
      ${this.classes.length === 0 ? html`<p>There are no classes yet: an admin adds them under “Classes & children”.</p>` : html`
        <div class="bar">
          <button type="button" ?disabled=${this.busy || !this.dirty} @click=${() => void this.save()}>Save draft</button>
          <button type="button" ?disabled=${this.busy || this.planned.length === 0} @click=${() => void this.publish()}>Publish the week</button>
          ${published ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.unpublish()}>Unpublish the week</button>` : nothing}
          ${this.saved && days.length === 0 ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.copyLastWeek()}>Copy last week</button>` : nothing}
          <span class="summary muted">${days.length} of 5 days planned · ${published} published${this.dirty ? ' · unsaved changes' : ''}</span>
        </div>
        <p role="status">${this.message}</p>
        <div role="alert">${this.error ? html`<p class="error">${this.error}</p>` : nothing}</div>
        <div class="days" @lc-day-change=${this.edit}>
          ${this.drafts.map((d) => html`<lc-day-editor data-date=${d.date} .heading=${formatDayLong(d.date)} .value=${d}>${this.renderStatus(d)}</lc-day-editor>`)}
        </div>
        <section class="more" aria-labelledby="reuse-heading">
          <h3 id="reuse-heading">Reuse an earlier prompt</h3>
          <lc-prompt-search .connection=${this.connection} .classes=${this.classes} .dates=${schoolDays(this.weekStart)} @lc-reuse=${this.reuse}></lc-prompt-search>
        </section>
        <section class="more" aria-labelledby="screen-heading">
          <h3 id="screen-heading">On the playground screen</h3>
          <lc-screen-preview .classTitle=${cls?.name ?? ''} .days=${this.planned} .today=${this.today}></lc-screen-preview>
        </section>
        <section class="more" aria-labelledby="send-heading">
          <h3 id="send-heading">Send to families</h3>
          <p class="muted">Made from what is on screen, saved or not.</p>
          <lc-week-exports .classTitle=${cls?.name ?? ''} .weekStart=${this.weekStart} .days=${this.planned} .today=${this.today}></lc-week-exports>
        </section>
        <section class="more" aria-labelledby="print-heading">
          <h3 id="print-heading">Print</h3>
          <div class="print">
            <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.print('weekly')}>Weekly list (A4)</button>
            <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.print('slips')}>Slips to cut (A4)</button>
            <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.print('poster')}>Easel posters (A4 or A3)</button>
          </div>
        </section>`}
    `;
  }

  override render() {
    return this.printRoute
      ? html`<lc-print-preview .connection=${this.connection} .route=${this.printRoute}></lc-print-preview>`
      : this.renderPlanner();
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-planner-page': LcPlannerPage }
}
