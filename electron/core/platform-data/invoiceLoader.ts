import type { LoadInvoicesResult } from '@shared/contract';
import type {
  ImportProblem,
  InvoicePeriod,
  PlatformInvoiceLine,
} from '@shared/platformInvoiceLine';
import { isCancellation } from '../errors';
import type { Job } from '../jobs';
import type { InvoiceLineTables } from './invoiceLineTables';
import { periodOf } from './invoicePeriods';

/** What a source (an export file, the Platform API) yields while it is read. */
export type LineSourceEvent =
  | { kind: 'line'; row: number; line: PlatformInvoiceLine }
  | { kind: 'problem'; problem: ImportProblem }
  | { kind: 'progress'; done: number; total: number | null; message: string };

export interface LoadRequest {
  periods: InvoicePeriod[];
  source: 'platform' | 'file';
  sourceName: string | null;
  actor: string;
  events: AsyncIterable<LineSourceEvent>;
  /**
   * An export file with no lines in the chosen months is more likely the wrong file than an
   * empty month: refuse it instead of emptying the months. The Platform may truly have none yet.
   */
  requireLines: boolean;
}

const maxProblemsShown = 1000;

/**
 * Reads a source into the store as one job: every problem is collected and, if there is any,
 * nothing is loaded; a cancelled load leaves the store as it was.
 */
export async function loadInvoiceLines(
  store: InvoiceLineTables,
  job: Job,
  request: LoadRequest,
): Promise<LoadInvoicesResult> {
  const loadId = store.begin(request);
  const wanted = new Set(request.periods);
  const problems: ImportProblem[] = [];
  let totalProblems = 0;
  let staged = 0;
  let outsidePeriods = 0;
  try {
    for await (const event of request.events) {
      job.throwIfCancelled();
      if (event.kind === 'problem') {
        totalProblems += 1;
        if (problems.length < maxProblemsShown) problems.push(event.problem);
      } else if (event.kind === 'progress') {
        job.progress({ done: event.done, total: event.total ?? undefined, message: event.message });
      } else if (wanted.has(periodOf(event.line.invoiceDate))) {
        if (totalProblems === 0) store.stage(event.line);
        staged += 1;
      } else {
        outsidePeriods += 1;
      }
    }
    job.throwIfCancelled();
  } catch (error) {
    // Once the job is cancelled, whatever the readers throw on the way out (the signal's reason,
    // an AbortError, a stream destroyed mid-read) is that cancel.
    const cancelled = isCancellation(error) || job.signal.aborted;
    store.abandon(loadId, cancelled ? 'cancelled' : 'failed', totalProblems);
    if (cancelled && !isCancellation(error)) {
      job.throwIfCancelled();
    }
    throw error;
  }

  if (totalProblems === 0 && staged === 0 && request.requireLines) {
    totalProblems = 1;
    problems.push({
      row: 0,
      column: null,
      value: null,
      reason: `The file has no invoice lines dated in ${request.periods.join(' or ')}${
        outsidePeriods > 0 ? ` (${outsidePeriods} lines are dated in other months)` : ''
      }. Check that this is the right file and month.`,
    });
  }
  if (totalProblems > 0) {
    store.abandon(loadId, 'rejected', totalProblems);
    return { ok: false, problems, totalProblems };
  }
  try {
    const periods = store.commit(loadId, request.periods, outsidePeriods);
    return { ok: true, periods, outsidePeriods };
  } catch (error) {
    store.abandon(loadId, 'failed', 0);
    throw error;
  }
}
