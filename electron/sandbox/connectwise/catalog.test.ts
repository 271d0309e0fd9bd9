import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf } from '../simulatorTesting';
import {
  type CatalogItem,
  type ConnectWiseSimulator,
  productClasses,
  startConnectWiseSimulator,
} from './index';
import { generateSeedData } from './seedData';
import { callApi } from './simulatorRequests';

let sim: ConnectWiseSimulator;

beforeAll(async () => {
  sim = await startConnectWiseSimulator({ companies: 30 });
});
afterAll(() => sim.close());

async function catalog(query: Record<string, string | number>): Promise<CatalogItem[]> {
  const response = await callApi(sim, '/procurement/catalog', {
    query: { pageSize: 1000, ...query },
  });
  expect(response.status).toBe(200);
  return jsonOf<CatalogItem[]>(response);
}

function byIdentifier(identifier: string): CatalogItem {
  const item = sim.data.catalog.find((candidate) => candidate.identifier === identifier);
  if (!item) throw new Error(`no catalog item ${identifier}`);
  return item;
}

describe('catalog seed', () => {
  it('is a realistic size, the same for every seed, and keeps the first items at ids 11–39', () => {
    const items = generateSeedData({ seed: 1, companies: 10 }).catalog;
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(items.length).toBeLessThanOrEqual(120);
    expect(generateSeedData({ seed: 9, companies: 10 }).catalog).toEqual(items);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(new Set(items.map((item) => item.identifier.toLowerCase())).size).toBe(items.length);
    expect(items.slice(0, 3).map((item) => [item.id, item.identifier])).toEqual([
      [11, 'MS365-BB-M'],
      [12, 'MS365-BS-M'],
      [13, 'MS365-BP-M'],
    ]);
    expect(items.find((item) => item.id === 39)?.identifier).toBe('AV-LEGACY');
  });

  it('stays within the field limits and uses only the five product classes', () => {
    for (const item of sim.data.catalog) {
      expect(item.identifier.length).toBeLessThanOrEqual(75);
      expect(item.description.length).toBeLessThanOrEqual(60);
      expect(item.vendorSku === null || item.vendorSku.length <= 50).toBe(true);
      expect(item.integrationXRef === null || item.integrationXRef.length <= 50).toBe(true);
      expect(productClasses).toContain(item.productClass);
    }
    const classes = new Set(sim.data.catalog.map((item) => item.productClass));
    expect([...classes].sort()).toEqual([...productClasses].sort());
  });

  it('carries Microsoft product SKUs in vendorSku, monthly and annual items sharing one', () => {
    const microsoft = sim.data.catalog.filter((item) =>
      /^(CFQ7TTC0|DZH318Z0|DG7GMGF0)[A-Z0-9]{4}$/.test(item.vendorSku ?? ''),
    );
    expect(microsoft.length).toBeGreaterThanOrEqual(10);
    expect(byIdentifier('MS365-BB-M').vendorSku).toBe('CFQ7TTC0LH18');
    expect(byIdentifier('MS365-BB-A').vendorSku).toBe('CFQ7TTC0LH18');
    expect(byIdentifier('MS365-BP-M').vendorSku).toBe('CFQ7TTC0LCHC');
    expect(byIdentifier('MS365-BP-A').vendorSku).toBe('CFQ7TTC0LCHC');
    expect(microsoft.some((item) => item.inactiveFlag)).toBe(true);
    expect(sim.data.catalog.filter((item) => item.vendorSku === null).length).toBeGreaterThan(20);
  });

  it('has items whose integrationXRef is a full Platform offer id', () => {
    expect(byIdentifier('MS365-E3-3Y').integrationXRef).toBe('CFQ7TTC0LFLX:0001:P3Y');
    expect(byIdentifier('SEC-S1-COMPLETE').integrationXRef).toBe('S1-COMPLETE-EP');
  });

  it('has active and inactive Bundle items, one with a Microsoft SKU', () => {
    const bundles = sim.data.catalog.filter((item) => item.productClass === 'Bundle');
    expect(bundles.filter((item) => !item.inactiveFlag).map((item) => item.description)).toEqual(
      expect.arrayContaining(['Microsoft 365 Security Bundle', 'Sécurité & Conformité Pack']),
    );
    expect(bundles.some((item) => item.inactiveFlag)).toBe(true);
    expect(byIdentifier('BNDL-M365-SEC').vendorSku).toBe('CFQ7TTC0LCHC');
  });

  it('has inactive items, accents, ampersands, quotes, en dashes and an identifier with spaces', () => {
    const descriptions = sim.data.catalog.map((item) => item.description);
    expect(sim.data.catalog.filter((item) => item.inactiveFlag).length).toBeGreaterThanOrEqual(5);
    expect(descriptions).toContain('Sécurité & Conformité Pack');
    expect(descriptions.filter((text) => /[À-ÿ]/.test(text)).length).toBeGreaterThanOrEqual(4);
    expect(descriptions.some((text) => text.includes('"'))).toBe(true);
    expect(descriptions.some((text) => text.includes('–'))).toBe(true);
    expect(sim.data.catalog.some((item) => item.identifier.includes(' '))).toBe(true);
  });

  it('seeds no addition with a Bundle product', () => {
    const data = generateSeedData({ seed: 2, companies: 400 });
    const bundleIds = new Set(
      data.catalog.filter((item) => item.productClass === 'Bundle').map((item) => item.id),
    );
    expect(data.additions.length).toBeGreaterThan(0);
    expect(data.additions.some((addition) => bundleIds.has(addition.product.id))).toBe(false);
  });
});

describe('catalog over HTTP', () => {
  it('projects vendorSku, integrationXRef and productClass with fields=', async () => {
    const items = await catalog({
      fields: 'id,identifier,vendorSku,integrationXRef,productClass',
      conditions: 'identifier = "MS365-E3-3Y"',
    });
    expect(items).toEqual([
      {
        id: byIdentifier('MS365-E3-3Y').id,
        identifier: 'MS365-E3-3Y',
        vendorSku: 'CFQ7TTC0LFLX',
        integrationXRef: 'CFQ7TTC0LFLX:0001:P3Y',
        productClass: 'NonInventory',
      },
    ]);
    const one = await callApi(sim, `/procurement/catalog/${byIdentifier('BNDL-SECU-CONF').id}`, {
      query: { fields: 'vendorSku,productClass' },
    });
    expect(await one.json()).toEqual({ vendorSku: null, productClass: 'Bundle' });
  });

  it('filters on vendorSku with =, in and null, case-insensitively', async () => {
    const premium = await catalog({ conditions: 'vendorSku = "cfq7ttc0lchc"' });
    expect(premium.map((item) => item.identifier).sort()).toEqual(
      ['BNDL-M365-SEC', 'MS365-BP-A', 'MS365-BP-M', 'MS365-BP-M-2023'].sort(),
    );
    const mappable = await catalog({
      conditions:
        'vendorSku in ("CFQ7TTC0LCHC", "CFQ7TTC0LH18") and inactiveFlag = false and productClass != "Bundle"',
    });
    expect(mappable.map((item) => item.identifier).sort()).toEqual(
      ['MS365-BB-A', 'MS365-BB-M', 'MS365-BP-A', 'MS365-BP-M'].sort(),
    );
    const withoutSku = await catalog({ conditions: 'vendorSku = null' });
    expect(withoutSku.length).toBe(
      sim.data.catalog.filter((item) => item.vendorSku === null).length,
    );
    const count = await callApi(sim, '/procurement/catalog/count', {
      query: { conditions: 'vendorSku like "CFQ7TTC0%"' },
    });
    expect(await count.json()).toEqual({
      count: sim.data.catalog.filter((item) => item.vendorSku?.startsWith('CFQ7TTC0')).length,
    });
  });

  it('filters on integrationXRef and productClass', async () => {
    const byXRef = await catalog({ conditions: 'integrationXRef = "S1-COMPLETE-EP"' });
    expect(byXRef.map((item) => item.identifier)).toEqual(['SEC-S1-COMPLETE']);
    const bundles = await catalog({
      conditions: 'productClass = "Bundle" and inactiveFlag = false',
      orderBy: 'description asc',
    });
    expect(bundles.map((item) => item.description)).toEqual([
      'Microsoft 365 Security Bundle',
      'Modern Workplace Bundle (M365 BP + Backup + EDR)',
      'Sécurité & Conformité Pack',
    ]);
    const ordered = await catalog({ conditions: 'vendorSku != null', orderBy: 'vendorSku desc' });
    expect(ordered[0]?.vendorSku).toBe('USW-24-POE');
  });
});
