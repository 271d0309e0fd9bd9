import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../tests/support/fakePorts';
import { RequestLimiter } from './requestLimiter';

function limiter(maxConcurrency: number, initialConcurrency?: number) {
  const clock = new FakeClock(new Date('2026-01-01T00:00:00Z'));
  const slept: number[] = [];
  const sleep = async (ms: number) => {
    slept.push(ms);
    clock.advance(ms);
  };
  return {
    limiter: new RequestLimiter({
      maxConcurrency,
      ...(initialConcurrency === undefined ? {} : { initialConcurrency }),
      clock,
      sleep,
      random: () => 1,
    }),
    slept,
  };
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

  it('halves after a 429, pauses for Retry-After, and grows back by one per clean round', async () => {
    const { limiter: l, slept } = limiter(8);
    l.rateLimited(2000);
    expect(l.concurrency).toBe(4);
    await l.run(async () => {});
    expect(slept).toEqual([2000]);
    for (let i = 0; i < 4; i++) l.succeeded();
    expect(l.concurrency).toBe(5);
    for (let i = 0; i < 5; i++) l.succeeded();
    expect(l.concurrency).toBe(6);
    l.rateLimited(null);
    l.rateLimited(null);
    l.rateLimited(null);
    expect(l.concurrency).toBe(1);
  });

  it('starts low and grows while answers come back clean, up to its cap', () => {
    const { limiter: l } = limiter(16, 4);
    expect(l.concurrency).toBe(4);
    for (let i = 0; i < 1000; i++) l.succeeded();
    expect(l.concurrency).toBe(16);
  });

  it('halves once for the 429s of requests sent before it halved, not once for each', async () => {
    const { limiter: l } = limiter(16);
    const tickets: number[] = [];
    await Promise.all(
      Array.from({ length: 16 }, () =>
        l.run(async (ticket) => {
          tickets.push(ticket);
        }),
      ),
    );
    for (const ticket of tickets) l.rateLimited(1000, ticket);
    expect(l.concurrency).toBe(8);
    const later = await l.run(async (ticket) => ticket);
    l.rateLimited(1000, later);
    expect(l.concurrency).toBe(4);
  });

  it('without Retry-After, backs off longer with each round of 429s, and not after a clean answer', async () => {
    const { limiter: l, slept } = limiter(16);
    for (let round = 0; round < 3; round++) {
      const ticket = await l.run(async (t) => t);
      l.rateLimited(null, ticket);
    }
    await l.run(async () => {});
    // The jitter draws 1 here: each pause is its whole ceiling, 1 s, then 2 s, then 4 s.
    expect(slept).toEqual([1000, 2000, 4000]);
    l.succeeded();
    l.rateLimited(null, await l.run(async (t) => t));
    await l.run(async () => {});
    expect(slept.at(-1)).toBe(1000);
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
