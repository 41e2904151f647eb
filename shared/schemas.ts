/**
 * The single source of truth for every payload that crosses the wire and every row
 * that is stored. Types are inferred from the schemas; nothing is declared twice.
 * Objects are strict: an unknown key is an error, not something silently dropped.
 */
// zod/mini: the same schemas as classic zod at a sixth of the size in the browser.
import { z } from 'zod/mini';
import { isMonday } from './calendar.ts';

// Mini loads no messages by default; without them every error reads "Invalid input".
z.config(z.locales.en());

// ---------- building blocks ----------

export const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected an id'));
export const Uuid = z.uuid('not a valid log id (expected a UUID)');
/** A calendar date, 'YYYY-MM-DD', with no time zone: the school's local day. */
export const IsoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'),
  z.refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real date'),
);
/** The Monday a school week starts on. */
// zod runs every check even after one fails, so this one must not throw on a non-date.
export const WeekStart = IsoDate.check(z.refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && isMonday(d), 'a week starts on a Monday'));
export const ClockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM'));
export const TimeZone = z.string().check(
  z.minLength(1),
  z.maxLength(64),
  z.refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'not an IANA time zone'),
);

/** Reception is 0, Year 1 to Year 6 are 1..6. */
export const YearGroup = z.int().check(z.minimum(0), z.maximum(6));
export const yearGroupLabel = (y: number): string => (y === 0 ? 'Reception' : `Year ${y}`);

export const Role = z.enum(['admin', 'teacher', 'staff']);
export type Role = z.infer<typeof Role>;

/** Trimmed text of at most `max` characters (may be empty). */
export const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, `at most ${max} characters`));
/** Trimmed, required text of at most `max` characters. */
export const name = (max = 80) => z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(max, `at most ${max} characters`));
const epochMs = z.int();

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
  email: z.email().check(z.maxLength(200)),
  role: Role,
  classIds: z.array(Id).check(z.maxLength(20)),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const DeviceKind = z.enum(['poster', 'club']);
export type DeviceKind = z.infer<typeof DeviceKind>;

export const Device = z.strictObject({
  id: Id,
  schoolId: Id,
  kind: DeviceKind,
  label: name(60),
  classIds: z.array(Id).check(z.maxLength(12)),
  clubId: z.nullable(Id),
  createdAt: epochMs,
  lastSeenAt: z.nullable(epochMs),
  appVersion: z.nullable(z.string().check(z.maxLength(40))),
  revokedAt: z.nullable(epochMs),
});
export type Device = z.infer<typeof Device>;

export const Subject = name(40);
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
  minutes: z.int().check(z.minimum(1, 'at least a minute'), z.maximum(10, 'ten minutes at most')),
  support: text(1000),
  extensions: z.array(text(200)).check(z.maxLength(5)),
});
export type PromptDraft = z.infer<typeof PromptDraft>;

export const PromptStatus = z.enum(['draft', 'published']);

export const Prompt = z.extend(PromptDraft, {
  classId: Id,
  status: PromptStatus,
  updatedAt: epochMs,
});
export type Prompt = z.infer<typeof Prompt>;

export const Week = z.strictObject({
  classId: Id,
  weekStart: IsoDate,
  days: z.array(Prompt).check(z.maxLength(5)),
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
  partnerChildIds: z.array(Id).check(z.maxLength(2)),
  staffName: text(80),
  tags: z.array(Tag).check(z.maxLength(4)),
  note: text(NOTE_MAX),
});
export type ParticipationEntry = z.infer<typeof ParticipationEntry>;

export const Participation = z.extend(ParticipationEntry, {
  schoolId: Id,
  classId: Id,
  loggedBy: z.string().check(z.maxLength(80)),
  createdAt: epochMs,
});
export type Participation = z.infer<typeof Participation>;

// ---------- what a poster screen may see: prompts only, never a child ----------

export const DisplayPrompt = z.extend(PromptDraft, { updatedAt: epochMs });
export type DisplayPrompt = z.infer<typeof DisplayPrompt>;

export const DisplayClass = z.strictObject({
  id: Id,
  name: name(60),
  yearGroup: YearGroup,
  /** Published prompts of this week and next, by date. */
  prompts: z.array(DisplayPrompt).check(z.maxLength(10)),
});
export type DisplayClass = z.infer<typeof DisplayClass>;

export const DisplayState = z.strictObject({
  school: z.pick(School, { name: true, timeZone: true, pickupStart: true, pickupEnd: true }),
  classes: z.array(DisplayClass).check(z.maxLength(12)),
  /** Server clock when the state was made, so a screen with a wrong clock can correct. */
  serverNow: epochMs,
});
export type DisplayState = z.infer<typeof DisplayState>;
