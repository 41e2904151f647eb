/**
 * The single source of truth for every payload that crosses the wire and every row
 * that is stored. Types are inferred from the schemas; nothing is declared twice.
 * Objects are strict: an unknown key is an error, not something silently dropped.
 */
import { z } from 'zod';

// ---------- building blocks ----------

export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected an id');
export const Uuid = z.uuid();
/** A calendar date, 'YYYY-MM-DD', with no time zone: the school's local day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real date');
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM');
export const TimeZone = z.string().min(1).max(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone');

/** Reception is 0, Year 1 to Year 6 are 1..6. */
export const YearGroup = z.number().int().min(0).max(6);
export const yearGroupLabel = (y: number): string => (y === 0 ? 'Reception' : `Year ${y}`);

export const Role = z.enum(['admin', 'teacher', 'staff']);
export type Role = z.infer<typeof Role>;

const text = (max: number) => z.string().trim().max(max);
const name = (max = 80) => z.string().trim().min(1, 'required').max(max);

// ---------- entities ----------

export const School = z.strictObject({
  id: Id,
  name: name(120),
  timeZone: TimeZone,
  pickupStart: ClockTime,
  pickupEnd: ClockTime,
  isDemo: z.boolean(),
});
export type School = z.infer<typeof School>;

export const SchoolClass = z.strictObject({
  id: Id,
  schoolId: Id,
  name: name(60),
  yearGroup: YearGroup,
});
export type SchoolClass = z.infer<typeof SchoolClass>;

/** A child is a display name (first name and initial), a class, a year group and a flag: nothing more. */
export const Child = z.strictObject({
  id: Id,
  schoolId: Id,
  classId: Id,
  displayName: name(40),
  yearGroup: YearGroup,
  needsPartner: z.boolean(),
});
export type Child = z.infer<typeof Child>;

export const Club = z.strictObject({
  id: Id,
  schoolId: Id,
  name: name(80),
});
export type Club = z.infer<typeof Club>;

/** Staff as seen on the wire: never the password hash. */
export const StaffMember = z.strictObject({
  id: Id,
  schoolId: Id,
  name: name(80),
  email: z.email().max(200),
  role: Role,
  classIds: z.array(Id).max(20),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const DeviceKind = z.enum(['poster', 'club']);
export type DeviceKind = z.infer<typeof DeviceKind>;

export const Device = z.strictObject({
  id: Id,
  schoolId: Id,
  kind: DeviceKind,
  label: name(60),
  classIds: z.array(Id).max(12),
  clubId: Id.nullable(),
  createdAt: z.number().int(),
  lastSeenAt: z.number().int().nullable(),
  appVersion: z.string().max(40).nullable(),
  revokedAt: z.number().int().nullable(),
});
export type Device = z.infer<typeof Device>;

export const Subject = z.string().trim().min(1, 'required').max(40);
export const PRESET_SUBJECTS = [
  'science', 'maths', 'English', 'music', 'PE', 'computing', 'history',
  'geography', 'RE', 'art', 'DT', 'PSHE', 'languages',
] as const;

export const PromptKind = z.enum(['verbal', 'practical']);

/** What the teacher writes for one day. Rules beyond shape live in shared/prompt-rules.ts. */
export const PromptDraft = z.strictObject({
  date: IsoDate,
  subject: Subject,
  theme: text(120),
  prompt: text(400),
  kind: PromptKind,
  minutes: z.number().int().min(1).max(10, 'ten minutes at most'),
  support: text(1000),
  extensions: z.array(text(200)).max(5),
});
export type PromptDraft = z.infer<typeof PromptDraft>;

export const PromptStatus = z.enum(['draft', 'published']);

export const Prompt = PromptDraft.extend({
  classId: Id,
  status: PromptStatus,
  updatedAt: z.number().int(),
});
export type Prompt = z.infer<typeof Prompt>;

export const Week = z.strictObject({
  classId: Id,
  weekStart: IsoDate,
  days: z.array(Prompt).max(5),
});
export type Week = z.infer<typeof Week>;

export const ParticipationMode = z.enum(['home', 'peer', 'staff']);
export type ParticipationMode = z.infer<typeof ParticipationMode>;
export const Tag = z.enum(['misconception', 'knew_it_well', 'had_forgotten', 'found_it_hard']);
export type Tag = z.infer<typeof Tag>;
export const TAG_LABELS: Record<Tag, string> = {
  misconception: 'Misconception',
  knew_it_well: 'Knew it well',
  had_forgotten: 'Had forgotten',
  found_it_hard: 'Found it hard',
};
export const NOTE_MAX = 280;

/** One logged conversation, as a club tablet or a teacher sends it. The id is made by the client. */
export const ParticipationEntry = z.strictObject({
  id: Uuid,
  childId: Id,
  date: IsoDate,
  mode: ParticipationMode,
  partnerChildIds: z.array(Id).max(2),
  staffName: text(80),
  tags: z.array(Tag).max(4),
  note: text(NOTE_MAX),
});
export type ParticipationEntry = z.infer<typeof ParticipationEntry>;

export const Participation = ParticipationEntry.extend({
  schoolId: Id,
  classId: Id,
  loggedBy: z.string().max(80),
  createdAt: z.number().int(),
});
export type Participation = z.infer<typeof Participation>;

// ---------- what a poster screen may see: prompts only, never a child ----------

export const DisplayPrompt = PromptDraft.extend({ updatedAt: z.number().int() });
export type DisplayPrompt = z.infer<typeof DisplayPrompt>;

export const DisplayClass = z.strictObject({
  id: Id,
  name: name(60),
  yearGroup: YearGroup,
  /** Published prompts of this week and next, by date. */
  prompts: z.array(DisplayPrompt).max(10),
});
export type DisplayClass = z.infer<typeof DisplayClass>;

export const DisplayState = z.strictObject({
  school: School.pick({ name: true, timeZone: true, pickupStart: true, pickupEnd: true }),
  classes: z.array(DisplayClass).max(12),
  /** Server clock when the state was made, so a screen with a wrong clock can correct. */
  serverNow: z.number().int(),
});
export type DisplayState = z.infer<typeof DisplayState>;
