import type {
  CatalogChoice,
  CompanyChoice,
  MappingStatus,
  OfferPageQuery,
  OfferRow,
  OrganizationPageQuery,
  OrganizationRow,
} from '@shared/contract';
import { containing, type Database } from '../store';

export interface RecordLookups {
  companies(ids: readonly number[]): CompanyChoice[];
  catalogItems(ids: readonly number[]): CatalogChoice[];
}

const organizationSort: Record<NonNullable<OrganizationPageQuery['sort']>['column'], string> = {
  organizationName: 'organization_name COLLATE NOCASE',
  organizationId: 'organization_id',
  psaOrganizationName: 'company_names COLLATE NOCASE',
  status: 'status',
};

const offerSort: Record<NonNullable<OfferPageQuery['sort']>['column'], string> = {
  offerName: 'offer_name COLLATE NOCASE',
  offerId: 'offer_id',
  vendor: 'vendor COLLATE NOCASE',
  psaProductName: 'product_name COLLATE NOCASE',
  status: 'status',
};

const statusDetails: Partial<Record<MappingStatus, string>> = {
  'Response Error': 'The Company was deleted in ConnectWise; map this Organization again.',
  Excluded: 'Its lines are never posted.',
};

function countsOf(
  rows: Array<{ status: MappingStatus; n: number }>,
): Record<MappingStatus, number> {
  const counts: Record<MappingStatus, number> = {
    Mapped: 0,
    'Not Mapped': 0,
    Suggested: 0,
    Excluded: 0,
    'Response Error': 0,
  };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

function group<Key, Value>(entries: Array<[Key, Value]>): Map<Key, Value[]> {
  const grouped = new Map<Key, Value[]>();
  for (const [key, value] of entries) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  return grouped;
}

/**
 * The Organizations and Products grids: a page at a time from the mapping status views, with
 * the mapped records and the best suggestions of the rows on the page.
 */
export function createMappingGrids(db: Database, lookups: RecordLookups) {
  const statusCounts = (view: string) =>
    countsOf(
      db.prepare(`SELECT status, COUNT(*) AS n FROM ${view} GROUP BY status`).all() as Array<{
        status: MappingStatus;
        n: number;
      }>,
    );

  /** One page of a status view: counts by status (whatever the status filter), total, rows. */
  function pageOf<Row>(
    view: 'organization_mapping_status' | 'offer_mapping_status',
    columns: string,
    where: string[],
    params: Array<string | number>,
    query: { status?: MappingStatus | undefined; limit: number; offset: number },
    order: string,
  ): { rows: Row[]; total: number; counts: Record<MappingStatus, number> } {
    const scope = where.join(' AND ');
    const counts = countsOf(
      db
        .prepare(`SELECT status, COUNT(*) AS n FROM ${view} WHERE ${scope} GROUP BY status`)
        .all(...params) as Array<{ status: MappingStatus; n: number }>,
    );
    const filter = query.status ? `${scope} AND status = ?` : scope;
    const filtered = query.status ? [...params, query.status] : params;
    const total = query.status
      ? counts[query.status]
      : Object.values(counts).reduce((sum, n) => sum + n, 0);
    const rows = db
      .prepare(`SELECT ${columns} FROM ${view} WHERE ${filter} ${order} LIMIT ? OFFSET ?`)
      .all(...filtered, query.limit, query.offset) as Row[];
    return { rows, total, counts };
  }

  function suggestionsOf<Id extends string>(
    table: 'organization_suggestion' | 'offer_suggestion',
    key: 'organization_id' | 'offer_id',
    candidate: 'company_id' | 'catalog_item_id',
    ids: readonly Id[],
  ) {
    if (ids.length === 0)
      return new Map<string, Array<{ id: number; confidence: number; reason: string }>>();
    const rows = db
      .prepare(
        `SELECT ${key} AS owner, ${candidate} AS id, confidence, reason FROM ${table}
         WHERE ${key} IN (SELECT value FROM json_each(?)) ORDER BY ${key}, rank`,
      )
      .all(JSON.stringify(ids)) as Array<{
      owner: string;
      id: number;
      confidence: number;
      reason: string;
    }>;
    return group(
      rows.map((row) => [
        row.owner,
        { id: row.id, confidence: row.confidence, reason: row.reason },
      ]),
    );
  }

  /** Mapped out of all, the excluded left out: the Dashboard's "mapped (%)". */
  const coverageOf = (view: string) => {
    const counts = statusCounts(view);
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0) - counts.Excluded;
    return { mapped: counts.Mapped, total };
  };

  return {
    coverage: () => ({
      organizations: coverageOf('organization_mapping_status'),
      products: coverageOf('offer_mapping_status'),
    }),
    organizations(query: OrganizationPageQuery): {
      rows: OrganizationRow[];
      total: number;
      counts: Record<MappingStatus, number>;
    } {
      const where = ['1'];
      const params: Array<string | number> = [];
      if (query.search?.trim()) {
        const term = containing(query.search);
        where.push(
          `(organization_name LIKE ? ESCAPE '\\' OR organization_id LIKE ? ESCAPE '\\' OR company_names LIKE ? ESCAPE '\\')`,
        );
        params.push(term, term, term);
      }
      const sort = query.sort ?? { column: 'organizationName', direction: 'asc' };
      const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
      const {
        rows: page,
        total,
        counts,
      } = pageOf<{
        organization_id: string;
        organization_name: string;
        status: MappingStatus;
        currency: string | null;
      }>(
        'organization_mapping_status',
        'organization_id, organization_name, status, currency',
        where,
        params,
        query,
        `ORDER BY ${organizationSort[sort.column]} ${direction}, organization_id ${direction}`,
      );
      const ids = page.map((row) => row.organization_id);
      const mapped =
        ids.length === 0
          ? new Map<string, number[]>()
          : group(
              (
                db
                  .prepare(
                    `SELECT organization_id, company_id FROM organization_company
                     WHERE organization_id IN (SELECT value FROM json_each(?)) ORDER BY organization_id, company_id`,
                  )
                  .all(JSON.stringify(ids)) as Array<{
                  organization_id: string;
                  company_id: number;
                }>
              ).map((row) => [row.organization_id, row.company_id]),
            );
      const suggested = suggestionsOf(
        'organization_suggestion',
        'organization_id',
        'company_id',
        ids,
      );
      const companyIds = [
        ...new Set(
          [...mapped.values(), ...[...suggested.values()].map((s) => s.map((x) => x.id))].flat(),
        ),
      ];
      const companies = new Map(
        lookups.companies(companyIds).map((company) => [company.id, company]),
      );
      const companyOf = (id: number): CompanyChoice =>
        companies.get(id) ?? {
          id,
          name: `Company #${id}`,
          identifier: null,
          city: null,
          hiddenBecause: 'Deleted',
        };
      const rows = page.map((row) => ({
        organizationId: row.organization_id,
        organizationName: row.organization_name,
        currency: row.currency,
        companies: (mapped.get(row.organization_id) ?? []).map(companyOf),
        status: row.status,
        statusDetail: statusDetails[row.status] ?? null,
        suggestions:
          row.status === 'Suggested' || row.status === 'Not Mapped'
            ? (suggested.get(row.organization_id) ?? []).map((s) => ({
                company: companyOf(s.id),
                confidence: s.confidence,
                reason: s.reason,
              }))
            : [],
      }));
      return { rows, total, counts };
    },

    offers(
      query: OfferPageQuery,
      since: string,
    ): { rows: OfferRow[]; total: number; counts: Record<MappingStatus, number> } {
      const where = ['last_invoiced_on >= ?'];
      const params: Array<string | number> = [since];
      if (query.search?.trim()) {
        const term = containing(query.search);
        where.push(
          `(offer_name LIKE ? ESCAPE '\\' OR offer_id LIKE ? ESCAPE '\\' OR vendor LIKE ? ESCAPE '\\' OR product_name LIKE ? ESCAPE '\\')`,
        );
        params.push(term, term, term, term);
      }
      const sort = query.sort ?? { column: 'offerName', direction: 'asc' };
      const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
      const {
        rows: page,
        total,
        counts,
      } = pageOf<{
        offer_id: string;
        offer_name: string;
        vendor: string | null;
        last_invoiced_on: string | null;
        catalog_item_id: number | null;
        status: MappingStatus;
      }>(
        'offer_mapping_status',
        'offer_id, offer_name, vendor, last_invoiced_on, catalog_item_id, status',
        where,
        params,
        query,
        `ORDER BY ${offerSort[sort.column]} ${direction}, offer_id ${direction}`,
      );
      const suggested = suggestionsOf(
        'offer_suggestion',
        'offer_id',
        'catalog_item_id',
        page.map((row) => row.offer_id),
      );
      const itemIds = [
        ...new Set([
          ...page.flatMap((row) => (row.catalog_item_id === null ? [] : [row.catalog_item_id])),
          ...[...suggested.values()].flat().map((s) => s.id),
        ]),
      ];
      const items = new Map(lookups.catalogItems(itemIds).map((item) => [item.id, item]));
      const itemOf = (id: number): CatalogChoice =>
        items.get(id) ?? {
          id,
          identifier: `#${id}`,
          description: null,
          productClass: null,
          disabledBecause: 'Deleted in ConnectWise',
        };
      const rows = page.map((row) => ({
        offerId: row.offer_id,
        offerName: row.offer_name,
        vendor: row.vendor,
        lastInvoicedOn: row.last_invoiced_on,
        product: row.catalog_item_id === null ? null : itemOf(row.catalog_item_id),
        status: row.status,
        statusDetail:
          row.status === 'Response Error'
            ? 'The Product was deleted in ConnectWise; map this Offer again.'
            : null,
        suggestions:
          row.status === 'Suggested' || row.status === 'Not Mapped'
            ? (suggested.get(row.offer_id) ?? []).map((s) => ({
                product: itemOf(s.id),
                confidence: s.confidence,
                reason: s.reason,
              }))
            : [],
      }));
      return { rows, total, counts };
    },
  };
}

export type MappingGrids = ReturnType<typeof createMappingGrids>;
