/** "Automated Daily Invoice Line Sync": the daily run at 00:00 UTC, its pause, and "Sync now". */
import { z } from 'zod';
import { InvoicePeriod } from '../platformInvoiceLine';

/** What the run of one month came to. */
const MonthResult = z.object({
  period: InvoicePeriod,
  posted: z.number().int(),
  updated: z.number().int(),
  adopted: z.number().int(),
  cancelledAdditions: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
});

export const DailyRunResult = z.object({
  trigger: z.enum(['schedule', 'catch-up', 'sync-now']),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** Months whose lines were loaded again from the Platform first. */
  reloaded: z.array(InvoicePeriod),
  months: z.array(MonthResult),
  /** What went wrong outside a line (a load, a month's run), in plain words. */
  problems: z.array(z.string()),
});
export type DailyRunResult = z.infer<typeof DailyRunResult>;

export const ScheduleStatus = z.object({
  /**
   * `off`: the toggle is off; `paused`: the user paused it; `not-ready`: no ConnectWise
   * connection or Agreement Type; `scheduled`: it runs at `nextRunAt`.
   */
  state: z.enum(['off', 'paused', 'not-ready', 'scheduled']),
  /** The next 00:00 UTC it runs at (ISO), when scheduled. */
  nextRunAt: z.string().nullable(),
  running: z.boolean(),
  lastRun: DailyRunResult.nullable(),
});
export type ScheduleStatus = z.infer<typeof ScheduleStatus>;

export const scheduleChannels = {
  'schedule.status': { input: z.undefined(), output: ScheduleStatus },
  /** Stops the daily run until resumed (kept across restarts); a run under way goes on. */
  'schedule.pause': { input: z.undefined(), output: ScheduleStatus },
  'schedule.resume': { input: z.undefined(), output: ScheduleStatus },
  /** The daily run, now: what the tray's "Sync now" does. */
  'schedule.syncNow': { input: z.undefined(), output: DailyRunResult },
} as const;

export const scheduleEvents = {
  /** The schedule changed: a run started or ended, it was paused or resumed. */
  'schedule.changed': ScheduleStatus,
} as const;
