import { type AxiosInstance, isAxiosError } from 'axios';
import type { z } from 'zod';
import {
  createTextHttpClient,
  parseRetryAfter,
  type RetryPolicy,
  redactBody,
  retryDelayMs,
} from '../http';
import type { Clock } from '../ports';
import { ConnectWiseError, type ConnectWiseErrorFacts } from './connectWiseError';
import type { RequestLimiter } from './requestLimiter';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CallOptions {
  signal?: AbortSignal;
  /** A POST that only reads (bundles): retried like a GET, never "outcome unknown". */
  idempotent?: boolean;
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Record<string, string>;
}

export interface ApiChannelDeps {
  /** `https://{apiHost}/{codebase}apis/3.0` */
  baseUrl: string;
  /** Headers sent on every call: Authorization, clientId, Accept. */
  headers: Record<string, string>;
  /** Every value that must never appear in an error: the private key and the auth header. */
  secrets: string[];
  limiter: RequestLimiter;
  clock: Clock;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  retryPolicy: RetryPolicy;
  timeoutMs: number;
  http?: AxiosInstance;
}

const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Which security-role permission a path needs, to name it when ConnectWise answers 403. */
export function permissionFor(path: string): string | undefined {
  if (path.startsWith('/company/')) return 'Companies';
  if (path.startsWith('/finance/agreements/types') || path.startsWith('/finance/billingCycles')) {
    return 'System › Table Setup';
  }
  if (path.startsWith('/finance/agreements')) return 'Finance › Agreements';
  if (path.startsWith('/procurement/catalog')) return 'Procurement › Product Catalog';
  return undefined;
}

const permissionNames: Array<[RegExp, string]> = [
  [/table setup/i, 'System › Table Setup'],
  [/product catalog|procurement/i, 'Procurement › Product Catalog'],
  [/agreement/i, 'Finance › Agreements'],
  [/compan/i, 'Companies'],
];

/**
 * Sends requests to one ConnectWise API base. Reads are retried on 429, 5xx and network
 * failures; writes only when ConnectWise certainly did not act on them (429, or never sent).
 * A write whose outcome is unknown fails with `outcomeUnknown` so the caller looks first.
 */
/** How much of a request or response body an error keeps for System Logs. */
const bodyKeptChars = 4000;

export function createApiChannel(deps: ApiChannelDeps) {
  const http = deps.http ?? createTextHttpClient();

  const redact = (value: string): string =>
    deps.secrets.reduce((text, secret) => (secret ? text.split(secret).join('***') : text), value);

  const fail = (
    kind: ConstructorParameters<typeof ConnectWiseError>[0],
    message: string,
    detail: string | undefined,
    facts: ConnectWiseErrorFacts,
  ) =>
    new ConnectWiseError(
      kind,
      redact(message),
      detail === undefined ? undefined : redact(detail).slice(0, 2000),
      {
        ...facts,
        path: facts.path === undefined ? undefined : redact(facts.path),
        // Redacted whole, then cut: a body cut first is no longer JSON to redact key by key.
        requestBody:
          facts.requestBody && redactBody(redact(facts.requestBody)).slice(0, bodyKeptChars),
        responseBody:
          facts.responseBody && redactBody(redact(facts.responseBody)).slice(0, bodyKeptChars),
      },
    );

  async function call<S extends z.ZodType>(
    method: HttpMethod,
    pathAndQuery: string,
    schema: S | null,
    body: unknown,
    options: CallOptions = {},
  ): Promise<ApiResponse<z.output<S> | undefined>> {
    const url = pathAndQuery.startsWith('http') ? pathAndQuery : `${deps.baseUrl}${pathAndQuery}`;
    const path = pathAndQuery.startsWith('http') ? new URL(pathAndQuery).pathname : pathAndQuery;
    const isWrite = method !== 'GET' && !options.idempotent;
    const facts: ConnectWiseErrorFacts = {
      method,
      path,
      ...(body === undefined ? {} : { requestBody: JSON.stringify(body) }),
    };
    const started = deps.clock.now().getTime();
    // 429s are counted apart: the server certainly did not act on them, and a busy site may
    // answer several in a row before a slot frees.
    let failures = 0;
    let rateLimits = 0;

    for (;;) {
      const retry = async (
        error: ConnectWiseError,
        retryAfterMs: number | null,
        rateLimited = false,
      ) => {
        const attempt = rateLimited ? ++rateLimits : ++failures;
        const maxAttempts = rateLimited
          ? (deps.retryPolicy.maxRateLimitedAttempts ?? deps.retryPolicy.maxAttempts)
          : deps.retryPolicy.maxAttempts;
        const elapsed = deps.clock.now().getTime() - started;
        // A server that asks for a longer wait than the retry budget gets its answer at once.
        if (retryAfterMs !== null && elapsed + retryAfterMs > deps.retryPolicy.maxTotalMs)
          throw error;
        const delay = retryDelayMs(deps.retryPolicy, attempt, retryAfterMs, deps.random);
        if (attempt >= maxAttempts || elapsed + delay > deps.retryPolicy.maxTotalMs) {
          throw error;
        }
        try {
          await deps.sleep(delay, options.signal);
        } catch {
          throw cancelled();
        }
      };
      const cancelled = () =>
        fail('Cancelled', 'The request to ConnectWise was cancelled.', undefined, {
          ...facts,
          outcomeUnknown: isWrite,
        });

      let response: {
        status: number;
        headers: Record<string, string>;
        body: string;
        ticket: number;
      };
      try {
        response = await deps.limiter.run(async (ticket) => {
          const res = await http.request<string>({
            method,
            url,
            data: body === undefined ? undefined : JSON.stringify(body),
            headers: {
              ...deps.headers,
              ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
              ...options.headers,
            },
            timeout: options.timeoutMs ?? deps.timeoutMs,
            signal: options.signal,
          });
          return {
            status: res.status,
            headers: Object.fromEntries(
              Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
            ),
            body: typeof res.data === 'string' ? res.data : '',
            ticket,
          };
        }, options.signal);
      } catch (error) {
        if (options.signal?.aborted) throw cancelled();
        const code = isAxiosError(error) ? (error.code ?? '') : '';
        if (notSentCodes.has(code)) {
          await retry(
            fail(
              'Site Unreachable',
              `Could not reach ConnectWise at ${new URL(deps.baseUrl).host} (${code}). Check the API URL and the network.`,
              undefined,
              facts,
            ),
            null,
          );
          continue;
        }
        const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT';
        const what = timedOut
          ? 'did not answer in time'
          : 'closed the connection without an answer';
        if (isWrite) {
          throw fail(
            'Response Error',
            `ConnectWise ${what}, so it is unknown whether the change was saved. The app looks before writing again.`,
            code || undefined,
            { ...facts, outcomeUnknown: true },
          );
        }
        await retry(fail('Response Error', `ConnectWise ${what}.`, code || undefined, facts), null);
        continue;
      }

      const { status, headers } = response;
      const bodyText = response.body;

      if (status >= 200 && status < 300) {
        deps.limiter.succeeded();
        if (!schema) return { data: undefined, status, headers };
        let json: unknown;
        try {
          json = bodyText === '' ? undefined : JSON.parse(bodyText);
        } catch {
          throw fail(
            'Response Error',
            'ConnectWise sent a response the app could not read.',
            bodyText.slice(0, 300),
            {
              ...facts,
              status,
            },
          );
        }
        const parsed = schema.safeParse(json);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = issue ? issue.path.join('.') : '';
          throw fail(
            'Response Error',
            `ConnectWise sent a response the app could not read${field ? `: "${field}" ${issue?.message.toLowerCase()}` : ''}.`,
            undefined,
            { ...facts, status, field },
          );
        }
        return { data: parsed.data, status, headers };
      }

      if (status >= 300 && status < 400) {
        const location = headers.location ?? '';
        throw fail(
          'Response Error',
          isWrite
            ? 'ConnectWise answered the change with a redirect, which the app does not follow; it is unknown whether the change was saved.'
            : 'ConnectWise answered with a redirect, which the app does not follow.',
          location ? `Redirect to ${location.slice(0, 200)}` : undefined,
          { ...facts, status, outcomeUnknown: isWrite },
        );
      }

      const errorBody = parseErrorBody(bodyText);
      const said = errorBody?.message ?? bodyText.slice(0, 300);
      const detail = describeErrorBody(errorBody) ?? (bodyText.slice(0, 300) || undefined);
      const withStatus = {
        ...facts,
        status,
        code: errorBody?.code,
        ...(bodyText ? { responseBody: bodyText } : {}),
      };

      if (status === 429) {
        const retryAfterMs = parseRetryAfter(headers['retry-after'], deps.clock.now());
        deps.limiter.rateLimited(retryAfterMs, response.ticket);
        await retry(
          fail(
            'Rate Limited',
            'ConnectWise is limiting how fast the app may call it (rate limited). Try again in a few minutes.',
            detail,
            withStatus,
          ),
          retryAfterMs,
          true,
        );
        continue;
      }
      if (status >= 500) {
        const error = fail(
          'Response Error',
          isWrite
            ? `ConnectWise had a problem (HTTP ${status}) while saving; it is unknown whether the change was saved.`
            : `ConnectWise had a temporary problem (HTTP ${status}). Try again later.`,
          detail,
          { ...withStatus, outcomeUnknown: isWrite },
        );
        if (isWrite) throw error;
        await retry(error, parseRetryAfter(headers['retry-after'], deps.clock.now()));
        continue;
      }
      if (/cannot route/i.test(bodyText)) {
        throw fail(
          'Unknown Company',
          'ConnectWise could not route the request: the company ID or codebase is not valid on this site.',
          detail,
          withStatus,
        );
      }
      if (status === 401) {
        throw fail(
          'Authentication Error',
          'ConnectWise rejected the API keys. Check the company ID, the public key and the private key.',
          detail,
          withStatus,
        );
      }
      if (status === 403) {
        const permission =
          permissionNames.find(([pattern]) => pattern.test(said))?.[1] ?? permissionFor(path);
        throw fail(
          'Permission Error',
          permission
            ? `The API member's security role lacks the "${permission}" permission.`
            : "The API member's security role does not allow this.",
          detail,
          { ...withStatus, permission },
        );
      }
      if (status === 404) {
        throw fail(
          'Not Found',
          'ConnectWise has no such record; it may have been deleted in ConnectWise.',
          detail,
          withStatus,
        );
      }
      const first = errorBody?.errors?.[0];
      const field = first?.field ?? undefined;
      throw fail(
        'Validation Error',
        `ConnectWise refused the request${field ? ` because of "${field}"` : ''}: ${first?.message ?? said}`,
        detail,
        { ...withStatus, field },
      );
    }
  }

  return {
    call,
    get: <S extends z.ZodType>(pathAndQuery: string, schema: S, options?: CallOptions) =>
      call('GET', pathAndQuery, schema, undefined, options) as Promise<ApiResponse<z.output<S>>>,
    send: <S extends z.ZodType>(
      method: Exclude<HttpMethod, 'GET'>,
      path: string,
      schema: S,
      body: unknown,
      options?: CallOptions,
    ) => call(method, path, schema, body, options) as Promise<ApiResponse<z.output<S>>>,
    sendWithoutBody: (method: 'DELETE', path: string, options?: CallOptions) =>
      call(method, path, null, undefined, options),
  };
}

export type ApiChannel = ReturnType<typeof createApiChannel>;

interface ErrorBody {
  code?: string;
  message?: string;
  errors?: Array<{ code?: string; message?: string; resource?: string; field?: string }>;
}

function parseErrorBody(text: string): ErrorBody | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const record = value as Record<string, unknown>;
    const errors = Array.isArray(record.errors)
      ? record.errors
          .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
          .map((e) => ({
            code: typeof e.code === 'string' ? e.code : undefined,
            message: typeof e.message === 'string' ? e.message : undefined,
            resource: typeof e.resource === 'string' ? e.resource : undefined,
            field: typeof e.field === 'string' ? e.field : undefined,
          }))
      : undefined;
    return {
      code: typeof record.code === 'string' ? record.code : undefined,
      message: typeof record.message === 'string' ? record.message : undefined,
      errors,
    };
  } catch {
    return null;
  }
}

function describeErrorBody(body: ErrorBody | null): string | undefined {
  if (!body) return undefined;
  const parts = [body.code, body.message].filter(Boolean).join(': ');
  const errors = (body.errors ?? [])
    .map(
      (e) => [e.resource, e.field].filter(Boolean).join('.') + (e.message ? ` ${e.message}` : ''),
    )
    .filter((line) => line.trim());
  return [parts, ...errors].filter(Boolean).join('\n') || undefined;
}
