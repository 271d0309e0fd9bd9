/**
 * The faults a real Platform API (and the gateway in front of it) produces, on the sandbox's
 * shared fault engine. The API only reads, so there are no write faults here.
 */
import * as engine from '../faultInjection';

export type InjectedErrorStatus = 429 | 500 | 503;
export type FaultPlan = Omit<
  engine.FaultPlan<InjectedErrorStatus>,
  'commitThenDropRate' | 'redirectToHttpOnWrite' | 'writeLatencyMs'
>;
export type ScriptedFault =
  | { status: 429 | 503; retryAfter?: string }
  | { status: 500 }
  | { reset: true }
  | { latencyMs: number };
/** `path` as a string matches a request path equal to it, ignoring case and a trailing slash. */
export type FaultRule = engine.FaultRule<ScriptedFault>;
export type FaultControls = engine.FaultControls<FaultPlan, FaultRule>;

export const faultRouting: engine.FaultRouting<InjectedErrorStatus> = {
  errorStatuses: [429, 500, 503],
  pathMatches: (rulePath, requestPath) =>
    engine.normalizedPath(rulePath) === engine.normalizedPath(requestPath),
};
