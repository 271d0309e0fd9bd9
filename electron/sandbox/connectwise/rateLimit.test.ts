import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf } from '../simulatorTesting';
import { type ConnectWiseSimulator, startConnectWiseSimulator } from './index';
import { apiHeaders, callApi } from './simulatorRequests';

let sim: ConnectWiseSimulator;
let clockMs = Date.parse('2026-02-03T10:00:00Z');
const seconds = (n: number) => {
  clockMs += n * 1000;
};

beforeAll(async () => {
  sim = await startConnectWiseSimulator({ companies: 10, now: () => new Date(clockMs) });
});
afterAll(() => sim.close());
afterEach(() => {
  sim.setRateLimit(null);
  sim.faults.clear();
  seconds(3600); // every test starts with an empty window
});

async function statuses(
  count: number,
  call = () => callApi(sim, '/system/info'),
): Promise<number[]> {
  const answers: number[] = [];
  for (let n = 0; n < count; n++) answers.push((await call()).status);
  return answers;
}

describe('rate limit', () => {
  it('lets the limit through in a minute, then answers 429 with Retry-After until a slot frees', async () => {
    sim.setRateLimit(5);
    expect(sim.rateLimit).toEqual({ limit: 5, windowMs: 60_000, retryAfter: 'seconds' });
    const refusedBefore = sim.rateLimited;
    expect(await statuses(3)).toEqual([200, 200, 200]);
    seconds(20);
    expect(await statuses(2)).toEqual([200, 200]);
    seconds(10);
    const refused = await callApi(sim, '/company/companies');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.headers.get('content-type')).toMatch(/text\/html/);
    expect(await refused.text()).toMatch(/rate limited/);
    expect(sim.requests.at(-1)).toMatchObject({
      path: '/v2025_1/apis/3.0/company/companies',
      status: 429,
    });
    seconds(29);
    expect((await callApi(sim, '/system/info')).headers.get('retry-after')).toBe('1');
    seconds(1); // the first three leave the window
    expect(await statuses(4)).toEqual([200, 200, 200, 429]);
    expect(sim.rateLimited - refusedBefore).toBe(3);
  });

  it('answers 429 without Retry-After when told to, as the Cloudflare layer sometimes does', async () => {
    sim.setRateLimit(2, { retryAfter: 'none' });
    const answers = [];
    for (let n = 0; n < 3; n++) answers.push(await callApi(sim, '/system/info'));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
    expect(answers[2]?.headers.get('retry-after')).toBeNull();
  });

  it('does not count the requests it refuses', async () => {
    sim.setRateLimit(2);
    expect(await statuses(2)).toEqual([200, 200]);
    for (let n = 0; n < 5; n++) {
      seconds(10);
      expect((await callApi(sim, '/system/info')).status).toBe(429);
    }
    seconds(10); // a minute after the two let through: both slots free
    expect(await statuses(3)).toEqual([200, 200, 429]);
  });

  it('counts every request, reads and writes, rejected keys and companyinfo, but not /sandbox', async () => {
    sim.setRateLimit(4);
    const agreement = sim.data.agreements[0];
    const product = sim.data.catalog.find(
      (item) => !item.inactiveFlag && item.productClass !== 'Bundle',
    );
    const write = await callApi(sim, `/finance/agreements/${agreement?.id}/additions`, {
      method: 'POST',
      json: { product: { id: product?.id }, billCustomer: 'Billable' },
    });
    expect(write.status).toBe(201);
    const wrongKeys = await fetch(`${sim.apiBaseUrl}/system/info`, {
      headers: { ...apiHeaders(sim), Authorization: 'Basic bm9ib2R5' },
    });
    expect(wrongKeys.status).toBe(401);
    expect((await fetch(`${sim.siteUrl}/login/companyinfo/sandbox`)).status).toBe(200);
    for (let n = 0; n < 3; n++) expect((await fetch(sim.sandboxPageUrl)).status).toBe(200);
    expect(await statuses(2)).toEqual([200, 429]);
  });

  it('counts a bundle of many reads as one request', async () => {
    sim.setRateLimit(2);
    const requests = sim.data.agreements.map((agreement, n) => ({
      sequenceNumber: n + 1,
      resourceType: 'addition',
      apiRequest: { parentId: agreement.id, fields: 'id' },
    }));
    expect(requests.length).toBeGreaterThan(2);
    const bundle = await callApi(sim, '/system/bundles', { method: 'POST', json: { requests } });
    expect(bundle.status).toBe(200);
    const { results } = await jsonOf<{ results: Array<{ statusCode: number }> }>(bundle);
    expect(results.every((result) => result.statusCode === 200)).toBe(true);
    expect(await statuses(2)).toEqual([200, 429]);
  });

  it('is lifted by setRateLimit(null), and counts only its own 429s, not injected ones', async () => {
    sim.setRateLimit(1);
    const before = sim.rateLimited;
    expect(await statuses(3)).toEqual([200, 429, 429]);
    sim.setRateLimit(null);
    expect(sim.rateLimit).toBeNull();
    sim.faults.script({ path: '/system/info', fault: { status: 429, retryAfter: '5' } });
    expect(await statuses(3)).toEqual([429, 200, 200]);
    expect(sim.rateLimited - before).toBe(2);
  });

  it('stands in front of the faults: a refused request does not use up a scripted fault', async () => {
    sim.setRateLimit(1);
    expect(await statuses(1)).toEqual([200]);
    sim.faults.script({ path: '/system/info', fault: { status: 503 } });
    expect(await statuses(1)).toEqual([429]);
    seconds(60);
    expect(await statuses(2)).toEqual([503, 429]);
  });

  it('still counts the last minute when a limit is set mid-run', async () => {
    expect(await statuses(3)).toEqual([200, 200, 200]);
    sim.setRateLimit(3);
    expect((await callApi(sim, '/system/info')).status).toBe(429);
  });

  it('refuses a limit that is not a whole number of requests, or a window that is not positive', () => {
    expect(() => sim.setRateLimit(0)).toThrow();
    expect(() => sim.setRateLimit(2.5)).toThrow();
    expect(() => sim.setRateLimit(10, { windowMs: 0 })).toThrow();
  });
});

describe('rate limit options', () => {
  it('starts with rateLimitPerMinute and rateLimitRetryAfter', async () => {
    let ms = Date.parse('2026-02-03T10:00:00Z');
    const limited = await startConnectWiseSimulator({
      companies: 5,
      now: () => new Date(ms),
      rateLimitPerMinute: 2,
      rateLimitRetryAfter: 'none',
    });
    try {
      const answers = [];
      for (let n = 0; n < 3; n++) answers.push(await callApi(limited, '/system/info'));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
      expect(answers[2]?.headers.get('retry-after')).toBeNull();
      expect(limited.rateLimited).toBe(1);
      ms += 60_000;
      expect((await callApi(limited, '/system/info')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('counts over a shorter window on the real clock when rateLimitWindowMs says so', async () => {
    const fast = await startConnectWiseSimulator({
      companies: 5,
      rateLimitPerMinute: 2,
      rateLimitWindowMs: 300,
    });
    try {
      const first = [];
      for (let n = 0; n < 3; n++) first.push(await callApi(fast, '/system/info'));
      expect(first.map((answer) => answer.status)).toEqual([200, 200, 429]);
      expect(first[2]?.headers.get('retry-after')).toBe('1');
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect((await callApi(fast, '/system/info')).status).toBe(200);
    } finally {
      await fast.close();
    }
  });
});
