import type {
  InvoicePage,
  InvoicePageQuery,
  LoadChoices,
  LoadedPeriod,
  LoadInvoicesInput,
  LoadInvoicesResult,
  SavedConfiguration,
} from '../../../shared/contract';
import { AppError } from '../errors';
import type { FileInbox } from '../files';
import type { JobRegistry } from '../jobs';
import type { AuditLog, SystemLog } from '../logs';
import type { PlatformConnection } from '../platform';
import { type ExportFileOptions, readExportFile } from '../platform/exportFile';
import type { Database } from '../store';
import { type LineSourceEvent, loadInvoiceLines } from './invoiceLoader';
import { currentAndPreviousPeriods, periodBounds } from './invoicePeriods';
import { invoiceLineRow } from './invoiceRows';
import { createInvoiceStore } from './invoiceStore';

export interface InvoicesDeps {
  db: Database;
  jobs: JobRegistry;
  files: FileInbox;
  platform: Pick<PlatformConnection, 'client' | 'current'>;
  configuration: { get(): SavedConfiguration | null };
  systemLog: SystemLog;
  audit: AuditLog;
  now: () => Date;
  osUserName: () => string;
}

/** Mapping › Invoices: loading months of lines from a source, and browsing them. */
export function createInvoices(deps: InvoicesDeps) {
  const store = createInvoiceStore(deps.db, deps.now);

  async function* platformEvents(
    periods: string[],
    signal: AbortSignal,
  ): AsyncGenerator<LineSourceEvent> {
    const client = await deps.platform.client();
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
    for await (const event of readExportFile({ path, name }, options)) {
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
      const result = await deps.jobs.run('Invoice load', (job) =>
        loadInvoiceLines(store, job, {
          periods,
          source: input.source.kind,
          sourceName: file?.name ?? deps.platform.current()?.baseUrl ?? null,
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
    periods: (): LoadedPeriod[] => store.periods(),
    loadChoices: (): LoadChoices => ({
      ...currentAndPreviousPeriods(deps.now()),
      platformConnected: deps.platform.current() !== null,
    }),
    load,
    page(query: InvoicePageQuery): InvoicePage {
      const { rows, total } = store.page(query);
      const configuration = deps.configuration.get();
      return { rows: rows.map((row) => invoiceLineRow(row, configuration)), total };
    },
    store,
  };
}

export type Invoices = ReturnType<typeof createInvoices>;
