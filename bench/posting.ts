import { performance } from 'node:perf_hooks';
import type { BridgeResult, PostingSummary } from '@shared/contract';
import { connectWiseAcceptHeader, connectWiseClientId } from '../electron/core/connectwise';
import {
  type ConnectWiseSimulator,
  startConnectWiseSimulator,
} from '../electron/sandbox/connectwise';
import { type InvoiceLine, startPlatformSimulator } from '../electron/sandbox/platform';
import { benchCore } from './benchCore';
import { type Benchmark, type BenchRow, seconds } from './benchTable';

const organizations = 500;
const linesPerOrganization = 20;
const latencyMs = 50;
const limitPerMinute = 6000;
const naiveSample = 200;

/**
 * "Sync to PSA" of a month of about 10,000 lines on about 1,000 Agreements (made by the month
 * before, as in every month but the first), through the router as the Invoices tab calls it,
 * against the simulator at 50 ms a request and 6,000 requests a minute. Against a naive poster
 * that looks each line up and POSTs it, one request at a time, timed on a sample and extrapolated.
 */
export const postingRun: Benchmark = {
  name: 'posting: 10,000 lines on 1,000 Agreements, 50 ms, 6,000 requests/min',
  async run(): Promise<BenchRow[]> {
    const now = new Date();
    const period = now.toISOString().slice(0, 7);
    const previousPeriod = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
      .toISOString()
      .slice(0, 7);
    // The simulator's clock runs ahead on demand, so a new rate-limit window needs no waiting.
    let ahead = 0;
    const [connectwise, platform] = await Promise.all([
      startConnectWiseSimulator({
        seed: 9,
        companies: organizations + 100,
        now: () => new Date(Date.now() + ahead),
      }),
      startPlatformSimulator({
        seed: 9,
        organizations,
        months: 2,
        linesPerOrganizationPerMonth: linesPerOrganization,
        now: () => now,
      }),
    ]);
    const core = benchCore();
    const call = async <T>(channel: string, input?: unknown): Promise<T> => {
      const result: BridgeResult = await core.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as T;
    };
    try {
      process.stderr.write('  setting up: the month before, posted without latency or limit\n');
      const annual = connectwise.data.agreementTypes.find(
        (type) => !type.inactiveFlag && type.billingCycle.name === 'Annual',
      );
      await call('connectwiseConnection.save', {
        siteUrl: connectwise.siteUrl,
        ...connectwise.credentials,
      });
      await call('configuration.save', {
        agreementTypeId: annual?.id,
        endDateRules: ['Cycle Fee', 'Item Fee', 'Purchase Fee'].map((chargeType) => ({
          chargeType,
          rule: 'Last day of invoice month',
        })),
        startDateRules: [],
        customChargeTypeNames: {},
        autoSync: false,
      });
      await call('platformConnection.save', { baseUrl: platform.baseUrl, token: platform.token });
      await call('mapping.syncOrganizations');
      await call('platformData.load', {
        periods: [previousPeriod, period],
        source: { kind: 'platform' },
      });
      await call('mapping.loadProducts', { months: 3 });
      const product = connectwise.data.catalog.find(
        (item) => !item.inactiveFlag && item.productClass !== 'Bundle',
      );
      if (!product) throw new Error('no usable product');
      const companies = connectwise.data.companies.filter(
        (company) => !company.deletedFlag && company.defaultContact !== null,
      );
      for (const [index, organization] of platform.data.organizations.entries()) {
        await call('mapping.mapOrganization', {
          organizationId: organization.id,
          companyIds: [companies[index]?.id],
        });
      }
      for (const offerId of new Set(platform.data.invoiceLines.map((line) => line.offerId))) {
        await call('mapping.mapOffer', { offerId, catalogItemId: product.id });
      }
      await call('posting.run', { period: previousPeriod, confirmCancellations: false });

      const lines = platform.data.invoiceLines.filter((line) =>
        line.invoiceDate.startsWith(period),
      );
      connectwise.faults.set({ latencyMs });
      connectwise.setRateLimit(limitPerMinute);

      process.stderr.write(`  naive poster: ${naiveSample} lines, one at a time\n`);
      ahead += 61_000;
      const naive = await naivePoster(connectwise, lines.slice(0, naiveSample), product.id);

      process.stderr.write(`  the app: ${lines.length} lines\n`);
      ahead += 61_000;
      const firstRequest = connectwise.requests.length;
      const limitedBefore = connectwise.rateLimited;
      const admittedSoFar = () => connectwise.requests.length - connectwise.rateLimited;
      const samples: Array<{ at: number; admitted: number }> = [];
      const sampler = setInterval(
        () => samples.push({ at: performance.now(), admitted: admittedSoFar() }),
        100,
      );
      const began = performance.now();
      const summary = await call<PostingSummary>('posting.run', {
        period,
        confirmCancellations: false,
      });
      const appMs = performance.now() - began;
      clearInterval(sampler);
      samples.push({ at: performance.now(), admitted: admittedSoFar() });
      const requests = connectwise.requests.slice(firstRequest);
      const rateLimited = connectwise.rateLimited - limitedBefore;
      const admitted = requests.length - rateLimited;
      const agreements = new Set(
        requests.flatMap(
          (request) => /\/finance\/agreements\/(\d+)\/additions/.exec(request.path)?.[1] ?? [],
        ),
      ).size;
      const failedLines = summary.failed.reduce((sum, failure) => sum + failure.lineIds.length, 0);
      const naiveMs = (naive.ms / naive.lines) * lines.length;
      const limitPerSecond = limitPerMinute / 60;
      const label = `${this.name} (${lines.length} lines, ${agreements} Agreements)`;
      return [
        {
          benchmark: label,
          variant: `app: ${summary.posted} posted, ${summary.updated} updated, ${summary.adopted} adopted`,
          figures: {
            'requests/line (goal ≤ 1.1)': (admitted / lines.length).toFixed(3),
            requests: admitted,
            '429s': rateLimited,
            seconds: seconds(appMs),
            'rate ÷ limit (goal ≥ 85 %)': `${((admitted / (appMs / 1000) / limitPerSecond) * 100).toFixed(0)} %`,
            'busiest minute ÷ limit': `${((busiestMinute(samples) / limitPerMinute) * 100).toFixed(0)} %`,
            'naive ÷ app time': (naiveMs / appMs).toFixed(1),
            'failed lines (goal 0)': failedLines,
          },
        },
        {
          benchmark: label,
          variant: `naive: look-up + POST a line at a time; ${naive.lines} lines timed, extrapolated`,
          figures: {
            'requests/line (goal ≤ 1.1)': (naive.requests / naive.lines).toFixed(3),
            requests: Math.round((naive.requests / naive.lines) * lines.length),
            seconds: seconds(naiveMs),
            'rate ÷ limit (goal ≥ 85 %)': `${((naive.requests / (naive.ms / 1000) / limitPerSecond) * 100).toFixed(0)} %`,
            'naive ÷ app time': '1.0',
            'failed lines (goal 0)': naive.failed,
          },
        },
      ];
    } finally {
      await core.close();
      await Promise.all([connectwise.close(), platform.close()]);
    }
  },
};

/**
 * The most requests let through in any minute of the run. A run shorter than two minutes may
 * average more than the limit (it starts with a whole minute's allowance): this says how close
 * the busiest stretch came to it.
 */
function busiestMinute(samples: ReadonlyArray<{ at: number; admitted: number }>): number {
  let busiest = 0;
  let end = 0;
  for (const start of samples) {
    while (end + 1 < samples.length && (samples[end + 1]?.at ?? 0) - start.at <= 60_000) end += 1;
    busiest = Math.max(busiest, (samples[end]?.admitted ?? 0) - start.admitted);
  }
  return busiest;
}

/**
 * What a first attempt at posting would do: for each line, look its marker up on the Agreement
 * of its Contract, then POST it, waiting for each answer before the next request.
 */
async function naivePoster(
  connectwise: ConnectWiseSimulator,
  lines: readonly InvoiceLine[],
  productId: number,
): Promise<{ lines: number; requests: number; ms: number; failed: number }> {
  const { companyId, publicKey, privateKey } = connectwise.credentials;
  const headers = {
    Authorization: `Basic ${Buffer.from(`${companyId}+${publicKey}:${privateKey}`).toString('base64')}`,
    clientId: connectWiseClientId,
    Accept: connectWiseAcceptHeader,
    'Content-Type': 'application/json',
  };
  const agreementOf = new Map(
    connectwise.data.agreements.flatMap((agreement) => {
      const marker = agreement.internalNotes?.split('\n')[0] ?? '';
      return marker.startsWith('PLT:C:') ? [[marker.slice('PLT:C:'.length), agreement.id]] : [];
    }),
  );
  const first = connectwise.requests.length;
  let failed = 0;
  const began = performance.now();
  for (const line of lines) {
    const agreementId = agreementOf.get(line.contractId);
    const marker = `NAIVE:${line.lineId}`;
    const base = `${connectwise.apiBaseUrl}/finance/agreements/${agreementId}/additions`;
    const found = await fetch(
      `${base}?conditions=${encodeURIComponent(`serialNumber = "${marker}"`)}&fields=id`,
      { headers },
    );
    if (!found.ok || ((await found.json()) as unknown[]).length > 0) {
      failed += 1;
      continue;
    }
    const posted = await fetch(base, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        product: { id: productId },
        billCustomer: 'Billable',
        quantity: Number(line.quantity),
        unitPrice: Number(line.unitPrice),
        effectiveDate: `${line.chargeStart}T00:00:00Z`,
        cancelledDate: `${line.chargeEnd}T00:00:00Z`,
        invoiceDescription: `${line.subscriptionName} – ${line.chargeType}`,
        serialNumber: marker,
      }),
    });
    await posted.arrayBuffer();
    if (!posted.ok) failed += 1;
  }
  return {
    lines: lines.length,
    requests: connectwise.requests.length - first,
    ms: performance.now() - began,
    failed,
  };
}
