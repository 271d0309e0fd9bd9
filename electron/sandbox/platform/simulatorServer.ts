/**
 * The Platform API simulator: an HTTP server on 127.0.0.1 serving `docs/platform-api.yaml`
 * strictly — bearer token on every call, `/v1/me`, five cursor-paged lists, the one error shape —
 * over generated billing history, with injectable faults. Every request is recorded and the data
 * is exposed for assertions.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiResponse, errorResponse, jsonContentType } from './apiResponses';
import { type AccountInfo, handleApiCall } from './billingApi';
import { generateBillingHistory } from './billingHistory';
import { createFaultInjector, type FaultControls, type FaultDecision } from './faultInjection';
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

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The status sent; 0 when the connection was dropped without an answer. */
  status: number;
}

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

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function unauthorized(message: string, invalidToken: boolean): ApiResponse {
  return errorResponse(401, 'unauthorized', message, {
    headers: {
      'WWW-Authenticate': invalidToken
        ? 'Bearer realm="platform", error="invalid_token"'
        : 'Bearer realm="platform"',
    },
  });
}

/** Null when the request carries the token; otherwise the 401 to send. */
function authenticationFailure(req: IncomingMessage, token: string): ApiResponse | null {
  const authorization = header(req, 'authorization');
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

function injectedError(decision: Extract<FaultDecision, { kind: 'error' }>): ApiResponse {
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

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
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
  const faults = createFaultInjector(seed, now);
  const requests: RecordedRequest[] = [];
  const closing = new AbortController();
  let baseUrl = 'http://127.0.0.1';

  function send(res: ServerResponse, record: RecordedRequest, response: ApiResponse): void {
    record.status = response.status;
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(response.status, { 'Cache-Control': 'no-store', ...response.headers });
    res.end(response.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
    };
    requests.push(record);

    if (url.pathname === '/sandbox' || url.pathname === '/sandbox/') {
      if (method !== 'GET') {
        return send(res, record, errorResponse(405, 'method_not_allowed', 'Use GET.'));
      }
      return send(res, record, {
        status: 200,
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
          'X-Content-Type-Options': 'nosniff',
        },
        body: sandboxPageHtml(data, baseUrl),
      });
    }

    const decision = faults.decide(method, url.pathname, url.search);
    await sleep(decision.latencyMs, closing.signal);
    if (closing.signal.aborted) return;
    if (decision.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (decision.kind === 'error') return send(res, record, injectedError(decision));

    const failure = authenticationFailure(req, token);
    if (failure) return send(res, record, failure);
    send(
      res,
      record,
      handleApiCall(data, account, { method, path: url.pathname, search: url.searchParams }),
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'Content-Type': jsonContentType });
        res.end(
          JSON.stringify({
            error: { code: 'internal_error', message: 'An internal error occurred.' },
          }),
        );
      } else {
        res.destroy();
      }
      console.error('Platform simulator: request failed', error);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    token,
    sandboxPageUrl: `${baseUrl}/sandbox`,
    account,
    requests,
    data,
    faults: { set: faults.set, clear: faults.clear, script: faults.script },
    close() {
      closing.abort();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
