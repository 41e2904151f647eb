/**
 * The club tablet: today's session in three steps (who is here, the groups, the
 * conversations), with the sync state always in view. Works offline: the roster, the prompts,
 * the session and the outbox live in IndexedDB (club-controller.ts, outbox-sync.ts).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDayLong, localTime } from '../../shared/calendar.ts';
import { TAG_LABELS, yearGroupLabel, type Child } from '../../shared/schemas.ts';
import '../components/lc-group-editor.ts';
import '../components/lc-pair-card.ts';
import type { LogRequest, PairMember } from '../components/lc-pair-card.ts';
import { formStyles } from '../components/shared-styles.ts';
import { ClubController } from '../state/club-controller.ts';
import type { Groups } from '../state/club-groups.ts';
import { Connection } from '../state/connection.ts';
import { ConnectionController } from '../state/connection-controller.ts';
import type { Paired } from '../state/device-store.ts';
import { startKioskUpdates } from '../state/kiosk-updates.ts';

type Step = 'here' | 'pairs' | 'talk';

const first = (c: Child | undefined) => c?.displayName.split(' ')[0] ?? 'this child';

@customElement('lc-club-view')
export class LcClubView extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; font-size: 1.05rem; }
    button { min-height: 48px; min-width: 48px; }
    input { min-height: 48px; }
    .top { position: sticky; top: 0; z-index: 2; background: var(--lc-paper, #fffdf5); border-bottom: 1px solid var(--lc-line, #c9cfd8); padding: 0.5rem 1rem; }
    .bar { display: flex; align-items: center; gap: 0.5rem 0.75rem; flex-wrap: wrap; }
    .title { display: flex; flex-direction: column; }
    .bar h1 { margin: 0; font-size: 1.25rem; }
    .date { color: var(--lc-muted, #4a5568); font-size: 0.95rem; }
    .duty { display: flex; align-items: center; gap: 0.5rem; margin: 0 0 0 auto; }
    .duty label { margin: 0; white-space: nowrap; }
    .duty input { width: 9rem; }
    .status { display: flex; gap: 0.5rem; margin: 0; }
    .pill { margin: 0; padding: 0.3rem 0.75rem; border-radius: 14px; font-weight: 700; border: 2px solid; display: flex; flex-direction: column; justify-content: center; min-height: 44px; box-sizing: border-box; }
    .pill small { font-weight: 500; font-size: 0.85rem; }
    .online { color: var(--lc-ok, #1d6b3a); }
    .offline { color: var(--lc-warn, #8a4b00); }
    .pending { color: var(--lc-navy, #14325c); }
    .pending.some { background: var(--lc-sun, #ffd166); color: #3d2a00; border-color: #8a6500; }
    nav { display: flex; gap: 0.5rem; margin-top: 0.5rem; }
    nav button { flex: 1; background: #fff; color: var(--lc-navy, #14325c); font-size: 1.1rem; }
    nav button[aria-current='step'] { background: var(--lc-navy, #14325c); color: #fff; }
    main { padding: 0.75rem 1rem 2rem; }
    h2 { margin: 0.5rem 0; font-size: 1.35rem; }
    .hint { margin: 0 0 0.75rem; color: var(--lc-muted, #4a5568); }
    .kids { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.6rem; }
    .kid { width: 100%; min-height: 72px; flex-direction: column; align-items: flex-start; gap: 0.1rem; background: #fff; color: var(--lc-ink, #0f1b2d); border-color: #6b7785; text-align: left; }
    .kid[aria-pressed='true'] { background: #e1eefe; border-color: var(--lc-navy, #14325c); box-shadow: inset 0 0 0 2px var(--lc-navy, #14325c); }
    .kid .name { font-size: 1.15rem; }
    .kid[aria-pressed='true'] .name::before { content: '✓ '; color: var(--lc-navy, #14325c); }
    .meta { font-weight: 500; font-size: 0.95rem; color: var(--lc-muted, #4a5568); }
    .done { font-weight: 700; font-size: 0.9rem; color: var(--lc-ok, #1d6b3a); }
    .find { display: flex; gap: 0.5rem; align-items: flex-end; margin-top: 1rem; max-width: 40rem; }
    .find div { flex: 1; }
    .find label { margin-top: 0; }
    .results { list-style: none; padding: 0; margin: 0.5rem 0 0; max-width: 40rem; }
    .results li { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; padding: 0.3rem 0; border-bottom: 1px solid var(--lc-line, #c9cfd8); }
    .next { display: flex; gap: 0.75rem; justify-content: flex-end; margin-top: 1rem; }
    .next button { min-height: 56px; font-size: 1.1rem; padding: 0 1.5rem; }
    .tabs { display: flex; gap: 0.5rem; flex-wrap: wrap; margin-bottom: 0.75rem; }
    .tabs button { background: #fff; color: var(--lc-navy, #14325c); }
    .tabs button[aria-current='true'] { background: var(--lc-navy, #14325c); color: #fff; }
    .refused-pill { background: #fff5f5; color: var(--lc-error, #a3161b); border-color: var(--lc-error, #a3161b); min-height: 48px; }
    .refused { scroll-margin-top: 8rem; margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; border: 2px solid var(--lc-error, #a3161b); border-radius: 12px; background: #fff5f5; }
    .refused h2 { margin: 0 0 0.25rem; font-size: 1.05rem; color: var(--lc-error, #a3161b); }
    .refused ul { margin: 0; padding: 0; list-style: none; }
    .refused li { display: flex; gap: 0.75rem; align-items: center; justify-content: space-between; }
    .notice { margin: 0.5rem 0 0; font-weight: 600; }
    .log-list { margin-top: 1.5rem; }
    .log-list ul { padding-left: 1.25rem; }
    .log-list li { margin: 0.25rem 0; }
    .note { font-style: italic; }
  `];

  @property({ attribute: false }) paired!: Paired;

  @state() private step: Step = 'here';
  @state() private activeGroup = 0;
  @state() private notice = '';
  @state() private results: Child[] = [];
  @state() private searchNote = '';
  private connection: Connection | null = null;
  private net: ConnectionController | null = null;
  private club: ClubController | null = null;
  private readonly runningTimers = new Set<Element>();
  private stopUpdates: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate(); // back in the page: willUpdate starts again
  }

  /**
   * Starts here rather than in connectedCallback: when lc-app renders this view before its
   * module has loaded, Lit hands over `paired` only at the first update.
   */
  override willUpdate(): void {
    if (this.connection) return;
    this.connection = new Connection({
      auth: { deviceToken: this.paired.token },
      onRefused: () => this.dispatchEvent(new Event('lc-unpaired', { bubbles: true, composed: true })),
    });
    this.net = new ConnectionController(this, this.connection);
    this.club = new ClubController(this, this.connection, this.paired.device.clubId ?? '');
    // Never reload for an update while a pair is talking or logs are on their way.
    this.stopUpdates = startKioskUpdates({ isBusy: () => this.busy });
    this.addEventListener('lc-timer-change', this.onTimer);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('lc-timer-change', this.onTimer);
    this.stopUpdates?.();
    if (this.net) this.removeController(this.net);
    if (this.club) this.removeController(this.club);
    this.connection?.close();
    this.connection = this.net = this.club = null;
  }

  private readonly onTimer = (e: CustomEvent<{ running: boolean }>) => {
    const timer = e.composedPath()[0];
    if (!(timer instanceof Element)) return;
    if (e.detail.running) this.runningTimers.add(timer);
    else this.runningTimers.delete(timer);
  };

  /** A timer still counting (one whose card went away with a change of groups does not count), or logs on their way. */
  private get busy(): boolean {
    return [...this.runningTimers].some((t) => t.isConnected) || (this.club?.outbox.flushing ?? false);
  }

  override render() {
    const club = this.club;
    if (!club?.ready) return html`<p role="status">Loading the club…</p>`;
    if (!club.state) {
      return html`${this.renderTop(club)}<main><p role="status">Connecting to get the club list for the first time…</p></main>`;
    }
    return html`
      ${this.renderTop(club)}
      <main>
        ${this.renderRefused(club)}
        ${club.stale ? html`<p class="warning" role="status">Today's prompts are not on this tablet yet: they come when it reaches the server.</p>` : nothing}
        ${this.step === 'here' ? this.renderHere(club) : this.step === 'pairs' ? this.renderPairs(club) : this.renderTalk(club)}
      </main>
    `;
  }

  private renderTop(club: ClubController) {
    const online = this.net?.online ?? false;
    const since = this.net?.offlineSince;
    const pending = club.outbox.pending;
    const refused = club.outbox.refused.length;
    const steps: [Step, string][] = [['here', `1 · Who's here (${club.present.length})`], ['pairs', '2 · Pairs'], ['talk', '3 · Conversations']];
    return html`
      <div class="top">
        <div class="bar">
          <div class="title">
            <h1>${club.state?.club.name ?? this.paired.device.label}</h1>
            <span class="date">${formatDayLong(club.today)}</span>
          </div>
          <div class="status">
            <p class="pill ${online ? 'online' : 'offline'}" role="status">${online ? 'Online' : html`
              <span>Offline${since ? ` since ${localTime(since, club.state?.timeZone ?? 'Europe/London')}` : ''}</span>
              <small>logs are kept on this tablet</small>`}</p>
            <p class="pill pending ${pending > 0 ? 'some' : ''}" role="status" data-testid="pending-count">${pending} waiting to sync</p>
            ${refused > 0 ? html`<button class="pill refused-pill" @click=${this.showRefused}>${refused} not accepted</button>` : nothing}
          </div>
          <p class="duty">
            <label for="duty">On duty</label>
            <input id="duty" autocomplete="name" maxlength="80" placeholder="Your name" .value=${club.staffName}
              @input=${(e: InputEvent) => void club.setStaffName((e.target as HTMLInputElement).value)} />
          </p>
        </div>
        ${this.notice ? html`<p class="notice error" role="alert">${this.notice}</p>` : nothing}
        <nav aria-label="Session steps">
          ${steps.map(([step, label]) => html`
            <button aria-current=${this.step === step ? 'step' : 'false'} @click=${() => this.go(step)}>${label}</button>`)}
        </nav>
      </div>
    `;
  }

  private renderRefused(club: ClubController) {
    const refused = club.outbox.refused;
    if (refused.length === 0) return nothing;
    return html`
      <section class="refused" id="refused" tabindex="-1" aria-labelledby="refused-title" data-testid="refused">
        <h2 id="refused-title">${refused.length} ${refused.length === 1 ? 'log was' : 'logs were'} not accepted by the server</h2>
        <ul>${refused.map((item) => html`
          <li>
            <span><strong>${club.child(item.entry.childId)?.displayName ?? 'A child no longer on this list'}</strong>,
              ${formatDayLong(item.entry.date)}: ${item.reason}</span>
            <button class="secondary" @click=${() => void club.outbox.dismiss(item.id)}>Dismiss</button>
          </li>`)}
        </ul>
      </section>
    `;
  }

  private renderHere(club: ClubController) {
    const children = club.children;
    return html`
      <section aria-labelledby="here-title">
        <h2 id="here-title">Who's here today?</h2>
        <p class="hint">Tap each child who has come: ${club.present.length} of ${children.length} here.</p>
        <ul class="kids">${children.map((c) => {
          const here = club.present.includes(c.id);
          const took = club.statusOf(c.id);
          return html`<li><button class="kid" aria-pressed=${here ? 'true' : 'false'} @click=${() => void club.togglePresent(c.id)}>
            <span class="name">${c.displayName}</span>
            <span class="meta">${yearGroupLabel(c.yearGroup)} · ${club.className(c.classId)}${c.needsPartner ? ' · needs a partner' : ''}</span>
            ${took === 'synced' || took === 'pending' ? html`<span class="done">Took part today</span>` : nothing}
          </button></li>`;
        })}</ul>
        <form class="find" role="search" @submit=${(e: SubmitEvent) => this.search(e)}>
          <div>
            <label for="find">Add a child from the school list</label>
            <input id="find" name="q" type="search" minlength="2" maxlength="60" placeholder="First name" autocomplete="off" />
          </div>
          <button type="submit" class="secondary">Search</button>
        </form>
        <p class="hint" role="status">${this.searchNote}</p>
        ${this.results.length ? html`<ul class="results" aria-label="Children found">${this.results.map((c) => html`
          <li><span><strong>${c.displayName}</strong> · ${yearGroupLabel(c.yearGroup)}</span>
            ${club.child(c.id)
              ? html`<span class="muted">Already on the list</span>`
              : html`<button @click=${() => void this.add(c)}>Add ${first(c)} and mark here</button>`}</li>`)}</ul>` : nothing}
        <div class="next">
          <button ?disabled=${club.present.length === 0} @click=${() => this.go('pairs')}>Pairs for the ${club.present.length} here →</button>
        </div>
        ${this.renderLog(club)}
      </section>
    `;
  }

  private renderPairs(club: ClubController) {
    const groups = club.currentGroups;
    if (groups.length === 0) return html`<p>Nobody is marked here yet: go back to <button class="secondary" @click=${() => this.go('here')}>Who's here</button>.</p>`;
    const classNames = Object.fromEntries((club.state?.classes ?? []).map((c) => [c.id, c.name]));
    return html`
      <lc-group-editor .groups=${groups} .roster=${club.children} .classNames=${classNames} ?edited=${club.groups !== null}
        @lc-groups-change=${(e: CustomEvent<Groups>) => void club.setGroups(e.detail)}
        @lc-resuggest=${() => void club.resuggest()}
        @lc-accept=${(e: CustomEvent<Groups>) => void this.accept(e.detail)}></lc-group-editor>
    `;
  }

  private renderTalk(club: ClubController) {
    const groups = club.groups ?? [];
    if (groups.length === 0) return html`<p>No groups yet: accept the pairs first. <button class="secondary" @click=${() => this.go('pairs')}>Pairs</button></p>`;
    const active = Math.min(this.activeGroup, groups.length - 1);
    const label = (g: string[]) => g.map((id) => first(club.child(id))).join(' & ');
    return html`
      <div class="tabs" role="group" aria-label="Conversations">
        ${groups.map((g, i) => {
          const done = g.every((id) => ['synced', 'pending'].includes(club.statusOf(id)));
          return html`<button aria-current=${i === active ? 'true' : 'false'} @click=${() => (this.activeGroup = i)}>${done ? '✓ ' : ''}${label(g)}</button>`;
        })}
      </div>
      ${groups.map((g, i) => html`
        <lc-pair-card ?hidden=${i !== active} .members=${this.members(club, g)} staffName=${club.staffName}
          @lc-log=${(e: CustomEvent<LogRequest>) => void this.log(g, e.detail)}
          @lc-undo=${(e: CustomEvent<{ childId: string }>) => void this.undo(e.detail.childId)}></lc-pair-card>`)}
      ${this.renderLog(club)}
    `;
  }

  private renderLog(club: ClubController) {
    const logs = club.todaysLogs;
    const name = (id: string) => club.child(id)?.displayName ?? 'a child';
    return html`
      <section class="log-list" aria-labelledby="log-title">
        <h2 id="log-title">Today's log (${logs.length})</h2>
        ${logs.length === 0 ? html`<p class="muted">Nothing logged yet today.</p>` : html`<ul data-testid="todays-log">${logs.map((l) => html`
          <li><strong>${name(l.childId)}</strong>
            ${l.mode === 'peer' ? `with ${l.partnerChildIds.map(name).join(' & ')}` : `with ${l.staffName}`}
            ${l.tags.length ? html` · ${l.tags.map((t) => TAG_LABELS[t]).join(', ')}` : nothing}
            ${l.note ? html` · <span class="note">"${l.note}"</span>` : nothing}
            ${l.synced ? nothing : html` · <em>waiting to sync</em>`}
          </li>`)}</ul>`}
      </section>
    `;
  }

  private members(club: ClubController, group: string[]): PairMember[] {
    return group.flatMap((id) => {
      const c = club.child(id);
      return c ? [{
        id, displayName: c.displayName, className: club.className(c.classId), yearGroup: c.yearGroup,
        prompt: club.promptFor(c), status: club.statusOf(id), canUndo: club.canUndo(id),
      }] : [];
    });
  }

  /** The list of refused logs sits at the top of the page; the pill in the bar brings it into view. */
  private readonly showRefused = () => {
    const list = this.renderRoot.querySelector<HTMLElement>('#refused');
    list?.scrollIntoView({ block: 'start' });
    list?.focus({ preventScroll: true });
  };

  private go(step: Step): void {
    this.step = step;
    this.notice = '';
  }

  private async accept(groups: Groups): Promise<void> {
    await this.club!.setGroups(groups);
    this.activeGroup = 0;
    this.go('talk');
  }

  private async log(group: string[], request: LogRequest): Promise<void> {
    const problem = await this.club!.log(request.childId, group, request.tags, request.note);
    this.notice = problem ?? '';
    if (problem) this.renderRoot.querySelector<HTMLInputElement>('#duty')?.focus();
  }

  private async undo(childId: string): Promise<void> {
    this.notice = (await this.club!.undo(childId)) ?? '';
  }

  private async search(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const query = String(new FormData(e.target as HTMLFormElement).get('q') ?? '').trim();
    if (query.length < 2) {
      this.searchNote = 'Type at least two letters.';
      return;
    }
    this.searchNote = 'Searching…';
    const result = await this.club!.search(query);
    this.results = result.ok ? result.data : [];
    this.searchNote = !result.ok
      ? (result.error.code === 'unavailable' ? 'Searching the school list needs the connection.' : result.error.message)
      : result.data.length === 0 ? `No child called "${query}" in the school list.` : `${result.data.length} found.`;
  }

  private async add(child: Child): Promise<void> {
    const result = await this.club!.addChild(child);
    if (!result.ok) {
      this.searchNote = result.error.code === 'unavailable' ? 'Adding a child needs the connection.' : result.error.message;
      return;
    }
    this.results = [];
    this.searchNote = `${child.displayName} is on the list and marked here.`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-club-view': LcClubView }
}
