import type { Clock } from '../ports';
import type { Database } from '../store';

export type LogLevel = 'info' | 'warning' | 'error';

export interface SystemLogEntry {
  level: LogLevel;
  title: string;
  details?: string;
  /** Request/response detail for troubleshooting; the writer of an entry removes secrets first. */
  context?: Record<string, unknown>;
}

export interface StoredLogEntry {
  id: number;
  at: string;
  level: LogLevel;
  title: string;
  details: string;
  context: Record<string, unknown> | null;
}

export const logRetentionDays = 30;
const pruneEveryMs = 60 * 60 * 1000;

/** The System Logs table: what the user reads under "System Logs". Kept for 30 days. */
export function createSystemLog(db: Database, clock: Clock) {
  const insert = db.prepare(
    'INSERT INTO system_log (at, level, title, details, context) VALUES (?, ?, ?, ?, ?)',
  );
  const deleteOlder = db.prepare('DELETE FROM system_log WHERE at < ?');
  const selectRecent = db.prepare(
    'SELECT id, at, level, title, details, context FROM system_log ORDER BY at DESC, id DESC LIMIT ?',
  );
  let lastPrunedAt = Number.NEGATIVE_INFINITY;

  function prune(): number {
    const now = clock.now();
    lastPrunedAt = now.getTime();
    const cutoff = new Date(now.getTime() - logRetentionDays * 24 * 60 * 60 * 1000);
    return Number(deleteOlder.run(cutoff.toISOString()).changes);
  }

  return {
    write(entry: SystemLogEntry): void {
      const now = clock.now();
      if (now.getTime() - lastPrunedAt >= pruneEveryMs) prune();
      insert.run(
        now.toISOString(),
        entry.level,
        entry.title,
        entry.details ?? '',
        entry.context ? JSON.stringify(entry.context) : null,
      );
    },
    /** Deletes entries older than 30 days; runs at start and at most hourly while writing. */
    prune,
    recent(limit = 100): StoredLogEntry[] {
      return (
        selectRecent.all(limit) as Array<
          Omit<StoredLogEntry, 'context'> & { context: string | null }
        >
      ).map((row) => ({
        ...row,
        context: row.context ? (JSON.parse(row.context) as Record<string, unknown>) : null,
      }));
    },
  };
}

export type SystemLog = ReturnType<typeof createSystemLog>;
