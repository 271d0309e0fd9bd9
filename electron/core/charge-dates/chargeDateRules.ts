import type { EndDateRule, StartDateRule } from '@shared/chargeDateVocabulary';
import { type CalendarDate, formatCalendarDate, parseCalendarDate } from './calendarDate';

/** The Charge End Date a rule gives a line with this invoice date. */
export function endDateByRule(rule: EndDateRule, invoiceDate: CalendarDate): CalendarDate {
  const invoiceDay = parseCalendarDate(invoiceDate, 'invoice date');
  switch (rule) {
    case 'Last day of invoice month':
      return formatCalendarDate(invoiceDay.endOf('month'), 'last day of the invoice month');
    case 'First day of following month':
      return formatCalendarDate(
        invoiceDay.startOf('month').plus({ months: 1 }),
        'first day of the month after the invoice month',
      );
    default:
      return refuseUnknownRule('end date', rule);
  }
}

/**
 * The Charge Start Date a rule gives a line that starts on `chargeStart`. "First day of next
 * month" always moves to the next month, even from a 1st (Jan 1 → Feb 1), as its help text says.
 */
export function startDateByRule(rule: StartDateRule, chargeStart: CalendarDate): CalendarDate {
  const startDay = parseCalendarDate(chargeStart, 'charge start date');
  switch (rule) {
    case 'First day of next month':
      return formatCalendarDate(
        startDay.startOf('month').plus({ months: 1 }),
        'first day of the month after the charge start',
      );
    default:
      return refuseUnknownRule('start date', rule);
  }
}

// A saved configuration may come from an older or hand-edited file: say which rule is unknown.
function refuseUnknownRule(kind: string, rule: never): never {
  throw new Error(`Unknown charge ${kind} rule ${JSON.stringify(rule)}.`);
}
