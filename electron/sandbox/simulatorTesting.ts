/**
 * For both simulators' tests: reading an answer, and the checks of the shared scaffolding (fault
 * engine, `/sandbox` page) that run the same way through either server.
 *
 * Shared scaffolding: no API vocabulary. How a correct client calls each API stays in that
 * simulator's own request helper, written from its API document.
 */
import { expect } from 'vitest';
import type { FaultPlan } from './faultInjection';

export async function jsonOf<T = unknown>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

interface FaultedSimulator {
  faults: { set(plan: FaultPlan<429 | 500 | 503>): void };
  close(): Promise<void>;
}

/** Random faults: the same seed gives the same ones, another seed others. */
export async function expectSeededFaults<Simulator extends FaultedSimulator>(
  start: (seed: number) => Promise<Simulator>,
  call: (simulator: Simulator) => Promise<Response>,
): Promise<void> {
  async function statusesUnder(seed: number): Promise<number[]> {
    const simulator = await start(seed);
    try {
      simulator.faults.set({ errorRates: { 500: 0.2, 503: 0.2, 429: 0.1 }, resetRate: 0.1 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        // 0 stands for a connection dropped without an answer.
        statuses.push(
          await call(simulator).then(
            (response) => response.status,
            () => 0,
          ),
        );
      }
      return statuses;
    } finally {
      await simulator.close();
    }
  }
  const first = await statusesUnder(11);
  expect(await statusesUnder(11)).toEqual(first);
  expect(new Set(first)).toEqual(new Set([0, 200, 429, 500, 503]));
  expect(await statusesUnder(12)).not.toEqual(first);
}

/** A random 429's Retry-After: delta seconds (1 by default), an HTTP date, or none. */
export async function expectRetryAfterForms(
  faults: FaultedSimulator['faults'],
  call: () => Promise<Response>,
): Promise<void> {
  faults.set({ errorRates: { 429: 1 } });
  expect((await call()).headers.get('retry-after')).toBe('1');
  faults.set({ errorRates: { 429: 1 }, retryAfter: 'date', retryAfterSeconds: 2 });
  const dated = (await call()).headers.get('retry-after') ?? '';
  expect(dated).toMatch(/GMT$/);
  expect(Date.parse(dated)).toBeGreaterThan(Date.now() - 1000);
  faults.set({ errorRates: { 429: 1 }, retryAfter: 'none' });
  expect((await call()).headers.get('retry-after')).toBeNull();
}

/** A name or description a page must escape. */
export const hostileText = '<script>alert("x")</script> Smith & Jones';

/** `GET /sandbox` as a locked-down HTML page with `hostileText` escaped; gives the HTML. */
export async function escapedSandboxPage(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/text\/html/);
  expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  const html = await response.text();
  expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Smith &amp; Jones');
  expect(html).not.toContain('<script>');
  return html;
}
