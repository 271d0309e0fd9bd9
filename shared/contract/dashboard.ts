/** The Dashboard (docs/product.md §6): did last night's sync run, and what is left to do. */
import { z } from 'zod';
import { InvoicePeriod } from '../platformInvoiceLine';
import { LineStatus } from './platformData';

const Coverage = z.object({ mapped: z.number().int(), total: z.number().int() });

export const PostedDay = z.object({
  /** A UTC day, `YYYY-MM-DD`: the daily sync runs at 00:00 UTC. */
  day: z.string(),
  currency: z.string(),
  amount: z.number(),
  lines: z.number().int(),
});
export type PostedDay = z.infer<typeof PostedDay>;

export const PostingRunRow = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  trigger: z.enum(['manual', 'automatic']),
  status: z.enum(['running', 'completed', 'cancelled', 'failed', 'interrupted']),
  period: InvoicePeriod.nullable(),
  posted: z.number().int(),
  updated: z.number().int(),
  failed: z.number().int(),
});
export type PostingRunRow = z.infer<typeof PostingRunRow>;

export const DashboardSummary = z.object({
  /** "Last Sync to Platform": when Organizations were last synced. */
  lastPlatformSync: z.string().nullable(),
  /** "Last Sync to PSA": when a Sync to PSA last completed. */
  lastPsaSync: z.string().nullable(),
  /** The newest month loaded, which the counts are of; null before any load. */
  period: InvoicePeriod.nullable(),
  lineCounts: z.record(LineStatus, z.number().int()),
  organizations: Coverage,
  products: Coverage,
  /** The last 30 UTC days that posted anything, oldest first. */
  postedPerDay: z.array(PostedDay),
  /** The latest Sync to PSA runs, newest first. */
  runs: z.array(PostingRunRow),
});
export type DashboardSummary = z.infer<typeof DashboardSummary>;

export const dashboardChannels = {
  'dashboard.summary': { input: z.undefined(), output: DashboardSummary },
} as const;
