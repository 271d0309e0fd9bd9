/**
 * Well-formed requests against a running Platform simulator, for its conformance tests: the
 * bearer token a correct client sends, and following `nextCursor` to the end.
 */
import { jsonOf } from '../simulatorTesting';
import type { PlatformSimulator } from './simulatorServer';

export interface ListPage<T> {
  data: T[];
  nextCursor: string | null;
}

export interface ErrorBody {
  error: { code: string; message: string; parameter?: string };
}

export function callApi(
  simulator: Pick<PlatformSimulator, 'baseUrl' | 'token'>,
  path: string,
  query: Record<string, string | number> = {},
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const url = new URL(`${simulator.baseUrl}${path}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
  return fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${simulator.token}`,
      Accept: 'application/json',
      ...init.headers,
    },
  });
}

/** Every record of a list, page by page, and how many pages it took. */
export async function everyPage<T>(
  simulator: Pick<PlatformSimulator, 'baseUrl' | 'token'>,
  path: string,
  query: Record<string, string | number> = {},
): Promise<{ records: T[]; pages: number }> {
  const records: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response = await callApi(simulator, path, cursor === null ? query : { ...query, cursor });
    if (response.status !== 200) {
      throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    }
    const page = await jsonOf<ListPage<T>>(response);
    records.push(...page.data);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null);
  return { records, pages };
}
