import { performance } from 'node:perf_hooks';
import type { BridgeResult } from '@shared/contract';
import { startConnectWiseSimulator } from '../electron/sandbox/connectwise';
import { startPlatformSimulator } from '../electron/sandbox/platform';
import { benchCore } from './benchCore';
import { type Benchmark, type BenchRow, seconds } from './benchTable';

const companyCount = 20_000;
const organizationCount = 10_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * The Organizations tab at the size the issue names: "Sync Organizations" over 20,000 Companies
 * and 10,000 Platform Organizations (pull, store, suggest), then a grid page with a search and a
 * Company picker search, through the router as the UI calls them.
 */
export const mappingScreens: Benchmark = {
  name: 'mapping: 10,000 organizations, 20,000 companies',
  async run(): Promise<BenchRow[]> {
    const now = new Date();
    const [connectwise, platform] = await Promise.all([
      startConnectWiseSimulator({ seed: 3, companies: companyCount }),
      startPlatformSimulator({
        seed: 3,
        organizations: organizationCount,
        months: 1,
        linesPerOrganizationPerMonth: 1,
        now: () => now,
      }),
    ]);
    const core = benchCore();
    const call = async (channel: string, input?: unknown) => {
      const result: BridgeResult = await core.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    };
    const time = async (channel: string, input: unknown) => {
      const runs: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        const started = performance.now();
        await call(channel, input);
        runs.push(performance.now() - started);
      }
      return median(runs);
    };
    try {
      await call('connectwiseConnection.save', {
        siteUrl: connectwise.siteUrl,
        ...connectwise.credentials,
      });
      await call('configuration.save', {
        agreementTypeId: connectwise.data.agreementTypes.find((type) => !type.inactiveFlag)?.id,
        endDateRules: [],
        startDateRules: [],
        customChargeTypeNames: {},
        autoSync: false,
      });
      await call('platformConnection.save', { baseUrl: platform.baseUrl, token: platform.token });
      const started = performance.now();
      const synced = (await call('mapping.syncOrganizations')) as { suggested: number };
      const syncMs = performance.now() - started;
      const pageMs = await time('mapping.organizationsPage', {
        offset: 0,
        limit: 200,
        search: 'Bak',
      });
      const suggestedPageMs = await time('mapping.organizationsPage', {
        offset: 0,
        limit: 200,
        status: 'Suggested',
        sort: { column: 'status', direction: 'asc' },
      });
      const pickerMs = await time('mapping.companies', {
        search: 'müll',
        showAll: false,
        limit: 50,
      });
      const pickerAllMs = await time('mapping.companies', {
        search: 'Ltd',
        showAll: true,
        limit: 50,
      });
      return [
        {
          benchmark: `${this.name}: Sync Organizations`,
          variant: `pull + store + suggest (${synced.suggested} suggested)`,
          figures: { seconds: seconds(syncMs) },
        },
        {
          benchmark: `${this.name}: grid page (target ≤ 150 ms)`,
          variant: 'search "Bak", 200 rows',
          figures: { ms: pageMs.toFixed(1) },
        },
        {
          benchmark: `${this.name}: grid page (target ≤ 150 ms)`,
          variant: 'status "Suggested", sorted by status',
          figures: { ms: suggestedPageMs.toFixed(1) },
        },
        {
          benchmark: `${this.name}: Company picker (target ≤ 50 ms)`,
          variant: 'search "müll", default list',
          figures: { ms: pickerMs.toFixed(1) },
        },
        {
          benchmark: `${this.name}: Company picker (target ≤ 50 ms)`,
          variant: 'search "Ltd", show all',
          figures: { ms: pickerAllMs.toFixed(1) },
        },
      ];
    } finally {
      await core.close();
      await Promise.all([connectwise.close(), platform.close()]);
    }
  },
};
