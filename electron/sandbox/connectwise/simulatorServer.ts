/**
 * The ConnectWise Manage simulator: an HTTP server on 127.0.0.1 answering like a 2025.1 site,
 * strictly (connectwise-api.md): codebase discovery, Basic auth with `company+public:private`,
 * the clientId header, role permissions, lists with conditions and both kinds of paging,
 * validated writes, bundles, and injectable faults. Every request is recorded (Authorization
 * redacted) and the live data is exposed for assertions.
 */
import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  emptyResponse,
  errorResponse,
  jsonResponse,
  type SimResponse,
  textResponse,
} from './apiResponses';
import { type ApiContext, handleApiCall, type RequestBody } from './apiRoutes';
import type { SimulatorData } from './connectwiseRecords';
import { createFaultInjector, type FaultControls, type FaultDecision } from './faultInjection';
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
  /** Clock for `_info` stamps and default dates; default the system clock. */
  now?: () => Date;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names; `authorization` is redacted. */
  headers: Record<string, string>;
  /** The status sent; 0 when the connection was dropped without an answer. */
  status: number;
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
  close(): Promise<void>;
}

export const codebase = 'v2025_1/';
export const simulatedCompanyName = 'Sandbox MSP';
const apiVersion = '2025.1';
const maxBodyBytes = 16 * 1024 * 1024;
const cannotRoute = 'Cannot route. Codebase/company is invalid';
const guidPattern = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

function recordedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const recorded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    recorded[name] =
      name === 'authorization' ? '[REDACTED]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return recorded;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) return 'too-large';
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function parseBody(req: IncomingMessage, raw: Buffer | 'too-large'): RequestBody {
  if (raw === 'too-large')
    return { kind: 'invalid', status: 413, message: 'The request body is too large.' };
  if (raw.length === 0) return { kind: 'none' };
  const contentType = header(req, 'content-type') ?? '';
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
  const authorization = header(req, 'authorization');
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
  const clientId = header(req, 'clientid')?.trim();
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

function injectedError(decision: Extract<FaultDecision, { kind: 'error' }>): SimResponse {
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
  const faults = createFaultInjector(seed, now);
  const requests: RecordedRequest[] = [];
  const closing = new AbortController();
  const counters = new Map<keyof SimulatorData, number>();
  let host = '127.0.0.1';

  const context: ApiContext = {
    data,
    now,
    deniedPermissions: () => denied,
    apiBaseUrl: () => `http://${host}/${codebase}apis/3.0`,
    nextId: (collection) => {
      const records = data[collection] as Array<{ id: number }>;
      const current =
        counters.get(collection) ?? records.reduce((max, record) => Math.max(max, record.id), 0);
      const next = current + 1;
      counters.set(collection, next);
      return next;
    },
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

  async function respond(
    req: IncomingMessage,
    url: URL,
    decision: FaultDecision,
    record: RecordedRequest,
  ): Promise<SimResponse> {
    const method = (req.method ?? 'GET').toUpperCase();
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
      body = parseBody(req, await readBody(req));
      if (body.kind === 'json') record.body = body.value;
    }
    const pagination = header(req, 'pagination-type')?.trim().toLowerCase();
    const response = handleApiCall(context, {
      method,
      resourcePath: apiMatch[2] ?? '/',
      search: url.searchParams,
      forwardOnly: pagination === 'forward-only',
      body,
    });
    if (decision.kind === 'commitThenDrop') return response;
    return {
      ...response,
      headers: {
        ...response.headers,
        'api-current-version': apiVersion,
        'x-cw-request-id': randomUUID(),
      },
    };
  }

  function send(res: ServerResponse, record: RecordedRequest, response: SimResponse): void {
    record.status = response.status;
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(response.status, { 'Cache-Control': 'no-cache', ...response.headers });
    res.end(response.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${host}`);
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: recordedHeaders(req.headers),
      status: 0,
    };
    requests.push(record);

    if (url.pathname === '/sandbox' || url.pathname === '/sandbox/') {
      if (method !== 'GET') return send(res, record, textResponse(405, 'Method Not Allowed'));
      return send(
        res,
        record,
        textResponse(
          200,
          sandboxPageHtml(data, `http://${host}`, credentials.companyId),
          'text/html; charset=utf-8',
          {
            'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
            'X-Content-Type-Options': 'nosniff',
          },
        ),
      );
    }

    const decision = faults.decide(method, url.pathname, url.search);
    await sleep(decision.latencyMs, closing.signal);
    if (closing.signal.aborted) return;
    switch (decision.kind) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'error':
        return send(res, record, injectedError(decision));
      case 'redirect':
        return send(
          res,
          record,
          emptyResponse(decision.status, {
            Location: `http://${host}${url.pathname}${url.search}`,
          }),
        );
      default:
        break;
    }
    const response = await respond(req, url, decision, record);
    if (decision.kind === 'commitThenDrop') {
      req.socket.destroy();
      return;
    }
    send(res, record, response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ code: 'ConnectWiseApi', message: 'An error has occurred.' }));
      } else {
        res.destroy();
      }
      console.error('ConnectWise simulator: request failed', error);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const siteUrl = `http://${host}`;

  return {
    siteUrl,
    credentials,
    apiBaseUrl: `${siteUrl}/${codebase}apis/3.0`,
    sandboxPageUrl: `${siteUrl}/sandbox`,
    faults: { set: faults.set, clear: faults.clear, script: faults.script },
    requests,
    data,
    setPermissions(deny) {
      denied = deniedPermissions(deny);
    },
    close() {
      closing.abort();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
