import { DateTime } from 'luxon';

/** "7 min ago (UTC+01:00 Europe/Berlin)", or "Never". */
export function lastSyncText(at: string | null | undefined): string {
  if (!at) return 'Never';
  const when = DateTime.fromISO(at);
  return `${when.toRelative() ?? at} (${when.toFormat("'UTC'ZZ")} ${when.zoneName})`;
}
