import { DateTime } from 'luxon';

/** 'YYYY-MM-DD', a calendar date with no time and no zone. */
export type CalendarDate = string;

/** Thrown when a value that should be a calendar date is not a real one (e.g. '2026-02-30'). */
export class InvalidCalendarDateError extends RangeError {
  readonly value: string;

  constructor(what: string, value: unknown) {
    super(
      `The ${what} ${JSON.stringify(value)} is not a real calendar date: expected YYYY-MM-DD between 0001-01-01 and 9999-12-31.`,
    );
    this.name = 'InvalidCalendarDateError';
    this.value = String(value);
  }
}

const calendarDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Midnight UTC of the date, or null when it is not a real calendar date. The zone is always
 * given, so the workstation's time zone (and luxon's default zone) never shift a date.
 */
function midnightUtc(value: unknown): DateTime | null {
  if (typeof value !== 'string') return null;
  const parts = calendarDatePattern.exec(value);
  if (parts === null) return null;
  const year = Number(parts[1]);
  if (year < 1) return null;
  const midnight = DateTime.fromObject(
    { year, month: Number(parts[2]), day: Number(parts[3]) },
    { zone: 'utc' },
  );
  return midnight.isValid ? midnight : null;
}

export function isCalendarDate(value: string): boolean {
  return midnightUtc(value) !== null;
}

/** Midnight UTC of `value`; throws InvalidCalendarDateError naming `what` when it is not a date. */
export function parseCalendarDate(value: CalendarDate, what: string): DateTime {
  const midnight = midnightUtc(value);
  if (midnight === null) throw new InvalidCalendarDateError(what, value);
  return midnight;
}

/** The UTC calendar date of `moment`; refuses to leave the four-digit years. */
export function formatCalendarDate(moment: DateTime, what: string): CalendarDate {
  const utc = moment.setZone('utc');
  if (!utc.isValid || utc.year < 1 || utc.year > 9999) {
    throw new RangeError(`The ${what} falls outside 0001-01-01 to 9999-12-31.`);
  }
  return utc.toFormat('yyyy-MM-dd');
}

/** 'YYYY-MM-DD' → 'YYYY-MM-DDT00:00:00Z', the only date format sent to ConnectWise. */
export function toConnectWiseDate(date: CalendarDate): string {
  const midnight = parseCalendarDate(date, 'date to send to ConnectWise');
  return `${formatCalendarDate(midnight, 'date to send to ConnectWise')}T00:00:00Z`;
}
