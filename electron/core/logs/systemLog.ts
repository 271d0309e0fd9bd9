import type {
  ErrorKind,
  LogEntryDetail,
  LogExchange,
  LogFilter,
  LogLevel,
  LogPage,
  LogPageQuery,
  LogRow,
  LogSubject,
  LogSummary,
} from '@shared/contract';
import { LogExchange as LogExchangeSchema, LogSubject as LogSubjectSchema } from '@shared/contract';
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../errors';
import { redactBody, redactText } from '../http';
import type { Clock } from '../ports';
import { containing, type Database } from '../store';

import { troubleshootingFor } from './troubleshooting';

export interface SystemLogEntry {
  level: LogLevel;
  title: string;
  details?: string;
  /** The error behind the entry: its kind names the troubleshooting, its request is kept. */
  error?: unknown;
  /** The line or Organization the entry concerns, to link to it. */
  subject?: LogSubject;
}

/** What an entry keeps beyond its summary, as JSON in `system_log.context`. */
interface StoredContext {
  kind?: ErrorKind;
  subject?: LogSubject;
  exchange?: LogExchange;
}

interface Row {
  id: number;
  at: string;
  level: LogLevel;
  title: string;
  details: string;
  context: string | null;
}

export const logRetentionDays = 30;
const pruneEveryMs = 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

function contextOf(entry: SystemLogEntry): StoredContext | null {
  const context: StoredContext = {};
  if (entry.error instanceof AppError) {
    context.kind = entry.error.kind;
    const exchange = entry.error.exchange;
    if (exchange) {
      context.exchange = {
        method: exchange.method,
        path: redactBody(exchange.path),
        status: exchange.status ?? null,
        requestBody: exchange.requestBody ? redactBody(exchange.requestBody) : null,
        responseBody: exchange.responseBody ? redactBody(exchange.responseBody) : null,
      };
    }
  }
  if (entry.subject) context.subject = entry.subject;
  return Object.keys(context).length > 0 ? context : null;
}

function parsedContext(text: string | null): StoredContext {
  if (!text) return {};
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const subject = LogSubjectSchema.safeParse(raw.subject);
    const exchange = LogExchangeSchema.safeParse(raw.exchange);
    return {
      kind: typeof raw.kind === 'string' ? (raw.kind as ErrorKind) : undefined,
      subject: subject.success ? subject.data : undefined,
      exchange: exchange.success ? exchange.data : undefined,
    };
  } catch {
    return {};
  }
}

const toRow = (row: Row): LogRow => ({
  id: row.id,
  at: row.at,
  level: row.level,
  title: row.title,
  details: row.details,
  hasDetail: row.context !== null,
});

/** A cell a spreadsheet would run as a formula is made plain text first (CSV injection). */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * The System Logs table: what the user reads under "System Logs", kept for 30 days. Every entry
 * is redacted on the way in, so no credential is ever written to the database.
 */
export function createSystemLog(db: Database, clock: Clock) {
  const insert = db.prepare(
    'INSERT INTO system_log (at, level, title, details, context) VALUES (?, ?, ?, ?, ?)',
  );
  const deleteOlder = db.prepare('DELETE FROM system_log WHERE at < ?');
  const selectOne = db.prepare(
    'SELECT id, at, level, title, details, context FROM system_log WHERE id = ?',
  );
  const selectLevels = db.prepare(
    'SELECT level, COUNT(*) AS n, MAX(at) AS last FROM system_log WHERE at >= ? GROUP BY level',
  );
  let lastPrunedAt = Number.NEGATIVE_INFINITY;

  function prune(): number {
    const now = clock.now();
    lastPrunedAt = now.getTime();
    const cutoff = new Date(now.getTime() - logRetentionDays * dayMs);
    return Number(deleteOlder.run(cutoff.toISOString()).changes);
  }

  /** What the screen shows: the last 30 days (older entries wait at most an hour to go). */
  function where(filter: LogFilter): { sql: string; params: string[] } {
    const clauses = ['at >= ?'];
    const params = [new Date(clock.now().getTime() - logRetentionDays * dayMs).toISOString()];
    if (filter.level) {
      clauses.push('level = ?');
      params.push(filter.level);
    }
    if (filter.search?.trim()) {
      const term = containing(filter.search);
      clauses.push("(title LIKE ? ESCAPE '\\' OR details LIKE ? ESCAPE '\\')");
      params.push(term, term);
    }
    return { sql: `WHERE ${clauses.join(' AND ')}`, params };
  }

  function rows(filter: LogFilter, limit: number, offset: number): Row[] {
    const { sql, params } = where(filter);
    return db
      .prepare(
        `SELECT id, at, level, title, details, context FROM system_log ${sql}
         ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset) as unknown as Row[];
  }

  return {
    write(entry: SystemLogEntry): void {
      const now = clock.now();
      if (now.getTime() - lastPrunedAt >= pruneEveryMs) prune();
      const context = contextOf(entry);
      insert.run(
        now.toISOString(),
        entry.level,
        redactText(entry.title),
        redactText(entry.details ?? ''),
        context ? JSON.stringify(context) : null,
      );
    },

    /** Deletes entries older than 30 days; runs at start and at most hourly while writing. */
    prune,

    summary(): LogSummary {
      const since = new Date(clock.now().getTime() - logRetentionDays * dayMs).toISOString();
      const levels = selectLevels.all(since) as Array<{
        level: LogLevel;
        n: number;
        last: string;
      }>;
      const count = (level: LogLevel) => levels.find((row) => row.level === level)?.n ?? 0;
      return {
        total: levels.reduce((sum, row) => sum + row.n, 0),
        errors: count('error'),
        warnings: count('warning'),
        lastUpdate: levels.reduce<string | null>(
          (last, row) => (last === null || row.last > last ? row.last : last),
          null,
        ),
      };
    },

    /** One page, newest first. */
    page(query: LogPageQuery): LogPage {
      const { sql, params } = where(query);
      const total = Number(
        (db.prepare(`SELECT COUNT(*) AS n FROM system_log ${sql}`).get(...params) as { n: number })
          .n,
      );
      return { rows: rows(query, query.limit, query.offset).map(toRow), total };
    },

    entry(id: number): LogEntryDetail {
      const row = selectOne.get(id) as Row | undefined;
      if (!row) {
        throw new AppError('Not Found', 'This log entry is no longer kept (older than 30 days).');
      }
      const context = parsedContext(row.context);
      return {
        ...toRow(row),
        kind: context.kind ?? null,
        troubleshooting: context.kind ? troubleshootingFor(context.kind) : null,
        subject: context.subject ?? null,
        exchange: context.exchange ?? null,
      };
    },

    /** The filtered entries as CSV, newest first, with their troubleshooting name and request. */
    exportCsv(filter: LogFilter): { fileName: string; csv: string; entries: number } {
      const all = rows(filter, -1, 0);
      const records = all.map((row) => {
        const context = parsedContext(row.context);
        const exchange = context.exchange;
        return [
          row.at,
          row.level.toUpperCase(),
          row.title,
          row.details,
          context.kind ? (troubleshootingFor(context.kind)?.name ?? context.kind) : '',
          exchange ? `${exchange.method} ${exchange.path}` : '',
          exchange?.status ?? '',
        ].map((cell) => inert(String(cell)));
      });
      const csv = stringify(records, {
        header: true,
        columns: ['Timestamp (UTC)', 'Level', 'Title', 'Details', 'Error', 'Request', 'Status'],
        record_delimiter: 'windows',
      });
      const day = clock.now().toISOString().slice(0, 10);
      return { fileName: `system-logs-${day}.csv`, csv, entries: all.length };
    },

    /** The newest entries; for tests and the scheduler's own checks. */
    recent(limit = 100): LogRow[] {
      return rows({}, limit, 0).map(toRow);
    },
  };
}

export type SystemLog = ReturnType<typeof createSystemLog>;
