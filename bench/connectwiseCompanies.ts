import { performance } from 'node:perf_hooks';
import {
  connectToConnectWise,
  connectWiseAcceptHeader,
  connectWiseClientId,
  createLimiterRegistry,
} from '../electron/core/connectwise';
import { systemClock } from '../electron/core/ports';
import { startConnectWiseSimulator } from '../electron/sandbox/connectwise';
import { type Benchmark, type BenchRow, seconds } from './benchTable';

const companies = 20_000;

/**
 * Pull every company from the simulator: the app's client (forward-only pages of 1000) against
 * a naive client that walks `page=N&pageSize=25` one request at a time, in the same run, at two
 * simulated latencies.
 */
export const pullCompanies: Benchmark = {
  name: 'pull 20,000 companies',
  async run() {
    const rows: BenchRow[] = [];
    const sim = await startConnectWiseSimulator({ seed: 1, companies });
    try {
      for (const latencyMs of [0, 20]) {
        sim.faults.set({ latencyMs });
        const client = await connectToConnectWise(
          { siteUrl: sim.siteUrl, ...sim.credentials },
          {
            clock: systemClock,
            limiters: createLimiterRegistry({
              maxConcurrency: 6,
              clock: systemClock,
              sleep: async () => {},
            }),
          },
        );

        let start = sim.requests.length;
        let began = performance.now();
        let received = 0;
        for await (const page of client.companies.stream()) received += page.length;
        const appMs = performance.now() - began;
        const appRequests = sim.requests.length - start;
        check(received);

        start = sim.requests.length;
        began = performance.now();
        received = await naivePull(client.apiBaseUrl, sim.credentials);
        const naiveMs = performance.now() - began;
        const naiveRequests = sim.requests.length - start;
        check(received);

        const label = `${this.name}, ${latencyMs} ms latency`;
        rows.push(
          {
            benchmark: label,
            variant: 'app client (forward-only, 1000/page)',
            figures: {
              requests: appRequests,
              seconds: seconds(appMs),
              'naive ÷ app time': (naiveMs / appMs).toFixed(1),
            },
          },
          {
            benchmark: label,
            variant: 'naive (page=N, 25/page, sequential)',
            figures: {
              requests: naiveRequests,
              seconds: seconds(naiveMs),
              'naive ÷ app time': '1.0',
            },
          },
        );
      }
    } finally {
      await sim.close();
    }
    return rows;
  },
};

function check(received: number) {
  if (received !== companies)
    throw new Error(`expected ${companies} companies, received ${received}`);
}

async function naivePull(
  baseUrl: string,
  credentials: { companyId: string; publicKey: string; privateKey: string },
): Promise<number> {
  const authorization = `Basic ${Buffer.from(`${credentials.companyId}+${credentials.publicKey}:${credentials.privateKey}`).toString('base64')}`;
  let received = 0;
  for (let page = 1; ; page += 1) {
    const response = await fetch(`${baseUrl}/company/companies?page=${page}&pageSize=25`, {
      headers: {
        Authorization: authorization,
        clientId: connectWiseClientId,
        Accept: connectWiseAcceptHeader,
      },
    });
    const items = (await response.json()) as unknown[];
    received += items.length;
    if (items.length < 25) return received;
  }
}
