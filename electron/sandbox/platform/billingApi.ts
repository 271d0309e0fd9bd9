/**
 * The read-only billing API of `docs/platform-api.yaml`, once a request is authenticated:
 * `/v1/me` and five paged lists, with strict query validation (unknown or repeated parameters,
 * bad limits, dates and cursors are 400 `invalid_request` naming the parameter).
 */
import { jsonResponse, type SimResponse } from '../httpResponses';
import { errorResponse, invalidParameter } from './apiResponses';
import { parseIsoDate } from './calendarDays';
import { decodeCursor, type Page, type PageQuery, pageOf } from './cursorPaging';
import type { PlatformData } from './platformRecords';

export interface AccountInfo {
  platformName: string;
  accountId: string;
  accountName: string;
}

export const defaultLimit = 100;
export const maxLimit = 1000;

interface DateRange {
  from: string;
  to: string;
}

/** A paged collection; `byInvoiceDate` lists also take the invoice-date range. */
interface ListRoute {
  byInvoiceDate: boolean;
  page(
    data: PlatformData,
    query: PageQuery,
    limit: number,
    after: string | null,
    range: DateRange | null,
  ): Page<unknown>;
}

function listRoute<T>(
  records: (data: PlatformData) => readonly T[],
  idOf: (record: T) => string,
  invoiceDateOf?: (record: T) => string,
): ListRoute {
  return {
    byInvoiceDate: invoiceDateOf !== undefined,
    page(data, query, limit, after, range) {
      const matches =
        range === null || invoiceDateOf === undefined
          ? () => true
          : (record: T) => {
              const date = invoiceDateOf(record);
              return date >= range.from && date <= range.to;
            };
      return pageOf(records(data), idOf, matches, query, limit, after);
    },
  };
}

const listRoutes: Record<string, ListRoute> = {
  '/v1/organizations': listRoute(
    (data) => data.organizations,
    (record) => record.id,
  ),
  '/v1/offers': listRoute(
    (data) => data.offers,
    (record) => record.id,
  ),
  '/v1/contracts': listRoute(
    (data) => data.contracts,
    (record) => record.id,
  ),
  '/v1/invoices': listRoute(
    (data) => data.invoices,
    (record) => record.id,
    (record) => record.invoiceDate,
  ),
  '/v1/invoice-lines': listRoute(
    (data) => data.invoiceLines,
    (record) => record.lineId,
    (record) => record.invoiceDate,
  ),
};

export const apiPaths = ['/v1/me', ...Object.keys(listRoutes)];

type Parsed<T> = { ok: true; value: T } | { ok: false; response: SimResponse };

/** One value per allowed parameter; anything unknown or repeated is a 400. */
function singleValues(
  search: URLSearchParams,
  allowed: readonly string[],
): Parsed<Map<string, string>> {
  const values = new Map<string, string>();
  for (const [name, value] of search) {
    if (!allowed.includes(name)) {
      const known =
        allowed.length === 0
          ? 'This endpoint takes no query parameters.'
          : `Known parameters: ${allowed.join(', ')}.`;
      return {
        ok: false,
        response: invalidParameter(name, `Unknown query parameter "${name}". ${known}`),
      };
    }
    if (values.has(name)) {
      return { ok: false, response: invalidParameter(name, `${name} was given more than once.`) };
    }
    values.set(name, value);
  }
  return { ok: true, value: values };
}

function parseLimit(text: string | undefined): Parsed<number> {
  if (text === undefined) return { ok: true, value: defaultLimit };
  const limit = /^\d{1,7}$/.test(text) ? Number(text) : Number.NaN;
  if (!(limit >= 1 && limit <= maxLimit)) {
    return {
      ok: false,
      response: invalidParameter(
        'limit',
        `limit must be a whole number from 1 to ${maxLimit}, got "${text}".`,
      ),
    };
  }
  return { ok: true, value: limit };
}

function parseDate(name: string, text: string | undefined): Parsed<string> {
  if (text === undefined) {
    return { ok: false, response: invalidParameter(name, `${name} is required, as YYYY-MM-DD.`) };
  }
  if (parseIsoDate(text) === null) {
    return {
      ok: false,
      response: invalidParameter(name, `${name} must be a real date as YYYY-MM-DD, got "${text}".`),
    };
  }
  return { ok: true, value: text };
}

function listResponse(
  data: PlatformData,
  path: string,
  route: ListRoute,
  search: URLSearchParams,
): SimResponse {
  const allowed = route.byInvoiceDate
    ? ['invoiceDateFrom', 'invoiceDateTo', 'limit', 'cursor']
    : ['limit', 'cursor'];
  const values = singleValues(search, allowed);
  if (!values.ok) return values.response;
  const limit = parseLimit(values.value.get('limit'));
  if (!limit.ok) return limit.response;

  const filters: Record<string, string> = {};
  let range: DateRange | null = null;
  if (route.byInvoiceDate) {
    const from = parseDate('invoiceDateFrom', values.value.get('invoiceDateFrom'));
    if (!from.ok) return from.response;
    const to = parseDate('invoiceDateTo', values.value.get('invoiceDateTo'));
    if (!to.ok) return to.response;
    if (from.value > to.value) {
      return invalidParameter(
        'invoiceDateFrom',
        `invoiceDateFrom (${from.value}) is after invoiceDateTo (${to.value}).`,
      );
    }
    filters.invoiceDateFrom = from.value;
    filters.invoiceDateTo = to.value;
    range = { from: from.value, to: to.value };
  }

  const query: PageQuery = { path, filters };
  const cursorText = values.value.get('cursor');
  let after: string | null = null;
  if (cursorText !== undefined) {
    const cursor = decodeCursor(query, cursorText);
    if (!cursor.ok) return invalidParameter('cursor', cursor.message);
    after = cursor.after;
  }
  return jsonResponse(200, route.page(data, query, limit.value, after, range));
}

export function handleApiCall(
  data: PlatformData,
  account: AccountInfo,
  request: { method: string; path: string; search: URLSearchParams },
): SimResponse {
  const path = request.path.length > 1 ? request.path.replace(/\/+$/, '') : request.path;
  const route = listRoutes[path];
  if (path !== '/v1/me' && route === undefined) {
    return errorResponse(404, 'not_found', `No endpoint at ${request.path}.`);
  }
  if (request.method !== 'GET') {
    return errorResponse(405, 'method_not_allowed', `${request.path} is read-only: use GET.`, {
      headers: { Allow: 'GET' },
    });
  }
  if (route === undefined) {
    const values = singleValues(request.search, []);
    if (!values.ok) return values.response;
    return jsonResponse(200, account);
  }
  return listResponse(data, path, route, request.search);
}
