import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapedSandboxPage, hostileText } from '../simulatorTesting';
import { type ConnectWiseSimulator, startConnectWiseSimulator } from './index';
import { callApi } from './simulatorRequests';

let sim: ConnectWiseSimulator;

beforeAll(async () => {
  sim = await startConnectWiseSimulator({ companies: 10 });
});
afterAll(() => sim.close());

describe('sandbox page', () => {
  it('lists agreements and what was posted to them, escaped, without auth', async () => {
    const agreement = sim.data.agreements[0];
    const product = sim.data.catalog.find((item) => !item.inactiveFlag);
    const posted = await callApi(sim, `/finance/agreements/${agreement?.id}/additions`, {
      method: 'POST',
      json: {
        product: { id: product?.id },
        billCustomer: 'Billable',
        invoiceDescription: hostileText,
      },
    });
    expect(posted.status).toBe(201);
    const html = await escapedSandboxPage(sim.sandboxPageUrl);
    for (const each of sim.data.agreements) expect(html).toContain(`#${each.id}`);
  });
});
