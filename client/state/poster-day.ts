/**
 * What a poster shows for one class on one local day: pure rules over the cached
 * DisplayState, so the same answer comes out online, offline and in tests. A prompt is
 * only ever picked by its own date: yesterday's prompt can never be shown as today's.
 */
import { isSchoolDay, localMinutes, nextSchoolDay, schoolDays } from '../../shared/calendar.ts';
import type { DisplayClass, DisplayPrompt } from '../../shared/schemas.ts';

/**
 * today: today's prompt is published · pending: a school day with nothing published for it ·
 * no-school: weekend ("See you on Monday", with the coming week if published) ·
 * welcome: a school day and nothing published at all yet (a new class or an unplanned week).
 */
export type PosterCardState = 'today' | 'pending' | 'no-school' | 'welcome';

/** Where the local time sits against the school's pickup window. */
export type PickupPhase = 'before' | 'pickup' | 'after';

export interface PosterCardModel {
  classId: string;
  className: string;
  state: PosterCardState;
  prompt: DisplayPrompt | null;
  /** On a no-school day: the coming school week's published prompts, Monday first. */
  week: DisplayPrompt[];
}

export function cardFor(cls: DisplayClass, today: string): PosterCardModel {
  const base = { classId: cls.id, className: cls.name, prompt: null, week: [] };
  if (!isSchoolDay(today)) {
    const coming = new Set(schoolDays(nextSchoolDay(today)));
    const week = cls.prompts.filter((p) => coming.has(p.date)).sort((a, b) => a.date.localeCompare(b.date));
    return { ...base, state: 'no-school', week };
  }
  const prompt = cls.prompts.find((p) => p.date === today);
  if (prompt) return { ...base, state: 'today', prompt };
  return { ...base, state: cls.prompts.length === 0 ? 'welcome' : 'pending' };
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function pickupPhase(instant: number, timeZone: string, start: string, end: string): PickupPhase {
  const now = localMinutes(instant, timeZone);
  if (now < minutesOf(start)) return 'before';
  return now < minutesOf(end) ? 'pickup' : 'after';
}

/**
 * The next instant today at which the pickup phase changes, or null when both edges have
 * passed (local midnight comes next). Wall-clock minutes are turned into an instant with
 * one correction pass, so a DST jump earlier in the day does not make the edge an hour late.
 */
export function nextPickupEdge(instant: number, timeZone: string, start: string, end: string): number | null {
  const now = localMinutes(instant, timeZone);
  const minuteStart = instant - (instant % 60_000);
  for (const edge of [minutesOf(start), minutesOf(end)]) {
    if (edge <= now) continue;
    let t = minuteStart + (edge - now) * 60_000;
    t += (edge - localMinutes(t, timeZone)) * 60_000;
    return t;
  }
  return null;
}
