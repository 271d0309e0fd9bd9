import { describe, expect, it } from 'vitest';
import { isCalendarDate, toConnectWiseDate } from './index';

describe('calendar dates', () => {
  it.each([
    '2026-01-01',
    '2026-12-31',
    '2028-02-29',
    '2000-02-29',
    '2026-04-30',
    '0001-01-01',
    '9999-12-31',
  ])('accepts the real date %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    '2027-02-29', // not a leap year
    '2100-02-29', // century, not a leap year
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-5',
    '26-01-05',
    '2026-01-05T00:00:00Z',
    ' 2026-01-05',
    '2026/01/05',
    '0000-01-01',
    '+02026-01-05',
    '',
  ])('refuses %j', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it.each([
    ['2026-01-15', '2026-01-15T00:00:00Z'],
    ['2026-12-31', '2026-12-31T00:00:00Z'],
    ['2028-02-29', '2028-02-29T00:00:00Z'],
  ])('sends %s to ConnectWise as %s', (date, sent) => {
    expect(toConnectWiseDate(date)).toBe(sent);
  });

  it('never sends a date that is not real', () => {
    expect(() => toConnectWiseDate('2026-02-30')).toThrow(
      /"2026-02-30" is not a real calendar date/,
    );
  });
});
