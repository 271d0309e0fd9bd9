import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface BridgeGuardOptions {
  /** e.g. http://127.0.0.1:5173 */
  origin: string;
  token: string;
}

export const tokenHeader = 'x-bridge-token';

/**
 * Why a request may not reach the core, or null when it may. The bridge listens on loopback
 * only, but any web page the user visits can send requests to loopback, and any local program
 * can connect: the Host header stops DNS rebinding, the Origin header stops other sites, and the
 * per-run token (which only the printed URL carries) stops everything else.
 */
export function refuseBridgeRequest(
  req: IncomingMessage,
  options: BridgeGuardOptions,
  kind: 'invoke' | 'events',
): string | null {
  const refusedHost = refuseHost(req, options);
  if (refusedHost) return refusedHost;
  const origin = req.headers.origin;
  if (kind === 'invoke' && origin === undefined) return 'A request without an Origin is refused.';
  if (origin !== undefined && origin !== options.origin) {
    return `Requests from ${origin.slice(0, 100)} are refused.`;
  }
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return 'Cross-site requests are refused.';
  }
  const given = req.headers[tokenHeader];
  if (typeof given !== 'string' || !sameSecret(given, options.token)) {
    return 'The bridge token is missing or wrong. Open the URL the preview printed.';
  }
  return null;
}

/** Every request, static files included, must name this server as its host. */
export function refuseHost(req: IncomingMessage, options: BridgeGuardOptions): string | null {
  const expected = new URL(options.origin).host;
  return req.headers.host === expected ? null : 'Unexpected Host header.';
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
