/**
 * Who took part: a class's week grid (live as club tablets log), home conversations from
 * the Reading Diary, the notes, who has not been reached yet with one action to put them
 * on a club's list, a chart, the CSV export and, for an admin, the whole school.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { addDays, formatDayLong, formatWeekRange, localDate, schoolDays, weekStart } from '../../../shared/calendar.ts';
import type { NotReached, ParticipationGrid, SchoolSummaryRow } from '../../../shared/events.ts';
import type { Result } from '../../../shared/result.ts';
import type { Club, Participation, ParticipationEntry, SchoolClass } from '../../../shared/schemas.ts';
import './lc-notes-panel.ts';
import type { CorrectEntryDetail, RecordHomeDetail, RemoveEntryDetail } from '../../components/lc-diary-dialog.ts';
import type { AddToClubDetail } from '../../components/lc-not-reached.ts';
import '../../components/lc-not-reached.ts';
import '../../components/lc-participation-chart.ts';
import '../../components/lc-school-summary.ts';
import '../../components/lc-week-grid.ts';
import { childrenReached, dayCounts } from '../../components/participation-counts.ts';
import { newEntryId } from '../../../shared/entry-id.ts';
import { formStyles } from '../../components/shared-styles.ts';
import type { Connection } from '../../state/connection.ts';
import type { StaffSession } from '../../state/staff-session.ts';

const problem = (r: Result<unknown>): string => (r.ok ? '' : r.error.message);

@customElement('lc-participation-page')
export class LcParticipationPage extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    .controls { align-items: end; margin-bottom: 1rem; }
    .controls > div { min-width: 14rem; }
    .week { font-weight: 700; font-size: 1.1rem; margin: 0 0.5rem; }
    section.card { margin-bottom: 1.25rem; }
    section h3 { margin-top: 0; }
    .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1.25rem; align-items: start; }
    .export .row > div { flex: 0 1 11rem; }
    .export label.choice { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; }
    p[role='status'] { min-height: 1.5rem; font-weight: 600; }
  `];

  @property({ attribute: false }) connection!: Connection;
  @property({ attribute: false }) session!: StaffSession;
  @state() private classes: SchoolClass[] = [];
  @state() private clubs: Club[] = [];
  @state() private classId = '';
  @state() private week = '';
  @state() private grid: ParticipationGrid | null = null;
  @state() private notReached: NotReached | null = null;
  @state() private summary: SchoolSummaryRow[] = [];
  @state() private exportRange = { from: '', to: '', allClasses: false };
  @state() private message = '';
  @state() private clubNotice = '';
  @state() private error = '';
  private stop: (() => void)[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onConnect = () => void this.loadAll();

  private get today(): string {
    return localDate(Date.now(), this.session.school.timeZone);
  }

  private get isAdmin(): boolean {
    return this.session.staff.role === 'admin';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.week ||= weekStart(this.today);
    this.stop = [
      this.connection.on('participation:changed', (change) => this.applyChange(change)),
      this.connection.on('week:changed', (c) => {
        if (c.classId === this.classId && c.weekStart === this.week) void this.loadWeek();
      }),
    ];
    this.connection.socket.on('connect', this.onConnect);
    if (this.connection.socket.connected) void this.loadAll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop.forEach((f) => f());
    this.connection.socket.off('connect', this.onConnect);
    clearTimeout(this.refreshTimer);
  }

  private async loadAll(): Promise<void> {
    const [classes, clubs] = await Promise.all([this.connection.call('class:list', {}), this.connection.call('club:list', {})]);
    if (classes.ok) this.classes = classes.data;
    if (clubs.ok) this.clubs = clubs.data;
    if (!this.classes.some((c) => c.id === this.classId)) {
      this.classId = this.classes.find((c) => this.session.staff.classIds.includes(c.id))?.id ?? this.classes[0]?.id ?? '';
    }
    await this.loadWeek();
  }

  /** The day the not-reached lists are counted to: today in this week, else the week's Friday. */
  private get reachedBy(): string | null {
    const days = schoolDays(this.week);
    if (this.today < days[0]!) return null;
    return this.today > days[4]! ? days[4]! : this.today;
  }

  private async loadWeek(): Promise<void> {
    if (!this.classId) return;
    const days = schoolDays(this.week);
    if (this.exportRange.from === '' || this.grid?.weekStart !== this.week) this.exportRange = { ...this.exportRange, from: days[0]!, to: days[4]! };
    const asked = { classId: this.classId, weekStart: this.week };
    const grid = await this.connection.call('participation:grid', asked);
    // A teacher flicking through weeks: only the answer for what is chosen now may land.
    if (asked.classId !== this.classId || asked.weekStart !== this.week) return;
    this.error = problem(grid);
    if (grid.ok) this.grid = grid.data;
    await this.loadDerived();
  }

  /** What is counted on the server: re-read after a change rather than guessed here. */
  private async loadDerived(): Promise<void> {
    const by = this.reachedBy;
    const { classId, week } = this;
    const [notReached, summary] = await Promise.all([
      by ? this.connection.call('participation:notReached', { classId, date: by }) : null,
      this.isAdmin ? this.connection.call('participation:summary', { weekStart: week }) : null,
    ]);
    if (classId !== this.classId || week !== this.week) return;
    this.notReached = notReached?.ok ? notReached.data : null;
    if (summary?.ok) this.summary = summary.data;
  }

  /** A push from any tablet or teacher: the grid changes at once, the counted parts a moment later. */
  private applyChange({ entries, removedIds }: { entries: Participation[]; removedIds: string[] }): void {
    const g = this.grid;
    if (!g) return;
    const mine = entries.filter((e) => e.classId === g.classId && g.dates.includes(e.date));
    const gone = new Set([...removedIds, ...mine.map((e) => e.id)]);
    if (mine.length || g.entries.some((e) => gone.has(e.id))) {
      this.grid = { ...g, entries: [...g.entries.filter((e) => !gone.has(e.id)), ...mine] };
    }
    if (!entries.some((e) => e.classId === g.classId) && removedIds.length === 0 && !this.isAdmin) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.loadDerived(), 150);
  }

  private async log(entry: ParticipationEntry, done: string): Promise<boolean> {
    const r = await this.connection.call('participation:log', { entries: [entry] });
    const refused = r.ok ? r.data.refused[0]?.message : r.error.message;
    this.error = refused ?? '';
    this.message = refused ? '' : done;
    return !refused;
  }

  private childName(id: string): string {
    return this.grid?.children.find((c) => c.id === id)?.displayName ?? 'the child';
  }

  private async recordHome({ detail: d }: CustomEvent<RecordHomeDetail>): Promise<void> {
    await this.log({ id: newEntryId(), childId: d.childId, date: d.date, mode: 'home', partnerChildIds: [], staffName: '', tags: d.tags, note: d.note },
      `Recorded a home conversation for ${this.childName(d.childId)} on ${formatDayLong(d.date)}.`);
  }

  /** A correction is a new entry in place of the old one, so every tablet's copy stays a plain insert or removal. */
  private async correct({ detail: { entry: old, tags, note } }: CustomEvent<CorrectEntryDetail>): Promise<void> {
    const { childId, date, mode, partnerChildIds, staffName } = old;
    const done = `Corrected the entry for ${this.childName(childId)} on ${formatDayLong(date)}.`;
    if (await this.log({ id: newEntryId(), childId, date, mode, partnerChildIds, staffName, tags, note }, done)) await this.removeEntry(old, done);
  }

  private async removeEntry(entry: Participation, done: string): Promise<void> {
    const r = await this.connection.call('participation:undo', { id: entry.id });
    this.error = problem(r);
    this.message = r.ok ? done : '';
  }

  private async addToClub({ detail }: CustomEvent<AddToClubDetail>): Promise<void> {
    const r = await this.connection.call('club:addChildren', detail);
    const club = this.clubs.find((c) => c.id === detail.clubId)?.name ?? 'the club';
    this.clubNotice = r.ok ? `Added ${detail.childIds.length} ${detail.childIds.length === 1 ? 'child' : 'children'} to ${club}'s list: the club tablet shows them tomorrow.` : r.error.message;
  }

  private choose(classId: string, week: string): void {
    this.classId = classId;
    this.week = week;
    this.grid = null;
    this.message = this.error = this.clubNotice = '';
    void this.loadWeek();
  }

  private exportHref(): string {
    const { from, to, allClasses } = this.exportRange;
    const q = new URLSearchParams({ ...(allClasses ? {} : { classId: this.classId }), from, to });
    return `/api/export/participation.csv?${q}`;
  }

  private renderControls() {
    const thisWeek = weekStart(this.today);
    return html`<div class="row controls">
      <div>
        <label for="class">Class</label>
        <select id="class" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value, this.week)}>
          ${this.classes.map((c) => html`<option value=${c.id} ?selected=${c.id === this.classId}>${c.name}</option>`)}
        </select>
      </div>
      <div class="row" role="group" aria-label="Week">
        <button class="secondary" @click=${() => this.choose(this.classId, addDays(this.week, -7))}>← Previous week</button>
        <span class="week" aria-live="polite">${formatWeekRange(this.week)}</span>
        <button class="secondary" @click=${() => this.choose(this.classId, addDays(this.week, 7))}>Next week →</button>
        ${this.week === thisWeek ? '' : html`<button class="secondary" @click=${() => this.choose(this.classId, thisWeek)}>This week</button>`}
      </div>
    </div>`;
  }

  private renderExport() {
    const set = (patch: Partial<typeof this.exportRange>) => (this.exportRange = { ...this.exportRange, ...patch });
    const valid = this.exportRange.from !== '' && this.exportRange.to !== '' && this.exportRange.from <= this.exportRange.to;
    return html`<section class="card export" aria-labelledby="export-h">
      <h3 id="export-h">Export for the school office</h3>
      <p class="muted">A CSV file (child, class, date, theme, mode, partner or staff, tags, note) that opens in any spreadsheet.</p>
      <div class="row">
        <div><label for="from">From</label><input id="from" type="date" .value=${this.exportRange.from} @change=${(e: Event) => set({ from: (e.target as HTMLInputElement).value })} /></div>
        <div><label for="to">To</label><input id="to" type="date" .value=${this.exportRange.to} @change=${(e: Event) => set({ to: (e.target as HTMLInputElement).value })} /></div>
        <label class="choice"><input type="checkbox" .checked=${this.exportRange.allClasses} @change=${(e: Event) => set({ allClasses: (e.target as HTMLInputElement).checked })} /> All classes</label>
        ${valid ? html`<a class="button" href=${this.exportHref()} download>Download CSV</a>` : html`<p class="error">The range ends before it starts.</p>`}
      </div>
    </section>`;
  }

  override render() {
    const g = this.grid;
    const cls = this.classes.find((c) => c.id === this.classId);
    return html`
      <h2>Who took part</h2>
      ${this.renderControls()}
      <p role="status">${this.message}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${!g ? html`<p class="muted">${this.classes.length ? 'Loading the week…' : 'No classes yet: add one under “Classes & children”.'}</p>` : html`
        <section class="card" aria-labelledby="grid-h">
          <h3 id="grid-h">The week</h3>
          <p class="muted">Updates live as club tablets log. Choose a cell to record a conversation from the Reading Diary, or to correct one.</p>
          <lc-week-grid .dates=${g.dates} .roster=${g.children} .entries=${g.entries} .prompts=${g.prompts} today=${this.today}
            caption=${`${cls?.name ?? ''}: ${formatWeekRange(g.weekStart)}`}
            @lc-record-home=${this.recordHome} @lc-correct-entry=${this.correct}
            @lc-remove-entry=${(e: CustomEvent<RemoveEntryDetail>) => void this.removeEntry(e.detail.entry, `Removed the entry for ${this.childName(e.detail.entry.childId)}.`)}></lc-week-grid>
        </section>
        <div class="columns">
          <section class="card" aria-labelledby="missed-h">
            <h3 id="missed-h">Not reached yet</h3>
            <lc-not-reached .notReached=${this.notReached} .clubs=${this.clubs} notice=${this.clubNotice} @lc-add-to-club=${this.addToClub}></lc-not-reached>
          </section>
          <section class="card" aria-labelledby="chart-h">
            <h3 id="chart-h">Each day</h3>
            <lc-participation-chart .days=${dayCounts(g.dates, g.entries)} .classSize=${g.children.length}
              .weekReached=${childrenReached(g.entries, g.dates)} heading=${`${cls?.name ?? 'Class'}: who took part each day`}></lc-participation-chart>
          </section>
        </div>
        <section class="card" aria-labelledby="notes-h">
          <h3 id="notes-h">Notes from the Reading Diary and the club</h3>
          <lc-notes-panel .connection=${this.connection} classId=${this.classId} weekStart=${this.week} headingLevel="4"></lc-notes-panel>
        </section>
        ${this.renderExport()}
        ${this.isAdmin ? html`<section class="card" aria-labelledby="school-h">
          <h3 id="school-h">Whole school</h3>
          <lc-school-summary .rows=${this.summary} caption=${formatWeekRange(this.week)}></lc-school-summary>
        </section>` : ''}
      `}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-participation-page': LcParticipationPage }
}
