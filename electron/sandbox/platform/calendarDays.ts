/**
 * UTC calendar arithmetic on whole numbers, no time zone anywhere: a day is the number of days
 * since 1970-01-01, a month is `year * 12 + monthIndex` (January = 0).
 */

const dayMs = 86_400_000;

export function monthOf(date: Date): number {
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

export function firstDayOfMonth(month: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / dayMs;
}

export function daysInMonth(month: number): number {
  return firstDayOfMonth(month + 1) - firstDayOfMonth(month);
}

export function lastDayOfMonth(month: number): number {
  return firstDayOfMonth(month + 1) - 1;
}

/** The month a day falls in. */
export function monthOfDay(day: number): number {
  return monthOf(new Date(day * dayMs));
}

/** The same day of the month `months` later, clamped to the month's last day (31 Jan → 28 Feb). */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * dayMs);
  const target = monthOf(date) + months;
  const dayOfMonth = Math.min(date.getUTCDate(), daysInMonth(target));
  return firstDayOfMonth(target) + dayOfMonth - 1;
}

/** The last day covered by a term of `months` months starting on `start` (inclusive). */
export function termEnd(start: number, months: number): number {
  return addMonths(start, months) - 1;
}

/** `YYYY-MM` of a month, e.g. for headings. */
export function monthKey(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

const formatted = new Map<number, string>();

/** `YYYY-MM-DD`; memoized, since a year of lines uses a few hundred distinct days. */
export function isoDate(day: number): string {
  let text = formatted.get(day);
  if (text === undefined) {
    text = new Date(day * dayMs).toISOString().slice(0, 10);
    formatted.set(day, text);
  }
  return text;
}

/** Parses `YYYY-MM-DD` as a real calendar date; null for anything else (2025-02-30, 2025-1-1). */
export function parseIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return Math.round(date.getTime() / dayMs);
}
