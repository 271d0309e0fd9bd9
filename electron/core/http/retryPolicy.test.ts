import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, parseRetryAfter, retryDelayMs } from './retryPolicy';

const now = new Date('2026-11-25T12:00:00Z');

describe('retry policy', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });

  it('waits what the server asked for', () => {
    expect(retryDelayMs(defaultRetryPolicy, 1, 1000, () => 0.99)).toBe(1000);
  });

  it('otherwise backs off exponentially with full jitter, capped', () => {
    const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(retryDelayMs(policy, 1, null, () => 0.999)).toBe(99);
    expect(retryDelayMs(policy, 3, null, () => 0.999)).toBe(399);
    expect(retryDelayMs(policy, 10, null, () => 0.999)).toBe(999);
    expect(retryDelayMs(policy, 3, null, () => 0)).toBe(0);
  });
});
