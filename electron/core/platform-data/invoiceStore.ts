import type { InvoicePageQuery, LoadedPeriod } from '../../../shared/contract';
import type { InvoicePeriod, PlatformInvoiceLine } from '../../../shared/platformData';
import type { Database } from '../store';
import { oldestKeptPeriod, periodOf } from './invoicePeriods';

/** The Platform columns of a line, in the order of the staging and line tables. */
const platformColumns = [
  'line_id',
  'period',
  'invoice_id',
  'invoice_date',
  'organization_id',
  'organization_name',
  'contract_id',
  'currency',
  'subscription_id',
  'subscription_name',
  'offer_id',
  'offer_name',
  'vendor',
  'charge_type',
  'billing_cycle',
  'quantity',
  'unit_price',
  'unit_cost',
  'charge_start',
  'charge_end',
] as const;

export interface StoredLine {
  line_id: string;
  period: string;
  invoice_id: string;
  invoice_date: string;
  organization_id: string;
  organization_name: string;
  contract_id: string;
  currency: string;
  subscription_id: string;
  subscription_name: string;
  offer_id: string;
  offer_name: string;
  vendor: string | null;
  charge_type: string;
  billing_cycle: string;
  quantity: string;
  unit_price: string;
  unit_cost: string | null;
  charge_start: string;
  charge_end: string;
  override_charge_start: string | null;
  override_charge_end: string | null;
  override_included: number | null;
  sync_status: 'unsynced' | 'synced' | 'failed' | 'cancelled';
  synced_at: string | null;
  cw_addition_id: number | null;
}

export interface PeriodLoadSummary {
  period: InvoicePeriod;
  lines: number;
  removed: number;
  keptSynced: number;
}

const sortExpressions: Record<NonNullable<InvoicePageQuery['sort']>['column'], string> = {
  invoiceId: 'invoice_id',
  invoiceDate: 'invoice_date',
  organizationName: 'organization_name COLLATE NOCASE',
  contractId: 'contract_id',
  subscriptionName: 'subscription_name COLLATE NOCASE',
  offerName: 'offer_name COLLATE NOCASE',
  chargeType: 'charge_type',
  billingCycle: 'billing_cycle',
  // Sorting only: money itself is never computed as a float.
  quantity: 'CAST(quantity AS REAL)',
  unitPrice: 'CAST(unit_price AS REAL)',
  unitCost: 'CAST(unit_cost AS REAL)',
  currency: 'currency',
  chargeStart: 'charge_start',
  chargeEnd: 'charge_end',
  status: 'sync_status',
};

/**
 * Invoice lines in SQLite. A load is staged first (a temporary table), then swapped in by one
 * transaction: a rejected or cancelled load changes nothing, and a period's synced lines are
 * never touched. User overrides of a line survive a re-load that still contains the line.
 */
export function createInvoiceStore(db: Database, now: () => Date) {
  db.exec(
    `CREATE TEMP TABLE IF NOT EXISTS staging_line AS SELECT ${platformColumns.join(', ')} FROM invoice_line WHERE 0`,
  );
  db.exec('CREATE UNIQUE INDEX IF NOT EXISTS temp.staging_line_id ON staging_line (line_id)');
  const stage = db.prepare(
    `INSERT INTO staging_line (${platformColumns.join(', ')}) VALUES (${platformColumns.map(() => '?').join(', ')})
     ON CONFLICT (line_id) DO NOTHING`,
  );
  const insertLoad = db.prepare(
    `INSERT INTO load_history (periods, source, source_name, started_at, status, actor)
     VALUES (?, ?, ?, ?, 'running', ?)`,
  );
  const finishLoad = db.prepare(
    `UPDATE load_history SET status = ?, finished_at = ?, lines = ?, removed = ?, kept_synced = ?,
       outside_periods = ?, problems = ? WHERE id = ?`,
  );

  let pendingInTransaction = 0;

  return {
    /** Starts a load: a load_history row and an empty staging table. */
    begin(load: {
      periods: InvoicePeriod[];
      source: 'platform' | 'file';
      sourceName: string | null;
      actor: string;
    }): number {
      db.exec('DELETE FROM staging_line');
      const result = insertLoad.run(
        JSON.stringify(load.periods),
        load.source,
        load.sourceName,
        now().toISOString(),
        load.actor,
      );
      return Number(result.lastInsertRowid);
    },

    /** Stages one line; batches writes in transactions of 5,000 rows. */
    stage(line: PlatformInvoiceLine): void {
      if (pendingInTransaction === 0) db.exec('BEGIN');
      stage.run(
        line.lineId,
        periodOf(line.invoiceDate),
        line.invoiceId,
        line.invoiceDate,
        line.organizationId,
        line.organizationName,
        line.contractId,
        line.currency,
        line.subscriptionId,
        line.subscriptionName,
        line.offerId,
        line.offerName,
        line.vendor,
        line.chargeType,
        line.billingCycle,
        line.quantity,
        line.unitPrice,
        line.unitCost,
        line.chargeStart,
        line.chargeEnd,
      );
      pendingInTransaction += 1;
      if (pendingInTransaction >= 5000) {
        db.exec('COMMIT');
        pendingInTransaction = 0;
      }
    },

    /** Ends a load that will not be swapped in: the staged lines are dropped. */
    abandon(
      loadId: number,
      status: 'rejected' | 'failed' | 'cancelled',
      counts: { problems: number },
    ): void {
      if (pendingInTransaction > 0) db.exec('COMMIT');
      pendingInTransaction = 0;
      db.exec('DELETE FROM staging_line');
      finishLoad.run(status, now().toISOString(), 0, 0, 0, 0, counts.problems, loadId);
    },

    /**
     * Swaps the staged lines into their periods in one transaction: unsynced lines no longer
     * delivered are removed, delivered lines are inserted or refreshed (overrides kept), synced
     * lines stay exactly as they are. Then months older than the 15 kept are deleted.
     */
    commit(loadId: number, periods: InvoicePeriod[], outsidePeriods: number): PeriodLoadSummary[] {
      if (pendingInTransaction > 0) db.exec('COMMIT');
      pendingInTransaction = 0;
      const placeholders = periods.map(() => '?').join(', ');
      db.exec('BEGIN IMMEDIATE');
      try {
        const seenAt = now().toISOString();
        db.prepare(
          `INSERT INTO platform_organization (id, name, seen_at)
           SELECT organization_id, organization_name, ? FROM staging_line WHERE true GROUP BY organization_id
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, seen_at = excluded.seen_at`,
        ).run(seenAt);
        db.prepare(
          `INSERT INTO platform_offer (id, name, vendor, seen_at)
           SELECT offer_id, offer_name, vendor, ? FROM staging_line WHERE true GROUP BY offer_id
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, vendor = excluded.vendor, seen_at = excluded.seen_at`,
        ).run(seenAt);
        db.prepare(
          `INSERT INTO platform_contract (id, organization_id, seen_at)
           SELECT contract_id, organization_id, ? FROM staging_line WHERE true GROUP BY contract_id
           ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id, seen_at = excluded.seen_at`,
        ).run(seenAt);
        db.prepare(
          `INSERT INTO platform_invoice (id, period, invoice_date, organization_id, currency)
           SELECT invoice_id, period, invoice_date, organization_id, currency FROM staging_line WHERE true
           GROUP BY invoice_id
           ON CONFLICT (id) DO UPDATE SET period = excluded.period, invoice_date = excluded.invoice_date,
             organization_id = excluded.organization_id, currency = excluded.currency`,
        ).run();

        const summaries = periods.map((period) => {
          const removed = db
            .prepare(
              `DELETE FROM invoice_line WHERE period = ? AND sync_status <> 'synced'
               AND line_id NOT IN (SELECT line_id FROM staging_line)`,
            )
            .run(period).changes;
          const keptSynced = (
            db
              .prepare(
                `SELECT COUNT(*) AS n FROM invoice_line WHERE period = ? AND sync_status = 'synced'
                 AND line_id IN (SELECT line_id FROM staging_line)`,
              )
              .get(period) as { n: number }
          ).n;
          return { period, removed: Number(removed), keptSynced: Number(keptSynced) };
        });

        const assignments = platformColumns
          .filter((column) => column !== 'line_id')
          .map((column) => `${column} = excluded.${column}`)
          .join(', ');
        db.prepare(
          `INSERT INTO invoice_line (${platformColumns.join(', ')}, load_id)
           SELECT ${platformColumns.join(', ')}, ? FROM staging_line WHERE period IN (${placeholders})
           ON CONFLICT (line_id) DO UPDATE SET ${assignments}, load_id = excluded.load_id
           WHERE invoice_line.sync_status <> 'synced'`,
        ).run(loadId, ...periods);

        const counts = new Map(
          (
            db
              .prepare(
                `SELECT period, COUNT(*) AS n FROM staging_line WHERE period IN (${placeholders}) GROUP BY period`,
              )
              .all(...periods) as Array<{ period: string; n: number }>
          ).map((row) => [row.period, Number(row.n)]),
        );
        const result = summaries.map((summary) => ({
          ...summary,
          lines: counts.get(summary.period) ?? 0,
        }));

        db.prepare('DELETE FROM invoice_line WHERE period < ?').run(oldestKeptPeriod(now()));
        db.prepare('DELETE FROM platform_invoice WHERE period < ?').run(oldestKeptPeriod(now()));
        finishLoad.run(
          'loaded',
          now().toISOString(),
          result.reduce((sum, r) => sum + r.lines, 0),
          result.reduce((sum, r) => sum + r.removed, 0),
          result.reduce((sum, r) => sum + r.keptSynced, 0),
          outsidePeriods,
          0,
          loadId,
        );
        db.exec('COMMIT');
        db.exec('DELETE FROM staging_line');
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        db.exec('DELETE FROM staging_line');
        throw error;
      }
    },

    /** Months with lines, newest first, with their last successful load. */
    periods(): LoadedPeriod[] {
      const rows = db
        .prepare(
          `SELECT l.period AS period, COUNT(*) AS lines,
             SUM(CASE WHEN l.sync_status = 'synced' THEN 1 ELSE 0 END) AS synced,
             (SELECT h.finished_at FROM load_history h WHERE h.status = 'loaded' AND h.periods LIKE '%"' || l.period || '"%'
              ORDER BY h.id DESC LIMIT 1) AS lastLoadedAt,
             (SELECT h.source FROM load_history h WHERE h.status = 'loaded' AND h.periods LIKE '%"' || l.period || '"%'
              ORDER BY h.id DESC LIMIT 1) AS source,
             (SELECT h.source_name FROM load_history h WHERE h.status = 'loaded' AND h.periods LIKE '%"' || l.period || '"%'
              ORDER BY h.id DESC LIMIT 1) AS sourceName
           FROM invoice_line l WHERE l.period >= ? GROUP BY l.period ORDER BY l.period DESC`,
        )
        .all(oldestKeptPeriod(now())) as Array<Record<string, unknown>>;
      return rows.map((row) => ({
        period: String(row.period),
        lines: Number(row.lines),
        synced: Number(row.synced),
        lastLoadedAt: String(row.lastLoadedAt ?? ''),
        source: row.source === 'file' ? 'file' : 'platform',
        sourceName:
          row.sourceName === null || row.sourceName === undefined ? null : String(row.sourceName),
      }));
    },

    /** One page of a period's lines; filtering, sorting and paging happen here, in SQLite. */
    page(query: InvoicePageQuery): { rows: StoredLine[]; total: number } {
      const where = ['period = ?'];
      const params: Array<string | number> = [query.period];
      if (query.search?.trim()) {
        const term = `%${query.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        where.push(
          `(organization_name LIKE ? ESCAPE '\\' OR subscription_name LIKE ? ESCAPE '\\' OR offer_name LIKE ? ESCAPE '\\'
            OR invoice_id LIKE ? ESCAPE '\\' OR contract_id LIKE ? ESCAPE '\\' OR offer_id LIKE ? ESCAPE '\\')`,
        );
        params.push(term, term, term, term, term, term);
      }
      if (query.chargeType) {
        where.push('charge_type = ?');
        params.push(query.chargeType);
      }
      if (query.billingCycle) {
        where.push('billing_cycle = ?');
        params.push(query.billingCycle);
      }
      if (query.status) {
        // Until mapping exists an unsynced line is "Not Mapped"; "Ready"/"Excluded" come with it.
        const byStatus: Record<string, string> = {
          Synced: "sync_status = 'synced'",
          Failed: "sync_status = 'failed'",
          Cancelled: "sync_status = 'cancelled'",
          'Not Mapped': "sync_status = 'unsynced'",
          Ready: '0',
          Excluded: '0',
        };
        where.push(byStatus[query.status] ?? '0');
      }
      const filter = where.join(' AND ');
      const total = Number(
        (
          db.prepare(`SELECT COUNT(*) AS n FROM invoice_line WHERE ${filter}`).get(...params) as {
            n: number;
          }
        ).n,
      );
      const sort = query.sort ?? { column: 'invoiceDate', direction: 'asc' };
      const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
      const rows = db
        .prepare(
          `SELECT * FROM invoice_line WHERE ${filter}
           ORDER BY ${sortExpressions[sort.column]} ${direction}, line_id ${direction} LIMIT ? OFFSET ?`,
        )
        .all(...params, query.limit, query.offset) as unknown as StoredLine[];
      return { rows, total };
    },

    /** For tests and other capabilities: one line as stored. */
    line(lineId: string): StoredLine | null {
      return (
        (db
          .prepare('SELECT * FROM invoice_line WHERE line_id = ?')
          .get(lineId) as unknown as StoredLine) ?? null
      );
    },
  };
}

export type InvoiceStore = ReturnType<typeof createInvoiceStore>;
