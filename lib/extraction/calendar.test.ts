import { describe, expect, it } from 'vitest';
import { isoDay, monthNumber, toNumber, weekday } from './calendar';

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
