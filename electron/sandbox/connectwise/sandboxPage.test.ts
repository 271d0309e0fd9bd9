import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
        invoiceDescription: '<script>alert("x")</script> Smith & Jones',
      },
    });
    expect(posted.status).toBe(201);
    const response = await fetch(sim.sandboxPageUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Smith &amp; Jones');
    expect(html).not.toContain('<script>');
    for (const each of sim.data.agreements) expect(html).toContain(`#${each.id}`);
  });
});
