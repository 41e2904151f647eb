/**
 * The wire protocol: every client→server event with its payload schema and its answer
 * type, and every server→client push. Socket.IO's own TypeScript names are derived
 * from this one table so that client, server and tests cannot disagree.
 */
import { z } from 'zod/mini';
import type { Result } from './result.ts';
import {
  Child, Club, ClockTime, Device, DeviceKind, DisplayClass, DisplayPrompt, DisplayState, Id, IsoDate,
  Participation, ParticipationEntry, Prompt, PromptDraft, Role, School, SchoolClass,
  StaffMember, Tag, TimeZone, Uuid, Week, WeekStart, YearGroup, name,
} from './schemas.ts';

const empty = z.strictObject({});
const query = z.string().check(z.trim(), z.minLength(2, 'type at least two letters'), z.maxLength(60));

/** Who is on the other end of a socket, as the socket itself may be told. */
export const WhoAmI = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('anonymous') }),
  z.strictObject({ kind: z.literal('unpaired') }),
  z.strictObject({ kind: z.literal('device'), device: Device }),
  z.strictObject({ kind: z.literal('staff'), staff: StaffMember, school: School }),
]);
export type WhoAmI = z.infer<typeof WhoAmI>;

export interface PairingCode { code: string; expiresAt: number }
export interface StaffInvite { staff: StaffMember; link: string }
export interface RosterImportReport {
  created: number;
  errors: { line: number; reason: string }[];
  /** Rows for children already in that class: left alone, so a whole-year file can be imported again. */
  skipped: { line: number; reason: string }[];
}
export interface ClubState {
  club: Club;
  /** The club's children: display names only. */
  children: Child[];
  classes: Pick<SchoolClass, 'id' | 'name' | 'yearGroup'>[];
  /** Today's published prompt of each class that has one, keyed by class id. */
  prompts: Record<string, DisplayPrompt>;
  /** What has been logged today for the club's children, by any tablet or teacher. */
  logs: Participation[];
  today: string;
  /** The school's IANA zone, so a tablet works out "today" by itself when offline. */
  timeZone: string;
  serverNow: number;
}
export interface LogReport {
  accepted: string[];
  refused: { id: string; code: string; message: string }[];
}
export interface ParticipationGrid {
  classId: string;
  weekStart: string;
  dates: string[];
  children: Child[];
  entries: Participation[];
  prompts: Prompt[];
}
export interface NotReached { date: string; thisWeek: Child[]; lastFiveSchoolDays: Child[] }
export interface SchoolSummaryRow { classId: string; className: string; children: number; home: number; peer: number; staff: number; reached: number }

/** Payload schema and answer type for every client→server event. */
export const clientEvents = {
  'session:whoami': empty,

  'staff:list': empty,
  'staff:invite': z.strictObject({ name: name(80), email: z.email().check(z.maxLength(200)), role: Role, classIds: z.array(Id).check(z.maxLength(20)) }),
  'staff:remove': z.strictObject({ staffId: Id }),
  /** A forgotten password or an expired invite: a new one-time link to choose a password; the old sessions end. */
  'staff:resetLink': z.strictObject({ staffId: Id }),
  'school:update': z.strictObject({ name: name(120), timeZone: TimeZone, pickupStart: ClockTime, pickupEnd: ClockTime }),

  'class:list': empty,
  'class:create': z.strictObject({ name: name(60), yearGroup: YearGroup }),

  'child:list': z.strictObject({ classId: Id }),
  'child:create': z.strictObject({ classId: Id, displayName: name(40), needsPartner: z.boolean() }),
  'child:update': z.strictObject({ childId: Id, displayName: z.optional(name(40)), needsPartner: z.optional(z.boolean()), classId: z.optional(Id) }),
  'child:remove': z.strictObject({ childId: Id }),
  'roster:import': z.strictObject({ csv: z.string().check(z.maxLength(200_000)), dryRun: z._default(z.boolean(), false) }),

  'club:list': empty,
  'club:create': z.strictObject({ name: name(80) }),
  'club:addChildren': z.strictObject({ clubId: Id, childIds: z.array(Id).check(z.minLength(1), z.maxLength(60)) }),
  'club:removeChild': z.strictObject({ clubId: Id, childId: Id }),
  'club:sync': empty,
  'club:search': z.strictObject({ query }),

  'device:requestCode': z.strictObject({ appVersion: z.string().check(z.maxLength(40)) }),
  'device:claim': z.strictObject({
    code: z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z0-9]{6}$/, 'a pairing code is six letters or digits')),
    kind: DeviceKind,
    label: name(60),
    classIds: z.array(Id).check(z.maxLength(12)),
    clubId: z.nullable(Id),
  }),
  'device:list': empty,
  'device:revoke': z.strictObject({ deviceId: Id }),
  'device:hello': z.strictObject({ appVersion: z.string().check(z.maxLength(40)) }),

  'display:sync': empty,

  'week:get': z.strictObject({ classId: Id, weekStart: WeekStart }),
  'week:save': z.strictObject({ classId: Id, weekStart: WeekStart, days: z.array(PromptDraft).check(z.maxLength(5)) }),
  'week:publish': z.strictObject({ classId: Id, weekStart: WeekStart, date: z.optional(IsoDate) }),
  'week:unpublish': z.strictObject({ classId: Id, weekStart: WeekStart, date: z.optional(IsoDate) }),
  'week:copyPrevious': z.strictObject({ classId: Id, weekStart: WeekStart }),
  'prompt:search': z.strictObject({ query }),

  'participation:log': z.strictObject({ entries: z.array(ParticipationEntry).check(z.minLength(1), z.maxLength(50)) }),
  'participation:undo': z.strictObject({ id: Uuid }),
  'participation:grid': z.strictObject({ classId: Id, weekStart: WeekStart }),
  'participation:notes': z.strictObject({ classId: Id, from: IsoDate, to: IsoDate, tag: z.optional(Tag) }),
  'participation:notReached': z.strictObject({ classId: Id, date: IsoDate }),
  'participation:summary': z.strictObject({ weekStart: WeekStart }),
} as const;

export type ClientEventName = keyof typeof clientEvents;
export type PayloadOf<E extends ClientEventName> = z.input<(typeof clientEvents)[E]>;
export type ParsedPayloadOf<E extends ClientEventName> = z.output<(typeof clientEvents)[E]>;

export interface AnswerOf {
  'session:whoami': WhoAmI;
  'staff:list': StaffMember[];
  'staff:invite': StaffInvite;
  'staff:remove': null;
  'staff:resetLink': StaffInvite;
  'school:update': School;
  'class:list': SchoolClass[];
  'class:create': SchoolClass;
  'child:list': Child[];
  'child:create': Child;
  'child:update': Child;
  'child:remove': null;
  'roster:import': RosterImportReport;
  'club:list': Club[];
  'club:create': Club;
  'club:addChildren': null;
  'club:removeChild': null;
  'club:sync': ClubState;
  'club:search': Child[];
  'device:requestCode': PairingCode;
  'device:claim': Device;
  'device:list': Device[];
  'device:revoke': null;
  'device:hello': null;
  'display:sync': DisplayState;
  'week:get': Week;
  'week:save': Week;
  'week:publish': Week;
  'week:unpublish': Week;
  'week:copyPrevious': Week;
  'prompt:search': Prompt[];
  'participation:log': LogReport;
  'participation:undo': null;
  'participation:grid': ParticipationGrid;
  'participation:notes': Participation[];
  'participation:notReached': NotReached;
  'participation:summary': SchoolSummaryRow[];
}

export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: PayloadOf<E>, ack: (result: Result<AnswerOf[E]>) => void) => void;
};

export interface ServerToClientEvents {
  /** The whole state a poster shows: sent on every (re)connect, so a missed push never leaves a stale screen. */
  'display:state': (state: DisplayState) => void;
  /** One class's published prompts, to that class's screens: on publish, edit, unpublish and rollover. */
  'display:class': (update: { cls: DisplayClass; serverNow: number }) => void;
  /** To the socket that asked for a pairing code, once a teacher claims it. */
  'device:paired': (paired: { token: string; device: Device }) => void;
  'device:revoked': () => void;
  /** To staff and club tablets of the school: conversations logged or undone. */
  'participation:changed': (change: { entries: Participation[]; removedIds: string[] }) => void;
  'week:changed': (change: { classId: string; weekStart: string }) => void;
}

/** Nothing travels from server to server yet; kept for the adapter. */
export type InterServerEvents = Record<string, never>;

/** Who a socket is, decided once at the handshake. A display's identity holds no child. */
export type SocketIdentity =
  | { kind: 'anonymous' }
  | { kind: 'unpaired' }
  | { kind: 'poster'; device: Device; school: School }
  | { kind: 'club'; device: Device; school: School }
  | { kind: 'staff'; staff: StaffMember; school: School; sessionHash: string };

export interface SocketData {
  identity: SocketIdentity;
}

/** Who may call an event: the socket's kind, or for staff their role. */
export type Caller = 'anonymous' | 'unpaired' | 'poster' | 'club' | Role;

export const callerOf = (identity: SocketIdentity): Caller =>
  identity.kind === 'staff' ? identity.staff.role : identity.kind;

/** What a device presents in the Socket.IO handshake's auth. */
export const HandshakeAuth = z.object({
  deviceToken: z.optional(z.string().check(z.maxLength(200))),
  unpaired: z.optional(z.boolean()),
  appVersion: z.optional(z.string().check(z.maxLength(40))),
});

export type { Result };
