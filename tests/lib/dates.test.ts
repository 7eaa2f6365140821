import { describe, expect, it } from 'vitest';
import { formatDate, isCalendarDate, todayInLondon, yearOf } from '#lib/model/dates.ts';

describe('dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2019-06-11')).toBe(true);
    expect(isCalendarDate('2020-02-29')).toBe(true);
    expect(isCalendarDate('2019-02-29')).toBe(false);
    expect(isCalendarDate('2019-02-31')).toBe(false);
    expect(isCalendarDate('2019-13-01')).toBe(false);
    expect(isCalendarDate('11/06/2019')).toBe(false);
    expect(isCalendarDate('2019-6-11')).toBe(false);
  });
  it('writes dates as GOV.UK does', () => {
    expect(formatDate('2019-06-11')).toBe('11 June 2019');
    expect(formatDate('2017-09-06')).toBe('6 September 2017');
  });
  it('takes the year', () => {
    expect(yearOf('2017-11-15')).toBe('2017');
  });
  it('knows the day in London, not in UTC', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST)
    expect(todayInLondon(new Date('2019-06-30T23:30:00Z'))).toBe('2019-07-01');
    // in winter London is on UTC
    expect(todayInLondon(new Date('2019-12-31T23:30:00Z'))).toBe('2019-12-31');
  });
});
