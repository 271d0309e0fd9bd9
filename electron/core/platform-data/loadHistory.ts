import type { InvoicePeriod } from '@shared/platformInvoiceLine';
import type { Database } from '../store';

export type LoadSource = 'platform' | 'file';
export type FinishedLoadStatus = 'loaded' | 'rejected' | 'failed' | 'cancelled';

export interface LoadCounts {
  lines: number;
  removed: number;
  keptSynced: number;
  outsidePeriods: number;
  problems: number;
}

const noCounts: LoadCounts = {
  lines: 0,
  removed: 0,
  keptSynced: 0,
  outsidePeriods: 0,
  problems: 0,
};

/**
 * Every load of invoice lines, whatever became of it. A row is "running" only while its load
 * runs: a load the app did not see to its end (killed, crashed, the power went) is marked
 * "interrupted" the next time the app starts.
 */
export function createLoadHistory(db: Database, now: () => Date) {
  const insert = db.prepare(
    `INSERT INTO load_history (periods, source, source_name, started_at, status, actor)
     VALUES (?, ?, ?, ?, 'running', ?)`,
  );
  const finish = db.prepare(
    `UPDATE load_history SET status = ?, finished_at = ?, lines = ?, removed = ?, kept_synced = ?,
       outside_periods = ?, problems = ? WHERE id = ?`,
  );
  const interrupt = db.prepare(
    "UPDATE load_history SET status = 'interrupted', finished_at = ? WHERE status = 'running'",
  );

  return {
    begin(load: {
      periods: InvoicePeriod[];
      source: LoadSource;
      sourceName: string | null;
      actor: string;
    }): number {
      const result = insert.run(
        JSON.stringify(load.periods),
        load.source,
        load.sourceName,
        now().toISOString(),
        load.actor,
      );
      return Number(result.lastInsertRowid);
    },

    finish(loadId: number, status: FinishedLoadStatus, counts: Partial<LoadCounts> = {}): void {
      const c = { ...noCounts, ...counts };
      finish.run(
        status,
        now().toISOString(),
        c.lines,
        c.removed,
        c.keptSynced,
        c.outsidePeriods,
        c.problems,
        loadId,
      );
    },

    /** At start-up: no load runs yet, so one still "running" was cut off. Returns how many. */
    markInterrupted(): number {
      return Number(interrupt.run(now().toISOString()).changes);
    },
  };
}

export type LoadHistory = ReturnType<typeof createLoadHistory>;
