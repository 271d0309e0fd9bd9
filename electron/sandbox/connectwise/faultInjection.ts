/**
 * Faults a real ConnectWise site (and the Cloudflare layer in front of it) produces, injected on
 * purpose: random ones from a seeded PRNG (the same seed and request order give the same
 * faults), and scripted ones for the next matching request(s).
 */
import { seededRandom } from './seededRandom';

export type InjectedErrorStatus = 429 | 500 | 502 | 503 | 504;
const errorStatuses: InjectedErrorStatus[] = [429, 500, 502, 503, 504];

export interface FaultPlan {
  /** Delay before the request is handled: fixed, or uniform in [min, max]. */
  latencyMs?: number | { min: number; max: number };
  /** Probability per request of answering with that status instead of handling it. */
  errorRates?: Partial<Record<InjectedErrorStatus, number>>;
  /** How a random 429 carries Retry-After: delta seconds (default), an HTTP date, or not at all. */
  retryAfter?: 'seconds' | 'date' | 'none';
  /** The delay a random 429 asks for; default 1. */
  retryAfterSeconds?: number;
  /** Probability of destroying the socket before doing anything. */
  resetRate?: number;
  /** Probability, for writes, of storing the record and then destroying the socket unanswered. */
  commitThenDropRate?: number;
  /** Answer every write with a redirect to http:// instead of handling it. */
  redirectToHttpOnWrite?: boolean;
  /** Seed for the random faults; defaults to the simulator's seed. */
  seed?: number;
}

export type ScriptedFault =
  | { status: 429; retryAfter?: string }
  | { status: 500 | 502 | 503 | 504 }
  | { reset: true }
  | { commitThenDrop: true }
  | { redirectToHttp: true; status?: 301 | 302 | 307 | 308 }
  | { latencyMs: number };

export interface FaultRule {
  /** HTTP method, any case; any method when absent. */
  method?: string;
  /**
   * A string matches a request whose path (no query) equals it or ends with it, ignoring case:
   * `'/finance/agreements/12/additions'` works without the codebase prefix. A RegExp is tested
   * against the path and against path + query.
   */
  path?: string | RegExp;
  /** How many matching requests get the fault; default 1. */
  times?: number;
  fault: ScriptedFault;
}

export interface FaultControls {
  set(plan: FaultPlan): void;
  clear(): void;
  script(rule: FaultRule): void;
}

export type FaultDecision =
  | { kind: 'none'; latencyMs: number }
  | { kind: 'reset'; latencyMs: number }
  | { kind: 'error'; status: InjectedErrorStatus; retryAfter?: string; latencyMs: number }
  | { kind: 'commitThenDrop'; latencyMs: number }
  | { kind: 'redirect'; status: 301 | 302 | 307 | 308; latencyMs: number };

export interface FaultInjector extends FaultControls {
  decide(method: string, pathname: string, search: string): FaultDecision;
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function ruleMatches(rule: FaultRule, method: string, pathname: string, search: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path === undefined) return true;
  if (rule.path instanceof RegExp) {
    rule.path.lastIndex = 0;
    if (rule.path.test(pathname)) return true;
    rule.path.lastIndex = 0;
    return rule.path.test(pathname + search);
  }
  const wanted = rule.path.replace(/\/+$/, '').toLowerCase();
  const actual = pathname.replace(/\/+$/, '').toLowerCase();
  return actual === wanted || actual.endsWith(wanted.startsWith('/') ? wanted : `/${wanted}`);
}

export function createFaultInjector(defaultSeed: number, now: () => Date): FaultInjector {
  let plan: FaultPlan = {};
  let random = seededRandom(defaultSeed ^ 0x5eed);
  const rules: Array<FaultRule & { remaining: number }> = [];

  function retryAfterHeader(): string | undefined {
    const seconds = plan.retryAfterSeconds ?? 1;
    switch (plan.retryAfter ?? 'seconds') {
      case 'seconds':
        return String(seconds);
      case 'date':
        return new Date(now().getTime() + seconds * 1000).toUTCString();
      case 'none':
        return undefined;
    }
  }

  function randomLatency(): number {
    const latency = plan.latencyMs;
    if (latency === undefined) return 0;
    if (typeof latency === 'number') return Math.max(0, latency);
    return Math.max(0, latency.min + random.next() * (latency.max - latency.min));
  }

  function scriptedDecision(fault: ScriptedFault): FaultDecision {
    if ('reset' in fault) return { kind: 'reset', latencyMs: 0 };
    if ('commitThenDrop' in fault) return { kind: 'commitThenDrop', latencyMs: 0 };
    if ('redirectToHttp' in fault)
      return { kind: 'redirect', status: fault.status ?? 301, latencyMs: 0 };
    if ('latencyMs' in fault) return { kind: 'none', latencyMs: Math.max(0, fault.latencyMs) };
    if (fault.status === 429) {
      return fault.retryAfter === undefined
        ? { kind: 'error', status: 429, latencyMs: 0 }
        : { kind: 'error', status: 429, retryAfter: fault.retryAfter, latencyMs: 0 };
    }
    return { kind: 'error', status: fault.status, latencyMs: 0 };
  }

  return {
    set(next) {
      plan = { ...next };
      random = seededRandom((next.seed ?? defaultSeed) ^ 0x5eed);
    },
    clear() {
      plan = {};
      rules.length = 0;
    },
    script(rule) {
      const times = rule.times ?? 1;
      if (!Number.isInteger(times) || times < 1) throw new Error('A fault rule needs times ≥ 1.');
      rules.push({ ...rule, remaining: times });
    },
    decide(method, pathname, search) {
      const rule = rules.find((candidate) => ruleMatches(candidate, method, pathname, search));
      if (rule) {
        rule.remaining -= 1;
        if (rule.remaining <= 0) rules.splice(rules.indexOf(rule), 1);
        return scriptedDecision(rule.fault);
      }
      const latencyMs = randomLatency();
      if (plan.resetRate && random.next() < plan.resetRate) return { kind: 'reset', latencyMs };
      if (plan.errorRates) {
        const roll = random.next();
        let threshold = 0;
        for (const status of errorStatuses) {
          threshold += plan.errorRates[status] ?? 0;
          if (roll < threshold) {
            if (status !== 429) return { kind: 'error', status, latencyMs };
            const retryAfter = retryAfterHeader();
            return retryAfter === undefined
              ? { kind: 'error', status, latencyMs }
              : { kind: 'error', status, retryAfter, latencyMs };
          }
        }
      }
      if (writeMethods.has(method.toUpperCase())) {
        if (plan.redirectToHttpOnWrite) return { kind: 'redirect', status: 301, latencyMs };
        if (plan.commitThenDropRate && random.next() < plan.commitThenDropRate) {
          return { kind: 'commitThenDrop', latencyMs };
        }
      }
      return { kind: 'none', latencyMs };
    },
  };
}
