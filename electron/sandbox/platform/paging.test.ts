import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf } from '../simulatorTesting';
import { type PlatformSimulator, startPlatformSimulator } from './index';
import { callApi, type ErrorBody, everyPage, type ListPage } from './platformRequests';

let sim: PlatformSimulator;
const now = () => new Date('2026-07-10T12:00:00Z');
const wholeHistory = { invoiceDateFrom: '2025-01-01', invoiceDateTo: '2026-12-31' };

beforeAll(async () => {
  sim = await startPlatformSimulator({ organizations: 120, months: 4, now });
});
afterAll(() => sim.close());

function ids<T>(records: T[], idOf: (record: T) => string): string[] {
  return records.map(idOf);
}

describe('cursor paging', () => {
  it('returns every record of every list exactly once, in id order', async () => {
    const lists = [
      { path: '/v1/organizations', query: {}, expected: ids(sim.data.organizations, (r) => r.id) },
      { path: '/v1/offers', query: {}, expected: ids(sim.data.offers, (r) => r.id) },
      { path: '/v1/contracts', query: {}, expected: ids(sim.data.contracts, (r) => r.id) },
      { path: '/v1/invoices', query: wholeHistory, expected: ids(sim.data.invoices, (r) => r.id) },
      {
        path: '/v1/invoice-lines',
        query: wholeHistory,
        expected: ids(sim.data.invoiceLines, (r) => r.lineId),
      },
    ];
    for (const { path, query, expected } of lists) {
      for (const limit of [1000, 37]) {
        const { records, pages } = await everyPage<{ id?: string; lineId?: string }>(sim, path, {
          ...query,
          limit,
        });
        const got = records.map((record) => record.lineId ?? record.id);
        expect(got, path).toEqual(expected);
        expect(new Set(got).size).toBe(got.length);
        expect([...got].sort()).toEqual(got);
        expect(pages).toBe(Math.max(1, Math.ceil(expected.length / limit)));
      }
    }
  });

  it('pages 100 by default and says null on the last page, never an empty page after it', async () => {
    const first = await jsonOf<ListPage<unknown>>(await callApi(sim, '/v1/organizations'));
    expect(first.data).toHaveLength(100);
    expect(first.nextCursor).toEqual(expect.any(String));
    const last = await jsonOf<ListPage<unknown>>(
      await callApi(sim, '/v1/organizations', { cursor: first.nextCursor ?? '' }),
    );
    expect(last.data).toHaveLength(20);
    expect(last.nextCursor).toBeNull();
    const exact = await jsonOf<ListPage<unknown>>(
      await callApi(sim, '/v1/organizations', { limit: 120 }),
    );
    expect(exact.data).toHaveLength(120);
    expect(exact.nextCursor).toBeNull();
  });

  it('lets the limit change between pages of the same query', async () => {
    const first = await jsonOf<ListPage<{ id: string }>>(
      await callApi(sim, '/v1/contracts', { limit: 5 }),
    );
    const second = await jsonOf<ListPage<{ id: string }>>(
      await callApi(sim, '/v1/contracts', { limit: 50, cursor: first.nextCursor ?? '' }),
    );
    expect([...first.data, ...second.data].map((contract) => contract.id)).toEqual(
      sim.data.contracts.slice(0, 55).map((contract) => contract.id),
    );
  });

  it('answers an empty range with an empty last page', async () => {
    const page = await jsonOf<ListPage<unknown>>(
      await callApi(sim, '/v1/invoice-lines', {
        invoiceDateFrom: '2019-01-01',
        invoiceDateTo: '2019-12-31',
      }),
    );
    expect(page).toEqual({ data: [], nextCursor: null });
  });
});

async function expectInvalid(response: Response, parameter: string) {
  expect(response.status).toBe(400);
  const body = await jsonOf<ErrorBody>(response);
  expect(body.error.code).toBe('invalid_request');
  expect(body.error.parameter).toBe(parameter);
  expect(body.error.message).toContain(parameter);
}

describe('paging parameters', () => {
  it('accepts limit 1 and 1000 and refuses 0, 1001 and non-integers, naming limit', async () => {
    expect((await callApi(sim, '/v1/organizations', { limit: 1 })).status).toBe(200);
    expect((await callApi(sim, '/v1/organizations', { limit: 1000 })).status).toBe(200);
    for (const limit of ['1001', '0', '-1', '2.5', 'ten', '', '1e3']) {
      await expectInvalid(await callApi(sim, '/v1/organizations', { limit }), 'limit');
    }
    await expectInvalid(
      await callApi(sim, '/v1/invoice-lines', { ...wholeHistory, limit: 1001 }),
      'limit',
    );
  });

  it('refuses a cursor it did not issue, or one from another list or range', async () => {
    await expectInvalid(await callApi(sim, '/v1/organizations', { cursor: 'nonsense!' }), 'cursor');
    await expectInvalid(await callApi(sim, '/v1/organizations', { cursor: 'e30' }), 'cursor');
    const organizations = await jsonOf<ListPage<unknown>>(
      await callApi(sim, '/v1/organizations', { limit: 2 }),
    );
    await expectInvalid(
      await callApi(sim, '/v1/contracts', { cursor: organizations.nextCursor ?? '' }),
      'cursor',
    );
    const lines = await jsonOf<ListPage<unknown>>(
      await callApi(sim, '/v1/invoice-lines', { ...wholeHistory, limit: 2 }),
    );
    await expectInvalid(
      await callApi(sim, '/v1/invoice-lines', {
        ...wholeHistory,
        invoiceDateTo: '2026-11-30',
        cursor: lines.nextCursor ?? '',
      }),
      'cursor',
    );
  });

  it('refuses unknown and repeated parameters, naming them', async () => {
    await expectInvalid(await callApi(sim, '/v1/organizations', { pageSize: 10 }), 'pageSize');
    const repeated = await fetch(`${sim.baseUrl}/v1/organizations?limit=2&limit=3`, {
      headers: { Authorization: `Bearer ${sim.token}` },
    });
    await expectInvalid(repeated, 'limit');
    await expectInvalid(
      await callApi(sim, '/v1/offers', { invoiceDateFrom: '2026-01-01' }),
      'invoiceDateFrom',
    );
  });
});
