/**
 * Plain-text messages for the school office's text and email service. No HTML: the text is
 * pasted or sent as it is.
 */
import { addDays, dayName, formatWeekRange, weekStart as mondayOf } from './calendar.ts';
import { themeInSentence } from './prompt-rules.ts';
import type { PromptDraft } from './schemas.ts';

type NamedClass = { name: string };

const CLOSING = "Each one is a ten-minute chat with your child: there's nothing to write and nothing is marked.";
const CLOSING_SHORT = '10-minute chats: nothing to write, no marking.';

/** Prompts of that week (Monday to Sunday) that have something to say, in date order. */
function promptsOfWeek(weekStart: string, prompts: PromptDraft[]): PromptDraft[] {
  const monday = mondayOf(weekStart);
  const sunday = addDays(monday, 6);
  return prompts
    .filter((p) => p.date >= monday && p.date <= sunday && p.prompt.trim() !== '')
    .sort((a, b) => a.date.localeCompare(b.date));
}

const day = (date: string): string => dayName(date).slice(0, 3);

export function mondayMessage(cls: NamedClass, weekStart: string, prompts: PromptDraft[]): string {
  const days = promptsOfWeek(weekStart, prompts).map((p) => {
    const theme = p.theme.trim();
    return `${day(p.date)}: ${theme ? `${theme} — ` : ''}${p.prompt.trim()}`;
  });
  return [
    cls.name.trim(),
    formatWeekRange(weekStart),
    '',
    ...(days.length ? ["This week's learning conversations:", ...days] : ['No learning conversations this week.']),
    '',
    CLOSING,
  ].join('\n');
}

// ---------- SMS ----------

// GSM 03.38. ESC (0x1B) is left out of the basic set: it is what introduces an extension char.
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

const SMS_SEGMENTS_MAX = 3;

/** Greedy packing: a carrier never splits an escape sequence or a surrogate pair across segments. */
function pack(units: number[], perSegment: number): number {
  let segments = 1;
  let used = 0;
  for (const u of units) {
    if (used + u > perSegment) {
      segments++;
      used = 0;
    }
    used += u;
  }
  return segments;
}

/**
 * How many SMS segments the text takes. All GSM-7: 160 septets alone, 153 a segment when
 * concatenated, extension chars taking two. Anything else makes the whole text UCS-2: 70 UTF-16
 * units alone, 67 concatenated. Empty text is 0.
 */
export function smsSegments(text: string): number {
  const chars = Array.from(text);
  if (chars.length === 0) return 0;
  const gsm = chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENSION.has(c));
  const units = gsm ? chars.map((c) => (GSM_EXTENSION.has(c) ? 2 : 1)) : chars.map((c) => c.length);
  const total = units.reduce((a, b) => a + b, 0);
  if (total <= (gsm ? 160 : 70)) return 1;
  return pack(units, gsm ? 153 : 67);
}

/**
 * Typography teachers paste from a word processor, as GSM-7. One stray curly quote would make the
 * whole text UCS-2 and more than double the segments.
 */
export function toGsm(text: string): string {
  const plain = text
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/…/g, '...')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ');
  let out = '';
  for (const c of plain) {
    if (GSM_BASIC.has(c) || GSM_EXTENSION.has(c)) out += c;
    else {
      // 'á' → 'a'; anything with no plain letter inside (an emoji) is dropped.
      const base = c.normalize('NFD').replace(/\p{M}/gu, '');
      if (Array.from(base).every((b) => GSM_BASIC.has(b))) out += base;
    }
  }
  return out;
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 3) return text.slice(0, max);
  return `${text.slice(0, max - 3).trimEnd()}...`;
}

/**
 * The week in at most three SMS segments: class, week, one short line per day with the theme only.
 * Long themes are cut, all to the same length, until it fits.
 */
export function mondayMessageShort(cls: NamedClass, weekStart: string, prompts: PromptDraft[]): string {
  const days = promptsOfWeek(weekStart, prompts).map((p) => ({
    day: day(p.date),
    theme: toGsm(p.theme.trim().replace(/\s+/g, ' ')),
  }));
  // The schema's limit for a class name, so that the days, not the name, get the room.
  const className = truncate(toGsm(cls.name.trim()), 60);
  const build = (themeMax: number): string =>
    [
      `${className}: ${formatWeekRange(weekStart)}`,
      ...days.map((d) => (d.theme && themeMax > 0 ? `${d.day} ${truncate(d.theme, themeMax)}` : d.day)),
      CLOSING_SHORT,
    ].join('\n');

  const longest = Math.max(0, ...days.map((d) => d.theme.length));
  for (let max = longest; max >= 0; max--) {
    const text = build(max);
    if (smsSegments(text) <= SMS_SEGMENTS_MAX) return text;
  }
  // Only reachable with several prompts a day: cut the text itself.
  let text = build(0);
  while (smsSegments(text) > SMS_SEGMENTS_MAX) text = text.slice(0, -1);
  return text;
}

// ---------- a day at a time ----------

export function todayMessage(cls: NamedClass, prompt: PromptDraft): string {
  const theme = prompt.theme.trim().replace(/[.!?]+$/, '');
  const extension = prompt.extensions.map((e) => e.trim()).find((e) => e !== '');
  return [
    cls.name.trim(),
    ...(theme ? [`Today we learned about ${themeInSentence(theme)}.`] : []),
    prompt.prompt.trim(),
    ...(extension ? [`Going further: ${extension}`] : []),
  ].join('\n');
}
