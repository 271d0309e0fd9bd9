/**
 * Cursor paging over a collection sorted by id: a cursor names the last id a page returned and
 * the query it belongs to, so the next page starts right after it whatever happens in between.
 * Clients treat cursors as opaque strings.
 */

export interface PageQuery {
  /** The path the cursor belongs to, e.g. `/v1/invoice-lines`. */
  path: string;
  /** The filters the cursor belongs to, e.g. `{ invoiceDateFrom, invoiceDateTo }`. */
  filters: Record<string, string>;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

interface CursorContent {
  v: 1;
  path: string;
  filters: Record<string, string>;
  after: string;
}

export function encodeCursor(query: PageQuery, afterId: string): string {
  const content: CursorContent = { v: 1, path: query.path, filters: query.filters, after: afterId };
  return Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
}

function sameFilters(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}

/** The id to continue after, or an error message when the cursor is not one of this query's. */
export function decodeCursor(
  query: PageQuery,
  cursor: string,
): { ok: true; after: string } | { ok: false; message: string } {
  let content: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    content = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, message: 'cursor is not a cursor this API returned.' };
  }
  if (
    typeof content !== 'object' ||
    content === null ||
    (content as Partial<CursorContent>).v !== 1 ||
    typeof (content as Partial<CursorContent>).after !== 'string' ||
    !isStringRecord((content as Partial<CursorContent>).filters)
  ) {
    return { ok: false, message: 'cursor is not a cursor this API returned.' };
  }
  const decoded = content as CursorContent;
  if (decoded.path !== query.path || !sameFilters(decoded.filters, query.filters)) {
    return {
      ok: false,
      message:
        'cursor belongs to another query: send the same path and filters as the request that returned it.',
    };
  }
  return { ok: true, after: decoded.after };
}

/** First index whose id is greater than `after` (ids ascending). */
function firstIndexAfter<T>(records: readonly T[], idOf: (record: T) => string, after: string) {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (idOf(records[middle] as T) <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Up to `limit` matching records after `after` (or from the start), and a cursor when at least
 * one more matching record follows: the last page has `nextCursor: null`, never an empty page
 * after it.
 */
export function pageOf<T>(
  records: readonly T[],
  idOf: (record: T) => string,
  matches: (record: T) => boolean,
  query: PageQuery,
  limit: number,
  after: string | null,
): Page<T> {
  const data: T[] = [];
  let index = after === null ? 0 : firstIndexAfter(records, idOf, after);
  for (; index < records.length && data.length < limit; index++) {
    const record = records[index] as T;
    if (matches(record)) data.push(record);
  }
  let more = false;
  for (; index < records.length; index++) {
    if (matches(records[index] as T)) {
      more = true;
      break;
    }
  }
  const last = data.at(-1);
  return { data, nextCursor: more && last !== undefined ? encodeCursor(query, idOf(last)) : null };
}
