/**
 * Counting who took part, for the grid, the chart and its table: pure, so the numbers a
 * teacher sees in the chart and in the table cannot come from two different sums.
 */
import type { Participation, ParticipationMode } from '../../shared/schemas.ts';

export const MODES: readonly ParticipationMode[] = ['home', 'peer', 'staff'];

export const MODE_LABELS: Record<ParticipationMode, string> = { home: 'Home', peer: 'Peer', staff: 'Staff' };
export const MODE_LONG: Record<ParticipationMode, string> = { home: 'At home', peer: 'With a peer', staff: 'With staff' };

/** Children reached on one day: a child counts once per mode, however many entries. */
export interface DayCounts {
  date: string;
  home: number;
  peer: number;
  staff: number;
  /** Children with at least one conversation that day. */
  reached: number;
}

export function dayCounts(dates: readonly string[], entries: readonly Participation[]): DayCounts[] {
  return dates.map((date) => {
    const mine = entries.filter((e) => e.date === date);
    const children = (mode: ParticipationMode) => new Set(mine.filter((e) => e.mode === mode).map((e) => e.childId)).size;
    return { date, home: children('home'), peer: children('peer'), staff: children('staff'), reached: new Set(mine.map((e) => e.childId)).size };
  });
}

/** Children with at least one conversation on any of the days. */
export const childrenReached = (entries: readonly Participation[], dates: readonly string[]): number =>
  new Set(entries.filter((e) => dates.includes(e.date)).map((e) => e.childId)).size;

/** The modes a child took part in on a day, in a fixed order, each once. */
export const modesOf = (entries: readonly Participation[]): ParticipationMode[] =>
  MODES.filter((m) => entries.some((e) => e.mode === m));
