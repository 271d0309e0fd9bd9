/**
 * The ConnectWise Manage simulator: an HTTP server on 127.0.0.1 answering like a 2025.1 site,
 * strictly (`docs/connectwise.md`): codebase discovery, Basic auth with `company+public:private`,
 * the clientId header, role permissions, lists with conditions and both kinds of paging,
 * validated writes, bundles, and injectable faults. Every request is recorded (Authorization
 * redacted) and the live data is exposed for assertions.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createFaultInjector, type InjectedError } from '../faultInjection';
import { jsonResponse, type SimResponse, textResponse } from '../httpResponses';
import {
  type RecordedRequest as BaseRecordedRequest,
  redactedHeaders,
  requestHeader,
  type SimulatorRequest,
  startSimulatorServer,
} from '../httpServer';
import { createRateLimiter, type RateLimitOptions, type RateLimitSettings } from '../rateLimit';
import { errorResponse } from './apiResponses';
import { type ApiContext, handleApiCall, type RequestBody } from './apiRoutes';
import type { SimulatorData } from './connectwiseRecords';
import { type FaultControls, faultRouting, type InjectedErrorStatus } from './faultInjection';
import { Invoicing } from './invoicing';
import { RecordIndex } from './recordIndex';
import { normalizedDate } from './recordValidation';
import { type DeniedPermissions, deniedPermissions } from './rolePermissions';
import { sandboxPageHtml } from './sandboxPage';
import { generateSeedData } from './seedData';

export interface SimulatorCredentials {
  companyId: string;
  publicKey: string;
  privateKey: string;
}

export interface ConnectWiseSimulatorOptions {
  /** Seed for the data and the random faults; default 1. */
  seed?: number;
  /** How many companies to generate; default 250. */
  companies?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  credentials?: Partial<SimulatorCredentials>;
  /** Permissions denied to the API member's role, e.g. `['Finance › Agreements']`. */
  deny?: string[];
  /** Clock for `_info` stamps, default dates and the rate-limit window; default the system clock. */
  now?: () => Date;
  /**
   * At most this many requests per minute (sliding window, every request but `/sandbox`), the
   * rest answered 429 as by the Cloudflare layer; default no limit. `sim.setRateLimit` changes it.
   */
  rateLimitPerMinute?: number;
  /** Whether a rate-limit 429 carries `Retry-After` (seconds until a slot frees; default) or not. */
  rateLimitRetryAfter?: 'seconds' | 'none';
  /** The window the limit counts over, for tests that cannot wait a minute; default 60,000. */
  rateLimitWindowMs?: number;
}

export interface RecordedRequest extends BaseRecordedRequest {
  /** Lower-cased header names; `authorization` is redacted. */
  headers: Record<string, string>;
  /** The parsed JSON body of a write, when there was one. */
  body?: unknown;
}

export interface ConnectWiseSimulator {
  /** What a user types as the API URL: `http://127.0.0.1:<port>`. */
  siteUrl: string;
  credentials: SimulatorCredentials;
  /** `http://127.0.0.1:<port>/v2025_1/apis/3.0`. */
  apiBaseUrl: string;
  /** The read-only page listing agreements and additions. */
  sandboxPageUrl: string;
  faults: FaultControls;
  requests: RecordedRequest[];
  data: SimulatorData;
  setPermissions(deny: string[]): void;
  /**
   * `n` requests per minute (or per `windowMs`), or `null` for no limit. Requests let through in
   * the last window still count.
   */
  setRateLimit(perMinute: number | null, options?: RateLimitOptions): void;
  /** The limit in force, or null. */
  readonly rateLimit: RateLimitSettings | null;
  /** How many requests the rate limit has answered with 429 (injected faults not included). */
  readonly rateLimited: number;
  /**
   * Invoices an agreement through a date, as an invoice run would: its additions effective by
   * then cannot be deleted, and, when the agreement is not prorated, no addition may take effect
   * on or before it. Gives the number of additions invoiced.
   */
  invoice(agreementId: number, through: string): number;
  /** Whether an addition has been invoiced by `invoice`. */
  isInvoiced(additionId: number): boolean;
  /**
   * Rebuilds the look-ups of agreements and additions after a direct change they cannot notice
   * (an addition moved to another agreement, or a record swapped in place in `sim.data`).
   */
  reindex(): void;
  close(): Promise<void>;
}

export const codebase = 'v2025_1/';
export const simulatedCompanyName = 'Sandbox MSP';
const apiVersion = '2025.1';
const maxBodyBytes = 16 * 1024 * 1024;
const cannotRoute = 'Cannot route. Codebase/company is invalid';
const guidPattern = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

function parseBody(req: IncomingMessage, raw: Buffer | 'too-large'): RequestBody {
  if (raw === 'too-large')
    return { kind: 'invalid', status: 413, message: 'The request body is too large.' };
  if (raw.length === 0) return { kind: 'none' };
  const contentType = requestHeader(req, 'content-type') ?? '';
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(contentType.trim())) {
    return {
      kind: 'invalid',
      status: 415,
      message: `The request body must be sent with Content-Type: application/json (got "${contentType || 'none'}").`,
    };
  }
  try {
    return { kind: 'json', value: JSON.parse(raw.toString('utf8')) };
  } catch (error) {
    return {
      kind: 'invalid',
      status: 400,
      message: `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

type Authentication = { ok: true } | { ok: false; response: SimResponse };

function authenticate(req: IncomingMessage, credentials: SimulatorCredentials): Authentication {
  const authorization = requestHeader(req, 'authorization');
  const unauthorized = (message: string): Authentication => ({
    ok: false,
    response: errorResponse(401, 'Unauthorized', message),
  });
  if (!authorization) {
    return unauthorized(
      'Authorization is required: send Basic base64(companyId+publicKey:privateKey).',
    );
  }
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (!match) return unauthorized('Authorization must use the Basic scheme with API member keys.');
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  const password = colon === -1 ? '' : decoded.slice(colon + 1);
  const plus = user.indexOf('+');
  if (plus === -1 || colon === -1) {
    return unauthorized('Authorization must be Basic base64(companyId+publicKey:privateKey).');
  }
  const company = user.slice(0, plus);
  const publicKey = user.slice(plus + 1);
  if (company.toLowerCase() !== credentials.companyId.toLowerCase()) {
    return { ok: false, response: textResponse(400, cannotRoute) };
  }
  const clientId = requestHeader(req, 'clientid')?.trim();
  if (!clientId || !guidPattern.test(clientId)) {
    const detail = clientId
      ? `The clientId header "${clientId}" is not a valid clientId GUID.`
      : 'The clientId header is required on every API request.';
    return {
      ok: false,
      response: errorResponse(
        400,
        'InvalidObject',
        `clientId is missing or invalid: ${detail} Register one at https://developer.connectwise.com/ClientID.`,
        [
          {
            code: clientId ? 'InvalidField' : 'MissingRequiredField',
            message: detail,
            resource: 'clientId',
            field: 'clientId',
          },
        ],
      ),
    };
  }
  if (publicKey !== credentials.publicKey || password !== credentials.privateKey) {
    return unauthorized('Incorrect public/private key');
  }
  return { ok: true };
}

function injectedError(decision: InjectedError<InjectedErrorStatus>): SimResponse {
  switch (decision.status) {
    case 429:
      return textResponse(
        429,
        '<!doctype html><title>Too Many Requests</title><h1>Error 1015</h1><p>You are being rate limited.</p>',
        'text/html; charset=utf-8',
        decision.retryAfter === undefined ? {} : { 'Retry-After': decision.retryAfter },
      );
    case 500:
      return errorResponse(
        500,
        'ConnectWiseApi',
        'Query read timeout expired. An error has occurred.',
      );
    default: {
      const titles = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
      const title = titles[decision.status];
      return textResponse(
        decision.status,
        `<!doctype html><title>${decision.status} ${title}</title><h1>${decision.status} ${title}</h1>`,
        'text/html; charset=utf-8',
      );
    }
  }
}

export async function startConnectWiseSimulator(
  options: ConnectWiseSimulatorOptions = {},
): Promise<ConnectWiseSimulator> {
  const seed = options.seed ?? 1;
  const now = options.now ?? (() => new Date());
  const credentials: SimulatorCredentials = {
    companyId: options.credentials?.companyId ?? 'sandbox',
    publicKey: options.credentials?.publicKey ?? 'sandboxPublicKey',
    privateKey: options.credentials?.privateKey ?? 'sandboxPrivateKey',
  };
  const data = generateSeedData({ seed, companies: options.companies ?? 250 });
  let denied: DeniedPermissions = deniedPermissions(options.deny ?? []);
  const faults = createFaultInjector({ seed, now, ...faultRouting });
  const rateLimiter = createRateLimiter(now);
  if (options.rateLimitPerMinute !== undefined) {
    rateLimiter.set(options.rateLimitPerMinute, {
      ...(options.rateLimitRetryAfter ? { retryAfter: options.rateLimitRetryAfter } : {}),
      ...(options.rateLimitWindowMs ? { windowMs: options.rateLimitWindowMs } : {}),
    });
  }
  const counters = new Map<keyof SimulatorData, number>();
  const index = new RecordIndex(data);
  const invoicing = new Invoicing();
  let host = '127.0.0.1';

  const context: ApiContext = {
    data,
    now,
    deniedPermissions: () => denied,
    apiBaseUrl: () => `http://${host}/${codebase}apis/3.0`,
    nextId: (collection) => {
      const records = data[collection] as Array<{ id: number }>;
      const current =
        collection === 'additions'
          ? Math.max(counters.get(collection) ?? 0, index.maxAdditionId())
          : (counters.get(collection) ??
            records.reduce((max, record) => Math.max(max, record.id), 0));
      const next = current + 1;
      counters.set(collection, next);
      return next;
    },
    index,
    invoicing,
  };

  function companyInfo(companyId: string): SimResponse {
    if (companyId.toLowerCase() !== credentials.companyId.toLowerCase())
      return jsonResponse(200, null);
    return jsonResponse(200, {
      CompanyName: simulatedCompanyName,
      Codebase: codebase,
      VersionCode: 'v2025.1',
      VersionNumber: 'v4.6.12345',
      CompanyID: credentials.companyId,
      IsCloud: false,
      SiteUrl: host,
      AllowedOrigins: '*',
    });
  }

  async function respond({
    req,
    url,
    method,
    record,
    body: raw,
  }: SimulatorRequest<RecordedRequest>): Promise<SimResponse> {
    const companyInfoMatch = /^\/login\/companyinfo\/([^/]+)\/?$/i.exec(url.pathname);
    if (companyInfoMatch) {
      if (method !== 'GET') return errorResponse(405, 'MethodNotAllowed', 'Use GET.');
      return companyInfo(decodeURIComponent(companyInfoMatch[1] as string));
    }
    const apiMatch = /^\/([^/]+)\/apis\/3\.0(\/.*)?$/i.exec(url.pathname);
    if (!apiMatch) return textResponse(404, 'Not Found');
    if (`${apiMatch[1]}/`.toLowerCase() !== codebase) return textResponse(400, cannotRoute);
    const authentication = authenticate(req, credentials);
    if (!authentication.ok) return authentication.response;

    let body: RequestBody = { kind: 'none' };
    if (['POST', 'PUT', 'PATCH'].includes(method)) {
      body = parseBody(req, raw);
      if (body.kind === 'json') record.body = body.value;
    }
    const pagination = requestHeader(req, 'pagination-type')?.trim().toLowerCase();
    const response = handleApiCall(context, {
      method,
      resourcePath: apiMatch[2] ?? '/',
      search: url.searchParams,
      forwardOnly: pagination === 'forward-only',
      body,
    });
    return {
      ...response,
      headers: {
        ...response.headers,
        'api-current-version': apiVersion,
        'x-cw-request-id': randomUUID(),
      },
    };
  }

  const server = await startSimulatorServer({
    name: 'ConnectWise simulator',
    port: options.port,
    cacheControl: 'no-cache',
    faults,
    maxBodyBytes,
    gate: () => {
      const decision = rateLimiter.admit();
      if (decision.admitted) return undefined;
      return injectedError(
        decision.retryAfterSeconds === undefined
          ? { kind: 'error', status: 429, latencyMs: 0 }
          : {
              kind: 'error',
              status: 429,
              retryAfter: String(decision.retryAfterSeconds),
              latencyMs: 0,
            },
      );
    },
    record: (base, req): RecordedRequest => ({ ...base, headers: redactedHeaders(req.headers) }),
    sandboxPage: {
      html: (siteUrl) =>
        sandboxPageHtml(data, siteUrl, credentials.companyId, {
          additionsOf: (agreementId) => index.additionsOf(agreementId),
          invoicedThrough: (agreementId) => invoicing.invoicedThrough(agreementId),
          isInvoiced: (additionId) => invoicing.isInvoiced(additionId),
        }),
      methodNotAllowed: textResponse(405, 'Method Not Allowed'),
    },
    injectedError,
    internalError: errorResponse(500, 'ConnectWiseApi', 'An error has occurred.'),
    handle: respond,
  });
  host = server.host;
  const siteUrl = server.baseUrl;

  return {
    siteUrl,
    credentials,
    apiBaseUrl: `${siteUrl}/${codebase}apis/3.0`,
    sandboxPageUrl: `${siteUrl}/sandbox`,
    faults: { set: faults.set, clear: faults.clear, script: faults.script },
    requests: server.requests,
    data,
    setPermissions(deny) {
      denied = deniedPermissions(deny);
    },
    setRateLimit(perMinute, limitOptions) {
      rateLimiter.set(perMinute, limitOptions);
    },
    get rateLimit() {
      return rateLimiter.settings();
    },
    get rateLimited() {
      return rateLimiter.refused();
    },
    invoice(agreementId, through) {
      const agreement = index.agreement(agreementId);
      if (!agreement) throw new Error(`No agreement ${agreementId} to invoice.`);
      const until = normalizedDate(through);
      if (until === null) throw new Error(`"${through}" is not a date like 2026-01-31.`);
      return invoicing.invoice(agreement, index.additionsOf(agreementId), until);
    },
    isInvoiced: (additionId) => invoicing.isInvoiced(additionId),
    reindex: () => index.reset(),
    close: server.close,
  };
}
