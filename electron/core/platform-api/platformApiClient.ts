import { PlatformInvoiceLine } from '@shared/platformInvoiceLine';
import { type AxiosInstance, isAxiosError } from 'axios';
import { z } from 'zod';
import { AppError } from '../errors';
import {
  createTextHttpClient,
  defaultRetryPolicy,
  parseRetryAfter,
  type RetryPolicy,
  retryDelayMs,
} from '../http';
import type { Clock } from '../ports';

export const PlatformAccount = z.object({
  platformName: z.string(),
  accountId: z.string(),
  accountName: z.string(),
});
export type PlatformAccount = z.infer<typeof PlatformAccount>;

const Page = z.object({ data: z.array(z.unknown()), nextCursor: z.string().nullable() });

export const PlatformOrganization = z.object({
  id: z.string().trim().min(1).max(100),
  name: z.string().trim().max(200),
  currency: z.string().nullish(),
});
export type PlatformOrganization = z.infer<typeof PlatformOrganization>;

export type PlatformLineEvent =
  | { kind: 'line'; row: number; line: PlatformInvoiceLine }
  | {
      kind: 'problem';
      problem: { row: number; column: string | null; value: string | null; reason: string };
    }
  | { kind: 'progress'; done: number; total: number | null; message: string };

export interface PlatformClientDeps {
  clock: Clock;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  retryPolicy?: RetryPolicy;
  timeoutMs?: number;
  http?: AxiosInstance;
}

/**
 * The Platform billing API of docs/platform-api.yaml: bearer token, cursor pages, reads only
 * (so every failure that may pass is retried with backoff). The token never appears in an error.
 */
export function createPlatformClient(
  connection: { baseUrl: string; token: string },
  deps: PlatformClientDeps,
) {
  const policy = deps.retryPolicy ?? defaultRetryPolicy;
  const http = deps.http ?? createTextHttpClient();
  const redact = (text: string) =>
    connection.token ? text.split(connection.token).join('***') : text;

  async function get<S extends z.ZodType>(
    path: string,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.output<S>> {
    const started = deps.clock.now().getTime();
    for (let attempt = 1; ; attempt += 1) {
      let status = 0;
      let body = '';
      let retryAfter: string | undefined;
      try {
        const response = await http.request<string>({
          method: 'GET',
          url: `${connection.baseUrl}${path}`,
          headers: { Authorization: `Bearer ${connection.token}`, Accept: 'application/json' },
          timeout: deps.timeoutMs ?? 30_000,
          signal,
        });
        status = response.status;
        body = typeof response.data === 'string' ? response.data : '';
        retryAfter = response.headers['retry-after'] as string | undefined;
      } catch (error) {
        if (signal?.aborted)
          throw new AppError('Cancelled', 'The request to the Platform was cancelled.');
        const code = isAxiosError(error) ? (error.code ?? '') : '';
        const failure = new AppError(
          'Site Unreachable',
          `Could not reach the Platform at ${new URL(connection.baseUrl).host}${code ? ` (${code})` : ''}.`,
        );
        await wait(failure, null);
        continue;
      }
      if (status >= 200 && status < 300) {
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          throw new AppError(
            'Response Error',
            'The Platform sent a response the app could not read.',
          );
        }
        const parsed = schema.safeParse(json);
        if (!parsed.success) {
          throw new AppError(
            'Response Error',
            'The Platform sent a response the app could not read.',
          );
        }
        return parsed.data;
      }
      const said = errorMessage(body);
      if (status >= 300 && status < 400) {
        throw new AppError(
          'Response Error',
          'The Platform answered with a redirect, which the app does not follow.',
        );
      }
      if (status === 401 || status === 403) {
        throw new AppError('Authentication Error', 'The Platform rejected the API token.', said);
      }
      if (status === 429 || status >= 500) {
        const failure =
          status === 429
            ? new AppError(
                'Rate Limited',
                'The Platform is limiting how fast the app may call it. Try again later.',
              )
            : new AppError(
                'Response Error',
                `The Platform had a temporary problem (HTTP ${status}). Try again later.`,
                said,
              );
        await wait(failure, parseRetryAfter(retryAfter, deps.clock.now()));
        continue;
      }
      if (status === 404) {
        throw new AppError(
          'Not Found',
          'The Platform API was not found at this address. Check the base URL.',
          said,
        );
      }
      throw new AppError(
        'Validation Error',
        `The Platform refused the request: ${said ?? `HTTP ${status}`}`,
      );

      async function wait(failure: AppError, retryAfterMs: number | null) {
        const elapsed = deps.clock.now().getTime() - started;
        if (retryAfterMs !== null && elapsed + retryAfterMs > policy.maxTotalMs) throw failure;
        const delay = retryDelayMs(policy, attempt, retryAfterMs, deps.random ?? Math.random);
        if (attempt >= policy.maxAttempts || elapsed + delay > policy.maxTotalMs) throw failure;
        try {
          await deps.sleep(delay, signal);
        } catch {
          throw new AppError('Cancelled', 'The request to the Platform was cancelled.');
        }
      }
    }

    function errorMessage(text: string): string | undefined {
      try {
        const value = JSON.parse(text) as { error?: { message?: unknown } };
        return typeof value.error?.message === 'string'
          ? redact(value.error.message).slice(0, 500)
          : undefined;
      } catch {
        return undefined;
      }
    }
  }

  return {
    me: (signal?: AbortSignal) => get('/v1/me', PlatformAccount, signal),

    /**
     * Every Organization, a page at a time. A record without an id is skipped and counted: the
     * app cannot map what it cannot name.
     */
    async *organizations(
      signal?: AbortSignal,
    ): AsyncGenerator<{ organizations: PlatformOrganization[]; skipped: number }> {
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({ limit: '1000' });
        if (cursor) query.set('cursor', cursor);
        const page = await get(`/v1/organizations?${query.toString()}`, Page, signal);
        const organizations: PlatformOrganization[] = [];
        let skipped = 0;
        for (const record of page.data) {
          const parsed = PlatformOrganization.safeParse(record);
          if (parsed.success) organizations.push(parsed.data);
          else skipped += 1;
        }
        yield { organizations, skipped };
        if (page.nextCursor !== null && page.nextCursor === cursor) {
          throw new AppError(
            'Response Error',
            'The Platform sent the same page again; the sync was stopped.',
          );
        }
        cursor = page.nextCursor;
      } while (cursor);
    },

    /** Every line with an invoice date in [from, to]; a record that breaks the contract is a problem, not a crash. */
    async *invoiceLines(
      range: { from: string; to: string },
      signal?: AbortSignal,
    ): AsyncGenerator<PlatformLineEvent> {
      let cursor: string | null = null;
      let row = 0;
      do {
        const query = new URLSearchParams({
          invoiceDateFrom: range.from,
          invoiceDateTo: range.to,
          limit: '1000',
        });
        if (cursor) query.set('cursor', cursor);
        const page = await get(`/v1/invoice-lines?${query.toString()}`, Page, signal);
        for (const record of page.data) {
          row += 1;
          const parsed = PlatformInvoiceLine.safeParse(record);
          if (parsed.success) {
            yield { kind: 'line', row, line: parsed.data };
          } else {
            for (const issue of parsed.error.issues) {
              yield {
                kind: 'problem',
                problem: {
                  row,
                  column: issue.path.map(String).join('.') || null,
                  value: null,
                  reason: `The Platform sent a line the app cannot use: ${issue.message}`,
                },
              };
            }
          }
        }
        yield {
          kind: 'progress',
          done: row,
          total: null,
          message: `${row} invoice lines received from the Platform`,
        };
        if (page.nextCursor !== null && page.nextCursor === cursor) {
          throw new AppError(
            'Response Error',
            'The Platform sent the same page again; the load was stopped.',
          );
        }
        cursor = page.nextCursor;
      } while (cursor);
    },
  };
}

export type PlatformClient = ReturnType<typeof createPlatformClient>;
