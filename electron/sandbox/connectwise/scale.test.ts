import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf } from '../simulatorTesting';
import { type ConnectWiseSimulator, startConnectWiseSimulator } from './index';
import { callApi } from './simulatorRequests';

/**
 * A posting run's size: 1,000 agreements and 10,000 additions created through the API, then
 * looked up by marker. Each request must cost the same at the end as at the start (no scan of
 * every addition per request), and the whole run must stay fast at 0 ms latency.
 */
let sim: ConnectWiseSimulator;

beforeAll(async () => {
  sim = await startConnectWiseSimulator({ companies: 250 });
});
afterAll(() => sim.close());

const agreementCount = 1000;
const additionsPerAgreement = 10;
const inFlight = 8;

/** Runs `count` calls, `inFlight` at a time; gives the milliseconds each block of 1,000 took. */
async function run(count: number, call: (n: number) => Promise<void>): Promise<number[]> {
  const blocks: number[] = [];
  let next = 0;
  let blockStarted = performance.now();
  let done = 0;
  async function worker(): Promise<void> {
    while (next < count) {
      const n = next++;
      await call(n);
      done++;
      if (done % 1000 === 0) {
        const now = performance.now();
        blocks.push(now - blockStarted);
        blockStarted = now;
      }
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker));
  return blocks;
}

describe('scale', () => {
  it('creates 1,000 agreements and 10,000 additions through the API at a steady cost per request', async () => {
    const company = sim.data.companies.filter(
      (c) => c.status.name === 'Active' && c.defaultContact,
    );
    const products = sim.data.catalog.filter(
      (item) => !item.inactiveFlag && item.productClass !== 'Bundle',
    );
    const agreementIds: number[] = [];
    const agreementsStarted = performance.now();
    await run(agreementCount, async (n) => {
      const owner = company[n % company.length];
      const response = await callApi(sim, '/finance/agreements', {
        method: 'POST',
        json: {
          name: `Scale ${n}`,
          type: { id: 2 },
          company: { id: owner?.id },
          contact: { id: owner?.defaultContact?.id },
          startDate: '2026-01-01T00:00:00Z',
          internalNotes: `PLT:C:scale-${n}`,
        },
      });
      expect(response.status).toBe(201);
      agreementIds[n] = (await jsonOf<{ id: number }>(response)).id;
    });
    const agreementsMs = performance.now() - agreementsStarted;

    const additionsStarted = performance.now();
    const blocks = await run(agreementCount * additionsPerAgreement, async (n) => {
      const agreementId = agreementIds[n % agreementCount];
      const response = await callApi(sim, `/finance/agreements/${agreementId}/additions`, {
        method: 'POST',
        json: {
          product: { id: products[n % products.length]?.id },
          billCustomer: 'Billable',
          quantity: 1 + (n % 7),
          unitPrice: 10,
          unitCost: 6,
          effectiveDate: '2026-01-01T00:00:00Z',
          serialNumber: `PLT:L:scale-${n}`,
        },
      });
      expect(response.status).toBe(201);
      await response.arrayBuffer();
    });
    const additionsMs = performance.now() - additionsStarted;

    const lookupsStarted = performance.now();
    await run(agreementCount, async (n) => {
      const markers = Array.from(
        { length: additionsPerAgreement },
        (_, k) => `"PLT:L:scale-${n + k * agreementCount}"`,
      );
      const response = await callApi(sim, `/finance/agreements/${agreementIds[n]}/additions`, {
        query: {
          conditions: `serialNumber in (${markers.join(',')})`,
          fields: 'id,serialNumber',
          pageSize: 1000,
        },
      });
      expect((await jsonOf<unknown[]>(response)).length).toBe(additionsPerAgreement);
    });
    const lookupsMs = performance.now() - lookupsStarted;

    const pageStarted = performance.now();
    const page = await fetch(sim.sandboxPageUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    const pageMs = performance.now() - pageStarted;

    console.log(
      `scale: ${agreementCount} agreement POSTs ${agreementsMs.toFixed(0)} ms; ` +
        `${agreementCount * additionsPerAgreement} addition POSTs ${additionsMs.toFixed(0)} ms ` +
        `(${((agreementCount * additionsPerAgreement) / (additionsMs / 1000)).toFixed(0)}/s, ${inFlight} in flight; ` +
        `per 1,000: ${blocks.map((ms) => ms.toFixed(0)).join(', ')}); ` +
        `${agreementCount} look-ups ${lookupsMs.toFixed(0)} ms; /sandbox ${(html.length / 1e6).toFixed(1)} MB in ${pageMs.toFixed(0)} ms`,
    );
    expect(
      sim.data.additions.filter((a) => a.serialNumber?.startsWith('PLT:L:scale-')),
    ).toHaveLength(agreementCount * additionsPerAgreement);
    // Steady cost: the last thousand no slower than three times the second (the first warms up).
    const [, second = 1, ...rest] = blocks;
    expect(Math.max(...rest)).toBeLessThan(second * 3 + 200);
    expect(additionsMs).toBeLessThan(60_000);
  }, 180_000);
});
