import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf } from '../simulatorTesting';
import { type ConnectWiseSimulator, startConnectWiseSimulator } from './index';
import { callApi } from './simulatorRequests';

let sim: ConnectWiseSimulator;

beforeAll(async () => {
  sim = await startConnectWiseSimulator({ companies: 60 });
});
afterAll(() => sim.close());

interface BundleResult {
  sequenceNumber: number;
  resourceType: string;
  entities: Array<Record<string, unknown>>;
  count: number;
  success: boolean;
  statusCode: number;
  error: { code?: string; message?: string } | null;
}

async function bundle(requests: unknown[]): Promise<BundleResult[]> {
  const response = await callApi(sim, '/system/bundles', { method: 'POST', json: { requests } });
  expect(response.status).toBe(200);
  return (await jsonOf<{ results: BundleResult[] }>(response)).results;
}

describe('bundles', () => {
  it('runs each read like the equivalent GET and reports its own status', async () => {
    const company = sim.data.companies[3];
    const agreement = sim.data.agreements[0];
    const results = await bundle([
      {
        sequenceNumber: 1,
        resourceType: 'company',
        version: '2025.1',
        apiRequest: {
          filters: { conditions: 'name like "Contoso%"', orderBy: 'name asc' },
          page: { page: 1, pageSize: 2 },
          fields: 'id,name',
        },
      },
      { sequenceNumber: 2, resourceType: 'company', apiRequest: { id: company?.id } },
      { sequenceNumber: 3, resourceType: 'company', apiRequest: { id: 987_654 } },
      { sequenceNumber: 4, resourceType: 'addition', apiRequest: { parentId: agreement?.id } },
      {
        SequenceNumber: 5,
        ResourceType: 'Agreement',
        ApiRequest: { Filters: { Conditions: 'name = ' } },
      },
      { sequenceNumber: 6, resourceType: 'spaceship', apiRequest: {} },
    ]);
    expect(
      results.map((result) => [result.sequenceNumber, result.statusCode, result.success]),
    ).toEqual([
      [1, 200, true],
      [2, 200, true],
      [3, 404, false],
      [4, 200, true],
      [5, 400, false],
      [6, 400, false],
    ]);
    expect(results[0]?.entities).toEqual([
      { id: expect.any(Number), name: 'Contoso Holdings Ltd' },
      { id: expect.any(Number), name: 'CONTOSO LIMITED' },
    ]);
    expect(results[0]?.count).toBe(2);
    expect(results[1]?.entities[0]).toMatchObject({ id: company?.id, name: company?.name });
    expect(results[2]?.error).toMatchObject({ code: 'NotFound' });
    expect(results[3]?.count).toBe(
      sim.data.additions.filter((a) => a.agreementId === agreement?.id).length,
    );
    expect(results[4]?.error).toMatchObject({ code: 'InvalidObject' });
  });

  it('checks permissions per bundled request', async () => {
    sim.setPermissions(['Procurement › Product Catalog']);
    try {
      const results = await bundle([
        { sequenceNumber: 1, resourceType: 'catalogItem', apiRequest: {} },
        { sequenceNumber: 2, resourceType: 'billingCycle', apiRequest: {} },
      ]);
      expect(results.map((result) => result.statusCode)).toEqual([403, 200]);
      expect(results[0]?.error?.message).toContain('Procurement › Product Catalog');
    } finally {
      sim.setPermissions([]);
    }
  });

  it('rejects a body without a requests list', async () => {
    const response = await callApi(sim, '/system/bundles', {
      method: 'POST',
      json: { request: [] },
    });
    expect(response.status).toBe(400);
  });
});

describe('bundled marker look-ups', () => {
  it('reads the additions of 100 agreements in one bundle, filtered and projected', async () => {
    const big = await startConnectWiseSimulator({ companies: 20 });
    try {
      const company = big.data.companies.find(
        (c) => c.status.name === 'Active' && c.defaultContact,
      );
      const product = big.data.catalog.find(
        (item) => !item.inactiveFlag && item.productClass !== 'Bundle',
      );
      const agreementIds: number[] = [];
      for (let n = 0; n < 100; n++) {
        const agreement = await callApi(big, '/finance/agreements', {
          method: 'POST',
          json: {
            name: `Bundle look-up ${n}`,
            type: { id: 2 },
            company: { id: company?.id },
            contact: { id: company?.defaultContact?.id },
          },
        });
        const { id } = await jsonOf<{ id: number }>(agreement);
        agreementIds.push(id);
        for (const marker of [`PLT:L:${n}-a`, `PLT:L:${n}-b`, `OTHER-${n}`]) {
          await callApi(big, `/finance/agreements/${id}/additions`, {
            method: 'POST',
            json: { product: { id: product?.id }, billCustomer: 'Billable', serialNumber: marker },
          });
        }
      }
      const before = big.requests.length;
      const response = await callApi(big, '/system/bundles', {
        method: 'POST',
        json: {
          requests: agreementIds.map((agreementId, n) => ({
            sequenceNumber: n + 1,
            resourceType: 'addition',
            version: '2025.1',
            apiRequest: {
              parentId: agreementId,
              filters: {
                conditions: `serialNumber in ("PLT:L:${n}-a", "PLT:L:${n}-b", "PLT:L:${n}-z")`,
              },
              page: { page: 1, pageSize: 1000 },
              fields: 'id,serialNumber,agreementId',
            },
          })),
        },
      });
      expect(response.status).toBe(200);
      expect(big.requests.length - before).toBe(1);
      const { results } = await jsonOf<{ results: BundleResult[] }>(response);
      expect(results).toHaveLength(100);
      results.forEach((result, n) => {
        expect(result).toMatchObject({
          sequenceNumber: n + 1,
          success: true,
          statusCode: 200,
          count: 2,
        });
        expect(result.entities).toEqual([
          { id: expect.any(Number), serialNumber: `PLT:L:${n}-a`, agreementId: agreementIds[n] },
          { id: expect.any(Number), serialNumber: `PLT:L:${n}-b`, agreementId: agreementIds[n] },
        ]);
      });
    } finally {
      await big.close();
    }
  });

  it('gives a bad request in a bundle its own status and answers the others', async () => {
    const [first, second] = sim.data.agreements;
    const results = await bundle([
      {
        sequenceNumber: 1,
        resourceType: 'addition',
        apiRequest: {
          parentId: first?.id,
          filters: { conditions: 'serialNumber = null' },
          fields: 'id',
        },
      },
      { sequenceNumber: 2, resourceType: 'addition', apiRequest: { parentId: 987_654 } },
      {
        sequenceNumber: 3,
        resourceType: 'addition',
        apiRequest: { parentId: second?.id, filters: { conditions: 'serialNumber in ("x"' } },
      },
      {
        sequenceNumber: 4,
        resourceType: 'addition',
        apiRequest: { parentId: second?.id, filters: { conditions: 'serialNumbr = "x"' } },
      },
      { sequenceNumber: 5, resourceType: 'addition', apiRequest: {} },
      {
        sequenceNumber: 6,
        resourceType: 'addition',
        apiRequest: { parentId: second?.id, entity: { quantity: 1 } },
      },
      {
        sequenceNumber: 7,
        resourceType: 'addition',
        apiRequest: {
          parentId: second?.id,
          filters: { customFieldConditions: 'caption = "Vendor Reference"' },
          fields: 'id',
        },
      },
    ]);
    expect(
      results.map((result) => [result.sequenceNumber, result.statusCode, result.success]),
    ).toEqual([
      [1, 200, true],
      [2, 404, false],
      [3, 400, false],
      [4, 400, false],
      [5, 400, false],
      [6, 400, false],
      [7, 200, true],
    ]);
    expect(results[0]?.count).toBe(
      sim.data.additions.filter((a) => a.agreementId === first?.id && a.serialNumber === null)
        .length,
    );
    expect(results[1]?.error).toMatchObject({ code: 'NotFound' });
    expect(results[3]?.error?.message).toMatch(/serialNumbr/);
    expect(results.every((result) => result.success || result.entities.length === 0)).toBe(true);
  });
});
