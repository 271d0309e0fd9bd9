import { type Database, inTransaction } from '../store';

export interface StoredSuggestion<Id> {
  candidateId: Id;
  confidence: number;
  reason: string;
}

/**
 * The writes of Mapping: the user's mappings, exclusions, the suggestions of the last sync, and
 * the mapping state (the site the mappings belong to, when Organizations were last synced).
 * Every change is one short transaction.
 */
export function createMappingTables(db: Database, now: () => Date) {
  const stamp = () => now().toISOString();
  const getState = db.prepare('SELECT value FROM mapping_state WHERE key = ?');
  const setState = db.prepare(
    'INSERT INTO mapping_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const deleteOrganizationCompanies = db.prepare(
    'DELETE FROM organization_company WHERE organization_id = ?',
  );
  const insertOrganizationCompany = db.prepare(
    'INSERT OR IGNORE INTO organization_company (organization_id, company_id, mapped_at) VALUES (?, ?, ?)',
  );
  const insertExclusion = db.prepare(
    'INSERT OR IGNORE INTO organization_exclusion (organization_id, excluded_at) VALUES (?, ?)',
  );
  const deleteExclusion = db.prepare(
    'DELETE FROM organization_exclusion WHERE organization_id = ?',
  );
  const upsertOfferProduct = db.prepare(
    `INSERT INTO offer_product (offer_id, catalog_item_id, mapped_at) VALUES (?, ?, ?)
     ON CONFLICT (offer_id) DO UPDATE SET catalog_item_id = excluded.catalog_item_id, mapped_at = excluded.mapped_at`,
  );
  const deleteOfferProduct = db.prepare('DELETE FROM offer_product WHERE offer_id = ?');
  const suggestionStatements = {
    organization: {
      clear: db.prepare('DELETE FROM organization_suggestion'),
      insert: db.prepare(
        'INSERT INTO organization_suggestion (organization_id, rank, company_id, confidence, reason) VALUES (?, ?, ?, ?, ?)',
      ),
    },
    offer: {
      clear: db.prepare('DELETE FROM offer_suggestion'),
      insert: db.prepare(
        'INSERT INTO offer_suggestion (offer_id, rank, catalog_item_id, confidence, reason) VALUES (?, ?, ?, ?, ?)',
      ),
    },
  };

  return {
    state(key: 'site' | 'organizationsSyncedAt'): string | null {
      return (getState.get(key) as { value: string } | undefined)?.value ?? null;
    },
    setState(key: 'site' | 'organizationsSyncedAt', value: string): void {
      setState.run(key, value);
    },

    /** Replaces an Organization's Companies (none: unmapped). */
    mapOrganization(organizationId: string, companyIds: readonly number[]): void {
      inTransaction(db, () => {
        deleteOrganizationCompanies.run(organizationId);
        for (const id of companyIds) insertOrganizationCompany.run(organizationId, id, stamp());
      });
    },

    unmapOrganizations(organizationIds: readonly string[]): number {
      return inTransaction(db, () =>
        organizationIds.reduce(
          (changed, id) => changed + Number(deleteOrganizationCompanies.run(id).changes > 0),
          0,
        ),
      );
    },

    excludeOrganizations(organizationIds: readonly string[], excluded: boolean): number {
      return inTransaction(db, () =>
        organizationIds.reduce(
          (changed, id) =>
            changed +
            Number(
              (excluded ? insertExclusion.run(id, stamp()) : deleteExclusion.run(id)).changes > 0,
            ),
          0,
        ),
      );
    },

    /**
     * Maps each unmapped, included Organization (of `organizationIds`, or all) to its best
     * suggestion when that is at least `minConfidence`.
     */
    acceptOrganizationSuggestions(
      organizationIds: readonly string[] | undefined,
      minConfidence: number,
    ): number {
      const scope = organizationIds
        ? `AND s.organization_id IN (SELECT value FROM json_each(?))`
        : '';
      const params: Array<string | number> = [stamp(), minConfidence];
      if (organizationIds) params.push(JSON.stringify(organizationIds));
      return inTransaction(db, () =>
        Number(
          db
            .prepare(
              `INSERT INTO organization_company (organization_id, company_id, mapped_at)
               SELECT s.organization_id, s.company_id, ? FROM organization_suggestion s
               WHERE s.rank = 1 AND s.confidence >= ? ${scope}
                 AND s.organization_id NOT IN (SELECT organization_id FROM organization_company)
                 AND s.organization_id NOT IN (SELECT organization_id FROM organization_exclusion)`,
            )
            .run(...params).changes,
        ),
      );
    },

    mapOffer(offerId: string, catalogItemId: number | null): void {
      if (catalogItemId === null) deleteOfferProduct.run(offerId);
      else upsertOfferProduct.run(offerId, catalogItemId, stamp());
    },

    acceptOfferSuggestions(offerIds: readonly string[] | undefined, minConfidence: number): number {
      const scope = offerIds ? 'AND s.offer_id IN (SELECT value FROM json_each(?))' : '';
      const params: Array<string | number> = [stamp(), minConfidence];
      if (offerIds) params.push(JSON.stringify(offerIds));
      return inTransaction(db, () =>
        Number(
          db
            .prepare(
              `INSERT INTO offer_product (offer_id, catalog_item_id, mapped_at)
               SELECT s.offer_id, s.catalog_item_id, ? FROM offer_suggestion s
               WHERE s.rank = 1 AND s.confidence >= ? ${scope}
                 AND s.offer_id NOT IN (SELECT offer_id FROM offer_product)`,
            )
            .run(...params).changes,
        ),
      );
    },

    /** Replaces the suggestions of one kind with those of the latest sync or load. */
    replaceSuggestions(
      kind: 'organization' | 'offer',
      suggestions: ReadonlyMap<string, ReadonlyArray<StoredSuggestion<number>>>,
    ): void {
      const { clear, insert } = suggestionStatements[kind];
      inTransaction(db, () => {
        clear.run();
        for (const [owner, best] of suggestions) {
          for (const [index, s] of best.entries()) {
            insert.run(owner, index + 1, s.candidateId, s.confidence, s.reason);
          }
        }
      });
    },

    /** Forgets every mapping, exclusion and suggestion: starting over on another site. */
    clearAll(): void {
      inTransaction(db, () => {
        db.exec('DELETE FROM organization_company');
        db.exec('DELETE FROM organization_exclusion');
        db.exec('DELETE FROM offer_product');
        db.exec('DELETE FROM organization_suggestion');
        db.exec('DELETE FROM offer_suggestion');
      });
    },

    /** The Companies each of these Organizations maps to. */
    companiesOf(organizationIds: readonly string[]): Map<string, number[]> {
      const rows = db
        .prepare(
          `SELECT organization_id AS organizationId, company_id AS companyId FROM organization_company
           WHERE organization_id IN (SELECT value FROM json_each(?)) ORDER BY company_id`,
        )
        .all(JSON.stringify(organizationIds)) as Array<{
        organizationId: string;
        companyId: number;
      }>;
      const companies = new Map<string, number[]>();
      for (const row of rows) {
        companies.set(row.organizationId, [
          ...(companies.get(row.organizationId) ?? []),
          row.companyId,
        ]);
      }
      return companies;
    },

    excludedAmong(organizationIds: readonly string[]): Set<string> {
      return new Set(
        (
          db
            .prepare(
              'SELECT organization_id AS id FROM organization_exclusion WHERE organization_id IN (SELECT value FROM json_each(?))',
            )
            .all(JSON.stringify(organizationIds)) as Array<{ id: string }>
        ).map((row) => row.id),
      );
    },

    /** The catalog item each of these Offers maps to, as the offer_mapping_status view has it. */
    productsOf(offerIds: readonly string[]) {
      const rows = db
        .prepare(
          `SELECT offer_id AS offerId, catalog_item_id AS id, product_identifier AS identifier,
             product_name AS name, product_class AS productClass, product_inactive AS inactive
           FROM offer_mapping_status
           WHERE catalog_item_id IS NOT NULL AND offer_id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(offerIds)) as Array<{
        offerId: string;
        id: number;
        identifier: string;
        name: string;
        productClass: string | null;
        inactive: number;
      }>;
      return new Map(
        rows.map(({ offerId, inactive, ...product }) => [
          offerId,
          { ...product, inactive: inactive === 1 },
        ]),
      );
    },

    hasAnyMapping(): boolean {
      return (
        (
          db
            .prepare(
              `SELECT EXISTS (SELECT 1 FROM organization_company) OR EXISTS (SELECT 1 FROM offer_product)
               OR EXISTS (SELECT 1 FROM organization_exclusion) AS any`,
            )
            .get() as { any: number }
        ).any === 1
      );
    },

    /** Organizations and Offers that are neither mapped nor excluded: the ones to suggest for. */
    unmappedOrganizationIds(): Set<string> {
      return new Set(
        (
          db
            .prepare(
              `SELECT id FROM platform_organization WHERE id NOT IN (SELECT organization_id FROM organization_company)
               AND id NOT IN (SELECT organization_id FROM organization_exclusion)`,
            )
            .all() as Array<{ id: string }>
        ).map((row) => row.id),
      );
    },
    unmappedOfferIds(): Set<string> {
      return new Set(
        (
          db
            .prepare(
              'SELECT id FROM platform_offer WHERE id NOT IN (SELECT offer_id FROM offer_product)',
            )
            .all() as Array<{ id: string }>
        ).map((row) => row.id),
      );
    },
  };
}

export type MappingTables = ReturnType<typeof createMappingTables>;
