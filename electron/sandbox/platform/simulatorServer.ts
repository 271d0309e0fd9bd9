/**
 * The Platform API simulator: an HTTP server on 127.0.0.1 serving `docs/platform-api.yaml`
 * strictly — bearer token on every call, `/v1/me`, five cursor-paged lists, the one error shape —
 * over generated billing history, with injectable faults. Every request is recorded and the data
 * is exposed for assertions.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createFaultInjector, type InjectedError } from '../faultInjection';
import type { SimResponse } from '../httpResponses';
import { type RecordedRequest, requestHeader, startSimulatorServer } from '../httpServer';
import { errorResponse } from './apiResponses';
import { type AccountInfo, handleApiCall } from './billingApi';
import { generateBillingHistory } from './billingHistory';
import { type FaultControls, faultRouting, type InjectedErrorStatus } from './faultInjection';
import type { PlatformData } from './platformRecords';
import { sandboxPageHtml } from './sandboxPage';

export interface PlatformSimulatorOptions {
  /** Seed for the data and the random faults; default 1. */
  seed?: number;
  /** How many organizations; default 300. */
  organizations?: number;
  /** Months of invoice history, the current month included; default 15. */
  months?: number;
  /** "Today": decides which months exist (UTC) and stamps Retry-After dates; default the clock. */
  now?: () => Date;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The bearer token the API accepts; default `platform-sandbox-token`. */
  token?: string;
  /** Average invoice lines per organization per month; default 4. */
  linesPerOrganizationPerMonth?: number;
}

export type { RecordedRequest };

export interface PlatformSimulator {
  /** What a user types as the Platform API base URL: `http://127.0.0.1:<port>`. */
  baseUrl: string;
  token: string;
  /** The summary page (no token needed). */
  sandboxPageUrl: string;
  account: AccountInfo;
  requests: RecordedRequest[];
  data: PlatformData;
  faults: FaultControls;
  close(): Promise<void>;
}

export const defaultToken = 'platform-sandbox-token';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function unauthorized(message: string, invalidToken: boolean): SimResponse {
  return errorResponse(401, 'unauthorized', message, {
    headers: {
      'WWW-Authenticate': invalidToken
        ? 'Bearer realm="platform", error="invalid_token"'
        : 'Bearer realm="platform"',
    },
  });
}

/** Null when the request carries the token; otherwise the 401 to send. */
function authenticationFailure(req: IncomingMessage, token: string): SimResponse | null {
  const authorization = requestHeader(req, 'authorization');
  if (!authorization) {
    return unauthorized('Authorization is required: send "Authorization: Bearer <token>".', false);
  }
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(authorization);
  if (!match) {
    return unauthorized('Authorization must use the Bearer scheme: "Bearer <token>".', false);
  }
  if (!sameSecret(match[1] as string, token)) {
    return unauthorized('The token is not valid for this account.', true);
  }
  return null;
}

function injectedError(decision: InjectedError<InjectedErrorStatus>): SimResponse {
  const retryAfter: Record<string, string> =
    decision.retryAfter === undefined ? {} : { 'Retry-After': decision.retryAfter };
  switch (decision.status) {
    case 429:
      return errorResponse(429, 'rate_limited', 'Too many requests: wait as Retry-After says.', {
        headers: retryAfter,
      });
    case 500:
      return errorResponse(500, 'internal_error', 'An internal error occurred.');
    case 503:
      return errorResponse(503, 'service_unavailable', 'The service is temporarily unavailable.', {
        headers: retryAfter,
      });
  }
}

export async function startPlatformSimulator(
  options: PlatformSimulatorOptions = {},
): Promise<PlatformSimulator> {
  const seed = options.seed ?? 1;
  const now = options.now ?? (() => new Date());
  const token = options.token ?? defaultToken;
  if (!/^\S+$/.test(token)) throw new Error('The token must be non-empty with no spaces.');
  const history = generateBillingHistory({ ...options, seed, now });
  const data: PlatformData = {
    organizations: history.organizations,
    offers: history.offers,
    contracts: history.contracts,
    invoices: history.invoices,
    invoiceLines: history.invoiceLines,
  };
  const account: AccountInfo = {
    platformName: 'Sandbox Cloud Marketplace',
    accountId: `ACC-${String(700_000 + (seed % 100_000)).padStart(6, '0')}`,
    accountName: 'Sandbox MSP',
  };
  const faults = createFaultInjector({ seed, now, ...faultRouting });
  const server = await startSimulatorServer({
    name: 'Platform simulator',
    port: options.port,
    cacheControl: 'no-store',
    faults,
    record: (base) => base,
    sandboxPage: {
      html: (baseUrl) => sandboxPageHtml(data, baseUrl),
      methodNotAllowed: errorResponse(405, 'method_not_allowed', 'Use GET.'),
    },
    injectedError,
    internalError: errorResponse(500, 'internal_error', 'An internal error occurred.'),
    handle: ({ req, url, method }) =>
      authenticationFailure(req, token) ??
      handleApiCall(data, account, { method, path: url.pathname, search: url.searchParams }),
  });

  return {
    baseUrl: server.baseUrl,
    token,
    sandboxPageUrl: `${server.baseUrl}/sandbox`,
    account,
    requests: server.requests,
    data,
    faults: { set: faults.set, clear: faults.clear, script: faults.script },
    close: server.close,
  };
}
