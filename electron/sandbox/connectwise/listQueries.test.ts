import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf } from '../simulatorTesting';
import { type Company, type ConnectWiseSimulator, startConnectWiseSimulator } from './index';
import { apiHeaders, callApi } from './simulatorRequests';

let sim: ConnectWiseSimulator;

beforeAll(async () => {
  sim = await startConnectWiseSimulator({ companies: 250, seed: 7 });
});
afterAll(() => sim.close());

/** Link header entries by rel. */
function links(response: Response): Record<string, string> {
  const header = response.headers.get('link') ?? '';
  const result: Record<string, string> = {};
  for (const match of header.matchAll(/<([^>]+)>;\s*rel="(\w+)"/g)) {
    result[match[2] as string] = match[1] as string;
  }
  return result;
}

async function companies(conditions: string, extra: Record<string, string | number> = {}) {
  const response = await callApi(sim, '/company/companies', {
    query: { conditions, pageSize: 1000, ...extra },
  });
  expect(response.status).toBe(200);
  return jsonOf<Company[]>(response);
}

/** How a client writes a string literal: double quotes, `"` and `\` escaped with `\`. */
function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

describe('page size', () => {
  it('defaults to 25 and allows up to 1000', async () => {
    expect(await jsonOf<unknown[]>(await callApi(sim, '/company/companies'))).toHaveLength(25);
    const thousand = await callApi(sim, '/company/companies', { query: { pageSize: 1000 } });
    expect(thousand.status).toBe(200);
    expect(await jsonOf<unknown[]>(thousand)).toHaveLength(250);
  });

  it('rejects pageSize=1001 with the service error body', async () => {
    const response = await callApi(sim, '/company/companies', { query: { pageSize: 1001 } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 'InvalidObject',
      message: 'pageSize object is invalid',
      errors: [
        {
          code: 'OutOfRange',
          message: 'The field pageSize must be between 1 and 1000.',
          resource: 'pageSize',
          field: 'pageSize',
        },
      ],
    });
  });

  it('rejects a pageSize that is not a number', async () => {
    expect((await callApi(sim, '/company/companies', { query: { pageSize: 'ten' } })).status).toBe(
      400,
    );
  });
});

describe('navigable paging', () => {
  it('links next and last from the first page, all four from a middle page, first and prev from the last', async () => {
    const first = await callApi(sim, '/company/companies', { query: { pageSize: 100 } });
    expect(Object.keys(links(first)).sort()).toEqual(['last', 'next']);
    const next = new URL(links(first).next as string);
    expect(next.searchParams.get('page')).toBe('2');
    expect(next.searchParams.get('pageSize')).toBe('100');
    expect(new URL(links(first).last as string).searchParams.get('page')).toBe('3');

    const middle = await fetch(next, { headers: apiHeaders(sim) });
    expect(Object.keys(links(middle)).sort()).toEqual(['first', 'last', 'next', 'prev']);

    const last = await callApi(sim, '/company/companies', { query: { pageSize: 100, page: 3 } });
    expect(Object.keys(links(last)).sort()).toEqual(['first', 'prev']);
    expect(await jsonOf<unknown[]>(last)).toHaveLength(50);
  });

  it('keeps the conditions in the links and sends no Link header for a single page', async () => {
    const conditions = 'name like "%a%"';
    const first = await callApi(sim, '/company/companies', { query: { pageSize: 5, conditions } });
    expect(new URL(links(first).next as string).searchParams.get('conditions')).toBe(conditions);
    const single = await callApi(sim, '/company/companies', { query: { pageSize: 1000 } });
    expect(single.headers.get('link')).toBeNull();
  });

  it('orders by orderBy, case-insensitively, and rejects an unknown field', async () => {
    const ascending = await jsonOf<Company[]>(
      await callApi(sim, '/company/companies', { query: { orderBy: 'name asc', pageSize: 1000 } }),
    );
    const names = ascending.map((company) => company.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const descending = await jsonOf<Company[]>(
      await callApi(sim, '/company/companies', { query: { orderBy: 'id desc', pageSize: 3 } }),
    );
    const ids = sim.data.companies.map((company) => company.id).sort((a, b) => b - a);
    expect(descending.map((company) => company.id)).toEqual(ids.slice(0, 3));
    const bad = await callApi(sim, '/company/companies', { query: { orderBy: 'nmae asc' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'InvalidObject',
      message: 'orderBy object is invalid',
    });
  });
});

describe('forward-only paging', () => {
  it('pulls 20,000 companies in exactly 20 pages of 1000, every id once, in id order', async () => {
    const big = await startConnectWiseSimulator({ companies: 20_000 });
    try {
      const headers = apiHeaders(big, { 'pagination-type': 'forward-only' });
      const before = big.requests.length;
      const ids: number[] = [];
      let url: string | undefined =
        `${big.apiBaseUrl}/company/companies?pageSize=1000&fields=id,name`;
      while (url) {
        const response: Response = await fetch(url, { headers });
        expect(response.status).toBe(200);
        const page = await jsonOf<Array<{ id: number; name: string }>>(response);
        ids.push(...page.map((company) => company.id));
        url = links(response).next;
      }
      expect(big.requests.length - before).toBe(20);
      expect(ids).toHaveLength(20_000);
      expect(new Set(ids).size).toBe(20_000);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids)).toEqual(new Set(big.data.companies.map((company) => company.id)));
      const second = big.requests[before + 1];
      expect(second?.query.pageId).toBe(String(ids[999]));
    } finally {
      await big.close();
    }
  });

  it('applies conditions and treats pageId as id > pageId', async () => {
    const sorted = [...sim.data.companies].sort((a, b) => a.id - b.id);
    const pivot = sorted[100] as Company;
    const response = await callApi(sim, '/company/companies', {
      query: { pageSize: 10, pageId: pivot.id },
      headers: { 'pagination-type': 'forward-only' },
    });
    const page = await jsonOf<Company[]>(response);
    expect(page.map((company) => company.id)).toEqual(
      sorted.slice(101, 111).map((company) => company.id),
    );
    expect(new URL(links(response).next as string).searchParams.get('pageId')).toBe(
      String(sorted[110]?.id),
    );
  });

  it('rejects page with forward-only paging', async () => {
    const response = await callApi(sim, '/company/companies', {
      query: { page: 2 },
      headers: { 'pagination-type': 'forward-only' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'InvalidObject',
      message: 'page object is invalid',
    });
  });
});

describe('conditions over HTTP', () => {
  it('round-trips a name with double quotes and an ampersand by exact match', async () => {
    const name = 'The "Smith & Jones" Partnership';
    expect(sim.data.companies.some((company) => company.name === name)).toBe(true);
    const found = await companies(`name = ${quoted(name)}`);
    expect(found.map((company) => company.name)).toEqual([name]);
  });

  it('round-trips apostrophes and non-Latin names', async () => {
    for (const name of [
      "O'Brien's Pub & Grill",
      '東京トレーディング株式会社',
      'Ørsted Consulting ApS',
    ]) {
      expect((await companies(`name = ${quoted(name)}`)).map((company) => company.name)).toEqual([
        name,
      ]);
    }
  });

  it('matches legal-suffix variants with like, case-insensitively', async () => {
    const found = await companies('name like "contoso%"');
    expect(found.map((company) => company.name).sort()).toEqual(
      [
        'CONTOSO LIMITED',
        'Contoso Holdings Ltd',
        'Contoso Limited (UK)',
        'Contoso Ltd',
        'Contoso Ltd.',
      ].sort(),
    );
  });

  it('supports in, and/or/not and parentheses', async () => {
    const [a, b, c] = sim.data.companies;
    const inList = await companies(`id in (${a?.id}, ${b?.id}, ${c?.id})`);
    expect(inList.map((company) => company.id)).toEqual([a?.id, b?.id, c?.id]);
    const combined = await companies(
      `(id = ${a?.id} or id = ${b?.id}) and not name = ${quoted(b?.name ?? '')}`,
    );
    expect(combined.map((company) => company.id)).toEqual([a?.id]);
    const both = await companies(`name like "Nordic%" AND NOT name contains "publ"`);
    expect(both.map((company) => company.name).sort()).toEqual(['Nordic AB', 'Nordic Aktiebolag']);
  });

  it('filters on nested fields such as company/id', async () => {
    const company = sim.data.companies[10] as Company;
    const response = await callApi(sim, '/company/contacts', {
      query: { conditions: `company/id = ${company.id}`, pageSize: 1000 },
    });
    const contacts = await jsonOf<Array<{ id: number; company: { id: number } }>>(response);
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.every((contact) => contact.company.id === company.id)).toBe(true);
    expect(contacts.map((contact) => contact.id)).toContain(company.defaultContact?.id);
  });

  it('compares bracketed dates on _info/lastUpdated', async () => {
    const cutoff = '2025-06-01T00:00:00Z';
    const found = await companies(`_info/lastUpdated > [${cutoff}]`);
    const expected = sim.data.companies.filter((company) => company._info.lastUpdated > cutoff);
    expect(found.map((company) => company.id)).toEqual(expected.map((company) => company.id));
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(sim.data.companies.length);
  });

  it('filters childConditions on child lists and counts with conditions', async () => {
    const partners = await callApi(sim, '/company/companies', {
      query: { childConditions: 'types/name = "Partner"', pageSize: 1000 },
    });
    const found = await jsonOf<Company[]>(partners);
    expect(found.every((company) => company.types.some((type) => type.name === 'Partner'))).toBe(
      true,
    );
    const count = await callApi(sim, '/company/companies/count', {
      query: { conditions: 'name like "Contoso%"' },
    });
    expect(await count.json()).toEqual({ count: 5 });
  });

  it('answers 400 InvalidObject naming the problem for a condition it cannot parse', async () => {
    const response = await callApi(sim, '/company/companies', {
      query: { conditions: 'name = "unterminated' },
    });
    expect(response.status).toBe(400);
    const body = await jsonOf<{ code: string; message: string; errors: Array<{ field: string }> }>(
      response,
    );
    expect(body.code).toBe('InvalidObject');
    expect(body.message).toMatch(/conditions.*Unterminated string/);
    expect(body.errors[0]?.field).toBe('conditions');
  });

  it('answers 400 for a field the resource does not have', async () => {
    const response = await callApi(sim, '/company/contacts', {
      query: { conditions: 'compnay/id = 4' },
    });
    expect(response.status).toBe(400);
    expect((await jsonOf<{ message: string }>(response)).message).toMatch(
      /Unknown field "compnay\/id"/,
    );
  });
});

describe('fields projection', () => {
  it('returns only the requested fields, nested ones included', async () => {
    const response = await callApi(sim, '/company/companies', {
      query: { fields: 'id,name,defaultContact/id,status', pageSize: 2 },
    });
    const [first] = await jsonOf<Array<Record<string, unknown>>>(response);
    expect(Object.keys(first ?? {}).sort()).toEqual(['defaultContact', 'id', 'name', 'status']);
    expect(first?.defaultContact).toEqual({ id: expect.any(Number) });
    expect(first?.status).toEqual({ id: expect.any(Number), name: expect.any(String) });
  });

  it('projects a single record too', async () => {
    const company = sim.data.companies[0] as Company;
    const response = await callApi(sim, `/company/companies/${company.id}`, {
      query: { fields: 'identifier' },
    });
    expect(await response.json()).toEqual({ identifier: company.identifier });
  });
});
