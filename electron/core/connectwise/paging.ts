import { z } from 'zod';
import type { ApiChannel, CallOptions } from './apiChannel';
import { ConnectWiseError } from './connectWiseError';

export interface ListQuery {
  conditions?: string;
  childConditions?: string;
  customFieldConditions?: string;
  orderBy?: string;
  fields?: readonly string[];
  page?: number;
  pageSize?: number;
}

export const maxPageSize = 1000;

/** The query string of a list call; every value percent-encoded, `&` and `"` included. */
export function listQueryString(query: ListQuery & { pageId?: number }): string {
  const pairs: Array<[string, string | number | undefined]> = [
    ['conditions', query.conditions || undefined],
    ['childConditions', query.childConditions || undefined],
    ['customFieldConditions', query.customFieldConditions || undefined],
    ['orderBy', query.orderBy || undefined],
    ['fields', query.fields && query.fields.length > 0 ? query.fields.join(',') : undefined],
    ['page', query.page],
    ['pageSize', query.pageSize],
    ['pageId', query.pageId],
  ];
  const encoded = pairs
    .filter((pair): pair is [string, string | number] => pair[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
  return encoded.length > 0 ? `?${encoded.join('&')}` : '';
}

/** `<url>; rel="next", <url>; rel="last"` → { next: url, last: url } */
export function parseLinkHeader(header: string | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    if (!match?.[1]) continue;
    const rel = /rel="?([^";]+)"?/i.exec(match[2] ?? '')?.[1];
    if (rel) for (const name of rel.trim().split(/\s+/)) links[name.toLowerCase()] = match[1];
  }
  return links;
}

export interface StreamOptions extends CallOptions {
  /** Called after each page with how many items have arrived so far. */
  onProgress?: (received: number) => void;
}

/**
 * Every item of a list, a page at a time. Forward-only paging (pageSize 1000, following
 * `Link rel="next"`) unless an order is asked for or the service refuses it; then navigable
 * paging with `page=N`.
 */
export async function* streamPages<T extends z.ZodType>(
  channel: ApiChannel,
  baseUrl: string,
  path: string,
  itemSchema: T,
  query: Omit<ListQuery, 'page'> = {},
  options: StreamOptions = {},
): AsyncGenerator<Array<z.output<T>>> {
  const pageSchema = z.array(itemSchema);
  const pageSize = Math.min(query.pageSize ?? maxPageSize, maxPageSize);
  let received = 0;
  const emit = (items: Array<z.output<T>>) => {
    received += items.length;
    options.onProgress?.(received);
    return items;
  };

  if (!query.orderBy) {
    let next: string | undefined = `${path}${listQueryString({ ...query, pageSize })}`;
    let first = true;
    const seen = new Set<string>();
    const headers = { ...options.headers, 'pagination-type': 'forward-only' };
    while (next) {
      if (seen.has(next)) {
        throw new ConnectWiseError(
          'Response Error',
          'ConnectWise sent the same page again; the pull was stopped.',
        );
      }
      seen.add(next);
      let response: Awaited<ReturnType<typeof channel.get<typeof pageSchema>>>;
      try {
        response = await channel.get(next, pageSchema, { ...options, headers });
      } catch (error) {
        // Some resources refuse forward-only paging: fall back to pages by number.
        if (first && error instanceof ConnectWiseError && error.kind === 'Validation Error') break;
        throw error;
      }
      first = false;
      yield emit(response.data);
      next = nextLink(response.headers.link, baseUrl);
      if (!next) return;
    }
  }

  for (let page = 1; ; page += 1) {
    const response = await channel.get(
      `${path}${listQueryString({ ...query, pageSize, page })}`,
      pageSchema,
      options,
    );
    yield emit(response.data);
    const hasNext =
      response.headers.link !== undefined
        ? nextLink(response.headers.link, baseUrl) !== undefined
        : response.data.length === pageSize;
    if (!hasNext || response.data.length === 0) return;
  }
}

/** The next page's URL, only if it points back at the same API. */
function nextLink(header: string | undefined, baseUrl: string): string | undefined {
  const next = parseLinkHeader(header).next;
  if (!next) return undefined;
  const absolute = new URL(next, `${baseUrl}/`).toString();
  if (!absolute.startsWith(`${baseUrl}/`)) {
    throw new ConnectWiseError(
      'Response Error',
      'ConnectWise pointed the next page at another address; the app does not follow it.',
    );
  }
  return absolute;
}

export async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}
