import type { CatalogChoice } from '@shared/contract';
import type { CatalogItem, ConnectWiseClient } from '../connectwise';
import type { Job } from '../jobs';
import { containing, type Database, inTransaction } from '../store';
import { createStagingTable, laterOf, type PullState } from './stagedPull';

const pulledFields = [
  'id',
  'identifier',
  'description',
  'inactiveFlag',
  'productClass',
  'vendorSku',
  'integrationXRef',
  '_info',
];

const columns = [
  'id',
  'identifier',
  'description',
  'product_class',
  'inactive',
  'vendor_sku',
  'integration_xref',
  'last_updated',
];

export const bundleRefusal = 'ConnectWise cannot add a Bundle to an Agreement';

/**
 * The ConnectWise catalog items Offers are mapped to. A catalog is small next to the Companies,
 * so every pull takes it whole; it is staged and swapped in at once, and an item no longer
 * returned is kept, flagged deleted.
 */
export function createCatalogRecords(db: Database, pulls: PullState, now: () => Date) {
  const staged = createStagingTable(db, 'staging_catalog_item', columns, 'id');

  function stage(item: CatalogItem): void {
    staged.add([
      item.id,
      item.identifier,
      item.description?.trim() || null,
      item.productClass ?? null,
      item.inactiveFlag ? 1 : 0,
      item.vendorSku?.trim() || null,
      item.integrationXRef?.trim() || null,
      item._info?.lastUpdated ?? null,
    ]);
  }

  return {
    async pull(client: ConnectWiseClient, siteUrl: string, job: Job): Promise<number> {
      staged.clear();
      try {
        let received = 0;
        let watermark: string | null = null;
        for await (const page of client.catalog.stream(
          { fields: pulledFields },
          { signal: job.signal },
        )) {
          job.throwIfCancelled();
          for (const item of page) {
            stage(item);
            watermark = laterOf(watermark, item._info?.lastUpdated);
          }
          received += page.length;
          job.progress({
            done: received,
            message: `${received} ConnectWise catalog items received`,
          });
        }
        staged.flush();
        job.throwIfCancelled();
        const pulledAt = now().toISOString();
        const assignments = columns
          .filter((column) => column !== 'id')
          .map((column) => `${column} = excluded.${column}`)
          .join(', ');
        inTransaction(db, () => {
          db.prepare(
            'UPDATE cw_catalog_item SET deleted = 1 WHERE id NOT IN (SELECT id FROM staging_catalog_item)',
          ).run();
          db.prepare(
            `INSERT INTO cw_catalog_item (${columns.join(', ')}, deleted, pulled_at)
             SELECT ${columns.join(', ')}, 0, ? FROM staging_catalog_item WHERE true
             ON CONFLICT (id) DO UPDATE SET ${assignments}, deleted = 0, pulled_at = excluded.pulled_at`,
          ).run(pulledAt);
          pulls.set('catalog', { siteUrl, watermark, pulledAt });
        });
        return received;
      } finally {
        staged.clear();
      }
    },

    /** Active catalog items for the Product picker; Bundles come disabled, with the reason. */
    search(query: { search: string; limit: number }): CatalogChoice[] {
      const where = ['deleted = 0', 'inactive = 0'];
      const params: Array<string | number> = [];
      const term = query.search.trim();
      if (term) {
        const like = containing(term);
        where.push(
          `(identifier LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\' OR vendor_sku LIKE ? ESCAPE '\\')`,
        );
        params.push(like, like, like);
      }
      const rows = db
        .prepare(
          `SELECT id, identifier, description, product_class FROM cw_catalog_item
           WHERE ${where.join(' AND ')} ORDER BY identifier COLLATE NOCASE, id LIMIT ?`,
        )
        .all(...params, query.limit) as Array<{
        id: number;
        identifier: string;
        description: string | null;
        product_class: string | null;
      }>;
      return rows.map(choiceOf);
    },

    /** Some items by id, as the picker shows them (inactive and deleted ones too). */
    byIds(ids: readonly number[]): CatalogChoice[] {
      if (ids.length === 0) return [];
      const rows = db
        .prepare(
          `SELECT id, identifier, description, product_class FROM cw_catalog_item
           WHERE id IN (${ids.map(() => '?').join(', ')})`,
        )
        .all(...ids) as Parameters<typeof choiceOf>[0][];
      return rows.map(choiceOf);
    },

    /** Why an item cannot be mapped to (unknown, deleted, inactive, a Bundle), or null. */
    refusalOf(id: number): string | null {
      const row = db
        .prepare('SELECT deleted, inactive, product_class FROM cw_catalog_item WHERE id = ?')
        .get(id) as { deleted: number; inactive: number; product_class: string | null } | undefined;
      if (!row)
        return `ConnectWise has no catalog item ${id} in the loaded catalog: load products again.`;
      if (row.deleted) return `The catalog item ${id} was deleted in ConnectWise.`;
      if (row.inactive) return `The catalog item ${id} is inactive in ConnectWise.`;
      if (row.product_class === 'Bundle') return `${bundleRefusal}.`;
      return null;
    },

    /** The items mapping may suggest: active, not deleted, not Bundles. */
    candidates(): Array<{
      id: number;
      identifier: string;
      description: string | null;
      vendorSku: string | null;
      integrationXRef: string | null;
    }> {
      return db
        .prepare(
          `SELECT id, identifier, description, vendor_sku AS vendorSku, integration_xref AS integrationXRef
           FROM cw_catalog_item WHERE deleted = 0 AND inactive = 0 AND COALESCE(product_class, '') <> 'Bundle'`,
        )
        .all() as Array<{
        id: number;
        identifier: string;
        description: string | null;
        vendorSku: string | null;
        integrationXRef: string | null;
      }>;
    },
  };
}

function choiceOf(row: {
  id: number;
  identifier: string;
  description: string | null;
  product_class: string | null;
}): CatalogChoice {
  return {
    id: row.id,
    identifier: row.identifier,
    description: row.description,
    productClass: row.product_class,
    disabledBecause: row.product_class === 'Bundle' ? bundleRefusal : null,
  };
}

export type CatalogRecords = ReturnType<typeof createCatalogRecords>;
