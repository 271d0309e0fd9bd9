/** "System Logs" (docs/product.md §7): the last 30 days of what happened, and why it failed. */
import { z } from 'zod';
import { InvoicePeriod } from '../platformInvoiceLine';
import { ErrorKind } from './errors';

export const LogLevel = z.enum(['info', 'warning', 'error']);
export type LogLevel = z.infer<typeof LogLevel>;

/** The level filter and the text search; both the grid and the CSV export take it. */
export const LogFilter = z
  .object({
    level: LogLevel.optional(),
    search: z.string().max(200).optional(),
  })
  .strict();
export type LogFilter = z.infer<typeof LogFilter>;

export const LogPageQuery = LogFilter.extend({
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(200),
}).strict();
export type LogPageQuery = z.infer<typeof LogPageQuery>;

export const LogRow = z.object({
  id: z.number().int(),
  /** ISO, UTC; the screen shows it in the local time zone. */
  at: z.string(),
  level: LogLevel,
  title: z.string(),
  details: z.string(),
  /** True when the entry has more to show than its summary (a request, a line). */
  hasDetail: z.boolean(),
});
export type LogRow = z.infer<typeof LogRow>;

export const LogPage = z.object({ rows: z.array(LogRow), total: z.number().int() });
export type LogPage = z.infer<typeof LogPage>;

/** The four tiles, over the entries kept (30 days). */
export const LogSummary = z.object({
  total: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  /** When the newest entry was written, or null. */
  lastUpdate: z.string().nullable(),
});
export type LogSummary = z.infer<typeof LogSummary>;

/** The lines an entry is about (a failed post), to open them. */
export const LogSubject = z.object({
  kind: z.literal('lines'),
  period: InvoicePeriod,
  lineIds: z.array(z.string()).max(1000),
});
export type LogSubject = z.infer<typeof LogSubject>;

/** The request behind an error and its answer: never a header, every secret taken out. */
export const LogExchange = z.object({
  method: z.string(),
  path: z.string(),
  status: z.number().int().nullable(),
  requestBody: z.string().nullable(),
  responseBody: z.string().nullable(),
});
export type LogExchange = z.infer<typeof LogExchange>;

export const Troubleshooting = z.object({
  /** One of the names of docs/product.md §7.2, e.g. "Permission Error". */
  name: z.string(),
  happened: z.string(),
  remedy: z.string(),
});
export type Troubleshooting = z.infer<typeof Troubleshooting>;

export const LogEntryDetail = LogRow.extend({
  kind: ErrorKind.nullable(),
  troubleshooting: Troubleshooting.nullable(),
  subject: LogSubject.nullable(),
  exchange: LogExchange.nullable(),
});
export type LogEntryDetail = z.infer<typeof LogEntryDetail>;

export const logsChannels = {
  'logs.summary': { input: z.undefined(), output: LogSummary },
  /** One page, newest first. */
  'logs.page': { input: LogPageQuery, output: LogPage },
  'logs.entry': {
    input: z.object({ id: z.number().int() }).strict(),
    output: LogEntryDetail,
  },
  /** The filtered entries as CSV text, newest first; the window saves it as a file. */
  'logs.exportCsv': {
    input: LogFilter,
    output: z.object({ fileName: z.string(), csv: z.string(), entries: z.number().int() }),
  },
} as const;
