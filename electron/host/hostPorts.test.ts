import { afterEach, describe, expect, it, vi } from 'vitest';
import { timerDriftPowerEvents } from './hostPorts';

afterEach(() => {
  vi.useRealTimers();
});

describe('the preview host notices the machine woke up', () => {
  it('takes a timer that fired hours late for a resume, and on-time timers for nothing', () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T22:00:00Z') });
    const power = timerDriftPowerEvents(30_000, 60_000);
    const woke = vi.fn();
    const stop = power.onResume(woke);

    vi.advanceTimersByTime(10 * 60_000);
    expect(woke).not.toHaveBeenCalled();

    // Suspended: the wall clock moves on while no timer runs.
    vi.setSystemTime(new Date('2026-11-24T07:00:00Z'));
    vi.advanceTimersByTime(30_000);
    expect(woke).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(10 * 60_000);
    expect(woke).toHaveBeenCalledTimes(1);

    stop();
    vi.setSystemTime(new Date('2026-11-25T07:00:00Z'));
    vi.advanceTimersByTime(30_000);
    expect(woke).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
