/**
 * The school calendar. Pure functions shared by browser and server; the only dependency is Intl.
 *
 * A date is a 'YYYY-MM-DD' string naming a local calendar day with no zone attached. Calendar
 * arithmetic is done on UTC dates, where every day really is 24 h; only the functions that take a
 * `timeZone` touch instants, and they never assume a local day is 24 h long.
 */

export const DEFAULT_TIME_ZONE = 'Europe/London';

const HOUR = 3_600_000;

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

// ---- internal helpers -------------------------------------------------------------------------

/** Epoch ms of UTC midnight of y-m-d. setUTCFullYear (unlike Date.UTC) keeps years 0–99 as given and rolls day overflow into months. */
const utcMs = (y: number, m: number, d: number): number => new Date(0).setUTCFullYear(y, m - 1, d);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const parse = (date: string): [number, number, number] => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};

const fromUtcMs = (ms: number): string => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

// Building a DateTimeFormat is far more expensive than using one, so keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

interface Wall {
  y: number;
  m: number;
  d: number;
  h: number;
  min: number;
  s: number;
}

/** The wall clock at an instant in a zone. Throws RangeError for an unknown zone. */
function wall(instant: number, timeZone: string): Wall {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const w: Wall = { y: 0, m: 0, d: 0, h: 0, min: 0, s: 0 };
  for (const p of f.formatToParts(instant)) {
    const n = Number(p.value);
    if (p.type === 'year') w.y = n;
    else if (p.type === 'month') w.m = n;
    else if (p.type === 'day') w.d = n;
    // Some older engines print midnight as 24 even with h23; the date part is still right.
    else if (p.type === 'hour') w.h = n % 24;
    else if (p.type === 'minute') w.min = n;
    else if (p.type === 'second') w.s = n;
  }
  return w;
}

/** The zone's UTC offset in ms at an instant (wall clock read as if UTC, minus the instant). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wall(instant, timeZone);
  const wallAsUtc = utcMs(w.y, w.m, w.d) + ((w.h * 60 + w.min) * 60 + w.s) * 1000;
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

// ---- instants → local ---------------------------------------------------------------------------

/** The calendar date at an epoch-ms instant in a zone. */
export function localDate(instant: number, timeZone: string): string {
  const w = wall(instant, timeZone);
  return `${pad(w.y, 4)}-${pad(w.m)}-${pad(w.d)}`;
}

/** 'HH:MM', 24-hour local wall time. */
export function localTime(instant: number, timeZone: string): string {
  const w = wall(instant, timeZone);
  return `${pad(w.h)}:${pad(w.min)}`;
}

/** Minutes since local midnight by the wall clock (so 03:00 is 180 even on a day the clocks went forward). */
export function localMinutes(instant: number, timeZone: string): number {
  const w = wall(instant, timeZone);
  return w.h * 60 + w.min;
}

// ---- pure calendar arithmetic -------------------------------------------------------------------

export function addDays(date: string, days: number): string {
  const [y, m, d] = parse(date);
  return fromUtcMs(utcMs(y, m, d + days));
}

/** 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: string): number {
  const [y, m, d] = parse(date);
  return ((new Date(utcMs(y, m, d)).getUTCDay() + 6) % 7) + 1;
}

export const isSchoolDay = (date: string): boolean => dayOfWeek(date) <= 5;

export const isMonday = (date: string): boolean => dayOfWeek(date) === 1;

/** The Monday on or before the date. */
export const weekStart = (date: string): string => addDays(date, 1 - dayOfWeek(date));

/** Mon..Fri of the week containing the date (normally given its Monday). */
export function schoolDays(weekStartDate: string): string[] {
  const monday = weekStart(weekStartDate);
  return [0, 1, 2, 3, 4].map((i) => addDays(monday, i));
}

/** The first Mon–Fri strictly after the date. */
export function nextSchoolDay(date: string): string {
  let d = addDays(date, 1);
  while (!isSchoolDay(d)) d = addDays(d, 1);
  return d;
}

/** The n school days ending with the date, or with the last school day before it; oldest first. */
export function previousSchoolDays(date: string, n: number): string[] {
  const days: string[] = [];
  for (let d = date; days.length < n; d = addDays(d, -1)) {
    if (isSchoolDay(d)) days.push(d);
  }
  return days.reverse();
}

// ---- local days → instants ----------------------------------------------------------------------

/**
 * Epoch ms of the first instant of the date in the zone: local 00:00, or, where a DST jump skips
 * midnight (e.g. Chile), the moment of the jump.
 */
export function startOfLocalDay(date: string, timeZone: string): number {
  const [y, m, d] = parse(date);
  const target = utcMs(y, m, d);
  const isFirstInstant = (t: number) => localDate(t, timeZone) === date && localDate(t - 1, timeZone) < date;

  // Midnight is the wall time minus the offset in force then. A second pass corrects for an offset
  // change between the first guess and midnight; this settles every ordinary day.
  let t = target - offsetAt(target, timeZone);
  t = target - offsetAt(t, timeZone);
  if (isFirstInstant(t)) return t;

  // Midnight skipped or repeated: search for where the local date turns. Offsets lie within
  // −12 h … +14 h, so that moment is within 15 h of UTC midnight either way.
  let lo = target - 15 * HOUR;
  let hi = target + 15 * HOUR;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDate(mid, timeZone) >= date) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The start of the next local day: the first local midnight strictly after the instant. */
export function nextLocalMidnight(instant: number, timeZone: string): number {
  return startOfLocalDay(addDays(localDate(instant, timeZone), 1), timeZone);
}

// ---- English labels (fixed wording, independent of the device locale) ---------------------------

export const dayName = (date: string): string => DAY_NAMES[dayOfWeek(date) - 1]!;

const monthName = (date: string): string => MONTH_NAMES[parse(date)[1] - 1]!;

/** 'Tuesday 3 December' */
export const formatDayLong = (date: string): string => `${dayName(date)} ${parse(date)[2]} ${monthName(date)}`;

/** 'Tue 3 Dec' */
export const formatDayShort = (date: string): string =>
  `${dayName(date).slice(0, 3)} ${parse(date)[2]} ${monthName(date).slice(0, 3)}`;

/** 'Week of Monday 30 November 2026' */
export function formatWeekRange(weekStartDate: string): string {
  const monday = weekStart(weekStartDate);
  return `Week of ${formatDayLong(monday)} ${parse(monday)[0]}`;
}

// ---- server clock -------------------------------------------------------------------------------

/**
 * What to add to the device clock to get the server's, assuming the server read its clock halfway
 * through the round trip (sentAt and receivedAt are device-clock times).
 */
export const clockOffset = (serverNow: number, sentAt: number, receivedAt: number): number =>
  serverNow - (sentAt + receivedAt) / 2;

export const correctedNow = (deviceNow: number, offsetMs: number): number => deviceNow + offsetMs;
