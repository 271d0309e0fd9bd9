/** Reads the date text of an export file: ISO `YYYY-MM-DD` always, day-first when the user says so. */

export type DateOrder = 'iso' | 'day-first';

export type DateReading = { ok: true; date: string } | { ok: false; reason: string };

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
/** ISO with a midnight time, as API-style exports write it: 2026-01-31T00:00:00Z. */
const isoMidnight = /^(\d{4})-(\d{2})-(\d{2})[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?$/i;
const dayFirstDate = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})$/;

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (daysInMonth[month - 1] ?? 0);
}

function isoText(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const notARealDate = 'Not a real date.';

export function readCalendarDate(text: string, dateOrder: DateOrder): DateReading {
  const iso = isoDate.exec(text) ?? isoMidnight.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isRealDate(year, month, day)
      ? { ok: true, date: isoText(year, month, day) }
      : { ok: false, reason: notARealDate };
  }
  const dayFirst = dayFirstDate.exec(text);
  if (dayFirst) {
    if (dateOrder !== 'day-first') {
      return {
        ok: false,
        reason:
          'Expected a date as YYYY-MM-DD. If this file writes dates day-first (31.01.2026 or 31/01/2026), choose "day-first" dates in the load dialog.',
      };
    }
    const [day, month, year] = [Number(dayFirst[1]), Number(dayFirst[3]), Number(dayFirst[4])];
    if (isRealDate(year, month, day)) return { ok: true, date: isoText(year, month, day) };
    if (month > 12 && day <= 12) {
      return {
        ok: false,
        reason: 'Not a real day-first date (month-first dates such as 01/31/2026 are not read).',
      };
    }
    return { ok: false, reason: notARealDate };
  }
  return {
    ok: false,
    reason:
      dateOrder === 'day-first'
        ? 'Expected a date as YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY.'
        : 'Expected a date as YYYY-MM-DD.',
  };
}

/** A JavaScript Date (an XLSX date cell) as its UTC calendar date. */
export function calendarDateOfUtc(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return isoText(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
