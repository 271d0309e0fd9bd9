import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectRetryAfterForms, expectSeededFaults, jsonOf } from '../simulatorTesting';
import { type Addition, type ConnectWiseSimulator, startConnectWiseSimulator } from './index';
import { apiHeaders, callApi } from './simulatorRequests';

let sim: ConnectWiseSimulator;

beforeAll(async () => {
  sim = await startConnectWiseSimulator({ companies: 20 });
});
afterAll(() => sim.close());
afterEach(() => sim.faults.clear());

function additionBody(marker: string) {
  const product = sim.data.catalog.find((item) => !item.inactiveFlag);
  return {
    product: { id: product?.id },
    billCustomer: 'Billable',
    quantity: 1,
    invoiceDescription: marker,
  };
}

function firstAgreementId(): number {
  const agreement = sim.data.agreements[0];
  if (!agreement) throw new Error('seed has no agreement');
  return agreement.id;
}

describe('scripted faults', () => {
  it('reset destroys the connection without an answer, once', async () => {
    sim.faults.script({ method: 'GET', path: '/system/info', fault: { reset: true } });
    await expect(callApi(sim, '/system/info')).rejects.toThrow();
    expect(sim.requests.at(-1)).toMatchObject({ path: '/v2025_1/apis/3.0/system/info', status: 0 });
    expect((await callApi(sim, '/system/info')).status).toBe(200);
  });

  it('commit-then-drop stores the write and then drops the connection', async () => {
    const agreementId = firstAgreementId();
    const path = `/finance/agreements/${agreementId}/additions`;
    sim.faults.script({ method: 'POST', path, fault: { commitThenDrop: true } });
    await expect(
      callApi(sim, path, { method: 'POST', json: additionBody('marker-commit-drop') }),
    ).rejects.toThrow();
    const stored = sim.data.additions.filter(
      (addition) => addition.invoiceDescription === 'marker-commit-drop',
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.agreementId).toBe(agreementId);
    const lookup = await callApi(sim, path, {
      query: { conditions: 'invoiceDescription = "marker-commit-drop"' },
    });
    expect((await jsonOf<Addition[]>(lookup)).map((addition) => addition.id)).toEqual([
      stored[0]?.id,
    ]);
  });

  it('answers 429 with the Retry-After it was given, or without one', async () => {
    sim.faults.script({ path: '/company/companies', fault: { status: 429, retryAfter: '3' } });
    const withHeader = await callApi(sim, '/company/companies');
    expect(withHeader.status).toBe(429);
    expect(withHeader.headers.get('retry-after')).toBe('3');

    sim.faults.script({ path: '/company/companies', fault: { status: 429 } });
    const without = await callApi(sim, '/company/companies');
    expect(without.status).toBe(429);
    expect(without.headers.get('retry-after')).toBeNull();
    expect((await callApi(sim, '/company/companies')).status).toBe(200);
  });

  it('answers 500, 502, 503 and 504 without handling the request', async () => {
    for (const status of [500, 502, 503, 504] as const) {
      sim.faults.script({ method: 'POST', path: /\/additions$/, fault: { status } });
      const before = sim.data.additions.length;
      const response = await callApi(sim, `/finance/agreements/${firstAgreementId()}/additions`, {
        method: 'POST',
        json: additionBody(`marker-${status}`),
      });
      expect(response.status).toBe(status);
      expect(sim.data.additions.length).toBe(before);
    }
  });

  it('redirects a write to http:// on the same path and stores nothing', async () => {
    const path = `/finance/agreements/${firstAgreementId()}/additions`;
    sim.faults.script({ method: 'POST', path, fault: { redirectToHttp: true } });
    const before = sim.data.additions.length;
    const response = await callApi(sim, path, {
      method: 'POST',
      json: additionBody('marker-redirect'),
      redirect: 'manual',
    });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`${sim.apiBaseUrl}${path}`);
    expect(response.headers.get('location')).toMatch(/^http:\/\//);
    expect(sim.data.additions.length).toBe(before);
  });

  it('delays a request by the scripted latency', async () => {
    sim.faults.script({ path: '/system/info', fault: { latencyMs: 120 } });
    const started = Date.now();
    expect((await callApi(sim, '/system/info')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('applies a rule the given number of times to matching requests only', async () => {
    sim.faults.script({
      method: 'GET',
      path: '/finance/billingCycles',
      times: 2,
      fault: { status: 503 },
    });
    expect((await callApi(sim, '/system/info')).status).toBe(200);
    expect((await callApi(sim, '/finance/billingCycles')).status).toBe(503);
    expect((await callApi(sim, '/finance/billingcycles')).status).toBe(503);
    expect((await callApi(sim, '/finance/billingCycles')).status).toBe(200);
  });
});

describe('random faults', () => {
  it('gives the same faults for the same seed', () =>
    expectSeededFaults(
      (seed) => startConnectWiseSimulator({ companies: 5, seed }),
      (simulator) => callApi(simulator, '/system/info'),
    ));

  it('stops when cleared', async () => {
    sim.faults.set({ errorRates: { 502: 1 } });
    expect((await callApi(sim, '/system/info')).status).toBe(502);
    sim.faults.clear();
    expect((await callApi(sim, '/system/info')).status).toBe(200);
  });

  it('sends Retry-After as seconds, as an HTTP date, or not at all', () =>
    expectRetryAfterForms(sim.faults, () => callApi(sim, '/system/info')));

  it('redirects writes but not reads when redirectToHttpOnWrite is on', async () => {
    sim.faults.set({ redirectToHttpOnWrite: true });
    expect((await callApi(sim, '/system/info')).status).toBe(200);
    const write = await callApi(sim, `/finance/agreements/${firstAgreementId()}/additions`, {
      method: 'POST',
      json: additionBody('marker-random-redirect'),
      redirect: 'manual',
    });
    expect(write.status).toBe(301);
  });

  it('commits then drops writes at the given rate', async () => {
    sim.faults.set({ commitThenDropRate: 1 });
    const path = `/finance/agreements/${firstAgreementId()}/additions`;
    await expect(
      callApi(sim, path, { method: 'POST', json: additionBody('marker-random-drop') }),
    ).rejects.toThrow();
    expect(
      sim.data.additions.some((addition) => addition.invoiceDescription === 'marker-random-drop'),
    ).toBe(true);
    expect((await callApi(sim, path)).status).toBe(200);
  });

  it('adds latency within the given range', async () => {
    sim.faults.set({ latencyMs: { min: 60, max: 80 } });
    const started = Date.now();
    await callApi(sim, '/system/info');
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});

describe('slow writes', () => {
  const agreementPath = () => `/finance/agreements/${firstAgreementId()}/additions`;

  async function committed(marker: string, withinMs = 3000): Promise<Addition[]> {
    const until = Date.now() + withinMs;
    for (;;) {
      const stored = sim.data.additions.filter(
        (addition) => addition.invoiceDescription === marker,
      );
      if (stored.length > 0 || Date.now() > until) return stored;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('delays writes only with writeLatencyMs', async () => {
    sim.faults.set({ writeLatencyMs: 150 });
    let started = Date.now();
    expect((await callApi(sim, agreementPath())).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(120);
    started = Date.now();
    const write = await callApi(sim, agreementPath(), {
      method: 'POST',
      json: additionBody('marker-slow-write'),
    });
    expect(write.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('commits a POST the client gave up on, after the delay, and records it as dropped', async () => {
    sim.faults.set({ writeLatencyMs: 300 });
    const before = sim.requests.length;
    await expect(
      fetch(`${sim.apiBaseUrl}${agreementPath()}`, {
        method: 'POST',
        headers: { ...apiHeaders(sim), 'Content-Type': 'application/json' },
        body: JSON.stringify(additionBody('marker-timed-out')),
        signal: AbortSignal.timeout(80),
      }),
    ).rejects.toThrow();
    // Not there yet when the client looks at once: it lands later, exactly once.
    const lookup = await callApi(sim, agreementPath(), {
      query: { conditions: 'invoiceDescription = "marker-timed-out"' },
    });
    expect(await jsonOf<Addition[]>(lookup)).toEqual([]);
    expect(await committed('marker-timed-out')).toHaveLength(1);
    const post = sim.requests.slice(before).find((request) => request.method === 'POST');
    expect(post?.status).toBe(0);
  });

  it('does the same with a scripted latency on POST only', async () => {
    sim.faults.script({ method: 'POST', path: /\/additions$/, fault: { latencyMs: 250 } });
    await expect(
      fetch(`${sim.apiBaseUrl}${agreementPath()}`, {
        method: 'POST',
        headers: { ...apiHeaders(sim), 'Content-Type': 'application/json' },
        body: JSON.stringify(additionBody('marker-scripted-slow')),
        signal: AbortSignal.timeout(60),
      }),
    ).rejects.toThrow();
    expect(await committed('marker-scripted-slow')).toHaveLength(1);
  });

  it('stores at once and answers late with commitThenDelayMs', async () => {
    sim.faults.script({ method: 'POST', path: agreementPath(), fault: { commitThenDelayMs: 400 } });
    await expect(
      fetch(`${sim.apiBaseUrl}${agreementPath()}`, {
        method: 'POST',
        headers: { ...apiHeaders(sim), 'Content-Type': 'application/json' },
        body: JSON.stringify(additionBody('marker-commit-delay')),
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
    const lookup = await callApi(sim, agreementPath(), {
      query: { conditions: 'invoiceDescription = "marker-commit-delay"', fields: 'id' },
    });
    expect(await jsonOf<Addition[]>(lookup)).toHaveLength(1);
    const patient = await (async () => {
      sim.faults.script({
        method: 'POST',
        path: agreementPath(),
        fault: { commitThenDelayMs: 120 },
      });
      const started = Date.now();
      const response = await callApi(sim, agreementPath(), {
        method: 'POST',
        json: additionBody('marker-commit-delay-2'),
      });
      return { status: response.status, ms: Date.now() - started };
    })();
    expect(patient.status).toBe(201);
    expect(patient.ms).toBeGreaterThanOrEqual(110);
  });

  it('commits then drops a new agreement too', async () => {
    const company = sim.data.companies.find((c) => c.status.name === 'Active' && c.defaultContact);
    sim.faults.script({
      method: 'POST',
      path: '/finance/agreements',
      fault: { commitThenDrop: true },
    });
    await expect(
      callApi(sim, '/finance/agreements', {
        method: 'POST',
        json: {
          name: 'Dropped agreement',
          type: { id: 2 },
          company: { id: company?.id },
          contact: { id: company?.defaultContact?.id },
          internalNotes: 'PLT:C:dropped-1',
        },
      }),
    ).rejects.toThrow();
    const lookup = await callApi(sim, '/finance/agreements', {
      query: {
        conditions: `company/id = ${company?.id} and internalNotes like "PLT:C:dropped-1%"`,
        fields: 'id',
      },
    });
    expect(await jsonOf<Array<{ id: number }>>(lookup)).toHaveLength(1);
  });
});
