import {
  type CalendarDate,
  formatCalendarDate,
  isCalendarDate,
  parseCalendarDate,
  toConnectWiseDate,
} from '../../charge-dates';

export function dayBefore(date: CalendarDate): CalendarDate {
  return formatCalendarDate(parseCalendarDate(date, 'date').minus({ days: 1 }), 'day before');
}

/** A date read from ConnectWise, written back the way the app sends dates when it is a day. */
export function asConnectWiseDate(readFromConnectWise: string): string {
  const day = calendarDayOf(readFromConnectWise);
  return isCalendarDate(day) ? toConnectWiseDate(day) : readFromConnectWise;
}

/** The earlier of two ConnectWise dates, compared by day. */
export function earlierDate(left: string, right: string): string {
  return calendarDayOf(right) < calendarDayOf(left) ? right : left;
}

/** The later of two dates, compared by day. */
export function laterDate(left: string, right: string): string {
  return calendarDayOf(right) > calendarDayOf(left) ? right : left;
}

/** ConnectWise may answer `2026-01-31T00:00:00Z` or `2026-01-31T00:00:00`: the day is what counts. */
export function calendarDayOf(value: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
}
