/**
 * At each school's local midnight, push every class's prompts again. Screens roll over
 * by themselves; this push makes sure a screen with a wrong clock hears it too.
 */
import { nextLocalMidnight } from '../../shared/calendar.ts';
import type { School } from '../../shared/schemas.ts';
import type { Clock } from '../clock.ts';
import type { Broadcaster } from './rooms.ts';

// setTimeout overflows past 2^31-1 ms; midnight is never that far away, but clamp anyway.
const MAX_DELAY = 2 ** 31 - 1;

export class Rollover {
  private timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly push: Broadcaster, private readonly clock: Clock) {}

  schedule(school: School): void {
    this.cancel(school.id);
    const now = this.clock.now();
    // A second past midnight, so that "today" has certainly changed when the push is built.
    const delay = Math.min(nextLocalMidnight(now, school.timeZone) - now + 1000, MAX_DELAY);
    const timer = setTimeout(() => {
      void this.push.allClassPrompts(school).catch((err: unknown) => console.error('rollover push failed', err));
      this.schedule(school);
    }, delay);
    timer.unref();
    this.timers.set(school.id, timer);
  }

  cancel(schoolId: string): void {
    clearTimeout(this.timers.get(schoolId));
    this.timers.delete(schoolId);
  }

  stop(): void {
    for (const id of [...this.timers.keys()]) this.cancel(id);
  }
}
