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
