/**
 * Well-formed requests against a running simulator, for its conformance tests: the Basic
 * authorization, clientId and Accept headers a correct client sends.
 */
import type { ConnectWiseSimulator, SimulatorCredentials } from './simulatorServer';

export const exampleClientId = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
export const acceptVersion = 'application/vnd.connectwise.com+json; version=2025.1';

export function basicAuthorization(credentials: SimulatorCredentials): string {
  const { companyId, publicKey, privateKey } = credentials;
  return `Basic ${Buffer.from(`${companyId}+${publicKey}:${privateKey}`).toString('base64')}`;
}

export function apiHeaders(
  simulator: Pick<ConnectWiseSimulator, 'credentials'>,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    Authorization: basicAuthorization(simulator.credentials),
    clientId: exampleClientId,
    Accept: acceptVersion,
    ...extra,
  };
}

export interface ApiRequestInit {
  method?: string;
  /** Sent as JSON with Content-Type: application/json. */
  json?: unknown;
  query?: Record<string, string | number>;
  headers?: Record<string, string>;
  redirect?: 'follow' | 'manual' | 'error';
}

/** `path` is relative to `/v2025_1/apis/3.0`, e.g. `/company/companies`. */
export function callApi(
  simulator: ConnectWiseSimulator,
  path: string,
  init: ApiRequestInit = {},
): Promise<Response> {
  const url = new URL(`${simulator.apiBaseUrl}${path}`);
  for (const [name, value] of Object.entries(init.query ?? {}))
    url.searchParams.set(name, String(value));
  const headers = apiHeaders(simulator, init.headers);
  const request: RequestInit = { method: init.method ?? 'GET', headers };
  if (init.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(init.json);
  }
  if (init.redirect) request.redirect = init.redirect;
  return fetch(url, request);
}
