import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIME_ZONE,
  addDays,
  clockOffset,
  correctedNow,
  dayName,
  dayOfWeek,
  formatDayLong,
  formatDayShort,
  formatWeekRange,
  isMonday,
  isSchoolDay,
  localDate,
  localMinutes,
  localTime,
  nextLocalMidnight,
  nextSchoolDay,
  previousSchoolDays,
  schoolDays,
  startOfLocalDay,
  weekStart,
} from '../../shared/calendar.ts';

const LONDON = DEFAULT_TIME_ZONE;
const NEW_YORK = 'America/New_York';
const SYDNEY = 'Australia/Sydney';
const HOUR = 3_600_000;
const MINUTE = 60_000;
const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

describe('local date and time', () => {
  it('defaults to London', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Europe/London');
  });

  it('London spring forward, 01:00 UTC Sunday 29 March 2026', () => {
    const change = utc(2026, 3, 29, 1);
    expect(localTime(change - MINUTE, LONDON)).toBe('00:59');
    expect(localTime(change, LONDON)).toBe('02:00');
    expect(localDate(change - MINUTE, LONDON)).toBe('2026-03-29');
    expect(localDate(change, LONDON)).toBe('2026-03-29');
    expect(localMinutes(change, LONDON)).toBe(120);
    // 23:30 UTC on Sunday is already Monday in BST.
    expect(localDate(utc(2026, 3, 29, 23, 30), LONDON)).toBe('2026-03-30');
    expect(localTime(utc(2026, 3, 29, 23, 30), LONDON)).toBe('00:30');
    // ...but the same UTC time the night before is still Saturday-night GMT.
    expect(localDate(utc(2026, 3, 28, 23, 30), LONDON)).toBe('2026-03-28');
  });

  it('London fall back, 01:00 UTC Sunday 25 October 2026', () => {
    const change = utc(2026, 10, 25, 1);
    expect(localTime(change - MINUTE, LONDON)).toBe('01:59');
    expect(localTime(change, LONDON)).toBe('01:00');
    expect(localDate(change - MINUTE, LONDON)).toBe('2026-10-25');
    expect(localDate(change, LONDON)).toBe('2026-10-25');
    // 23:30 UTC on Saturday is already Sunday in BST; on Sunday it is still Sunday in GMT.
    expect(localDate(utc(2026, 10, 24, 23, 30), LONDON)).toBe('2026-10-25');
    expect(localDate(utc(2026, 10, 25, 23, 30), LONDON)).toBe('2026-10-25');
    expect(localTime(utc(2026, 10, 25, 23, 30), LONDON)).toBe('23:30');
  });

  it('New York DST starts 8 March and ends 1 November 2026', () => {
    expect(localTime(utc(2026, 3, 8, 6, 59), NEW_YORK)).toBe('01:59');
    expect(localTime(utc(2026, 3, 8, 7), NEW_YORK)).toBe('03:00');
    expect(localTime(utc(2026, 11, 1, 5, 59), NEW_YORK)).toBe('01:59');
    expect(localTime(utc(2026, 11, 1, 6), NEW_YORK)).toBe('01:00');
    // Evening in New York is already tomorrow in London.
    expect(localDate(utc(2026, 6, 1, 23), NEW_YORK)).toBe('2026-06-01');
    expect(localDate(utc(2026, 6, 1, 23), LONDON)).toBe('2026-06-02');
  });

  it('Sydney DST ends 5 April and starts 4 October 2026', () => {
    expect(localTime(utc(2026, 4, 4, 15, 59), SYDNEY)).toBe('02:59');
    expect(localTime(utc(2026, 4, 4, 16), SYDNEY)).toBe('02:00');
    expect(localTime(utc(2026, 10, 3, 15, 59), SYDNEY)).toBe('01:59');
    expect(localTime(utc(2026, 10, 3, 16), SYDNEY)).toBe('03:00');
  });

  it('the same instant is a different date in London and Sydney', () => {
    const t = utc(2026, 1, 15, 20); // 20:00 GMT Thursday = 07:00 AEDT Friday
    expect(localDate(t, LONDON)).toBe('2026-01-15');
    expect(localDate(t, SYDNEY)).toBe('2026-01-16');
    expect(localTime(t, SYDNEY)).toBe('07:00');
    expect(localMinutes(t, SYDNEY)).toBe(420);
  });

  it('rejects an unknown zone', () => {
    expect(() => localDate(0, 'Not/AZone')).toThrow(RangeError);
  });
});

describe('start of day and next midnight', () => {
  it('spring forward: 29 March 2026 is 23 h long in London', () => {
    expect(startOfLocalDay('2026-03-28', LONDON)).toBe(utc(2026, 3, 28, 0));
    expect(startOfLocalDay('2026-03-29', LONDON)).toBe(utc(2026, 3, 29, 0));
    expect(startOfLocalDay('2026-03-30', LONDON)).toBe(utc(2026, 3, 29, 23));
    expect(startOfLocalDay('2026-03-30', LONDON) - startOfLocalDay('2026-03-29', LONDON)).toBe(23 * HOUR);

    // Saturday 23:30 GMT → Sunday 00:00 GMT.
    expect(nextLocalMidnight(utc(2026, 3, 28, 23, 30), LONDON)).toBe(utc(2026, 3, 29, 0));
    // Sunday midday BST (11:00 UTC) → Monday 00:00 BST, 23:00 UTC Sunday.
    expect(nextLocalMidnight(utc(2026, 3, 29, 11), LONDON)).toBe(utc(2026, 3, 29, 23));
  });

  it('fall back: 25 October 2026 is 25 h long in London', () => {
    expect(startOfLocalDay('2026-10-25', LONDON)).toBe(utc(2026, 10, 24, 23));
    expect(startOfLocalDay('2026-10-26', LONDON)).toBe(utc(2026, 10, 26, 0));
    expect(startOfLocalDay('2026-10-26', LONDON) - startOfLocalDay('2026-10-25', LONDON)).toBe(25 * HOUR);

    expect(nextLocalMidnight(utc(2026, 10, 24, 22, 30), LONDON)).toBe(utc(2026, 10, 24, 23));
    expect(nextLocalMidnight(utc(2026, 10, 25, 12), LONDON)).toBe(utc(2026, 10, 26, 0));
    // Exactly at midnight: strictly after, so the following one.
    expect(nextLocalMidnight(utc(2026, 10, 24, 23), LONDON)).toBe(utc(2026, 10, 26, 0));
  });

  it('New York and Sydney', () => {
    expect(startOfLocalDay('2026-03-08', NEW_YORK)).toBe(utc(2026, 3, 8, 5));
    expect(startOfLocalDay('2026-03-09', NEW_YORK)).toBe(utc(2026, 3, 9, 4));
    expect(startOfLocalDay('2026-11-02', NEW_YORK) - startOfLocalDay('2026-11-01', NEW_YORK)).toBe(25 * HOUR);

    // 00:00 AEDT (+11) on 5 April; that day is 25 h, 4 October is 23 h.
    expect(startOfLocalDay('2026-04-05', SYDNEY)).toBe(utc(2026, 4, 4, 13));
    expect(startOfLocalDay('2026-04-06', SYDNEY) - startOfLocalDay('2026-04-05', SYDNEY)).toBe(25 * HOUR);
    expect(startOfLocalDay('2026-10-05', SYDNEY) - startOfLocalDay('2026-10-04', SYDNEY)).toBe(23 * HOUR);

    // The same London and Sydney date starts at very different instants.
    expect(startOfLocalDay('2026-06-01', LONDON) - startOfLocalDay('2026-06-01', SYDNEY)).toBe(9 * HOUR);
  });

  it('a day whose midnight is skipped starts at the jump (Chile, 6 September 2026)', () => {
    // Santiago goes from 23:59:59 −04 on Saturday straight to 01:00 −03 on Sunday.
    const start = startOfLocalDay('2026-09-06', 'America/Santiago');
    expect(start).toBe(utc(2026, 9, 6, 4));
    expect(localTime(start, 'America/Santiago')).toBe('01:00');
    expect(localDate(start - 1, 'America/Santiago')).toBe('2026-09-05');
    expect(nextLocalMidnight(utc(2026, 9, 6, 2), 'America/Santiago')).toBe(start);
  });

  it('a day whose 23:00 hour repeats (Chile, 4 April 2026) is 25 h long', () => {
    expect(startOfLocalDay('2026-04-04', 'America/Santiago')).toBe(utc(2026, 4, 4, 3));
    expect(startOfLocalDay('2026-04-05', 'America/Santiago')).toBe(utc(2026, 4, 5, 4));
  });

  it('a day whose midnight repeats starts at the first one (Havana, 1 November 2026)', () => {
    expect(startOfLocalDay('2026-11-01', 'America/Havana')).toBe(utc(2026, 11, 1, 4));
  });

  it('every hour of 2026 in London: the next midnight is the start of tomorrow at 00:00', () => {
    for (let t = utc(2026, 1, 1); t < utc(2027, 1, 1); t += HOUR) {
      const m = nextLocalMidnight(t, LONDON);
      if (!(m > t)) throw new Error(`not after ${new Date(t).toISOString()}`);
      expect(localDate(m, LONDON)).toBe(addDays(localDate(t, LONDON), 1));
      expect(localTime(m, LONDON)).toBe('00:00');
    }
  });

  it('every hour of 2026 in other zones: the next midnight is the first instant of tomorrow', () => {
    for (const zone of [NEW_YORK, SYDNEY, 'America/Santiago', 'Asia/Kolkata', 'Pacific/Chatham']) {
      for (let t = utc(2026, 1, 1); t < utc(2027, 1, 1); t += HOUR) {
        const m = nextLocalMidnight(t, zone);
        const tomorrow = addDays(localDate(t, zone), 1);
        if (!(m > t) || localDate(m, zone) !== tomorrow || localDate(m - 1, zone) === tomorrow) {
          throw new Error(`${zone} ${new Date(t).toISOString()} → ${new Date(m).toISOString()}`);
        }
      }
    }
  });
});

describe('calendar arithmetic', () => {
  it('addDays across months, years, leap days and DST', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-10-26', -2)).toBe('2026-10-24');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2026-05-05', 0)).toBe('2026-05-05');
  });

  it('rejects malformed dates', () => {
    expect(() => addDays('2026-3-1', 1)).toThrow(RangeError);
    expect(() => dayOfWeek('')).toThrow(RangeError);
  });

  it('day of week, school days and Mondays', () => {
    const week = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'];
    expect(week.map(dayOfWeek)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(week.map(isSchoolDay)).toEqual([true, true, true, true, true, false, false]);
    expect(week.map(isMonday)).toEqual([true, false, false, false, false, false, false]);
  });

  it('weekStart for every day of a week, including Sunday', () => {
    for (let i = 0; i < 7; i++) expect(weekStart(addDays('2026-11-30', i))).toBe('2026-11-30');
    expect(weekStart('2026-12-07')).toBe('2026-12-07');
  });

  it('weekStart across a month and a year boundary', () => {
    expect(weekStart('2026-12-03')).toBe('2026-11-30');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
    expect(weekStart('2027-01-03')).toBe('2026-12-28');
    expect(weekStart('2027-01-04')).toBe('2027-01-04');
    expect(weekStart('2026-03-29')).toBe('2026-03-23'); // DST Sunday
  });

  it('schoolDays', () => {
    expect(schoolDays('2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01']);
    expect(schoolDays('2027-01-02')).toEqual(schoolDays('2026-12-28'));
  });

  it('nextSchoolDay', () => {
    expect(nextSchoolDay('2026-12-01')).toBe('2026-12-02');
    expect(nextSchoolDay('2026-12-04')).toBe('2026-12-07');
    expect(nextSchoolDay('2026-12-05')).toBe('2026-12-07');
    expect(nextSchoolDay('2026-12-06')).toBe('2026-12-07');
    expect(nextSchoolDay('2026-12-31')).toBe('2027-01-01');
  });

  it('previousSchoolDays across a weekend', () => {
    expect(previousSchoolDays('2026-12-08', 3)).toEqual(['2026-12-04', '2026-12-07', '2026-12-08']);
    expect(previousSchoolDays('2026-12-06', 2)).toEqual(['2026-12-03', '2026-12-04']);
    expect(previousSchoolDays('2026-12-05', 1)).toEqual(['2026-12-04']);
    expect(previousSchoolDays('2027-01-04', 6)).toEqual([
      '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-04',
    ]);
    expect(previousSchoolDays('2026-12-08', 0)).toEqual([]);
  });
});

describe('labels', () => {
  it('formats in English regardless of locale', () => {
    expect(formatDayLong('2026-12-01')).toBe('Tuesday 1 December');
    expect(formatDayLong('2024-12-03')).toBe('Tuesday 3 December');
    expect(formatDayShort('2024-12-03')).toBe('Tue 3 Dec');
    expect(formatDayShort('2026-03-29')).toBe('Sun 29 Mar');
    expect(formatWeekRange('2026-11-30')).toBe('Week of Monday 30 November 2026');
    expect(formatWeekRange('2027-01-01')).toBe('Week of Monday 28 December 2026');
    expect(['2026-11-30', '2026-12-05', '2026-12-06'].map(dayName)).toEqual(['Monday', 'Saturday', 'Sunday']);
  });
});

describe('server clock', () => {
  it('estimates the offset from the midpoint of the round trip', () => {
    // Sent at 1000, answered at 1200 on the device; the server read 5100 halfway, at device 1100.
    expect(clockOffset(5100, 1000, 1200)).toBe(4000);
    expect(clockOffset(900, 1000, 1200)).toBe(-200);
    expect(correctedNow(2000, clockOffset(5100, 1000, 1200))).toBe(6000);
    expect(correctedNow(2000, 0)).toBe(2000);
  });
});
