import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { abortableSleep, defaultRetryPolicy, type RetryPolicy } from '../http';
import type { Clock } from '../ports';
import { type CallOptions, createApiChannel } from './apiChannel';
import { ConnectWiseError } from './connectWiseError';
import {
  collect,
  type ListQuery,
  listQueryString,
  type StreamOptions,
  streamPages,
} from './paging';
import type { LimiterRegistry } from './requestLimiter';
import {
  Addition,
  type AdditionDraft,
  Agreement,
  type AgreementDraft,
  AgreementType,
  BillingCycle,
  BundleResult,
  CatalogItem,
  Company,
  CompanyInfo,
  Contact,
  Count,
  Currency,
  type PatchOperation,
  SystemInfo,
  UserDefinedField,
} from './resources';
import { apiBaseUrl, apiOrigin, normalizeSiteUrl } from './siteAddress';

/** The app's registered clientId, sent on every call (required by ConnectWise since 2019). */
export const connectWiseClientId = '5c1e8f2a-7b3d-4e69-a0c4-9d2f6b8e1a37';
/** One pinned API version, so a ConnectWise upgrade does not change what the app reads. */
export const connectWiseAcceptHeader = 'application/vnd.connectwise.com+json; version=2025.1';

export interface ConnectWiseConnection {
  siteUrl: string;
  companyId: string;
  publicKey: string;
  privateKey: string;
}

export interface ConnectWiseClientDeps {
  clock: Clock;
  limiters: LimiterRegistry;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  retryPolicy?: RetryPolicy;
  timeoutMs?: number;
  http?: AxiosInstance;
}

export interface BundleRequest {
  resourceType: string;
  conditions?: string;
  customFieldConditions?: string;
  fields?: readonly string[];
  pageSize?: number;
  parentId?: number;
}

/**
 * Discovers the site's codebase and API host (`/login/companyinfo/{companyId}`), then returns a
 * client for it. Unknown company ids, unreachable sites and sites that are not ConnectWise each
 * fail with their own error.
 */
export async function connectToConnectWise(
  connection: ConnectWiseConnection,
  deps: ConnectWiseClientDeps,
  options: CallOptions = {},
) {
  const site = normalizeSiteUrl(connection.siteUrl);
  if (!site.ok) throw new ConnectWiseError('Site Unreachable', site.reason);
  // The public key is no secret on its own, but it is half of the credential: never kept either.
  const secrets = [connection.privateKey, connection.publicKey];
  const common = {
    clock: deps.clock,
    sleep: deps.sleep ?? abortableSleep,
    random: deps.random ?? Math.random,
    retryPolicy: deps.retryPolicy ?? defaultRetryPolicy,
    timeoutMs: deps.timeoutMs ?? 30_000,
    http: deps.http,
  };

  const discovery = createApiChannel({
    ...common,
    baseUrl: site.siteUrl,
    headers: { clientId: connectWiseClientId, Accept: 'application/json' },
    secrets,
    limiter: deps.limiters.forSite(site.siteUrl),
  });
  let info: CompanyInfo | null;
  try {
    info = (
      await discovery.get(
        `/login/companyinfo/${encodeURIComponent(connection.companyId)}`,
        CompanyInfo.nullable(),
        options,
      )
    ).data;
  } catch (error) {
    // Unreachable, cancelled, rate limited or silent: say so. Anything else means something
    // answered that is not ConnectWise (an HTML page, a 404, a body without a codebase).
    const kind = error instanceof ConnectWiseError ? error.kind : '';
    const silent = error instanceof ConnectWiseError && !error.facts.status;
    if (kind === 'Site Unreachable' || kind === 'Cancelled' || kind === 'Rate Limited' || silent) {
      throw error;
    }
    throw new ConnectWiseError(
      'Site Unreachable',
      `${site.siteUrl} answered, but not as a ConnectWise site does. Check the API URL.`,
      error instanceof Error ? error.message : undefined,
    );
  }
  if (info === null) {
    throw new ConnectWiseError(
      'Unknown Company',
      `ConnectWise does not know the company ID "${connection.companyId}" on ${site.siteUrl}.`,
    );
  }

  const origin = apiOrigin(site.siteUrl, info.SiteUrl);
  const baseUrl = apiBaseUrl(origin, info.Codebase);
  const authorization = `Basic ${Buffer.from(
    `${connection.companyId}+${connection.publicKey}:${connection.privateKey}`,
  ).toString('base64')}`;
  const channel = createApiChannel({
    ...common,
    baseUrl,
    headers: {
      Authorization: authorization,
      clientId: connectWiseClientId,
      Accept: connectWiseAcceptHeader,
    },
    secrets: [...secrets, authorization, authorization.slice('Basic '.length)],
    limiter: deps.limiters.forSite(origin),
  });

  const list = <T extends z.ZodType>(
    path: string,
    schema: T,
    query: ListQuery = {},
    call?: CallOptions,
  ) =>
    channel
      .get(
        `${path}${listQueryString({ ...query, pageSize: Math.min(query.pageSize ?? 25, 1000) })}`,
        z.array(schema),
        call,
      )
      .then((r) => r.data);
  const stream = <T extends z.ZodType>(
    path: string,
    schema: T,
    query: Omit<ListQuery, 'page'> = {},
    call?: StreamOptions,
  ) => streamPages(channel, baseUrl, path, schema, query, call);
  const count = (path: string, conditions?: string, call?: CallOptions) =>
    channel
      .get(`${path}/count${listQueryString({ conditions })}`, Count, call)
      .then((r) => r.data.count);
  const get = <T extends z.ZodType>(path: string, schema: T, call?: CallOptions) =>
    channel.get(path, schema, call).then((r) => r.data);
  const additionsPath = (agreementId: number) => `/finance/agreements/${agreementId}/additions`;

  return {
    siteUrl: site.siteUrl,
    apiBaseUrl: baseUrl,
    companyInfo: info,

    systemInfo: (call?: CallOptions) => get('/system/info', SystemInfo, call),

    companies: {
      stream: (query?: Omit<ListQuery, 'page'>, call?: StreamOptions) =>
        stream('/company/companies', Company, query, call),
      list: (query?: ListQuery, call?: CallOptions) =>
        list('/company/companies', Company, query, call),
      count: (conditions?: string, call?: CallOptions) =>
        count('/company/companies', conditions, call),
      get: (id: number, call?: CallOptions) => get(`/company/companies/${id}`, Company, call),
    },

    contacts: {
      list: (query?: ListQuery, call?: CallOptions) =>
        list('/company/contacts', Contact, query, call),
    },

    agreementTypes: {
      all: (query?: Omit<ListQuery, 'page'>, call?: StreamOptions) =>
        collect(stream('/finance/agreements/types', AgreementType, query, call)),
    },

    agreements: {
      stream: (query?: Omit<ListQuery, 'page'>, call?: StreamOptions) =>
        stream('/finance/agreements', Agreement, query, call),
      list: (query?: ListQuery, call?: CallOptions) =>
        list('/finance/agreements', Agreement, query, call),
      get: (id: number, call?: CallOptions) => get(`/finance/agreements/${id}`, Agreement, call),
      create: (draft: AgreementDraft, call?: CallOptions) =>
        channel.send('POST', '/finance/agreements', Agreement, draft, call).then((r) => r.data),
      patch: (id: number, operations: PatchOperation[], call?: CallOptions) =>
        channel
          .send('PATCH', `/finance/agreements/${id}`, Agreement, operations, call)
          .then((r) => r.data),
    },

    additions: {
      stream: (agreementId: number, query?: Omit<ListQuery, 'page'>, call?: StreamOptions) =>
        stream(additionsPath(agreementId), Addition, query, call),
      list: (agreementId: number, query?: ListQuery, call?: CallOptions) =>
        list(additionsPath(agreementId), Addition, query, call),
      count: (agreementId: number, conditions?: string, call?: CallOptions) =>
        count(additionsPath(agreementId), conditions, call),
      get: (agreementId: number, id: number, call?: CallOptions) =>
        get(`${additionsPath(agreementId)}/${id}`, Addition, call),
      create: (agreementId: number, draft: AdditionDraft, call?: CallOptions) =>
        channel.send('POST', additionsPath(agreementId), Addition, draft, call).then((r) => r.data),
      update: (agreementId: number, id: number, addition: AdditionDraft, call?: CallOptions) =>
        channel
          .send('PUT', `${additionsPath(agreementId)}/${id}`, Addition, { ...addition, id }, call)
          .then((r) => r.data),
      patch: (agreementId: number, id: number, operations: PatchOperation[], call?: CallOptions) =>
        channel
          .send('PATCH', `${additionsPath(agreementId)}/${id}`, Addition, operations, call)
          .then((r) => r.data),
      delete: (agreementId: number, id: number, call?: CallOptions) =>
        channel
          .sendWithoutBody('DELETE', `${additionsPath(agreementId)}/${id}`, call)
          .then(() => undefined),
    },

    catalog: {
      stream: (query?: Omit<ListQuery, 'page'>, call?: StreamOptions) =>
        stream('/procurement/catalog', CatalogItem, query, call),
      list: (query?: ListQuery, call?: CallOptions) =>
        list('/procurement/catalog', CatalogItem, query, call),
    },

    currencies: {
      all: (call?: StreamOptions) => collect(stream('/finance/currencies', Currency, {}, call)),
    },

    userDefinedFields: {
      all: (query?: Omit<ListQuery, 'page'>, call?: StreamOptions) =>
        collect(stream('/system/userDefinedFields', UserDefinedField, query, call)),
    },

    billingCycles: {
      all: (call?: StreamOptions) =>
        collect(stream('/finance/billingCycles', BillingCycle, {}, call)),
    },

    /** Several reads in one round trip; each result carries its own status. */
    bundles: {
      read: async (requests: readonly BundleRequest[], call?: CallOptions) => {
        const body = {
          requests: requests.map((request, index) => ({
            sequenceNumber: index + 1,
            resourceType: request.resourceType,
            version: '2025.1',
            apiRequest: {
              ...(request.parentId === undefined ? {} : { parentId: request.parentId }),
              filters: {
                ...(request.conditions ? { conditions: request.conditions } : {}),
                ...(request.customFieldConditions
                  ? { customFieldConditions: request.customFieldConditions }
                  : {}),
              },
              page: { page: 1, pageSize: Math.min(request.pageSize ?? 25, 1000) },
              ...(request.fields ? { fields: request.fields.join(',') } : {}),
            },
          })),
        };
        const response = await channel.send(
          'POST',
          '/system/bundles',
          z.object({ results: z.array(BundleResult) }),
          body,
          { ...call, idempotent: true },
        );
        return response.data.results;
      },
    },
  };
}

export type ConnectWiseClient = Awaited<ReturnType<typeof connectToConnectWise>>;
