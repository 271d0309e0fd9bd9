import { z } from 'zod';

/** Every long job the core runs; one of a kind at a time. */
export const JobKind = z.enum([
  'organizations-sync',
  'products-load',
  'invoice-load',
  'posting-preview',
  'posting-run',
]);
export type JobKind = z.infer<typeof JobKind>;

/** How a job is named in messages ("Invoice load is already running."). */
export const jobLabels: Record<JobKind, string> = {
  'organizations-sync': 'Organization sync',
  'products-load': 'Product load',
  'invoice-load': 'Invoice load',
  'posting-preview': 'Sync preview',
  'posting-run': 'Sync to PSA',
};

export const JobProgressEvent = z.object({
  id: z.string(),
  kind: JobKind,
  done: z.number(),
  total: z.number().optional(),
  message: z.string().optional(),
});
export type JobProgressEvent = z.infer<typeof JobProgressEvent>;

export const jobsChannels = {
  /** Cancels a running job by id (from its progress events). */
  'jobs.cancel': {
    input: z.object({ id: z.string().max(100) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const;

export const jobsEvents = {
  /** Progress of a long job (pull, load, sync). */
  'jobs.progress': JobProgressEvent,
} as const;
