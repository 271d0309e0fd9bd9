/**
 * The Dashboard's figures (docs/product.md §6), asked of each table's owner: mapping for the
 * Organization sync and coverage, platform data for the month's lines, posting for the runs.
 */
import type { DashboardSummary, dashboardChannels, LineStatus } from '@shared/contract';
import { LineStatus as LineStatusSchema } from '@shared/contract';
import type { Mapping } from '../mapping';
import type { PlatformData } from '../platform-data';
import type { Posting } from '../posting';
import type { HandlersFor } from '../router';

export interface DashboardDeps {
  mapping: Pick<Mapping, 'coverage' | 'organizationsSyncedAt'>;
  platformData: Pick<PlatformData, 'newestPeriod' | 'statusCounts'>;
  posting: Pick<Posting, 'lastSyncedAt' | 'recentRuns' | 'postedPerDay'>;
  now: () => Date;
}

const chartDays = 30;
const runsShown = 8;

export function dashboardSummary(deps: DashboardDeps): DashboardSummary {
  const period = deps.platformData.newestPeriod();
  const lineCounts = Object.fromEntries(
    LineStatusSchema.options.map((status) => [status, 0]),
  ) as Record<LineStatus, number>;
  if (period) {
    for (const { status, lines } of deps.platformData.statusCounts(period)) {
      lineCounts[status] = lines;
    }
  }
  const since = new Date(deps.now().getTime() - (chartDays - 1) * 24 * 60 * 60 * 1000);
  return {
    lastPlatformSync: deps.mapping.organizationsSyncedAt(),
    lastPsaSync: deps.posting.lastSyncedAt(),
    period,
    lineCounts,
    ...deps.mapping.coverage(),
    postedPerDay: deps.posting.postedPerDay(since.toISOString().slice(0, 10)),
    runs: deps.posting.recentRuns(runsShown),
  };
}

export function dashboardHandlers(deps: DashboardDeps): HandlersFor<typeof dashboardChannels> {
  return { 'dashboard.summary': () => dashboardSummary(deps) };
}
