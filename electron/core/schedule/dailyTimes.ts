/**
 * The daily run's clock: 00:00 UTC, whatever the workstation's time zone or daylight saving.
 * Pure functions of an instant.
 */

const dayMs = 24 * 60 * 60 * 1000;

/** The latest 00:00 UTC at or before `now`. */
export function latestMidnightUtc(now: Date): Date {
  return new Date(Math.floor(now.getTime() / dayMs) * dayMs);
}

/** The first 00:00 UTC after `now`. */
export function nextMidnightUtc(now: Date): Date {
  return new Date(latestMidnightUtc(now).getTime() + dayMs);
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** A month (`YYYY-MM`) is complete once its last day has ended, in UTC. */
export function isMonthComplete(period: string, now: Date): boolean {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return now.getTime() >= Date.UTC(year, month, 1);
}

/** The month (`YYYY-MM`) of an instant, in UTC, and the one before it. */
export function currentAndPreviousMonth(now: Date): { current: string; previous: string } {
  const current = now.toISOString().slice(0, 7);
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 7);
  return { current, previous };
}
