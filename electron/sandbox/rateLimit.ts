/**
 * A requests-per-window limit like the one in front of a hosted API: at most `limit` requests
 * are let through in any sliding window of `windowMs` (a minute by default); the next one is
 * refused until the oldest leaves the window. Refused requests do not count. The window runs on
 * the simulator's clock, so a test can move time instead of waiting.
 *
 * Shared scaffolding: plumbing only; each simulator words its own refusal.
 */

export interface RateLimitOptions {
  /** The window the limit counts over; default 60,000 (one minute). */
  windowMs?: number;
  /** Whether a refusal says when to come back: `Retry-After` in seconds (default), or not at all. */
  retryAfter?: 'seconds' | 'none';
}

export interface RateLimitSettings {
  limit: number;
  windowMs: number;
  retryAfter: 'seconds' | 'none';
}

export type RateLimitDecision =
  | { admitted: true }
  | {
      admitted: false /** Whole seconds until a request would be let through, ≥ 1. */;
      retryAfterSeconds?: number;
    };

export interface RateLimiter {
  /** `null` lifts the limit. Requests let through before still count in the window. */
  set(limit: number | null, options?: RateLimitOptions): void;
  admit(): RateLimitDecision;
  settings(): RateLimitSettings | null;
  /** How many requests it has refused. */
  refused(): number;
}

export const oneMinuteMs = 60_000;

export function createRateLimiter(now: () => Date): RateLimiter {
  let settings: RateLimitSettings | null = null;
  // Times of the requests let through, oldest first, from `head` on.
  let admittedAt: number[] = [];
  let head = 0;
  let refusedCount = 0;

  function forgetBefore(cutoff: number): void {
    while (head < admittedAt.length && (admittedAt[head] as number) <= cutoff) head++;
    if (head > 1024 && head * 2 > admittedAt.length) {
      admittedAt = admittedAt.slice(head);
      head = 0;
    }
  }

  return {
    set(limit, options = {}) {
      if (limit === null) {
        settings = null;
        return;
      }
      if (!Number.isInteger(limit) || limit < 1) {
        throw new Error('A rate limit is a whole number of requests, at least 1.');
      }
      const windowMs = options.windowMs ?? oneMinuteMs;
      if (!Number.isFinite(windowMs) || windowMs <= 0) {
        throw new Error('A rate-limit window is a positive number of milliseconds.');
      }
      settings = { limit, windowMs, retryAfter: options.retryAfter ?? 'seconds' };
    },
    admit() {
      const time = now().getTime();
      // Without a limit the log still runs, so a limit set later counts the last window.
      const windowMs = settings?.windowMs ?? oneMinuteMs;
      forgetBefore(time - windowMs);
      if (settings && admittedAt.length - head >= settings.limit) {
        refusedCount++;
        if (settings.retryAfter === 'none') return { admitted: false };
        const oldest = admittedAt[head] as number;
        return {
          admitted: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - time) / 1000)),
        };
      }
      admittedAt.push(time);
      return { admitted: true };
    },
    settings: () => (settings ? { ...settings } : null),
    refused: () => refusedCount,
  };
}
