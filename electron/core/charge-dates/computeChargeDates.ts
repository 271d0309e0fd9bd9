import type { ChargeDateConfiguration } from '@shared/chargeDateVocabulary';
import { type CalendarDate, InvalidCalendarDateError, isCalendarDate } from './calendarDate';
import { endDateByRule, startDateByRule } from './chargeDateRules';
import type { LineForDates } from './lineForDates';

/** A user's edits of one line's dates; null or undefined = no override. */
export interface DateOverrides {
  chargeStart?: CalendarDate | null;
  chargeEnd?: CalendarDate | null;
}

export type DateBadge = 'none' | 'System Updated' | 'User Updated';

export interface ComputedDate {
  /** The date a sync would send now. */
  date: CalendarDate;
  badge: DateBadge;
  /** The Platform's own value, kept for "back to the computed value" and for display. */
  platformDate: CalendarDate;
}

export interface ComputedChargeDates {
  start: ComputedDate;
  end: ComputedDate;
  /** true when the dates to send have start after end */
  startAfterEnd: boolean;
}

/**
 * The charge dates a sync would send for an unsynced line now: a user override wins, else the
 * rule for the line's charge type (end) or billing cycle (start), else the Platform's date.
 */
export function computeChargeDates(
  line: LineForDates,
  configuration: ChargeDateConfiguration,
  overrides: DateOverrides = {},
): ComputedChargeDates {
  requireCalendarDate(line.invoiceDate, 'invoice date');
  requireCalendarDate(line.chargeStart, 'charge start date');
  requireCalendarDate(line.chargeEnd, 'charge end date');

  const startRule = configuration.startDateRules.find(
    (startRow) => startRow.billingCycle === line.billingCycle,
  )?.rule;
  const endRule = configuration.endDateRules.find(
    (endRow) => endRow.chargeType === line.chargeType,
  )?.rule;

  const start = chooseDate(
    line.chargeStart,
    overrides.chargeStart,
    'charge start date override',
    startRule === undefined ? undefined : () => startDateByRule(startRule, line.chargeStart),
  );
  const end = chooseDate(
    line.chargeEnd,
    overrides.chargeEnd,
    'charge end date override',
    endRule === undefined ? undefined : () => endDateByRule(endRule, line.invoiceDate),
  );
  // 'YYYY-MM-DD' strings order like the dates they name.
  return { start, end, startAfterEnd: start.date > end.date };
}

function chooseDate(
  platformDate: CalendarDate,
  override: CalendarDate | null | undefined,
  overrideName: string,
  dateByRule: (() => CalendarDate) | undefined,
): ComputedDate {
  if (override !== null && override !== undefined) {
    requireCalendarDate(override, overrideName);
    return { date: override, badge: 'User Updated', platformDate };
  }
  const ruleDate = dateByRule?.();
  if (ruleDate !== undefined && ruleDate !== platformDate) {
    return { date: ruleDate, badge: 'System Updated', platformDate };
  }
  return { date: platformDate, badge: 'none', platformDate };
}

function requireCalendarDate(value: CalendarDate, what: string): void {
  if (!isCalendarDate(value)) throw new InvalidCalendarDateError(what, value);
}
