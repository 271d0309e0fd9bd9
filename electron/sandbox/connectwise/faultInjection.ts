/**
 * The faults a real ConnectWise site (and the Cloudflare layer in front of it) produces, on the
 * sandbox's shared fault engine. Writes may also be committed then dropped, or redirected to http.
 */
import * as engine from '../faultInjection';

export type InjectedErrorStatus = 429 | 500 | 502 | 503 | 504;
export type FaultPlan = engine.FaultPlan<InjectedErrorStatus>;
export type ScriptedFault = engine.ScriptedFault<InjectedErrorStatus>;
/**
 * `path` as a string matches a request whose path (no query) equals it or ends with it, ignoring
 * case: `'/finance/agreements/12/additions'` works without the codebase prefix.
 */
export type FaultRule = engine.FaultRule<ScriptedFault>;
export type FaultControls = engine.FaultControls<FaultPlan, FaultRule>;

export const faultRouting: engine.FaultRouting<InjectedErrorStatus> = {
  errorStatuses: [429, 500, 502, 503, 504],
  pathMatches: (rulePath, requestPath) => {
    const wanted = engine.normalizedPath(rulePath);
    const actual = engine.normalizedPath(requestPath);
    return actual === wanted || actual.endsWith(wanted.startsWith('/') ? wanted : `/${wanted}`);
  },
};
