/**
 * The poster screen: a kiosk that shows today's prompt for each of its classes, all day,
 * without anyone touching it. Up to two classes share the screen side by side (one on a
 * portrait tablet); more than that rotate calmly page by page. The freshness line at the
 * bottom is always there, so nobody mistakes a saved plan for a live one.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDayLong, localDate, localTime } from '../../shared/calendar.ts';
import '../components/lc-poster-card.ts';
import { APP_VERSION, Connection } from '../state/connection.ts';
import { ConnectionController } from '../state/connection-controller.ts';
import type { Paired } from '../state/device-store.ts';
import { DisplayController } from '../state/display-controller.ts';
import { startKioskUpdates } from '../state/kiosk-updates.ts';
import type { PosterCardModel } from '../state/poster-day.ts';
import { WakeLockController } from '../state/wake-lock.ts';

/** How long each page of classes stays up when there are more than fit at once. */
const ROTATE_MS = 20_000;

@customElement('lc-poster-view')
export class LcPosterView extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      display: grid;
      grid-template-rows: minmax(0, 1fr) auto;
      background: #fffdf5;
      color: #0f1b2d;
      overflow: hidden;
      cursor: none;
      user-select: none;
    }
    * { cursor: none; }
    main {
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: minmax(0, 1fr);
      gap: 1.2vmin;
      padding: 1.2vmin;
      min-height: 0;
    }
    footer {
      display: flex;
      align-items: center;
      gap: 2vmin;
      padding: 0.8vmin 1.6vmin;
      background: #14325c;
      color: #fff;
      font-size: max(16px, 3vmin);
      line-height: 1.2;
    }
    .freshness { margin: 0; flex: 1; font-weight: 600; }
    .offline {
      display: inline-block;
      padding: 0.2em 0.6em;
      border-radius: 0.4em;
      background: #ffd166;
      color: #0f1b2d;
      font-weight: 800;
    }
    .hint, .pages { margin: 0; font-size: 0.75em; }
    button {
      font: inherit;
      font-size: 0.75em;
      font-weight: 700;
      min-height: 44px;
      padding: 0.2em 0.9em;
      border-radius: 0.4em;
      border: 2px solid #fff;
      background: transparent;
      color: #fff;
    }
    button:focus-visible { outline: 3px solid #ffd166; outline-offset: 2px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;

  @property({ attribute: false }) paired!: Paired;
  @state() private page = 0;
  @state() private portrait = matchMedia('(orientation: portrait)').matches;
  @state() private fullscreen = false;
  /** A card could not fit beside another: show one class per page until the plan changes. */
  @state() private crowded = false;

  private connection: Connection | null = null;
  private display: DisplayController | null = null;
  private link: ConnectionController | null = null;
  private readonly wakeLock = new WakeLockController(this);
  private stopUpdates: (() => void) | null = null;
  private rotation: ReturnType<typeof setInterval> | undefined;
  private lastState: unknown = null;
  private readonly orientation = matchMedia('(orientation: portrait)');
  private readonly onOrientation = () => (this.portrait = this.orientation.matches);
  private readonly onFullscreen = () => (this.fullscreen = document.fullscreenElement !== null);

  constructor() {
    super();
    this.addEventListener('lc-poster-crowded', () => (this.crowded = true));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Started from willUpdate: when lc-app creates this element before its module has loaded,
    // `paired` is only restored onto the upgraded element at its first update.
    this.requestUpdate();
  }

  private start(): void {
    // No scrollbars anywhere on a kiosk, whatever the page around the view does.
    document.documentElement.style.overflow = 'hidden';
    this.connection = new Connection({
      auth: { deviceToken: this.paired.token },
      onRefused: () => this.dispatchEvent(new Event('lc-unpaired', { bubbles: true, composed: true })),
    });
    this.connection.socket.on('connect', () => void this.connection?.call('device:hello', { appVersion: APP_VERSION }));
    this.display = new DisplayController(this, this.connection);
    this.link = new ConnectionController(this, this.connection);
    // A waiting app update is applied outside the pickup window, never while parents read.
    this.stopUpdates = startKioskUpdates({ isBusy: () => this.display?.phase === 'pickup' });
    this.orientation.addEventListener('change', this.onOrientation);
    document.addEventListener('fullscreenchange', this.onFullscreen);
    this.rotation = setInterval(() => {
      if ((this.display?.cards.length ?? 0) > this.perPage) this.page++;
    }, ROTATE_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.rotation);
    this.stopUpdates?.();
    this.stopUpdates = null;
    this.orientation.removeEventListener('change', this.onOrientation);
    document.removeEventListener('fullscreenchange', this.onFullscreen);
    if (this.display) this.removeController(this.display);
    if (this.link) this.removeController(this.link);
    this.connection?.close();
    this.connection = this.display = this.link = null;
  }

  private get perPage(): number {
    return this.portrait || this.crowded ? 1 : 2;
  }

  protected override willUpdate(): void {
    if (!this.connection && this.isConnected) this.start();
    // A new plan gets a fresh chance to share the screen.
    if (this.display && this.display.state !== this.lastState) {
      this.lastState = this.display.state;
      this.crowded = false;
    }
  }

  override render() {
    const display = this.display;
    if (!display) return nothing;
    const cards = display.cards;
    const pages = Math.max(1, Math.ceil(cards.length / this.perPage));
    const index = this.page % pages;
    const shown = cards.slice(index * this.perPage, (index + 1) * this.perPage);
    return html`
      <h1 class="visually-hidden">Learning Conversations${display.state ? `: ${display.state.school.name}` : ''}</h1>
      <main>
        ${shown.length
          ? shown.map((c) => this.renderCard(c))
          : html`<lc-poster-card state="welcome" .classLabel=${this.paired.device.label}></lc-poster-card>`}
      </main>
      <footer>
        <p class="freshness" role="status" aria-live="polite" data-testid="freshness">${this.freshness()}</p>
        ${pages > 1 ? html`<p class="pages">Classes ${index + 1} of ${pages}</p>` : nothing}
        ${this.wakeLock.status === 'unsupported' || this.wakeLock.status === 'refused'
          ? html`<p class="hint" data-testid="wake-hint">Keep-awake is not available here: set this screen never to sleep.</p>`
          : nothing}
        ${this.fullscreen ? nothing : html`<button @click=${() => void document.documentElement.requestFullscreen().catch(() => undefined)}>Full screen</button>`}
      </footer>
    `;
  }

  private renderCard(c: PosterCardModel) {
    return html`<lc-poster-card data-class-id=${c.classId} .state=${c.state} .classLabel=${c.className}
      .prompt=${c.prompt} .week=${c.week} .phase=${this.display!.phase}></lc-poster-card>`;
  }

  /** "Thursday 3 December · updated 08:52", or offline: "… · Offline since 09:14 — showing the saved plan". */
  private freshness() {
    const display = this.display!;
    const tz = display.timeZone;
    const today = display.today;
    const day = formatDayLong(today);
    const at = (deviceMs: number): string => {
      const t = display.toServerTime(deviceMs);
      const date = localDate(t, tz);
      return date === today ? localTime(t, tz) : `${formatDayLong(date)} ${localTime(t, tz)}`;
    };
    const offline = this.link?.connection.status === 'offline';
    if (!display.state) {
      if (!display.ready) return day;
      return offline ? html`${day} · <span class="offline">Offline — no saved plan yet</span>` : `${day} · connecting…`;
    }
    if (!offline) return `${day} · updated ${at(display.receivedAt!)}`;
    const since = display.liveThisSession && this.link?.offlineSince ? this.link.offlineSince : display.receivedAt!;
    return html`${day} · <span class="offline" data-testid="offline-badge">Offline since ${at(since)} — showing the saved plan</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-poster-view': LcPosterView }
}
