import type { Clock } from '../ports';

export interface RequestLimiterOptions {
  maxConcurrency: number;
  /** The longest a 429 may pause the site; a longer Retry-After is the caller's to refuse. */
  maxPauseMs?: number;
  clock: Clock;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Caps concurrent requests to one ConnectWise site and adapts: a 429 halves the concurrency
 * and pauses new requests for the server's Retry-After (or a second); a run of successes
 * raises it again by one (additive increase, multiplicative decrease).
 */
export class RequestLimiter {
  private limit: number;
  private active = 0;
  private successesSinceChange = 0;
  private pausedUntil = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly options: RequestLimiterOptions) {
    this.limit = options.maxConcurrency;
  }

  get concurrency(): number {
    return this.limit;
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  rateLimited(retryAfterMs: number | null): void {
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    this.successesSinceChange = 0;
    const pause = Math.min(retryAfterMs ?? 1000, this.options.maxPauseMs ?? 60_000);
    const until = this.options.clock.now().getTime() + pause;
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  succeeded(): void {
    this.successesSinceChange += 1;
    if (this.limit < this.options.maxConcurrency && this.successesSinceChange >= this.limit * 4) {
      this.limit += 1;
      this.successesSinceChange = 0;
      this.wakeWaiting();
    }
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const pause = this.pausedUntil - this.options.clock.now().getTime();
      // One wait per pause: the sleep is the judge of time, so a recording sleep in tests
      // does not turn this into a busy loop.
      if (pause > 0) await this.options.sleep(pause, signal);
      signal?.throwIfAborted();
      if (this.active < this.limit) {
        this.active += 1;
        return;
      }
      // Wait for a slot; release() hands it over already counted. A 429 may have paused the
      // site meanwhile: honour it while holding the slot (nothing else may go anyway).
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const index = this.waiting.indexOf(wake);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal?.reason);
        };
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(wake);
      });
      const pauseAfterWake = this.pausedUntil - this.options.clock.now().getTime();
      if (pauseAfterWake > 0) {
        try {
          await this.options.sleep(pauseAfterWake, signal);
        } catch (error) {
          this.release();
          throw error;
        }
      }
      return;
    }
  }

  private release(): void {
    this.active -= 1;
    this.wakeWaiting();
  }

  private wakeWaiting(): void {
    while (this.waiting.length > 0 && this.active < this.limit) {
      this.active += 1;
      this.waiting.shift()?.();
    }
  }
}

/** One limiter per API host, shared by every client of that site. */
export function createLimiterRegistry(options: RequestLimiterOptions) {
  const limiters = new Map<string, RequestLimiter>();
  return {
    forSite(apiOriginUrl: string): RequestLimiter {
      let limiter = limiters.get(apiOriginUrl);
      if (!limiter) {
        limiter = new RequestLimiter(options);
        limiters.set(apiOriginUrl, limiter);
      }
      return limiter;
    },
  };
}

export type LimiterRegistry = ReturnType<typeof createLimiterRegistry>;
