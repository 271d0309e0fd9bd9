import { randomUUID } from 'node:crypto';
import { type JobKind, jobLabels } from '@shared/contract';
import { AppError, isCancellation } from '../errors';

export interface JobProgress {
  done: number;
  total?: number;
  message?: string;
}

export interface Job {
  readonly id: string;
  readonly kind: JobKind;
  /** Aborted when the job is cancelled; pass it to every call the job makes. */
  readonly signal: AbortSignal;
  progress(progress: JobProgress): void;
  /** Throws a "Cancelled" AppError when the job was cancelled; call before storing anything. */
  throwIfCancelled(): void;
}

export interface JobSummary {
  id: string;
  kind: JobKind;
  startedAt: string;
  progress: JobProgress | null;
}

/**
 * Kinds that must not overlap: a load swaps a month's lines in while a run is posting them.
 */
const excludes: Partial<Record<JobKind, readonly JobKind[]>> = {
  'invoice-load': ['posting-run'],
  'posting-run': ['invoice-load'],
};

/**
 * Every long job (pulls, loads, syncs) runs through here, so one call can cancel them all:
 * Disconnect does, and so does quitting the app.
 */
export function createJobRegistry(deps: {
  now: () => Date;
  onProgress?: (job: JobSummary) => void;
  /** A job that ended in an error (not a cancel): System Logs keeps why. */
  onFailed?: (kind: JobKind, error: unknown) => void;
}) {
  const running = new Map<
    string,
    { summary: JobSummary; controller: AbortController; settled: Promise<unknown> }
  >();

  let stopped: string | null = null;

  return {
    /** Runs a job; a second job of the same kind is refused while one runs. */
    async run<T>(kind: JobKind, work: (job: Job) => Promise<T>): Promise<T> {
      const label = jobLabels[kind];
      if (stopped !== null)
        throw new AppError('Not Available', `${label} cannot start: ${stopped}.`);
      if ([...running.values()].some(({ summary }) => summary.kind === kind)) {
        throw new AppError(
          'Busy',
          `${label} is already running. Wait for it to finish or cancel it.`,
        );
      }
      const blocking = [...running.values()].find(({ summary }) =>
        (excludes[kind] ?? []).includes(summary.kind),
      );
      if (blocking) {
        throw new AppError(
          'Busy',
          `${label} waits while ${jobLabels[blocking.summary.kind]} is running: try again when it has finished.`,
        );
      }
      const controller = new AbortController();
      const summary: JobSummary = {
        id: randomUUID(),
        kind,
        startedAt: deps.now().toISOString(),
        progress: null,
      };
      const entry = { summary, controller, settled: Promise.resolve() as Promise<unknown> };
      running.set(summary.id, entry);
      const job: Job = {
        id: summary.id,
        kind,
        signal: controller.signal,
        progress(progress) {
          summary.progress = progress;
          deps.onProgress?.({ ...summary });
        },
        throwIfCancelled() {
          if (controller.signal.aborted) {
            throw new AppError(
              'Cancelled',
              `${label} was cancelled: ${String(controller.signal.reason ?? '')}`,
            );
          }
        },
      };
      const result = (async () => work(job))();
      entry.settled = result.catch(() => undefined);
      try {
        return await result;
      } catch (error) {
        if (!isCancellation(error)) deps.onFailed?.(kind, error);
        throw error;
      } finally {
        running.delete(summary.id);
      }
    },

    /** Cancels one job by id; false when it is not running (any more). */
    cancel(id: string, reason: string): boolean {
      const entry = running.get(id);
      entry?.controller.abort(reason);
      return entry !== undefined;
    },

    /** Cancels every running job; returns how many there were. */
    cancelAll(reason: string): number {
      const count = running.size;
      for (const { controller } of running.values()) controller.abort(reason);
      return count;
    },

    /**
     * Cancels every running job, refuses new ones from now on, and waits until each has stopped
     * and written what it writes when cancelled: closing the app calls this before it closes
     * the database.
     */
    async stopAll(reason: string): Promise<void> {
      stopped = reason;
      const settling = [...running.values()].map(({ controller, settled }) => {
        controller.abort(reason);
        return settled;
      });
      await Promise.all(settling);
    },

    running(): JobSummary[] {
      return [...running.values()].map(({ summary }) => ({ ...summary }));
    },
  };
}

export type JobRegistry = ReturnType<typeof createJobRegistry>;
