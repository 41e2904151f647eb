/**
 * Owns what a poster screen shows: the DisplayState (its classes' published prompts from
 * this Monday to next Friday), cached in IndexedDB so a reload with the server down still
 * shows today's prompt. "Today" is computed here, in the school's time zone, from the
 * device clock corrected by the server's; the host re-renders by itself at local midnight
 * and at the pickup window's edges, with or without a connection.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { z } from 'zod/mini';
import { DEFAULT_TIME_ZONE, correctedNow, localDate, nextLocalMidnight } from '../../shared/calendar.ts';
import { DisplayClass, DisplayState } from '../../shared/schemas.ts';
import type { Connection } from './connection.ts';
import { readKey, writeKey } from './device-store.ts';
import { cardFor, nextPickupEdge, pickupPhase, type PickupPhase, type PosterCardModel } from './poster-day.ts';

export const DISPLAY_CACHE_KEY = 'display-state';

const CachedDisplay = z.strictObject({
  state: DisplayState,
  /** Device-clock time the state came from the server. */
  receivedAt: z.number(),
  /** Server clock minus device clock, as last measured. */
  offsetMs: z.number(),
});
type CachedDisplay = z.infer<typeof CachedDisplay>;

// Timers are re-armed at least hourly: a sleeping tablet or a clock set by NTP can make a long timer wrong.
const MAX_TIMER_MS = 3_600_000;

export class DisplayController implements ReactiveController {
  state: DisplayState | null = null;
  /** Device-clock time of the last state from the server, or null before the first. */
  receivedAt: number | null = null;
  /** True once the state has come from the server during this page's life (not only from the cache). */
  liveThisSession = false;
  /** The IndexedDB cache has been read (or found missing or corrupt). */
  ready = false;

  private offsetMs = 0;
  private memo: { state: DisplayState | null; today: string; cards: PosterCardModel[] } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribe: (() => void)[] = [];
  private cacheRead: Promise<void> = Promise.resolve();
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') this.changed();
  };

  constructor(private readonly host: ReactiveControllerHost, private readonly connection: Connection) {
    host.addController(this);
  }

  /** Now by the server's clock when we know it, else the device's. */
  now(): number {
    return correctedNow(Date.now(), this.offsetMs);
  }

  /** A device-clock time read on the server's clock. */
  toServerTime(deviceMs: number): number {
    return correctedNow(deviceMs, this.offsetMs);
  }

  get timeZone(): string {
    return this.state?.school.timeZone ?? DEFAULT_TIME_ZONE;
  }

  get today(): string {
    return localDate(this.now(), this.timeZone);
  }

  get phase(): PickupPhase {
    const school = this.state?.school;
    return school ? pickupPhase(this.now(), school.timeZone, school.pickupStart, school.pickupEnd) : 'after';
  }

  /** One card per class for today; the same objects until the state or the day changes, so cards do not refit on every render. */
  get cards(): PosterCardModel[] {
    const today = this.today;
    if (this.memo?.state !== this.state || this.memo.today !== today) {
      this.memo = { state: this.state, today, cards: (this.state?.classes ?? []).map((c) => cardFor(c, today)) };
    }
    return this.memo.cards;
  }

  hostConnected(): void {
    this.unsubscribe = [
      // Pushes are parsed like everything else that reaches the cache: a bad one is dropped, the screen keeps its plan.
      this.connection.on('display:state', (state) => {
        const parsed = DisplayState.safeParse(state);
        if (parsed.success) this.receive(parsed.data);
      }),
      this.connection.on('display:class', (update) => {
        const parsed = DisplayClass.safeParse(update?.cls);
        if (parsed.success && Number.isInteger(update.serverNow)) this.receiveClass(parsed.data, update.serverNow);
      }),
    ];
    document.addEventListener('visibilitychange', this.onVisible);
    this.cacheRead = this.loadCache();
    this.schedule();
  }

  hostDisconnected(): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    document.removeEventListener('visibilitychange', this.onVisible);
    clearTimeout(this.timer);
  }

  private async loadCache(): Promise<void> {
    // A corrupt value is deleted by readKey; the state pushed on every connect then replaces it.
    const cached = await readKey<CachedDisplay>(DISPLAY_CACHE_KEY, CachedDisplay).catch(() => null);
    // A state from the server may have arrived while IndexedDB was being read: it is newer.
    if (cached && !this.state) {
      this.state = cached.state;
      this.receivedAt = cached.receivedAt;
      this.offsetMs = cached.offsetMs;
    }
    this.ready = true;
    this.changed();
  }

  private receive(state: DisplayState): void {
    this.offsetMs = state.serverNow - Date.now();
    this.state = state;
    this.markLive();
  }

  private receiveClass(cls: DisplayClass, serverNow: number): void {
    // Before the first full state there is nothing to merge into; that state is on its way.
    if (!this.state) return;
    this.offsetMs = serverNow - Date.now();
    this.state = { ...this.state, classes: this.state.classes.map((c) => (c.id === cls.id ? cls : c)), serverNow };
    this.markLive();
  }

  private markLive(): void {
    this.receivedAt = Date.now();
    this.liveThisSession = true;
    const record: CachedDisplay = { state: this.state!, receivedAt: this.receivedAt, offsetMs: this.offsetMs };
    // Written only after the cache was read, so dropping a corrupt value can never delete this one.
    void this.cacheRead.then(() => writeKey(DISPLAY_CACHE_KEY, record)).catch((err: unknown) => console.warn('could not cache the display state', err));
    this.changed();
  }

  private changed(): void {
    this.host.requestUpdate();
    this.schedule();
  }

  /** Wakes the host at the next local midnight or pickup edge, whichever is first. */
  private schedule(): void {
    clearTimeout(this.timer);
    const now = this.now();
    const school = this.state?.school;
    const edges = [nextLocalMidnight(now, this.timeZone)];
    const edge = school ? nextPickupEdge(now, school.timeZone, school.pickupStart, school.pickupEnd) : null;
    if (edge !== null) edges.push(edge);
    // A little past the edge, so that "today" has certainly turned when the host renders.
    const delay = Math.min(Math.max(Math.min(...edges) - now + 250, 250), MAX_TIMER_MS);
    this.timer = setTimeout(() => this.changed(), delay);
  }
}
