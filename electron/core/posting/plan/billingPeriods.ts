import type { DateTime, DurationLikeObject } from 'luxon';
import { parseCalendarDate } from '../../charge-dates';
import type { AgreementBillingCycle } from './planTypes';

type RecurringCycle = Exclude<AgreementBillingCycle, 'NotRecurring'>;

const cycleLengths: Record<RecurringCycle, DurationLikeObject> = {
  Weekly: { days: 7 },
  BiWeekly: { days: 14 },
  Monthly: { months: 1 },
  BiMonthly: { months: 2 },
  Quarterly: { months: 3 },
  SemiAnnual: { months: 6 },
  Yearly: { months: 12 },
};

/** One billing cycle of an Agreement; null when it does not recur or the cycle is unknown. */
function cycleLength(cycle: string | null): DurationLikeObject | null {
  if (cycle === null || !Object.hasOwn(cycleLengths, cycle)) return null;
  return cycleLengths[cycle as RecurringCycle];
}

/**
 * True when an Addition from `chargeStart` to `chargeEnd` (inclusive) reaches into a second
 * billing cycle: the end is on or after the start plus one cycle (Jan 1–Jan 31 is one month,
 * Jan 1–Feb 1 is more). Month arithmetic keeps to the month's last day (Jan 31 + 1 month = Feb 28).
 */
export function spansMoreThanOneCycle(
  chargeStart: string,
  chargeEnd: string,
  cycle: AgreementBillingCycle | null,
): boolean {
  const length = cycleLength(cycle);
  if (length === null) return false;
  const start = parseCalendarDate(chargeStart, 'charge start date');
  const end = parseCalendarDate(chargeEnd, 'charge end date');
  return end >= start.plus(length);
}

/**
 * True when the dates are exactly one billing period: month-based cycles start on the 1st of a
 * month and end the day before the 1st one cycle later; week-based cycles, whose boundaries the
 * plan does not know, are any 7 or 14 consecutive days.
 */
export function isWholeBillingPeriod(
  chargeStart: string,
  chargeEnd: string,
  cycle: AgreementBillingCycle | null,
): boolean {
  const length = cycleLength(cycle);
  if (length === null) return true;
  const start = parseCalendarDate(chargeStart, 'charge start date');
  const end = parseCalendarDate(chargeEnd, 'charge end date');
  const startsOnBoundary = length.months === undefined || start.day === 1;
  return startsOnBoundary && sameDay(end, start.plus(length).minus({ days: 1 }));
}

function sameDay(left: DateTime, right: DateTime): boolean {
  return left.toMillis() === right.toMillis();
}
