import { describe, expect, it } from 'vitest';
import { cardFor, nextPickupEdge, pickupPhase } from '../../client/state/poster-day.ts';
import { localDate, localTime } from '../../shared/calendar.ts';
import type { DisplayClass, DisplayPrompt } from '../../shared/schemas.ts';

const prompt = (date: string): DisplayPrompt => ({
  date, subject: 'science', theme: `theme of ${date}`, prompt: `Prompt of ${date}?`, kind: 'verbal', minutes: 10, support: '', extensions: [], updatedAt: 1,
});
const cls = (dates: string[]): DisplayClass => ({ id: 'oak', name: 'Oak', yearGroup: 1, prompts: dates.map(prompt) });
const week = cls(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08']);

/** What the poster shows at an instant for a school in a zone: the same path the display controller takes. */
const shownAt = (instant: number, timeZone: string, c = week) => cardFor(c, localDate(instant, timeZone));

describe('poster day', () => {
  it("picks the prompt by its own date only: never yesterday's as today's", () => {
    expect(cardFor(week, '2026-12-03')).toMatchObject({ state: 'today', prompt: { date: '2026-12-03' } });
    expect(cardFor(cls(['2026-12-02']), '2026-12-03')).toMatchObject({ state: 'pending', prompt: null });
    expect(cardFor(cls([]), '2026-12-03')).toMatchObject({ state: 'welcome', prompt: null });
  });

  it('on a weekend says see you on Monday, with the coming week only', () => {
    const sat = cardFor(week, '2026-12-05');
    expect(sat.state).toBe('no-school');
    expect(sat.week.map((p) => p.date)).toEqual(['2026-12-07', '2026-12-08']);
    expect(cardFor(cls(['2026-12-04']), '2026-12-06')).toMatchObject({ state: 'no-school', week: [] });
  });

  it('shows the right day for a school in another time zone', () => {
    // 11:30 UTC on Thursday 3 December 2026 is already 00:30 on Friday in Auckland (UTC+13).
    const instant = Date.UTC(2026, 11, 3, 11, 30);
    expect(shownAt(instant, 'Europe/London').prompt?.date).toBe('2026-12-03');
    expect(shownAt(instant, 'Pacific/Auckland').prompt?.date).toBe('2026-12-04');
    // 23:30 UTC on Friday is Saturday in Auckland but still Friday evening in Los Angeles.
    const friday = Date.UTC(2026, 11, 4, 23, 30);
    expect(shownAt(friday, 'Pacific/Auckland').state).toBe('no-school');
    expect(shownAt(friday, 'America/Los_Angeles').prompt?.date).toBe('2026-12-04');
  });

  it('turns the day at local midnight across both 2026 DST changes in London', () => {
    // Clocks go forward on Sunday 29 March and back on Sunday 25 October 2026.
    const spring = cls(['2026-03-27', '2026-03-30']);
    expect(shownAt(Date.UTC(2026, 2, 29, 23, 0) - 1, 'Europe/London', spring).state).toBe('no-school'); // Sun 23:59:59 BST
    expect(shownAt(Date.UTC(2026, 2, 29, 23, 0), 'Europe/London', spring).prompt?.date).toBe('2026-03-30'); // Mon 00:00 BST
    const autumn = cls(['2026-10-23', '2026-10-26']);
    expect(shownAt(Date.UTC(2026, 9, 26, 0, 0) - 1, 'Europe/London', autumn).state).toBe('no-school'); // Sun 23:59:59 GMT
    expect(shownAt(Date.UTC(2026, 9, 26, 0, 0), 'Europe/London', autumn).prompt?.date).toBe('2026-10-26');
  });

  it('knows the pickup phase by local wall time', () => {
    const at = (h: number, m: number) => Date.UTC(2026, 11, 3, h, m); // London is on UTC in December
    expect(pickupPhase(at(14, 44), 'Europe/London', '14:45', '15:45')).toBe('before');
    expect(pickupPhase(at(14, 45), 'Europe/London', '14:45', '15:45')).toBe('pickup');
    expect(pickupPhase(at(15, 45), 'Europe/London', '14:45', '15:45')).toBe('after');
    // 14:45 in Auckland is 01:45 UTC.
    expect(pickupPhase(Date.UTC(2026, 11, 3, 1, 50), 'Pacific/Auckland', '14:45', '15:45')).toBe('pickup');
  });

  it('finds the next pickup edge to the minute, even on a day the clocks changed', () => {
    const tz = 'Europe/London';
    const edge = (instant: number) => {
      const t = nextPickupEdge(instant, tz, '14:45', '15:45');
      return t === null ? null : `${localDate(t, tz)} ${localTime(t, tz)}`;
    };
    expect(edge(Date.UTC(2026, 11, 3, 9, 0, 30))).toBe('2026-12-03 14:45');
    expect(edge(Date.UTC(2026, 11, 3, 15, 0))).toBe('2026-12-03 15:45');
    expect(edge(Date.UTC(2026, 11, 3, 16, 0))).toBe(null);
    // 00:30 GMT on the spring-forward day: an hour of wall time never happens before 14:45 BST.
    const t = nextPickupEdge(Date.UTC(2026, 2, 29, 0, 30), tz, '14:45', '15:45')!;
    expect(t).toBe(Date.UTC(2026, 2, 29, 13, 45));
    // 00:30 BST on the autumn day: an hour of wall time happens twice.
    expect(nextPickupEdge(Date.UTC(2026, 9, 24, 23, 30), tz, '14:45', '15:45')).toBe(Date.UTC(2026, 9, 25, 14, 45));
  });
});
