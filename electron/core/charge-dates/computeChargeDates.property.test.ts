import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BillingCycle,
  billingCycles,
  type ChargeDateConfiguration,
  chargeTypes,
  computeChargeDates,
  emptyChargeDateConfiguration,
  endDateRules,
  isCalendarDate,
  type LineForDates,
} from './index';

// The oracle is plain integer arithmetic on Date.UTC, independent of the luxon code under test.
const dayMs = 24 * 60 * 60 * 1000;
const firstDay = Date.UTC(1990, 0, 1) / dayMs;
const lastDay = Date.UTC(2100, 11, 31) / dayMs;

const calendarDate = fc
  .integer({ min: firstDay, max: lastDay })
  .map((day) => new Date(day * dayMs).toISOString().slice(0, 10));

const line: fc.Arbitrary<LineForDates> = fc.record({
  chargeType: fc.constantFrom(...chargeTypes),
  billingCycle: fc.constantFrom(...billingCycles),
  invoiceDate: calendarDate,
  chargeStart: calendarDate,
  chargeEnd: calendarDate,
});

function parts(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year ?? Number.NaN, month: month ?? Number.NaN, day: day ?? Number.NaN };
}

function dayAfter(date: string): string {
  const { year, month, day } = parts(date);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** Months since year 0, so "exactly one month later" is a difference of 1. */
function monthIndex(date: string): number {
  const { year, month } = parts(date);
  return year * 12 + (month - 1);
}

const everyEndRule = (rule: (typeof endDateRules)[number]): ChargeDateConfiguration => ({
  ...emptyChargeDateConfiguration,
  endDateRules: chargeTypes.map((chargeType) => ({ chargeType, rule })),
});

const startRuleFor = (cycles: readonly BillingCycle[]): ChargeDateConfiguration => ({
  ...emptyChargeDateConfiguration,
  startDateRules: cycles.map((billingCycle) => ({ billingCycle, rule: 'First day of next month' })),
});

const anyConfiguration: fc.Arbitrary<ChargeDateConfiguration> = fc.record({
  endDateRules: fc
    .subarray([...chargeTypes])
    .chain((types) =>
      fc.tuple(
        ...types.map((chargeType) =>
          fc.constantFrom(...endDateRules).map((rule) => ({ chargeType, rule })),
        ),
      ),
    ),
  startDateRules: fc
    .subarray([...billingCycles])
    .map((cycles) => startRuleFor(cycles).startDateRules),
  customChargeTypeNames: fc.constant({}),
});

describe('charge dates over random dates from 1990 to 2100', () => {
  it('are always real calendar dates, with start-after-end matching the dates sent', () => {
    fc.assert(
      fc.property(line, anyConfiguration, (platformLine, configuration) => {
        const dates = computeChargeDates(platformLine, configuration);
        expect(isCalendarDate(dates.start.date)).toBe(true);
        expect(isCalendarDate(dates.end.date)).toBe(true);
        expect(dates.startAfterEnd).toBe(dates.start.date > dates.end.date);
        expect(dates.start.platformDate).toBe(platformLine.chargeStart);
        expect(dates.end.platformDate).toBe(platformLine.chargeEnd);
      }),
    );
  });

  it('"Last day of invoice month" is in the invoice month and is its last day', () => {
    fc.assert(
      fc.property(line, (platformLine) => {
        const end = computeChargeDates(platformLine, everyEndRule('Last day of invoice month')).end;
        expect(end.date.slice(0, 7)).toBe(platformLine.invoiceDate.slice(0, 7));
        expect(parts(dayAfter(end.date)).day).toBe(1);
        expect(end.badge).toBe(end.date === platformLine.chargeEnd ? 'none' : 'System Updated');
      }),
    );
  });

  it('"First day of following month" is a 1st exactly one month after the invoice month', () => {
    fc.assert(
      fc.property(line, (platformLine) => {
        const end = computeChargeDates(
          platformLine,
          everyEndRule('First day of following month'),
        ).end;
        expect(parts(end.date).day).toBe(1);
        expect(monthIndex(end.date) - monthIndex(platformLine.invoiceDate)).toBe(1);
        expect(end.badge).toBe(end.date === platformLine.chargeEnd ? 'none' : 'System Updated');
      }),
    );
  });

  it('"First day of next month" never moves a start backwards and always lands on a 1st', () => {
    fc.assert(
      fc.property(line, (platformLine) => {
        const start = computeChargeDates(platformLine, startRuleFor(billingCycles)).start;
        expect(start.date > platformLine.chargeStart).toBe(true);
        expect(parts(start.date).day).toBe(1);
        expect(monthIndex(start.date) - monthIndex(platformLine.chargeStart)).toBe(1);
        expect(start.badge).toBe('System Updated');
      }),
    );
  });

  it('with no rules and no overrides, the Platform dates come back unchanged with no badge', () => {
    fc.assert(
      fc.property(line, (platformLine) => {
        expect(computeChargeDates(platformLine, emptyChargeDateConfiguration)).toEqual({
          start: {
            date: platformLine.chargeStart,
            badge: 'none',
            platformDate: platformLine.chargeStart,
          },
          end: {
            date: platformLine.chargeEnd,
            badge: 'none',
            platformDate: platformLine.chargeEnd,
          },
          startAfterEnd: platformLine.chargeStart > platformLine.chargeEnd,
        });
      }),
    );
  });

  it('a user override always wins over any rule', () => {
    fc.assert(
      fc.property(
        line,
        anyConfiguration,
        calendarDate,
        calendarDate,
        (platformLine, configuration, userStart, userEnd) => {
          const dates = computeChargeDates(platformLine, configuration, {
            chargeStart: userStart,
            chargeEnd: userEnd,
          });
          expect(dates.start).toEqual({
            date: userStart,
            badge: 'User Updated',
            platformDate: platformLine.chargeStart,
          });
          expect(dates.end).toEqual({
            date: userEnd,
            badge: 'User Updated',
            platformDate: platformLine.chargeEnd,
          });
        },
      ),
    );
  });
});
