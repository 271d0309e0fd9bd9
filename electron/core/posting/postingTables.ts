import { createHash } from 'node:crypto';
import type { PostedDay, PostingRunRow } from '@shared/contract';
import type { ShownLine } from '../platform-data';
import { type Database, inTransaction } from '../store';
import type { PostedRecurringAddition } from './plan';

export type JournalOperation =
  | 'createAgreement'
  | 'cancelAgreement'
  | 'createAddition'
  | 'updateAddition'
  | 'cancelAddition'
  | 'deleteAddition';

/** What a synced line shows from then on: what was sent, where, when. */
export interface SentValues {
  company: { id: number; name: string };
  agreement: { id: number; name: string };
  product: { id: number; name: string };
  marker: string;
  values: Record<string, unknown>;
  /** This line's own dates and charge-type name as sent: the grid shows them, not today's rules. */
  line?: ShownLine;
}

export type RecurringAddition = PostedRecurringAddition;

/**
 * The posting engine's records: runs, the journal of every write (its intent committed before
 * the request goes out, its result after), the recurring Additions it created, and each line's
 * outcome. Each write here is one short transaction of its own, so it is on disk before the next
 * request to ConnectWise is sent.
 */
export function createPostingTables(db: Database, now: () => Date) {
  const stamp = () => now().toISOString();
  const insertRun = db.prepare(
    `INSERT INTO posting_run (started_at, actor, trigger, site_url, status) VALUES (?, ?, ?, ?, 'running')`,
  );
  const finishRun = db.prepare(
    'UPDATE posting_run SET finished_at = ?, status = ?, summary = ? WHERE id = ?',
  );
  const insertIntent = db.prepare(
    `INSERT INTO posting_journal (run_id, operation, marker, agreement_id, payload, payload_hash,
       line_ids, state, intent_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'intent', ?)`,
  );
  const recordResult = db.prepare(
    'UPDATE posting_journal SET state = ?, result_id = ?, error = ?, result_at = ? WHERE id = ?',
  );
  // The line's own amount and currency go with its result, so what was posted per day is read
  // from this table alone (the Dashboard's chart). A line no longer loaded gets no result (its
  // result would go with it anyway); the journal keeps what was written for it.
  const upsertResult = db.prepare(
    `INSERT INTO line_sync_result (line_id, status, at, addition_id, sent_values, reason, amount, currency)
     SELECT ?1, ?2, ?3, ?4, ?5, ?6, CAST(l.quantity AS REAL) * CAST(l.unit_price AS REAL), l.currency
     FROM invoice_line l WHERE l.line_id = ?1
     ON CONFLICT (line_id) DO UPDATE SET status = excluded.status, at = excluded.at,
       addition_id = excluded.addition_id, sent_values = excluded.sent_values, reason = excluded.reason,
       amount = excluded.amount, currency = excluded.currency`,
  );
  const upsertRecurring = db.prepare(
    `INSERT INTO posted_recurring (marker, agreement_id, addition_id, contract_id, subscription_id,
       charge_type, subscription_name, last_platform_charge_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (marker) DO UPDATE SET agreement_id = excluded.agreement_id,
       addition_id = excluded.addition_id, subscription_name = excluded.subscription_name,
       last_platform_charge_end =
         MAX(posted_recurring.last_platform_charge_end, excluded.last_platform_charge_end),
       cancelled_date = NULL`,
  );

  return {
    /** At start-up: a run still "running" was cut off; a write still an intent has an unknown outcome. */
    markInterrupted(): { runs: number; unknownWrites: number } {
      return inTransaction(db, () => ({
        runs: Number(
          db
            .prepare(
              "UPDATE posting_run SET status = 'interrupted', finished_at = ? WHERE status = 'running'",
            )
            .run(stamp()).changes,
        ),
        unknownWrites: Number(
          db.prepare("UPDATE posting_journal SET state = 'unknown' WHERE state = 'intent'").run()
            .changes,
        ),
      }));
    },

    startRun(run: { actor: string; trigger: 'manual' | 'automatic'; siteUrl: string }): number {
      return Number(insertRun.run(stamp(), run.actor, run.trigger, run.siteUrl).lastInsertRowid);
    },

    finishRun(runId: number, status: 'completed' | 'cancelled' | 'failed', summary: unknown): void {
      finishRun.run(stamp(), status, JSON.stringify(summary), runId);
    },

    /** Committed before the request is sent: what the app is about to write, and why. */
    intent(entry: {
      runId: number;
      operation: JournalOperation;
      marker: string;
      agreementId: number | null;
      payload: unknown;
      lineIds: readonly string[];
    }): number {
      const payload = JSON.stringify(entry.payload);
      return Number(
        insertIntent.run(
          entry.runId,
          entry.operation,
          entry.marker,
          entry.agreementId,
          payload,
          createHash('sha256').update(payload).digest('hex'),
          JSON.stringify(entry.lineIds),
          stamp(),
        ).lastInsertRowid,
      );
    },

    result(
      journalId: number,
      outcome:
        | { state: 'done'; resultId: number | null }
        | { state: 'failed' | 'unknown'; error: string },
    ): void {
      recordResult.run(
        outcome.state,
        outcome.state === 'done' ? outcome.resultId : null,
        outcome.state === 'done' ? null : outcome.error,
        stamp(),
        journalId,
      );
    },

    /** The lines an Addition now carries: "Synced", with what was sent. */
    synced(
      lineIds: readonly string[],
      additionId: number,
      sent: SentValues,
      lineOf: (lineId: string) => ShownLine | undefined = () => undefined,
    ): void {
      const at = stamp();
      inTransaction(db, () => {
        for (const lineId of lineIds) {
          const values = JSON.stringify({ ...sent, line: lineOf(lineId) });
          upsertResult.run(lineId, 'synced', at, additionId, values, null);
        }
      });
    },

    failed(lineIds: readonly string[], reason: string): void {
      const at = stamp();
      inTransaction(db, () => {
        for (const lineId of lineIds) upsertResult.run(lineId, 'failed', at, null, null, reason);
      });
    },

    recurring(addition: RecurringAddition): void {
      upsertRecurring.run(
        addition.marker,
        addition.agreementId,
        addition.additionId,
        addition.contractId,
        addition.subscriptionId,
        addition.chargeType,
        addition.subscriptionName,
        addition.lastPlatformChargeEnd,
      );
    },

    /**
     * What the latest look at these lines found: the mapped lines it would not post, with why.
     * Lines not named are unblocked.
     */
    /**
     * Creates of these markers whose outcome stayed unknown, with the Agreement each was sent to,
     * and nothing done for the marker since: they may have landed there (§3.5).
     */
    unresolvedCreates(markers: readonly string[]): Array<{ marker: string; agreementId: number }> {
      if (markers.length === 0) return [];
      return db
        .prepare(
          `SELECT DISTINCT j.marker AS marker, j.agreement_id AS agreementId
           FROM posting_journal j
           WHERE j.operation = 'createAddition' AND j.state = 'unknown' AND j.agreement_id IS NOT NULL
             AND j.marker IN (SELECT value FROM json_each(?))
             AND NOT EXISTS (
               SELECT 1 FROM posting_journal d
               WHERE d.marker = j.marker AND d.id > j.id AND d.state = 'done'
                 AND d.operation IN ('createAddition', 'updateAddition'))
             -- Found and adopted by a later run (an adoption writes nothing to the journal).
             AND NOT EXISTS (
               SELECT 1 FROM line_sync_result r
               WHERE r.status = 'synced' AND r.at >= j.intent_at
                 AND json_extract(r.sent_values, '$.marker') = j.marker)`,
        )
        .all(JSON.stringify(markers)) as Array<{ marker: string; agreementId: number }>;
    },

    recordBlocks(
      lineIds: readonly string[],
      blocks: ReadonlyArray<{ lineId: string; reason: string }>,
    ): void {
      const at = stamp();
      const clear = db.prepare('DELETE FROM line_posting_block WHERE line_id = ?');
      const insert = db.prepare(
        'INSERT INTO line_posting_block (line_id, reason, checked_at) VALUES (?, ?, ?)',
      );
      inTransaction(db, () => {
        for (const lineId of lineIds) clear.run(lineId);
        for (const block of blocks) insert.run(block.lineId, block.reason, at);
      });
    },

    /** Those of these lines that were synced as a recurring Addition: their month's drivers (§1.4). */
    recurringDriversOf(lineIds: readonly string[]): Array<{ lineId: string; marker: string }> {
      if (lineIds.length === 0) return [];
      const rows = db
        .prepare(
          `SELECT line_id AS lineId, json_extract(sent_values, '$.marker') AS marker
           FROM line_sync_result
           WHERE status = 'synced' AND line_id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(lineIds)) as Array<{ lineId: string; marker: unknown }>;
      return rows.flatMap(({ lineId, marker }) =>
        typeof marker === 'string' && marker.startsWith('PLT:S:') ? [{ lineId, marker }] : [],
      );
    },

    /** A duplicate was deleted: its lines now carry the Addition that was kept. */
    repointDuplicate(deletedId: number, keptId: number): void {
      inTransaction(db, () => {
        db.prepare('UPDATE line_sync_result SET addition_id = ? WHERE addition_id = ?').run(
          keptId,
          deletedId,
        );
        db.prepare('UPDATE posted_recurring SET addition_id = ? WHERE addition_id = ?').run(
          keptId,
          deletedId,
        );
      });
    },

    cancelledRecurring(marker: string, cancelledDate: string): void {
      db.prepare('UPDATE posted_recurring SET cancelled_date = ? WHERE marker = ?').run(
        cancelledDate,
        marker,
      );
    },

    /** The recurring Additions created or adopted and not cancelled: where vanished ones are. */
    activeRecurring(): RecurringAddition[] {
      return db
        .prepare(
          `SELECT marker, agreement_id AS agreementId, addition_id AS additionId,
             contract_id AS contractId, subscription_id AS subscriptionId, charge_type AS chargeType,
             subscription_name AS subscriptionName, last_platform_charge_end AS lastPlatformChargeEnd
           FROM posted_recurring WHERE cancelled_date IS NULL`,
        )
        .all() as unknown as RecurringAddition[];
    },

    anyLineSynced(): boolean {
      return (
        db.prepare("SELECT 1 FROM line_sync_result WHERE status = 'synced' LIMIT 1").get() !==
        undefined
      );
    },

    /** "Last Sync to PSA": when the last completed run finished, or null. */
    /** The latest runs, newest first, with their counts. */
    recentRuns(limit: number): PostingRunRow[] {
      const rows = db
        .prepare(
          'SELECT id, started_at, finished_at, trigger, status, summary FROM posting_run ORDER BY id DESC LIMIT ?',
        )
        .all(limit) as Array<{
        id: number;
        started_at: string;
        finished_at: string | null;
        trigger: PostingRunRow['trigger'];
        status: PostingRunRow['status'];
        summary: string | null;
      }>;
      return rows.map((row) => {
        const summary = (row.summary ? JSON.parse(row.summary) : {}) as {
          period?: string;
          posted?: number;
          updated?: number;
          failed?: Array<{ lineIds: string[] }>;
        };
        return {
          id: row.id,
          startedAt: row.started_at,
          finishedAt: row.finished_at,
          trigger: row.trigger,
          status: row.status,
          period: summary.period ?? null,
          posted: summary.posted ?? 0,
          updated: summary.updated ?? 0,
          failed: (summary.failed ?? []).reduce((sum, failure) => sum + failure.lineIds.length, 0),
        };
      });
    },

    /**
     * What was posted per UTC day since a day, per currency: each synced line's own amount
     * (quantity × unit price), on the day its Addition was written.
     */
    postedPerDay(sinceDay: string): PostedDay[] {
      return db
        .prepare(
          `SELECT substr(at, 1, 10) AS day, currency, ROUND(SUM(amount), 2) AS amount,
             COUNT(*) AS lines
           FROM line_sync_result
           WHERE status = 'synced' AND at >= ? AND currency IS NOT NULL
           GROUP BY day, currency ORDER BY day, currency`,
        )
        .all(sinceDay) as unknown as PostedDay[];
    },

    lastCompletedAt(): string | null {
      return (
        (
          db
            .prepare("SELECT MAX(finished_at) AS at FROM posting_run WHERE status = 'completed'")
            .get() as { at: string | null }
        ).at ?? null
      );
    },
  };
}

export type PostingTables = ReturnType<typeof createPostingTables>;
