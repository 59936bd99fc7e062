import { dayHeading, formatDay, formatDayRange, formatMonth } from './day-labels';

describe('dayHeading', () => {
  it('names the day, the week or the month by precision', () => {
    expect(dayHeading('2020-05-16', 1)).toBe('Saturday 16 May 2020');
    expect(dayHeading('2020-05-14', 2)).toBe('Week of 11 May 2020');
    expect(dayHeading('2020-05-15', 3)).toBe('May 2020');
  });

  it('starts a week on its Monday, across month and year ends', () => {
    // A weekend is dated by its Saturday; a week by its Thursday (lib/extraction/dates.ts).
    expect(dayHeading('2020-05-16', 2)).toBe('Week of 11 May 2020');
    expect(dayHeading('2020-05-11', 2)).toBe('Week of 11 May 2020');
    expect(dayHeading('2020-05-17', 2)).toBe('Week of 11 May 2020');
    expect(dayHeading('2020-01-02', 2)).toBe('Week of 30 December 2019');
  });

  it('gives the calendar day whatever the machine’s time zone (1 January, leap days)', () => {
    expect(dayHeading('2021-01-01', 1)).toBe('Friday 1 January 2021');
    expect(dayHeading('2020-02-29', 1)).toBe('Saturday 29 February 2020');
    expect(dayHeading('2011-02-17', 1)).toBe('Thursday 17 February 2011');
  });

  it('shows a string that is no day as it is rather than throwing', () => {
    expect(dayHeading('2019-02-29', 1)).toBe('2019-02-29');
    expect(formatDayRange('2020-05-01', 'soon')).toBe('1 May 2020 – soon');
  });
});

describe('formatDay, formatMonth', () => {
  it('writes days and months in full', () => {
    expect(formatDay('2019-09-01')).toBe('1 September 2019');
    expect(formatMonth('2019-12-31')).toBe('December 2019');
  });
});

describe('formatDayRange', () => {
  it('shares the month and year between the ends when it can', () => {
    expect(formatDayRange('2020-05-01', '2020-05-31')).toBe('1–31 May 2020');
    expect(formatDayRange('2020-04-28', '2020-05-03')).toBe('28 April – 3 May 2020');
    expect(formatDayRange('2019-12-30', '2020-01-02')).toBe('30 December 2019 – 2 January 2020');
    expect(formatDayRange('2020-05-16', '2020-05-16')).toBe('16 May 2020');
  });

  it('reads an open range', () => {
    expect(formatDayRange('2020-05-01')).toBe('from 1 May 2020');
    expect(formatDayRange(undefined, '2020-05-31')).toBe('until 31 May 2020');
    expect(formatDayRange()).toBe('');
  });
});
