import type { Clock } from '../ports';

export interface RequestLimiterOptions {
  /** Requests in flight at first (docs/posting-rules.md §5.3: 4); default `maxConcurrency`. */
  initialConcurrency?: number;
  /** The most it grows to while answers come back clean. */
  maxConcurrency: number;
  /** The longest a 429 may pause the site; a longer Retry-After is the caller's to refuse. */
  maxPauseMs?: number;
  clock: Clock;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter of the backoff after a 429 without Retry-After; default Math.random. */
  random?: () => number;
}

/** The first pause after a 429 without Retry-After; it doubles while 429s keep coming. */
const firstBackoffMs = 1000;
const maxBackoffMs = 30_000;

/**
 * Caps concurrent requests to one ConnectWise site and adapts (docs/posting-rules.md §5.3): it
 * starts at `initialConcurrency` and grows by one after each clean round (as many successes as
 * the current concurrency) up to `maxConcurrency`. A 429 halves it — once per round: the 429s of
 * requests that were already on their way when it halved do not halve it again — and pauses new
 * requests for the server's Retry-After, or without one for a backoff that doubles with each
 * round of 429s (with jitter), until answers come back clean.
 */
export class RequestLimiter {
  private limit: number;
  private active = 0;
  private successesSinceChange = 0;
  private pausedUntil = 0;
  /** Admissions so far; a request's ticket is its number among them. */
  private admitted = 0;
  /** The last ticket admitted when the concurrency was last halved. */
  private halvedAtTicket = 0;
  /** Rounds of 429s without Retry-After since the last clean answer. */
  private backoffRounds = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly options: RequestLimiterOptions) {
    this.limit = Math.max(
      1,
      Math.min(options.initialConcurrency ?? options.maxConcurrency, options.maxConcurrency),
    );
  }

  get concurrency(): number {
    return this.limit;
  }

  /** Runs `task` once a slot is free; `ticket` identifies the request to `rateLimited`. */
  async run<T>(task: (ticket: number) => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    this.admitted += 1;
    try {
      return await task(this.admitted);
    } finally {
      this.release();
    }
  }

  /**
   * A request was answered 429. `ticket` (from `run`) tells whether it was sent before the last
   * halving; without one, the answer always counts as a new round.
   */
  rateLimited(retryAfterMs: number | null, ticket?: number): void {
    const newRound = ticket === undefined || ticket > this.halvedAtTicket;
    if (newRound) {
      this.limit = Math.max(1, Math.floor(this.limit / 2));
      this.halvedAtTicket = this.admitted;
      this.successesSinceChange = 0;
      if (retryAfterMs === null) this.backoffRounds += 1;
    }
    const pause = retryAfterMs ?? (newRound ? this.backoffMs() : 0);
    const until = this.options.clock.now().getTime() + Math.min(pause, this.maxPauseMs());
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  succeeded(): void {
    this.backoffRounds = 0;
    this.successesSinceChange += 1;
    if (this.limit < this.options.maxConcurrency && this.successesSinceChange >= this.limit) {
      this.limit += 1;
      this.successesSinceChange = 0;
      this.wakeWaiting();
    }
  }

  /** Exponential in the rounds of 429s, with half of it jittered so clients do not align. */
  private backoffMs(): number {
    const ceiling = Math.min(
      maxBackoffMs,
      firstBackoffMs * 2 ** Math.max(0, this.backoffRounds - 1),
    );
    return Math.round(ceiling / 2 + (this.options.random ?? Math.random)() * (ceiling / 2));
  }

  private maxPauseMs(): number {
    return this.options.maxPauseMs ?? 60_000;
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
