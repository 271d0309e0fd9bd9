import { bridge } from '@renderer/bridge';
import type { JobKind } from '@shared/contract';

export interface RunningJob {
  /** Known from the first progress event on; needed to cancel. */
  jobId: string | null;
  done: number;
  total: number | null;
  message: string;
}

export const startingJob: RunningJob = { jobId: null, done: 0, total: null, message: 'Starting…' };

/**
 * Runs a request that starts a job of `kind`, reporting the job's progress until the request
 * answers. Progress travels on the event stream, which may overtake the answer: once the answer
 * is in, a late progress event is ignored, so a finished job never looks "running" again.
 */
export async function withJobProgress<T>(
  kind: JobKind,
  request: () => Promise<T>,
  onProgress: (job: RunningJob) => void,
): Promise<T> {
  let finished = false;
  const stop = bridge().on('jobs.progress', (progress) => {
    if (finished || progress.kind !== kind) return;
    onProgress({
      jobId: progress.id,
      done: progress.done,
      total: progress.total ?? null,
      message: progress.message ?? '',
    });
  });
  try {
    return await request();
  } finally {
    finished = true;
    stop();
  }
}

/** Cancels a running job; nothing happens before its id is known. */
export async function cancelJob(job: RunningJob | null): Promise<void> {
  if (job?.jobId) await bridge().invoke('jobs.cancel', { id: job.jobId });
}
