/**
 * Today's session on a club tablet: the club's roster and today's prompts (cached in IndexedDB,
 * so the tablet works with no Wi-Fi), who is here, today's groups, and the logs, live from the
 * other tablets of the club. Logs go through the outbox (outbox-sync.ts), never straight to the
 * socket.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { z, type ZodMiniType } from 'zod/mini';
import { DEFAULT_TIME_ZONE, clockOffset, localDate, nextLocalMidnight } from '../../shared/calendar.ts';
import { newEntryId } from '../../shared/entry-id.ts';
import type { ClubState } from '../../shared/events.ts';
import { suggestGroups } from '../../shared/pairing.ts';
import type { Result } from '../../shared/result.ts';
import {
  Child, Club, DisplayPrompt, Id, IsoDate, Participation, SchoolClass, TimeZone, type ParticipationEntry, type Tag,
} from '../../shared/schemas.ts';
import { reconcileGroups, type Groups } from './club-groups.ts';
import type { Connection } from './connection.ts';
import { readKey, writeKey } from './device-store.ts';
import { OutboxSync } from './outbox-sync.ts';

export type ChildStatus = 'todo' | 'pending' | 'synced' | 'refused';

/** What survives a reload during the day: who is here, and the groups staff accepted (null while they follow the suggestion). */
const SessionRecord = z.object({ date: IsoDate, present: z.array(Id), groups: z.nullable(z.array(z.array(Id))) });
type SessionRecord = z.infer<typeof SessionRecord>;

/** The club state as cached, typed against the wire's ClubState so the two cannot drift. Not strict: a field added later must not wipe the cache. */
const CachedClubState: ZodMiniType<ClubState> = z.object({
  club: Club,
  children: z.array(Child),
  classes: z.array(z.pick(SchoolClass, { id: true, name: true, yearGroup: true })),
  prompts: z.record(z.string(), DisplayPrompt),
  logs: z.array(Participation),
  today: IsoDate,
  timeZone: TimeZone,
  serverNow: z.int(),
});

/** A push is parsed like anything else that reaches the cache: a bad one is dropped, and the next sync puts things right. */
const Change = z.object({ entries: z.array(Participation), removedIds: z.array(Id) });

const STATE_KEY = 'club:state';
const SESSION_KEY = 'club:session';
const STAFF_NAME_KEY = 'club:staffName';

const byAgeThenName = (a: Child, b: Child) => b.yearGroup - a.yearGroup || a.displayName.localeCompare(b.displayName);

export class ClubController implements ReactiveController {
  state: ClubState | null = null;
  present: string[] = [];
  /** The groups staff changed or accepted; null while they follow the suggestion. */
  groups: Groups | null = null;
  staffName = '';
  /** False until the cache has been read: the view shows "Loading" rather than an empty club. */
  ready = false;
  readonly outbox: OutboxSync;
  private offsetMs = 0;
  /** Logs the server accepted that no sync or push has brought back yet. */
  private readonly acked = new Map<string, ParticipationEntry>();
  /** Child → the log made for them on this tablet in this session: what "Undo" takes back. */
  private readonly mine = new Map<string, string>();
  private readonly offs: (() => void)[] = [];
  private sessionDate = '';
  private loading: Promise<void> = Promise.resolve();
  /** Children whose "took part" is being written: a double tap must not log twice. */
  private readonly logging = new Set<string>();
  private midnight: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly connection: Connection, private readonly clubId: string) {
    this.outbox = new OutboxSync(connection);
    host.addController(this);
  }

  hostConnected(): void {
    const update = () => this.host.requestUpdate();
    this.outbox.addEventListener('change', update);
    this.outbox.addEventListener('accepted', (e) => {
      for (const entry of (e as CustomEvent<ParticipationEntry[]>).detail) this.acked.set(entry.id, entry);
      update();
    });
    const onConnect = () => void this.sync();
    this.connection.socket.on('connect', onConnect);
    this.offs.push(
      () => void this.connection.socket.off('connect', onConnect),
      this.connection.on('participation:changed', (change) => {
        const parsed = Change.safeParse(change);
        if (parsed.success) this.applyChange(parsed.data.entries, parsed.data.removedIds);
      }),
    );
    this.loading = this.loadCache();
    void this.loading.then(() => (this.connection.socket.connected ? this.sync() : undefined));
    this.scheduleMidnight();
  }

  hostDisconnected(): void {
    for (const off of this.offs.splice(0)) off();
    clearTimeout(this.midnight);
    this.outbox.close();
  }

  /** A tablet left on overnight starts the new day by itself: fresh prompts, nobody here yet. */
  private scheduleMidnight(): void {
    clearTimeout(this.midnight);
    const now = Date.now() + this.offsetMs;
    const wait = nextLocalMidnight(now, this.state?.timeZone ?? DEFAULT_TIME_ZONE) - now + 1_000;
    this.midnight = setTimeout(() => {
      void (this.connection.socket.connected ? this.sync() : this.newDayIfDue()).then(() => this.host.requestUpdate());
      this.scheduleMidnight();
    }, wait);
  }

  private async newDayIfDue(): Promise<void> {
    if (this.sessionDate !== this.today) await this.startDay();
  }

  /** Today in the school's zone, on the server's clock when it is known: works offline too. */
  get today(): string {
    return localDate(Date.now() + this.offsetMs, this.state?.timeZone ?? DEFAULT_TIME_ZONE);
  }

  /** The prompts are for another day (the tablet has not reached the server yet today). */
  get stale(): boolean {
    return this.state !== null && this.state.today !== this.today;
  }

  get children(): Child[] {
    return [...(this.state?.children ?? [])].sort(byAgeThenName);
  }

  child(id: string): Child | undefined {
    return this.state?.children.find((c) => c.id === id);
  }

  className(classId: string): string {
    return this.state?.classes.find((c) => c.id === classId)?.name ?? '';
  }

  promptFor(child: Child): DisplayPrompt | null {
    return this.stale ? null : (this.state?.prompts[child.classId] ?? null);
  }

  /** Today's groups: what staff accepted, or else the suggestion for whoever is here. */
  get currentGroups(): Groups {
    if (this.groups) return this.groups;
    const here = this.present.map((id) => this.child(id)).filter((c): c is Child => c !== undefined);
    return suggestGroups(here);
  }

  async togglePresent(childId: string): Promise<void> {
    await this.newDayIfDue();
    this.present = this.present.includes(childId) ? this.present.filter((id) => id !== childId) : [...this.present, childId];
    if (this.groups) this.groups = reconcileGroups(this.groups, this.present);
    await this.saveSession();
  }

  /** Staff changed the groups, or accepted them as they are. */
  async setGroups(groups: Groups): Promise<void> {
    await this.newDayIfDue();
    this.groups = groups;
    await this.saveSession();
  }

  /** Back to the suggestion. */
  async resuggest(): Promise<void> {
    this.groups = null;
    await this.saveSession();
  }

  search(query: string): Promise<Result<Child[]>> {
    return this.connection.call('club:search', { query });
  }

  /** Adds a child from the school list to the club, and marks them here. */
  async addChild(child: Child): Promise<Result<null>> {
    const result = await this.connection.call('club:addChildren', { clubId: this.clubId, childIds: [child.id] });
    if (!result.ok) return result;
    await this.sync();
    if (!this.present.includes(child.id)) await this.togglePresent(child.id);
    return result;
  }

  async setStaffName(name: string): Promise<void> {
    this.staffName = name.trim().slice(0, 80);
    await writeKey(STAFF_NAME_KEY, this.staffName);
    this.host.requestUpdate();
  }

  statusOf(childId: string): ChildStatus {
    const today = this.today;
    const queued = this.outbox.items.filter((i) => i.entry.childId === childId && i.entry.date === today);
    if (queued.some((i) => i.status === 'pending')) return 'pending';
    const logged = (this.state?.logs ?? []).some((l) => l.childId === childId && l.date === today)
      || [...this.acked.values()].some((e) => e.childId === childId && e.date === today);
    if (logged) return 'synced';
    return queued.length > 0 ? 'refused' : 'todo';
  }

  canUndo(childId: string): boolean {
    return this.mine.has(childId) && this.statusOf(childId) !== 'todo';
  }

  /** The logs of today, newest first: the server's and this tablet's own not yet synced. */
  get todaysLogs(): (ParticipationEntry & { synced: boolean })[] {
    const today = this.today;
    const synced = new Map<string, ParticipationEntry>([...this.acked]);
    for (const l of this.state?.logs ?? []) synced.set(l.id, l);
    const pending = this.outbox.items.filter((i) => i.status === 'pending' && !synced.has(i.id)).map((i) => i.entry);
    return [
      ...pending.map((e) => ({ ...e, synced: false })).reverse(),
      ...[...synced.values()].map((e) => ({ ...e, synced: true })).reverse(),
    ].filter((e) => e.date === today);
  }

  /**
   * One tap, one log: peer when the child talked with others in their group, staff when alone
   * with an adult (then the staff name is required). Returns a message when it cannot log.
   */
  async log(childId: string, group: readonly string[], tags: Tag[], note: string): Promise<string | null> {
    const partners = group.filter((id) => id !== childId);
    const mode = partners.length > 0 ? 'peer' : 'staff';
    if (mode === 'staff' && !this.staffName) return 'Type your name in "On duty" at the top first: a conversation with staff says who ran it.';
    if (this.logging.has(childId) || ['pending', 'synced'].includes(this.statusOf(childId))) return null;
    const entry: ParticipationEntry = {
      id: newEntryId(), childId, date: this.today, mode, partnerChildIds: partners,
      staffName: mode === 'staff' ? this.staffName : '', tags, note: note.trim(),
    };
    this.mine.set(childId, entry.id);
    this.logging.add(childId);
    try {
      await this.outbox.log(entry);
    } finally {
      this.logging.delete(childId);
    }
    return null;
  }

  /** Takes back this session's log for a child: from the outbox if unsent, else on the server. */
  async undo(childId: string): Promise<string | null> {
    const id = this.mine.get(childId);
    if (!id) return null;
    if (!(await this.outbox.cancel(id))) {
      const result = await this.connection.call('participation:undo', { id });
      if (!result.ok && result.error.code !== 'not_found') {
        return result.error.code === 'unavailable' ? 'Undo needs the connection for a log that has synced: try again when the tablet is back online.' : result.error.message;
      }
      this.applyChange([], [id]);
    }
    this.mine.delete(childId);
    this.host.requestUpdate();
    return null;
  }

  async sync(): Promise<void> {
    await this.loading; // the cached session first, so a fast connect cannot wipe it
    const sentAt = Date.now();
    const result = await this.connection.call('club:sync', {});
    if (!result.ok) return;
    this.offsetMs = clockOffset(result.data.serverNow, sentAt, Date.now());
    this.state = result.data;
    for (const l of result.data.logs) this.acked.delete(l.id);
    await writeKey(STATE_KEY, this.state);
    if (this.sessionDate !== this.today) await this.startDay();
    else if (this.present.some((id) => !this.child(id))) {
      // Someone was taken off the club's list meanwhile: they are no longer "here" either.
      this.present = this.present.filter((id) => this.child(id));
      if (this.groups) this.groups = reconcileGroups(this.groups, this.present);
      await this.saveSession();
    }
    this.host.requestUpdate();
  }

  private applyChange(entries: Participation[], removedIds: string[]): void {
    for (const id of removedIds) this.acked.delete(id);
    if (!this.state) return;
    const removed = new Set([...removedIds, ...entries.map((e) => e.id)]);
    this.state = { ...this.state, logs: [...this.state.logs.filter((l) => !removed.has(l.id)), ...entries] };
    for (const e of entries) this.acked.delete(e.id);
    void writeKey(STATE_KEY, this.state);
    this.host.requestUpdate();
    // A log for a child this tablet has not heard of: another tablet added them to the club.
    if (entries.some((e) => !this.child(e.childId))) void this.sync();
  }

  private async loadCache(): Promise<void> {
    const [state, session, staffName] = await Promise.all([
      readKey(STATE_KEY, CachedClubState), readKey(SESSION_KEY, SessionRecord), readKey(STAFF_NAME_KEY, z.string()),
    ]);
    if (state?.club.id === this.clubId) this.state = state; // a cache of this tablet's own club only
    this.staffName = staffName ?? '';
    if (session?.date === this.today) {
      this.sessionDate = session.date;
      this.present = session.present;
      this.groups = session.groups;
    } else {
      await this.startDay();
    }
    this.ready = true;
    this.host.requestUpdate();
  }

  /** A new day: nobody is here yet. */
  private async startDay(): Promise<void> {
    this.present = [];
    this.groups = null;
    await this.saveSession();
  }

  private async saveSession(): Promise<void> {
    this.sessionDate = this.today;
    const record: SessionRecord = { date: this.sessionDate, present: this.present, groups: this.groups };
    this.host.requestUpdate();
    await writeKey(SESSION_KEY, record);
  }
}
