/**
 * Faults a real Platform API (and the gateway in front of it) produces, injected on purpose:
 * random ones from a seeded PRNG (the same seed and request order give the same faults), and
 * scripted ones for the next matching request(s).
 */
import { seededRandom } from './seededRandom';

export type InjectedErrorStatus = 429 | 500 | 503;
const errorStatuses: InjectedErrorStatus[] = [429, 500, 503];

export interface FaultPlan {
  /** Delay before the request is handled: fixed, or uniform in [min, max]. */
  latencyMs?: number | { min: number; max: number };
  /** Probability per request of answering with that status instead of handling it. */
  errorRates?: Partial<Record<InjectedErrorStatus, number>>;
  /** How a random 429 carries Retry-After: delta seconds (default), an HTTP date, or not at all. */
  retryAfter?: 'seconds' | 'date' | 'none';
  /** The delay a random 429 asks for; default 1. */
  retryAfterSeconds?: number;
  /** Probability of destroying the socket before answering. */
  resetRate?: number;
  /** Seed for the random faults; defaults to the simulator's seed. */
  seed?: number;
}

export type ScriptedFault =
  | { status: 429; retryAfter?: string }
  | { status: 500 }
  | { status: 503; retryAfter?: string }
  | { reset: true }
  | { latencyMs: number };

export interface FaultRule {
  /** HTTP method, any case; any method when absent. */
  method?: string;
  /**
   * A string matches a request whose path (no query) equals it, ignoring case and a trailing
   * slash: `'/v1/invoice-lines'`. A RegExp is tested against the path and against path + query.
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
  | { kind: 'error'; status: InjectedErrorStatus; retryAfter?: string; latencyMs: number };

export interface FaultInjector extends FaultControls {
  decide(method: string, pathname: string, search: string): FaultDecision;
}

function ruleMatches(rule: FaultRule, method: string, pathname: string, search: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path === undefined) return true;
  if (rule.path instanceof RegExp) {
    rule.path.lastIndex = 0;
    if (rule.path.test(pathname)) return true;
    rule.path.lastIndex = 0;
    return rule.path.test(pathname + search);
  }
  const normalized = (path: string) => path.replace(/\/+$/, '').toLowerCase();
  return normalized(pathname) === normalized(rule.path);
}

function scriptedDecision(fault: ScriptedFault): FaultDecision {
  if ('reset' in fault) return { kind: 'reset', latencyMs: 0 };
  if ('latencyMs' in fault) return { kind: 'none', latencyMs: Math.max(0, fault.latencyMs) };
  if ('retryAfter' in fault && fault.retryAfter !== undefined) {
    return { kind: 'error', status: fault.status, retryAfter: fault.retryAfter, latencyMs: 0 };
  }
  return { kind: 'error', status: fault.status, latencyMs: 0 };
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
          if (roll >= threshold) continue;
          const retryAfter = status === 429 ? retryAfterHeader() : undefined;
          return retryAfter === undefined
            ? { kind: 'error', status, latencyMs }
            : { kind: 'error', status, retryAfter, latencyMs };
        }
      }
      return { kind: 'none', latencyMs };
    },
  };
}
