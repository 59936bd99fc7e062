import { describe, expect, it } from 'vitest';
import { fromNumber, isIsoDay, isoDay, monthNumber, mustNumber, toNumber, weekday } from './calendar';

const addDays = (day: string, n: number) => fromNumber(mustNumber(day) + n);
const daysBetween = (from: string, to: string) => mustNumber(to) - mustNumber(from);
const weekdayOf = (day: string) => weekday(mustNumber(day));

describe('calendar', () => {
  it('formats days that exist and refuses those that do not', () => {
    expect(isoDay(2020, 2, 29)).toBe('2020-02-29');
    expect(isoDay(2019, 2, 29)).toBeUndefined();
    expect(isoDay(2020, 4, 31)).toBeUndefined();
    expect(isoDay(2020, 13, 1)).toBeUndefined();
    expect(isoDay(25, 1, 1)).toBeUndefined(); // year 0025 is a typo, not a date
  });

  it('reads month names and abbreviations, and nothing else', () => {
    expect(['January', 'feb', 'Sept', 'march', 'DEC'].map(monthNumber)).toEqual([1, 2, 9, 3, 12]);
    expect(monthNumber('Maghreb')).toBe(0);
  });

  it('counts weekdays from day numbers (1970-01-01 a Thursday; 2020-05-18 a Monday)', () => {
    expect(weekday(0)).toBe(4);
    expect(weekday(toNumber('2020-05-18')!)).toBe(1);
    expect(weekday(-1)).toBe(3);
  });
});

describe('day arithmetic on day numbers', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-02-29', 1)).toBe('2020-03-01');
    expect(addDays('2019-02-28', 1)).toBe('2019-03-01');
    expect(addDays('2020-01-02', -3)).toBe('2019-12-30');
    expect(addDays('2019-12-31', 366)).toBe('2020-12-31');
    expect(addDays('2011-10-20', 0)).toBe('2011-10-20');
  });

  it('counts days between two days', () => {
    expect(daysBetween('2019-12-30', '2020-01-02')).toBe(3);
    expect(daysBetween('2020-03-01', '2020-02-28')).toBe(-2);
  });

  it('names weekdays as getUTCDay does, 0 for Sunday', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2019-04-04')).toBe(4);
    expect(weekdayOf('2020-02-29')).toBe(6);
    expect(weekdayOf('2011-02-17')).toBe(4);
    expect(weekdayOf('1969-12-28')).toBe(0);
  });

  it('accepts only days that exist', () => {
    expect(isIsoDay('2020-02-29')).toBe(true);
    expect(isIsoDay('2019-02-29')).toBe(false);
    expect(isIsoDay('2019-04-31')).toBe(false);
    expect(isIsoDay('2019-4-3')).toBe(false);
    expect(isIsoDay('3 April 2019')).toBe(false);
    expect(() => addDays('yesterday', 1)).toThrow(RangeError);
  });
});
