/**
 * Faults a real service (and the gateway in front of it) produces, injected on purpose: random
 * ones from a seeded PRNG (the same seed and request order give the same faults), and scripted
 * ones for the next matching request(s). Both simulators use this one engine; each says which
 * error statuses exist and how a rule's path matches a request (its `FaultRouting`).
 *
 * Shared scaffolding: transport plumbing only; each simulator's error bodies stay its own.
 */
import { seededRandom } from './seededRandom';

export interface FaultPlan<Status extends number> {
  /** Delay before the request is handled: fixed, or uniform in [min, max]. */
  latencyMs?: number | { min: number; max: number };
  /**
   * Extra delay for writes only (POST, PUT, PATCH, DELETE), added to `latencyMs`: the body is
   * read first and the write is still handled (committed) when the client has given up.
   */
  writeLatencyMs?: number | { min: number; max: number };
  /** Probability per request of answering with that status instead of handling it. */
  errorRates?: Partial<Record<Status, number>>;
  /** How a random 429 carries Retry-After: delta seconds (default), an HTTP date, or not at all. */
  retryAfter?: 'seconds' | 'date' | 'none';
  /** The delay a random 429 asks for; default 1. */
  retryAfterSeconds?: number;
  /** Probability of destroying the socket before answering. */
  resetRate?: number;
  /** Probability, for writes, of storing the record and then destroying the socket unanswered. */
  commitThenDropRate?: number;
  /** Answer every write with a redirect to http:// instead of handling it. */
  redirectToHttpOnWrite?: boolean;
  /** Seed for the random faults; defaults to the simulator's seed. */
  seed?: number;
}

export type ScriptedFault<Status extends number> =
  | { status: Status; retryAfter?: string }
  | { reset: true }
  | { commitThenDrop: true }
  /** The request is handled (a write stored) at once; the answer waits this long. */
  | { commitThenDelayMs: number }
  | { redirectToHttp: true; status?: 301 | 302 | 307 | 308 }
  /** The request waits this long, then is handled, even if the client has given up by then. */
  | { latencyMs: number };

export interface FaultRule<Fault> {
  /** HTTP method, any case; any method when absent. */
  method?: string;
  /** A string matches as the simulator says; a RegExp is tested against path and path + query. */
  path?: string | RegExp;
  /** How many matching requests get the fault; default 1. */
  times?: number;
  fault: Fault;
}

export type FaultDecision<Status extends number> =
  | { kind: 'none'; latencyMs: number }
  | { kind: 'reset'; latencyMs: number }
  | { kind: 'error'; status: Status; retryAfter?: string; latencyMs: number }
  | { kind: 'commitThenDrop'; latencyMs: number }
  | { kind: 'commitThenDelay'; delayMs: number; latencyMs: number }
  | { kind: 'redirect'; status: 301 | 302 | 307 | 308; latencyMs: number };

export type InjectedError<Status extends number> = Extract<
  FaultDecision<Status>,
  { kind: 'error' }
>;

/** What a simulator hands its users: everything but `decide`. */
export interface FaultControls<Plan, Rule> {
  set(plan: Plan): void;
  clear(): void;
  script(rule: Rule): void;
}

export interface FaultInjector<Status extends number>
  extends FaultControls<FaultPlan<Status>, FaultRule<ScriptedFault<Status>>> {
  decide(method: string, pathname: string, search: string): FaultDecision<Status>;
}

/** What differs from one API to another. */
export interface FaultRouting<Status extends number> {
  /** The statuses a random error may take, in the order their rates are rolled. */
  errorStatuses: readonly Status[];
  /** Whether a rule's string path matches a request path (no query). */
  pathMatches(rulePath: string, requestPath: string): boolean;
}

export interface FaultInjectorOptions<Status extends number> extends FaultRouting<Status> {
  seed: number;
  now: () => Date;
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Paths compared without case and trailing slashes. */
export function normalizedPath(path: string): string {
  return path.replace(/\/+$/, '').toLowerCase();
}

export function createFaultInjector<Status extends number>(
  options: FaultInjectorOptions<Status>,
): FaultInjector<Status> {
  let plan: FaultPlan<Status> = {};
  let random = seededRandom(options.seed ^ 0x5eed);
  const rules: Array<FaultRule<ScriptedFault<Status>> & { remaining: number }> = [];

  function matches(
    rule: FaultRule<ScriptedFault<Status>>,
    method: string,
    pathname: string,
    search: string,
  ) {
    if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
    if (rule.path === undefined) return true;
    if (rule.path instanceof RegExp) {
      rule.path.lastIndex = 0;
      if (rule.path.test(pathname)) return true;
      rule.path.lastIndex = 0;
      return rule.path.test(pathname + search);
    }
    return options.pathMatches(rule.path, pathname);
  }

  function retryAfterHeader(): string | undefined {
    const seconds = plan.retryAfterSeconds ?? 1;
    switch (plan.retryAfter ?? 'seconds') {
      case 'seconds':
        return String(seconds);
      case 'date':
        return new Date(options.now().getTime() + seconds * 1000).toUTCString();
      case 'none':
        return undefined;
    }
  }

  function drawLatency(latency: FaultPlan<Status>['latencyMs']): number {
    if (latency === undefined) return 0;
    if (typeof latency === 'number') return Math.max(0, latency);
    return Math.max(0, latency.min + random.next() * (latency.max - latency.min));
  }

  function randomLatency(method: string): number {
    const latency = drawLatency(plan.latencyMs);
    return writeMethods.has(method.toUpperCase())
      ? latency + drawLatency(plan.writeLatencyMs)
      : latency;
  }

  function error(
    status: Status,
    retryAfter: string | undefined,
    latencyMs: number,
  ): FaultDecision<Status> {
    return retryAfter === undefined
      ? { kind: 'error', status, latencyMs }
      : { kind: 'error', status, retryAfter, latencyMs };
  }

  function scriptedDecision(fault: ScriptedFault<Status>): FaultDecision<Status> {
    if ('reset' in fault) return { kind: 'reset', latencyMs: 0 };
    if ('commitThenDrop' in fault) return { kind: 'commitThenDrop', latencyMs: 0 };
    if ('commitThenDelayMs' in fault)
      return {
        kind: 'commitThenDelay',
        delayMs: Math.max(0, fault.commitThenDelayMs),
        latencyMs: 0,
      };
    if ('redirectToHttp' in fault)
      return { kind: 'redirect', status: fault.status ?? 301, latencyMs: 0 };
    if ('latencyMs' in fault) return { kind: 'none', latencyMs: Math.max(0, fault.latencyMs) };
    return error(fault.status, fault.retryAfter, 0);
  }

  return {
    set(next) {
      plan = { ...next };
      random = seededRandom((next.seed ?? options.seed) ^ 0x5eed);
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
      const rule = rules.find((candidate) => matches(candidate, method, pathname, search));
      if (rule) {
        rule.remaining -= 1;
        if (rule.remaining <= 0) rules.splice(rules.indexOf(rule), 1);
        return scriptedDecision(rule.fault);
      }
      const latencyMs = randomLatency(method);
      if (plan.resetRate && random.next() < plan.resetRate) return { kind: 'reset', latencyMs };
      if (plan.errorRates) {
        const roll = random.next();
        let threshold = 0;
        for (const status of options.errorStatuses) {
          threshold += plan.errorRates[status] ?? 0;
          if (roll < threshold)
            return error(status, status === 429 ? retryAfterHeader() : undefined, latencyMs);
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
