import { DateTime } from 'luxon';

/**
 * When a sync last happened, as the Dashboard tiles and the grids' headers say it
 * (docs/product.md §6): "7h ago (UTC+02:00 Europe/Warsaw)"; beyond one day "3 days ago (…)";
 * never: "No sync yet". The zone is the user's own unless one is given.
 */
export function lastSyncText(
  at: string | null | undefined,
  now: Date = new Date(),
  zone?: string,
): string {
  if (!at) return 'No sync yet';
  const when = DateTime.fromISO(at, zone ? { zone } : {});
  if (!when.isValid) return 'No sync yet';
  const minutes = Math.max(0, Math.floor((now.getTime() - when.toMillis()) / 60_000));
  const ago =
    minutes < 1
      ? 'just now'
      : minutes < 60
        ? `${minutes}m ago`
        : minutes < 24 * 60
          ? `${Math.floor(minutes / 60)}h ago`
          : Math.floor(minutes / (24 * 60)) === 1
            ? '1 day ago'
            : `${Math.floor(minutes / (24 * 60))} days ago`;
  return `${ago} (${when.toFormat("'UTC'ZZ")} ${when.zoneName})`;
}
