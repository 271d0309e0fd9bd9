import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectRetryAfterForms, expectSeededFaults, jsonOf } from '../simulatorTesting';
import { type PlatformSimulator, startPlatformSimulator } from './index';
import { callApi, type ErrorBody } from './platformRequests';

let sim: PlatformSimulator;

beforeAll(async () => {
  sim = await startPlatformSimulator({ organizations: 10, months: 2 });
});
afterAll(() => sim.close());
afterEach(() => sim.faults.clear());

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = await jsonOf<ErrorBody>(response);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
}

describe('scripted faults', () => {
  it('answers 429 rate_limited with the Retry-After it was given, or without one, once', async () => {
    sim.faults.script({ path: '/v1/organizations', fault: { status: 429, retryAfter: '3' } });
    const limited = await callApi(sim, '/v1/organizations');
    await expectError(limited, 429, 'rate_limited');
    expect(limited.headers.get('retry-after')).toBe('3');

    sim.faults.script({ path: '/v1/organizations', fault: { status: 429 } });
    const bare = await callApi(sim, '/v1/organizations');
    expect(bare.status).toBe(429);
    expect(bare.headers.get('retry-after')).toBeNull();
    expect((await callApi(sim, '/v1/organizations')).status).toBe(200);
  });

  it('answers 500 internal_error and 503 service_unavailable without handling the request', async () => {
    sim.faults.script({ path: '/v1/me', fault: { status: 500 } });
    await expectError(await callApi(sim, '/v1/me'), 500, 'internal_error');
    sim.faults.script({ path: '/v1/me', fault: { status: 503, retryAfter: '5' } });
    const unavailable = await callApi(sim, '/v1/me');
    await expectError(unavailable, 503, 'service_unavailable');
    expect(unavailable.headers.get('retry-after')).toBe('5');
    expect((await callApi(sim, '/v1/me')).status).toBe(200);
  });

  it('resets the connection without an answer, once', async () => {
    sim.faults.script({ method: 'GET', path: '/v1/offers', fault: { reset: true } });
    await expect(callApi(sim, '/v1/offers')).rejects.toThrow();
    expect(sim.requests.at(-1)).toMatchObject({ path: '/v1/offers', status: 0 });
    expect((await callApi(sim, '/v1/offers')).status).toBe(200);
  });

  it('applies a rule the given number of times to matching requests only', async () => {
    sim.faults.script({ path: /invoice-lines/, times: 2, fault: { status: 503 } });
    const query = { invoiceDateFrom: '2020-01-01', invoiceDateTo: '2030-12-31' };
    expect((await callApi(sim, '/v1/me')).status).toBe(200);
    expect((await callApi(sim, '/v1/invoice-lines', query)).status).toBe(503);
    expect((await callApi(sim, '/v1/invoice-lines', query)).status).toBe(503);
    expect((await callApi(sim, '/v1/invoice-lines', query)).status).toBe(200);
  });

  it('delays a request by the scripted latency', async () => {
    sim.faults.script({ path: '/v1/me', fault: { latencyMs: 120 } });
    const started = Date.now();
    expect((await callApi(sim, '/v1/me')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('comes before authentication, as a gateway in front of the API would', async () => {
    sim.faults.script({ path: '/v1/me', fault: { status: 429, retryAfter: '1' } });
    expect((await fetch(`${sim.baseUrl}/v1/me`)).status).toBe(429);
  });

  it('refuses a rule with times < 1', () => {
    expect(() => sim.faults.script({ times: 0, fault: { status: 500 } })).toThrow(/times/);
  });
});

describe('random faults', () => {
  it('gives the same faults for the same seed', () =>
    expectSeededFaults(
      (seed) => startPlatformSimulator({ organizations: 2, months: 1, seed }),
      (simulator) => callApi(simulator, '/v1/me'),
    ));

  it('stops when cleared', async () => {
    sim.faults.set({ errorRates: { 503: 1 } });
    expect((await callApi(sim, '/v1/me')).status).toBe(503);
    sim.faults.clear();
    expect((await callApi(sim, '/v1/me')).status).toBe(200);
  });

  it('sends Retry-After as seconds, as an HTTP date, or not at all', () =>
    expectRetryAfterForms(sim.faults, () => callApi(sim, '/v1/me')));

  it('adds latency within the given range', async () => {
    sim.faults.set({ latencyMs: { min: 60, max: 80 } });
    const started = Date.now();
    await callApi(sim, '/v1/me');
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('lets paging survive: a retried page after a 429 gives the same records', async () => {
    const query = { limit: 3 };
    const first = await jsonOf<{ nextCursor: string }>(await callApi(sim, '/v1/contracts', query));
    sim.faults.script({ path: '/v1/contracts', fault: { status: 429, retryAfter: '0' } });
    const next = { ...query, cursor: first.nextCursor };
    expect((await callApi(sim, '/v1/contracts', next)).status).toBe(429);
    const retried = await jsonOf<{ data: Array<{ id: string }> }>(
      await callApi(sim, '/v1/contracts', next),
    );
    expect(retried.data.map((contract) => contract.id)).toEqual(
      sim.data.contracts.slice(3, 6).map((contract) => contract.id),
    );
  });
});
