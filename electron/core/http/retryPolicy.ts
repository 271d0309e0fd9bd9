export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /**
   * Attempts answered 429 (rate limited): the server did not act on them, so more may be
   * spent waiting for a slot; default `maxAttempts`.
   */
  maxRateLimitedAttempts?: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts after this much time has passed since the first attempt. */
  maxTotalMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  maxRateLimitedAttempts: 10,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxTotalMs: 90_000,
};

/**
 * `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date. Null when absent or
 * unreadable.
 */
export function parseRetryAfter(header: string | undefined, now: Date): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

/**
 * How long to wait before attempt `attempt + 1` (attempt counts from 1): what the server asked
 * for, else exponential backoff with full jitter.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | null,
  random: () => number,
): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, policy.maxDelayMs * 3);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
