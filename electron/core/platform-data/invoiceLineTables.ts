import type { EditLinesResult, LineEdit } from '@shared/contract';
import {
  type InvoicePeriod,
  invoiceLineFields,
  invoiceLineValues,
  type PlatformInvoiceLine,
} from '@shared/platformInvoiceLine';
import { type Database, inTransaction } from '../store';
import { createStagedSearchValues } from './invoiceLineSearch';
import { oldestKeptPeriod, periodOf } from './invoicePeriods';
import type { LoadHistory } from './loadHistory';
import { createStagedPlatformRecords } from './stagedPlatformRecords';

type SqlValue = string | number | null;

function assignmentsOf(edit: LineEdit): [string, SqlValue[]] {
  switch (edit.field) {
    case 'included':
      return ['override_included = ?', [edit.included ? null : 0]];
    case 'dates': {
      const columns: string[] = [];
      const values: SqlValue[] = [];
      if (edit.chargeStart !== undefined) {
        columns.push('override_charge_start = ?');
        values.push(edit.chargeStart);
      }
      if (edit.chargeEnd !== undefined) {
        columns.push('override_charge_end = ?');
        values.push(edit.chargeEnd);
      }
      return [columns.join(', '), values];
    }
    case 'company':
      return [
        'override_company_id = ?, override_agreement_id = NULL, override_agreement_name = NULL',
        [edit.companyId],
      ];
    case 'agreement':
      return [
        'override_agreement_id = ?, override_agreement_name = ?',
        [edit.agreement?.id ?? null, edit.agreement?.name ?? null],
      ];
  }
}

export interface PeriodLoadSummary {
  period: InvoicePeriod;
  lines: number;
  removed: number;
  keptSynced: number;
}

const columns = invoiceLineFields.map(({ column }) => column);
const columnList = ['period', ...columns].join(', ');
/** Lines staged per write: big enough to be fast, small enough to stay a short transaction. */
const stagingBatch = 5000;
/** What a line bills: a change to any of these after a sync is "Changed since sync". */
const billedColumns = [
  'offer_id',
  'charge_type',
  'billing_cycle',
  'quantity',
  'unit_price',
  'unit_cost',
  'currency',
  'charge_start_date',
  'charge_end_date',
] as const;
/** Lines a sync has posted: the `invoice_line_sync` view is the one place that knows. */
const syncedLineIds = 'SELECT line_id FROM invoice_line_sync WHERE synced';

/**
 * The writes to the Platform-data tables: a load is staged in a temporary table (in batches,
 * each its own short transaction, never open while the source is read), then swapped in by one
 * synchronous transaction. A rejected or cancelled load changes nothing, synced lines are never
 * touched, and the user's overrides of a line survive a re-load that still contains it.
 */
export function createInvoiceLineTables(db: Database, history: LoadHistory, now: () => Date) {
  db.exec(
    `CREATE TEMP TABLE IF NOT EXISTS staging_line AS SELECT ${columnList} FROM invoice_line WHERE 0`,
  );
  db.exec('CREATE UNIQUE INDEX IF NOT EXISTS temp.staging_line_id ON staging_line (line_id)');
  const insertStaged = db.prepare(
    `INSERT INTO staging_line (${columnList}) VALUES (${['period', ...columns].map(() => '?').join(', ')})
     ON CONFLICT (line_id) DO NOTHING`,
  );
  const insertSearchValues = db.prepare(
    `INSERT INTO invoice_line_search_value (period, column_name, value)
     SELECT ?, ?, value FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`,
  );
  let pending: PlatformInvoiceLine[] = [];
  // Collected while staging: reading them back from the staged lines would add 300 ms to a load.
  const stagedSearchValues = createStagedSearchValues();
  const stagedRecords = createStagedPlatformRecords();

  function flush(): void {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    inTransaction(db, () => {
      for (const line of batch) {
        const period = periodOf(line.invoiceDate);
        // A line id given twice (a Platform page repeated): the first stays, as staged.
        if (insertStaged.run(period, ...invoiceLineValues(line)).changes === 0) continue;
        stagedSearchValues.add(period, line);
        stagedRecords.add(period, line);
      }
    });
  }

  function clearStaging(): void {
    pending = [];
    stagedSearchValues.clear();
    stagedRecords.clear();
    db.exec('DELETE FROM staging_line');
  }

  return {
    /** Applies one edit to the unsynced lines among these; synced lines are read-only. */
    edit(period: InvoicePeriod, lineIds: readonly string[], edit: LineEdit): EditLinesResult {
      const [assignments, values] = assignmentsOf(edit);
      const scope = `period = ? AND line_id IN (SELECT value FROM json_each(?))`;
      const ids = JSON.stringify(lineIds);
      const updated = db
        .prepare(
          `UPDATE invoice_line SET ${assignments}, edited_at = ?
           WHERE ${scope} AND line_id NOT IN (${syncedLineIds})`,
        )
        .run(...values, now().toISOString(), period, ids).changes;
      const synced = db
        .prepare(`SELECT COUNT(*) AS n FROM invoice_line_sync WHERE ${scope} AND synced`)
        .get(period, ids) as { n: number };
      return { updated: Number(updated), synced: Number(synced.n) };
    },
    /** Starts a load: a load-history row and an empty staging table. */
    begin(load: Parameters<LoadHistory['begin']>[0]): number {
      clearStaging();
      return history.begin(load);
    },

    stage(line: PlatformInvoiceLine): void {
      pending.push(line);
      if (pending.length >= stagingBatch) flush();
    },

    /** Ends a load that will not be swapped in: the staged lines are dropped. */
    abandon(loadId: number, status: 'rejected' | 'failed' | 'cancelled', problems: number): void {
      clearStaging();
      history.finish(loadId, status, { problems });
    },

    /**
     * Swaps the staged lines into their periods: unsynced lines no longer delivered are removed,
     * delivered lines are inserted or refreshed (overrides kept), synced lines stay exactly as
     * they are. Then months older than the 15 kept are deleted.
     */
    commit(loadId: number, periods: InvoicePeriod[], outsidePeriods: number): PeriodLoadSummary[] {
      flush();
      try {
        return inTransaction(db, () => swapIn(loadId, periods, outsidePeriods));
      } finally {
        clearStaging();
      }
    },
  };

  function swapIn(
    loadId: number,
    periods: InvoicePeriod[],
    outsidePeriods: number,
  ): PeriodLoadSummary[] {
    const placeholders = periods.map(() => '?').join(', ');
    const seenAt = now().toISOString();
    stagedRecords.write(db, seenAt);

    const summaries = periods.map((period) => {
      const removed = db
        .prepare(
          `DELETE FROM invoice_line WHERE period = ?
           AND line_id NOT IN (SELECT line_id FROM staging_line)
           AND line_id NOT IN (${syncedLineIds} AND period = ?)`,
        )
        .run(period, period).changes;
      const keptSynced = (
        db
          .prepare(
            `SELECT COUNT(*) AS n FROM invoice_line_sync WHERE period = ? AND synced
             AND line_id IN (SELECT line_id FROM staging_line)`,
          )
          .get(period) as { n: number }
      ).n;
      return { period, removed: Number(removed), keptSynced: Number(keptSynced) };
    });

    // A synced line is never overwritten; if the Platform now bills it otherwise, the user is
    // told, until a later load says again what was synced.
    const differs = billedColumns
      .map((column) => `s.${column} IS NOT invoice_line.${column}`)
      .join(' OR ');
    db.prepare(
      `UPDATE invoice_line SET changed_since_sync_at =
         CASE WHEN EXISTS (SELECT 1 FROM staging_line s WHERE s.line_id = invoice_line.line_id AND (${differs}))
           THEN COALESCE(changed_since_sync_at, ?) END
       WHERE period IN (${placeholders}) AND line_id IN (${syncedLineIds})
         AND line_id IN (SELECT line_id FROM staging_line)`,
    ).run(seenAt, ...periods);

    const assignments = ['period', ...columns]
      .filter((column) => column !== 'line_id')
      .map((column) => `${column} = excluded.${column}`)
      .join(', ');
    db.prepare(
      `INSERT INTO invoice_line (${columnList}, load_id)
       SELECT ${columnList}, ? FROM staging_line WHERE period IN (${placeholders})
       ON CONFLICT (line_id) DO UPDATE SET ${assignments}, load_id = excluded.load_id
       WHERE invoice_line.line_id NOT IN (${syncedLineIds})`,
    ).run(loadId, ...periods);
    for (const [period, column, values] of stagedSearchValues.byColumn(periods)) {
      insertSearchValues.run(period, column, values);
    }

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

    const oldest = oldestKeptPeriod(now());
    db.prepare('DELETE FROM invoice_line WHERE period < ?').run(oldest);
    db.prepare('DELETE FROM invoice_line_search_value WHERE period < ?').run(oldest);
    db.prepare('DELETE FROM platform_invoice WHERE period < ?').run(oldest);
    history.finish(loadId, 'loaded', {
      lines: result.reduce((sum, r) => sum + r.lines, 0),
      removed: result.reduce((sum, r) => sum + r.removed, 0),
      keptSynced: result.reduce((sum, r) => sum + r.keptSynced, 0),
      outsidePeriods,
    });
    return result;
  }
}

export type InvoiceLineTables = ReturnType<typeof createInvoiceLineTables>;
