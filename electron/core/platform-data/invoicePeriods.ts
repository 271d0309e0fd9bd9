import type { InvoicePeriod } from '@shared/platformInvoiceLine';
import { DateTime } from 'luxon';

/** Months of invoice lines the app keeps (the current month included). */
export const keptMonths = 15;

/** `2026-11-25` → `2026-11` */
export function periodOf(calendarDate: string): InvoicePeriod {
  return calendarDate.slice(0, 7);
}

function monthStart(now: Date, monthsBack: number): DateTime {
  return DateTime.fromJSDate(now, { zone: 'utc' }).startOf('month').minus({ months: monthsBack });
}

/** "Current Month" and "Previous Month" of the Load dialog, by invoice date, in UTC. */
export function currentAndPreviousPeriods(now: Date): {
  current: InvoicePeriod;
  previous: InvoicePeriod;
} {
  return {
    current: monthStart(now, 0).toFormat('yyyy-MM'),
    previous: monthStart(now, 1).toFormat('yyyy-MM'),
  };
}

/** The oldest month still kept; anything older is deleted after a load. */
export function oldestKeptPeriod(now: Date): InvoicePeriod {
  return monthStart(now, keptMonths - 1).toFormat('yyyy-MM');
}

/** First and last calendar day of a month. */
export function periodBounds(period: InvoicePeriod): { from: string; to: string } {
  const start = DateTime.fromFormat(period, 'yyyy-MM', { zone: 'utc' });
  return { from: start.toFormat('yyyy-MM-dd'), to: start.endOf('month').toFormat('yyyy-MM-dd') };
}
