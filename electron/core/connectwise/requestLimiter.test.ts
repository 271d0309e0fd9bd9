import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../tests/support/fakePorts';
import { RequestLimiter } from './requestLimiter';

function limiter(maxConcurrency: number) {
  const clock = new FakeClock(new Date('2026-01-01T00:00:00Z'));
  const slept: number[] = [];
  const sleep = async (ms: number) => {
    slept.push(ms);
    clock.advance(ms);
  };
  return { limiter: new RequestLimiter({ maxConcurrency, clock, sleep }), slept };
}

describe('request limiter', () => {
  it('never runs more than its concurrency at once', async () => {
    const { limiter: l } = limiter(3);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running -= 1;
    };
    await Promise.all(Array.from({ length: 20 }, () => l.run(task)));
    expect(peak).toBe(3);
  });

  it('halves after a 429, pauses for Retry-After, and grows back after successes', async () => {
    const { limiter: l, slept } = limiter(8);
    l.rateLimited(2000);
    expect(l.concurrency).toBe(4);
    await l.run(async () => {});
    expect(slept).toEqual([2000]);
    for (let i = 0; i < 16; i++) l.succeeded();
    expect(l.concurrency).toBe(5);
    l.rateLimited(null);
    l.rateLimited(null);
    l.rateLimited(null);
    l.rateLimited(null);
    expect(l.concurrency).toBe(1);
  });

  it('makes a queued request wait out a 429 pause too, and caps a huge Retry-After', async () => {
    const { limiter: l, slept } = limiter(1);
    let release: () => void = () => {};
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = l.run(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
          started();
        }),
    );
    await running;
    const queued = l.run(async () => 'queued ran');
    l.rateLimited(86_400_000);
    release();
    await first;
    expect(await queued).toBe('queued ran');
    expect(slept).toEqual([60_000]);
  });

  it('lets a waiting request go when its signal aborts', async () => {
    const { limiter: l } = limiter(1);
    let release: () => void = () => {};
    const first = l.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const second = l.run(async () => 'ran', controller.signal);
    controller.abort(new Error('stop'));
    await expect(second).rejects.toThrow('stop');
    release();
    await first;
    expect(await l.run(async () => 'next')).toBe('next');
  });
});
