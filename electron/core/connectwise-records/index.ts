/**
 * What the app keeps of ConnectWise for mapping: Companies and catalog items, pulled as jobs,
 * staged and swapped in whole. The only writer of `cw_company`, `cw_catalog_item` and
 * `connectwise_pull`.
 */
import type { Database } from '../store';
import { createCatalogRecords } from './catalogRecords';
import { createCompanyRecords } from './companyRecords';
import { createPullState } from './stagedPull';

export { bundleRefusal, type CatalogRecords } from './catalogRecords';
export type { CompanyRecords, PullOutcome } from './companyRecords';

export function createConnectWiseRecords(db: Database, now: () => Date) {
  const pulls = createPullState(db);
  return {
    companies: createCompanyRecords(db, pulls, now),
    catalog: createCatalogRecords(db, pulls, now),
    /** The site the Companies were last pulled from, or null before the first pull. */
    pulledFrom: (): string | null => pulls.get('companies')?.siteUrl ?? null,
  };
}

export type ConnectWiseRecords = ReturnType<typeof createConnectWiseRecords>;
