import type { BillingCycle, ChargeType } from '@shared/chargeDateVocabulary';
import type { InvoicePageQuery, LineStatus, LoadedPeriod } from '@shared/contract';
import type { Database } from '../store';
import { createLineSearch } from './invoiceLineSearch';
import { oldestKeptPeriod } from './invoicePeriods';

/** A row of the `invoice_line_status` view: a stored line with its one status. */
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
  charge_type: ChargeType;
  billing_cycle: BillingCycle;
  quantity: string;
  unit_price: string;
  unit_cost: string | null;
  charge_start_date: string;
  charge_end_date: string;
  override_charge_start: string | null;
  override_charge_end: string | null;
  override_included: number | null;
  status: LineStatus;
  status_detail: string | null;
  /** Mapped and included? What a posting run starts from, whatever a sync made of it before. */
  mapping_readiness: Extract<LineStatus, 'Ready' | 'Not Mapped' | 'Needs attention' | 'Excluded'>;
  mapping_readiness_detail: string | null;
  psa_organization_name: string | null;
  psa_product_name: string | null;
  override_company_id: number | null;
  override_agreement_id: number | null;
  override_agreement_name: string | null;
  edited_at: string | null;
  changed_since_sync_at: string | null;
  synced: number;
  psa_agreement_name: string | null;
  addition_id: number | null;
  synced_at: string | null;
  sent_values: string | null;
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
  chargeStart: 'charge_start_date',
  chargeEnd: 'charge_end_date',
  status: 'status',
};

/** The Invoices grid's reads of the Platform-data tables, through the line status view. */
export function createInvoiceLineQueries(db: Database, now: () => Date) {
  const lastLoad = (column: string) =>
    `(SELECT h.${column} FROM load_history h WHERE h.status = 'loaded' AND h.periods LIKE '%"' || l.period || '"%'
      ORDER BY h.id DESC LIMIT 1)`;
  const selectPeriods = db.prepare(
    `SELECT l.period AS period, COUNT(*) AS lines, SUM(l.synced) AS synced,
       ${lastLoad('finished_at')} AS lastLoadedAt, ${lastLoad('source')} AS source,
       ${lastLoad('source_name')} AS sourceName
     FROM invoice_line_sync l WHERE l.period >= ? GROUP BY l.period ORDER BY l.period DESC`,
  );
  const selectStatusCounts = db.prepare(
    'SELECT status, COUNT(*) AS lines FROM invoice_line_status WHERE period = ? GROUP BY status',
  );
  const selectChanges = db.prepare('SELECT total_changes() AS n');
  const selectNewestPeriod = db.prepare('SELECT MAX(period) AS period FROM invoice_line');
  const countsKept = new Map<
    string,
    { changes: number; counts: Array<{ status: LineStatus; lines: number }> }
  >();
  const linesContaining = createLineSearch(db);

  /**
   * A month's lines by status. Deciding every line's status takes a few hundred milliseconds at
   * 100,000 lines, so the answer is kept until anything in the database changes (this connection
   * is the only writer).
   */
  function statusCounts(period: string): Array<{ status: LineStatus; lines: number }> {
    const changes = Number((selectChanges.get() as { n: number }).n);
    const kept = countsKept.get(period);
    if (kept?.changes === changes) return kept.counts;
    const counts = selectStatusCounts.all(period) as Array<{ status: LineStatus; lines: number }>;
    countsKept.set(period, { changes, counts });
    return counts;
  }

  function count(from: string, condition: string, params: Array<string | number>): number {
    const row = db.prepare(`SELECT COUNT(*) AS n FROM ${from} WHERE ${condition}`).get(...params);
    return Number((row as { n: number }).n);
  }

  return {
    /** Months with lines, newest first, with their last successful load. */
    periods(): LoadedPeriod[] {
      const rows = selectPeriods.all(oldestKeptPeriod(now())) as Array<Record<string, unknown>>;
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

    /** The lines of a month (or of it, these ones) that are not synced, with their status. */
    unsyncedLines(period: string, lineIds?: readonly string[]): StoredLine[] {
      const scope = lineIds ? 'AND line_id IN (SELECT value FROM json_each(?))' : '';
      const params: string[] = lineIds ? [period, JSON.stringify(lineIds)] : [period];
      return db
        .prepare(
          `SELECT * FROM invoice_line_status WHERE period = ? AND NOT synced ${scope} ORDER BY line_id`,
        )
        .all(...params) as unknown as StoredLine[];
    },

    /** The newest month with lines, or null: read from the period index alone. */
    newestPeriod(): string | null {
      return (selectNewestPeriod.get() as { period: string | null }).period;
    },

    /** A month's lines by status (the Dashboard's "at a glance"). */
    statusCounts,

    /** Which of these lines are synced already. */
    syncedAmong(period: string, lineIds?: readonly string[]): string[] {
      const scope = lineIds ? 'AND line_id IN (SELECT value FROM json_each(?))' : '';
      const params: string[] = lineIds ? [period, JSON.stringify(lineIds)] : [period];
      return (
        db
          .prepare(`SELECT line_id FROM invoice_line_sync WHERE period = ? AND synced ${scope}`)
          .all(...params) as Array<{ line_id: string }>
      ).map((row) => row.line_id);
    },

    /** The newest month with lines, and every line of it (synced or not). */
    newestMonth(): { period: string; lines: StoredLine[] } | null {
      const newest = (
        db.prepare('SELECT MAX(period) AS period FROM invoice_line').get() as {
          period: string | null;
        }
      ).period;
      if (!newest) return null;
      const lines = db
        .prepare('SELECT * FROM invoice_line_status WHERE period = ?')
        .all(newest) as unknown as StoredLine[];
      return { period: newest, lines };
    },

    /** One page of a period's lines; filtering, sorting and paging happen here, in SQLite. */
    page(query: InvoicePageQuery): { rows: StoredLine[]; total: number } {
      const where = ['period = ?'];
      const params: Array<string | number> = [query.period];
      if (query.search?.trim()) {
        const found = linesContaining(query.period, query.search);
        // Lines fetched through an index: `+period` keeps SQLite from walking the whole month
        // in page order instead.
        if (found.fetched) where[0] = '+period = ?';
        where.push(found.condition);
        params.push(...found.params);
      }
      if (query.chargeType) {
        where.push('charge_type = ?');
        params.push(query.chargeType);
      }
      if (query.billingCycle) {
        where.push('billing_cycle = ?');
        params.push(query.billingCycle);
      }
      const filter = where.join(' AND ');
      const sort = query.sort ?? { column: 'invoiceDate', direction: 'asc' };
      const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
      const order = `ORDER BY ${sortExpressions[sort.column]} ${direction}, line_id ${direction}`;
      // A page that is not full is the last one: it says the total without counting again.
      const totalWith = (shown: number, count: () => number) =>
        shown < query.limit && (shown > 0 || query.offset === 0) ? query.offset + shown : count();
      const countLines = () => count('invoice_line', filter, params);
      if (query.status || sort.column === 'status') {
        // Status decides which lines: it is computed for every line of the month.
        const byStatus = query.status ? `${filter} AND status = ?` : filter;
        const withStatus = query.status ? [...params, query.status] : params;
        const rows = db
          .prepare(`SELECT * FROM invoice_line_status WHERE ${byStatus} ${order} LIMIT ? OFFSET ?`)
          .all(...withStatus, query.limit, query.offset) as unknown as StoredLine[];
        const status = query.status;
        return {
          rows,
          total: totalWith(rows.length, () => {
            // A line has exactly one status: sorted by it, not filtered, the lines are counted.
            if (!status) return countLines();
            // Filtered by status alone: the month's counts by status, kept until a change.
            if (where.length === 1) {
              return (
                statusCounts(query.period).find((counted) => counted.status === status)?.lines ?? 0
              );
            }
            return count('invoice_line_status', byStatus, withStatus);
          }),
        };
      }
      // Otherwise the page is chosen from the lines themselves (by index), and status is
      // computed for its rows only.
      const ids = (
        db
          .prepare(`SELECT line_id FROM invoice_line WHERE ${filter} ${order} LIMIT ? OFFSET ?`)
          .all(...params, query.limit, query.offset) as Array<{ line_id: string }>
      ).map((row) => row.line_id);
      const total = totalWith(ids.length, countLines);
      const byId = new Map(
        (
          db
            .prepare(
              'SELECT * FROM invoice_line_status WHERE line_id IN (SELECT value FROM json_each(?))',
            )
            .all(JSON.stringify(ids)) as unknown as StoredLine[]
        ).map((row) => [row.line_id, row]),
      );
      const rows = ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [row] : [];
      });
      return { rows, total };
    },
  };
}

export type InvoiceLineQueries = ReturnType<typeof createInvoiceLineQueries>;
