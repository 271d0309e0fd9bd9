import type {
  EditLinesInput,
  EditLinesResult,
  InvoicePage,
  InvoicePageQuery,
  LineEdit,
  LoadChoices,
  LoadedPeriod,
  LoadInvoicesInput,
  LoadInvoicesResult,
  SavedConfiguration,
} from '@shared/contract';
import { AppError } from '../errors';
import type { ExportFileOptions, FileInbox, ReadExportFile } from '../export-file';
import type { JobRegistry } from '../jobs';
import type { AuditLog, SystemLog } from '../logs';
import type { PlatformConnection } from '../platform-connection';
import { type Database, inTransaction } from '../store';
import { createInvoiceLineQueries } from './invoiceLineQueries';
import { createInvoiceLineTables } from './invoiceLineTables';
import { type LineSourceEvent, loadInvoiceLines } from './invoiceLoader';
import { currentAndPreviousPeriods, periodBounds } from './invoicePeriods';
import { invoiceLineRow, type PostableLine, postableLine } from './invoiceRows';
import { createLoadHistory } from './loadHistory';
import { createPlatformRecords } from './platformRecords';

export interface PlatformDataDeps {
  db: Database;
  jobs: JobRegistry;
  files: FileInbox;
  /** Reads an export file where a hostile one cannot take the app down (a worker thread). */
  readExportFile: ReadExportFile;
  platformConnection: Pick<PlatformConnection, 'client' | 'current'>;
  configuration: { get(): SavedConfiguration | null };
  systemLog: SystemLog;
  audit: AuditLog;
  now: () => Date;
  osUserName: () => string;
}

/**
 * The Platform's billing data: the only writer of Organizations, Offers, Contracts, invoices,
 * invoice lines and the load history. It loads months of lines from a source (the Platform API
 * or an export file), serves the Invoices grid, and answers other capabilities' questions
 * through named queries.
 */
function describeEdit(edit: LineEdit): string {
  switch (edit.field) {
    case 'included':
      return edit.included ? 'included' : 'excluded';
    case 'dates':
      return [
        ['Charge Start Date', edit.chargeStart] as const,
        ['Charge End Date', edit.chargeEnd] as const,
      ]
        .filter(([, date]) => date !== undefined)
        .map(([name, date]) => (date ? `${name} set to ${date}` : `${name} computed again`))
        .join(', ');
    case 'company':
      return edit.companyId
        ? `PSA Organization set to Company ${edit.companyId}`
        : 'PSA Organization cleared';
    case 'agreement':
      return edit.agreement
        ? `PSA Agreement set to ${edit.agreement.name} (${edit.agreement.id})`
        : 'PSA Agreement left to the rules';
  }
}

export function createPlatformData(deps: PlatformDataDeps) {
  const history = createLoadHistory(deps.db, deps.now);
  const tables = createInvoiceLineTables(deps.db, history, deps.now);
  const queries = createInvoiceLineQueries(deps.db, deps.now);
  const records = createPlatformRecords(deps.db, deps.now);
  // Nothing loads yet: a load still "running" in the history was cut off by a crash or a kill.
  const interrupted = history.markInterrupted();
  if (interrupted > 0) {
    deps.systemLog.write({
      level: 'warning',
      title: 'An invoice load was interrupted',
      details: `${interrupted} load(s) did not finish when the app last ran; nothing of them was kept. Load the month again.`,
    });
  }

  async function* platformEvents(
    periods: string[],
    signal: AbortSignal,
  ): AsyncGenerator<LineSourceEvent> {
    const client = await deps.platformConnection.client();
    let before = 0;
    for (const period of periods) {
      let inPeriod = 0;
      for await (const event of client.invoiceLines(periodBounds(period), signal)) {
        if (event.kind === 'progress') {
          inPeriod = event.done;
          yield {
            ...event,
            done: before + event.done,
            message: `${before + event.done} invoice lines received`,
          };
        } else {
          yield event;
        }
      }
      before += inPeriod;
    }
  }

  async function* fileEvents(
    path: string,
    name: string,
    options: ExportFileOptions,
  ): AsyncGenerator<LineSourceEvent> {
    for await (const event of deps.readExportFile({ path, name }, options)) {
      if (event.kind === 'progress') {
        yield {
          kind: 'progress',
          done: event.bytesRead,
          total: event.totalBytes,
          message: `Reading ${name}`,
        };
      } else {
        yield event;
      }
    }
  }

  async function load(input: LoadInvoicesInput): Promise<LoadInvoicesResult> {
    const actor = deps.osUserName();
    const periods = [...new Set(input.periods)].sort();
    const file = input.source.kind === 'file' ? deps.files.get(input.source.fileId) : null;
    if (input.source.kind === 'file' && !file) {
      throw new AppError('Not Found', 'The chosen file is no longer available. Choose it again.');
    }
    try {
      const result = await deps.jobs.run('invoice-load', (job) =>
        loadInvoiceLines(tables, job, {
          periods,
          source: input.source.kind,
          sourceName: file?.name ?? deps.platformConnection.current()?.baseUrl ?? null,
          actor,
          requireLines: input.source.kind === 'file',
          events:
            input.source.kind === 'file' && file
              ? fileEvents(file.path, file.name, { ...input.source.options, signal: job.signal })
              : platformEvents(periods, job.signal),
        }),
      );
      const source = file ? `file ${file.name}` : 'the Platform';
      if (result.ok) {
        const lines = result.periods.reduce((sum, p) => sum + p.lines, 0);
        const details = result.periods
          .map(
            (p) =>
              `${p.period}: ${p.lines} lines, ${p.removed} removed, ${p.keptSynced} synced kept`,
          )
          .join('\n');
        deps.systemLog.write({
          level: 'info',
          title: `Invoice lines loaded from ${source}`,
          details,
        });
        deps.audit.record({
          actor,
          action: 'Invoice lines loaded',
          details: `${periods.join(', ')} from ${source}: ${lines} lines`,
        });
      } else {
        deps.systemLog.write({
          level: 'warning',
          title: `Invoice lines not loaded: ${result.totalProblems} problem(s) in ${source}`,
          details: result.problems
            .slice(0, 20)
            .map((p) => `row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.reason}`)
            .join('\n'),
        });
      }
      return result;
    } finally {
      if (file) await deps.files.release(file.fileId);
    }
  }

  return {
    periods: (): LoadedPeriod[] => queries.periods(),
    loadChoices: (): LoadChoices => ({
      ...currentAndPreviousPeriods(deps.now()),
      platformConnected: deps.platformConnection.current() !== null,
    }),
    load,
    page(query: InvoicePageQuery): InvoicePage {
      const { rows, total } = queries.page(query);
      const configuration = deps.configuration.get();
      return { rows: rows.map((row) => invoiceLineRow(row, configuration)), total };
    },
    /**
     * One edit on unsynced lines, all or nothing: a date that would start a line after it ends
     * is refused for every line.
     */
    editLines({ period, lineIds, edits }: EditLinesInput): EditLinesResult {
      const result = inTransaction(deps.db, () => {
        const results = edits.map((edit) => tables.edit(period, lineIds, edit));
        if (edits.some((edit) => edit.field === 'dates')) {
          const configuration = deps.configuration.get();
          const reversed = queries
            .unsyncedLines(period, lineIds)
            .map((line) => invoiceLineRow(line, configuration))
            .filter((row) => row.chargeStart.date > row.chargeEnd.date);
          if (reversed.length > 0) {
            throw new AppError(
              'Validation Error',
              `The Charge Start Date would be after the Charge End Date on ${
                reversed.length === 1 ? `line ${reversed[0]?.lineId}` : `${reversed.length} lines`
              }. Nothing was changed.`,
            );
          }
        }
        return results.at(-1) ?? { updated: 0, synced: 0 };
      });
      deps.audit.record({
        actor: deps.osUserName(),
        action: 'Invoice lines edited',
        details: `${period}: ${edits.map(describeEdit).join('; ')} on ${result.updated} line(s)`,
      });
      return result;
    },
    /** The unsynced lines of a month (or these of it), as a posting run sends them. */
    linesForPosting(period: string, lineIds?: readonly string[]): PostableLine[] {
      const configuration = deps.configuration.get();
      return queries
        .unsyncedLines(period, lineIds)
        .map((line) => postableLine(line, configuration));
    },
    syncedAmong: queries.syncedAmong,
    statusCounts: queries.statusCounts,
    newestPeriod: queries.newestPeriod,
    /** The newest loaded month and its lines' Contract, Subscription and start date to send. */
    newestMonth(): {
      period: string;
      lines: Array<{ contractId: string; subscriptionId: string; chargeStart: string }>;
    } | null {
      const newest = queries.newestMonth();
      if (!newest) return null;
      const configuration = deps.configuration.get();
      return {
        period: newest.period,
        lines: newest.lines.map((line) => {
          const postable = postableLine(line, configuration);
          return {
            contractId: postable.contractId,
            subscriptionId: postable.subscriptionId,
            chargeStart: postable.chargeStart,
          };
        }),
      };
    },
    /** Whether the Platform connection is saved, and a client for it. */
    platformClient: () => deps.platformConnection.client(),
    platformConnected: () => deps.platformConnection.current() !== null,
    ...records,
  };
}

export type PlatformData = ReturnType<typeof createPlatformData>;
