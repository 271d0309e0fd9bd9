import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type ConnectWiseClient,
  type ConnectWiseClientDeps,
  ConnectWiseError,
  connectToConnectWise,
  createLimiterRegistry,
  where,
} from '../../electron/core/connectwise';
import { systemClock } from '../../electron/core/ports';
import {
  type ConnectWiseSimulator,
  startConnectWiseSimulator,
} from '../../electron/sandbox/connectwise';

// The client against the simulator over real loopback HTTP. Sleeps are recorded, not waited:
// a test asserts what the client waited for without spending the time.
const privateKey = `pk-LEAK-MARKER-${Date.now()}`;
let sim: ConnectWiseSimulator;
let client: ConnectWiseClient;
let slept: number[];

function deps(overrides: Partial<ConnectWiseClientDeps> = {}): ConnectWiseClientDeps {
  return {
    clock: systemClock,
    limiters: createLimiterRegistry({
      maxConcurrency: 6,
      clock: systemClock,
      sleep: async () => {},
    }),
    sleep: async (ms) => {
      slept.push(ms);
    },
    random: () => 0.5,
    timeoutMs: 5_000,
    ...overrides,
  };
}

async function connect(
  overrides: Partial<{ privateKey: string; companyId: string; siteUrl: string }> = {},
) {
  return connectToConnectWise(
    {
      siteUrl: overrides.siteUrl ?? sim.siteUrl,
      companyId: overrides.companyId ?? sim.credentials.companyId,
      publicKey: sim.credentials.publicKey,
      privateKey: overrides.privateKey ?? privateKey,
    },
    deps(),
  );
}

function requestsTo(pattern: RegExp, method = 'GET') {
  return sim.requests.filter((r) => r.method === method && pattern.test(r.path));
}

async function failure(promise: Promise<unknown>): Promise<ConnectWiseError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConnectWiseError) return error;
    throw error;
  }
  throw new Error('expected a ConnectWiseError');
}

const errors: ConnectWiseError[] = [];
async function expectFailure(promise: Promise<unknown>) {
  const error = await failure(promise);
  errors.push(error);
  return error;
}

beforeAll(async () => {
  sim = await startConnectWiseSimulator({
    seed: 7,
    companies: 20_000,
    credentials: { privateKey },
  });
  slept = [];
  client = await connect();
});

afterEach(() => {
  sim.faults.clear();
  sim.setPermissions([]);
  slept = [];
});

afterAll(async () => {
  await sim.close();
});

describe('ConnectWise client against the simulator', () => {
  it('discovers the codebase and reads the system version', async () => {
    expect(client.apiBaseUrl).toBe(`${sim.siteUrl}/v2025_1/apis/3.0`);
    expect((await client.systemInfo()).version).toMatch(/^v2025\.1/);
    const call = requestsTo(/\/system\/info$/).at(-1);
    expect(call?.headers.clientid).toBeTruthy();
    expect(call?.headers.accept).toBe('application/vnd.connectwise.com+json; version=2025.1');
  });

  it('pulls 20,000 companies in exactly 20 forward-only requests', async () => {
    const before = requestsTo(/\/company\/companies$/).length;
    const progress: number[] = [];
    const ids = new Set<number>();
    for await (const page of client.companies.stream({}, { onProgress: (n) => progress.push(n) })) {
      for (const company of page) ids.add(company.id);
    }
    expect(ids.size).toBe(20_000);
    expect(requestsTo(/\/company\/companies$/).length - before).toBe(20);
    expect(progress.at(-1)).toBe(20_000);
    expect(progress).toHaveLength(20);
  });

  it('round-trips a name with a quote and an ampersand through conditions', async () => {
    const template = sim.data.companies[0];
    if (!template) throw new Error('no seed companies');
    const name = 'Smith & "Sons" Ltd';
    const id = Math.max(...sim.data.companies.map((c) => c.id)) + 1;
    sim.data.companies.push({ ...template, id, name, identifier: `SmithSons${id}`.slice(0, 30) });
    const found = await client.companies.list({
      conditions: where.eq('name', name),
      fields: ['id', 'name'],
    });
    expect(found.map((c) => [c.id, c.name])).toEqual([[id, name]]);
  });

  it('caps pageSize at 1000 instead of asking for more', async () => {
    const page = await client.companies.list({ pageSize: 5000 });
    expect(page).toHaveLength(1000);
  });

  it('waits out a 429 with Retry-After: 1 once, then succeeds', async () => {
    sim.faults.script({ path: /\/system\/info/, fault: { status: 429, retryAfter: '1' } });
    const before = requestsTo(/\/system\/info$/).length;
    expect((await client.systemInfo()).version).toBeTruthy();
    expect(slept).toEqual([1000]);
    expect(requestsTo(/\/system\/info$/).length - before).toBe(2);
  });

  it('answers at once when Retry-After asks for longer than the retry budget', async () => {
    sim.faults.script({ path: /\/system\/info/, fault: { status: 429, retryAfter: '86400' } });
    const error = await expectFailure(client.systemInfo());
    expect(error.kind).toBe('Rate Limited');
    expect(slept).toEqual([]);
  });

  it('retries a read after a 502 and a reset', async () => {
    sim.faults.script({ path: /\/finance\/agreements\/types/, fault: { status: 502 } });
    sim.faults.script({ path: /\/finance\/agreements\/types/, fault: { reset: true } });
    const types = await client.agreementTypes.all();
    expect(types.length).toBeGreaterThan(0);
    expect(slept).toHaveLength(2);
  });

  it('does not re-send a POST hit by a reset, and reports the outcome unknown', async () => {
    const agreement = sim.data.agreements[0];
    const product = sim.data.catalog.find((item) => !item.inactiveFlag);
    if (!agreement || !product) throw new Error('no seed agreement or product');
    sim.faults.script({ method: 'POST', path: /\/additions$/, fault: { reset: true } });
    const before = requestsTo(/\/additions$/, 'POST').length;
    const error = await expectFailure(
      client.additions.create(agreement.id, {
        product: { id: product.id },
        billCustomer: 'Billable',
        quantity: 1,
      }),
    );
    expect(error.outcomeUnknown).toBe(true);
    expect(error.kind).toBe('Response Error');
    expect(requestsTo(/\/additions$/, 'POST').length - before).toBe(1);
  });

  it('reports a write whose response was dropped after commit as unknown; the record exists', async () => {
    const agreement = sim.data.agreements[0];
    const product = sim.data.catalog.find((item) => !item.inactiveFlag);
    if (!agreement || !product) throw new Error('no seed agreement or product');
    const marker = `line-${Date.now()}`;
    sim.faults.script({ method: 'POST', path: /\/additions$/, fault: { commitThenDrop: true } });
    const error = await expectFailure(
      client.additions.create(agreement.id, {
        product: { id: product.id },
        billCustomer: 'Billable',
        quantity: 2,
        invoiceDescription: marker,
      }),
    );
    expect(error.outcomeUnknown).toBe(true);
    const found = await client.additions.list(agreement.id, {
      conditions: where.eq('invoiceDescription', marker),
    });
    expect(found).toHaveLength(1);
  });

  it('refuses to follow a redirect to http, on reads and on writes', async () => {
    sim.faults.script({ path: /\/system\/info/, fault: { redirectToHttp: true } });
    const read = await expectFailure(client.systemInfo());
    expect(read.kind).toBe('Response Error');
    expect(read.message).toMatch(/redirect/);

    const agreement = sim.data.agreements[0];
    if (!agreement) throw new Error('no seed agreement');
    sim.faults.script({ method: 'PATCH', fault: { redirectToHttp: true } });
    const before = sim.requests.length;
    const write = await expectFailure(
      client.agreements.patch(agreement.id, [{ op: 'replace', path: 'name', value: 'Renamed' }]),
    );
    expect(write.outcomeUnknown).toBe(true);
    expect(sim.requests.length - before).toBe(1);
  });

  it('maps each error status to its taxonomy name', async () => {
    const badKeys = await expectFailure(
      connect({ privateKey: `${privateKey}-wrong` }).then((c) => c.systemInfo()),
    );
    expect(badKeys.kind).toBe('Authentication Error');

    sim.setPermissions(['Finance › Agreements']);
    const denied = await expectFailure(client.agreements.list());
    expect(denied.kind).toBe('Permission Error');
    expect(denied.message).toContain('Agreements');
    sim.setPermissions([]);

    const agreement = sim.data.agreements[0];
    if (!agreement) throw new Error('no seed agreement');
    const invalid = await expectFailure(
      client.additions.create(agreement.id, {
        product: { id: 1 },
        billCustomer: 'Sometimes' as 'Billable',
        quantity: 1,
      }),
    );
    expect(invalid.kind).toBe('Validation Error');
    expect(invalid.facts.status).toBe(400);

    const missing = await expectFailure(client.companies.get(987_654_321));
    expect(missing.kind).toBe('Not Found');

    sim.faults.script({ path: /\/system\/info/, times: 10, fault: { status: 429 } });
    const limited = await expectFailure(client.systemInfo());
    expect(limited.kind).toBe('Rate Limited');
    // Ten attempts in all for 429s, which the server did not act on (five for other failures).
    expect(slept).toHaveLength(9);
    sim.faults.clear();

    for (const status of [500, 502, 503, 504] as const) {
      sim.faults.script({ path: /\/system\/info/, times: 10, fault: { status } });
      const server = await expectFailure(client.systemInfo());
      expect(server.kind).toBe('Response Error');
      expect(server.facts.status).toBe(status);
      sim.faults.clear();
    }

    const unknownCompany = await expectFailure(connect({ companyId: 'no-such-company' }));
    expect(unknownCompany.kind).toBe('Unknown Company');

    const closed = await startConnectWiseSimulator({ companies: 1 });
    const closedUrl = closed.siteUrl;
    await closed.close();
    const unreachable = await expectFailure(connect({ siteUrl: closedUrl }));
    expect(unreachable.kind).toBe('Site Unreachable');
  });

  it('stops a pull when cancelled', async () => {
    sim.faults.set({ latencyMs: 50 });
    const controller = new AbortController();
    const pages: number[] = [];
    const pull = (async () => {
      for await (const page of client.companies.stream({}, { signal: controller.signal })) {
        pages.push(page.length);
        controller.abort();
      }
    })();
    const error = await expectFailure(pull);
    expect(error.kind).toBe('Cancelled');
    expect(pages).toEqual([1000]);
  });

  it('reads several resources in one bundle', async () => {
    const results = await client.bundles.read([
      { resourceType: 'company', conditions: where.eq('id', sim.data.companies[0]?.id ?? 0) },
      { resourceType: 'agreementType' },
    ]);
    expect(results).toHaveLength(2);
    expect(results.every((r) => r.success)).toBe(true);
  });

  it('never lets the private key reach an error, a log line or the console', async () => {
    const consoleCalls: unknown[][] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleCalls.push(args);
      });
    }
    try {
      await expectFailure(
        connect({ privateKey: `${privateKey}-wrong` }).then((c) => c.systemInfo()),
      );
      sim.faults.script({ path: /\/system\/info/, fault: { reset: true }, times: 10 });
      await expectFailure(client.systemInfo());
    } finally {
      vi.restoreAllMocks();
    }
    const authValue = Buffer.from(
      `${sim.credentials.companyId}+${sim.credentials.publicKey}:${privateKey}`,
    ).toString('base64');
    const everything = [
      ...errors.flatMap((e) => [
        e.message,
        e.detail ?? '',
        e.stack ?? '',
        JSON.stringify(e),
        String(e),
      ]),
      JSON.stringify(consoleCalls),
    ].join('\n');
    expect(errors.length).toBeGreaterThan(10);
    expect(everything).not.toContain(privateKey);
    expect(everything).not.toContain(authValue);
  });
});
