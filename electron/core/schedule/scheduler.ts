import type { DailyRunResult, LoadedPeriod, ScheduleStatus } from '@shared/contract';
import { AppError } from '../errors';
import type { SystemLog } from '../logs';
import type { PlatformConnection } from '../platform-connection';
import type { PlatformData } from '../platform-data';
import type { Notifier } from '../ports';
import type { Posting } from '../posting';
import type { Settings, SettingsStore } from '../settings';
import {
  currentAndPreviousMonth,
  isMonthComplete,
  latestMidnightUtc,
  nextMidnightUtc,
  utcDay,
} from './dailyTimes';

export interface SchedulerDeps {
  settings: SettingsStore;
  posting: Pick<Posting, 'run'>;
  platformData: Pick<PlatformData, 'periods' | 'load'>;
  platformConnection: Pick<PlatformConnection, 'current'>;
  /** ConnectWise connected and an Agreement Type saved: a run could post. */
  ready: () => boolean;
  systemLog: SystemLog;
  notifier: Notifier;
  now: () => Date;
  /** Told whenever the status changes: the tray and the screens follow it. */
  onChange?: (status: ScheduleStatus) => void;
}

/** A run due this long after its midnight was missed (asleep, shut down): a catch-up. */
const lateAfterMs = 10 * 60 * 1000;
/** While the previous month is this young, the Platform may still add lines to it. */
const previousMonthOpenDays = 5;

type Trigger = DailyRunResult['trigger'];

/**
 * "Automated Daily Invoice Line Sync" (docs/product.md §2.2): one run at each 00:00 UTC while
 * the toggle is on, the schedule not paused and the app ready; a midnight missed while asleep or
 * shut down is caught up once, not once per missed day. Electron-free: `tick()` decides, and the
 * shell (or a test) says when to tick.
 */
export function createScheduler(deps: SchedulerDeps) {
  let running: Promise<DailyRunResult> | null = null;
  let lastRun: DailyRunResult | null = null;
  /** After a run that found a manual Sync to PSA under way: when to try again. */
  let retryAt: number | null = null;

  const schedule = () => deps.settings.get().schedule;
  const setSchedule = (change: Partial<Settings['schedule']>) =>
    deps.settings.update((settings) => ({
      ...settings,
      schedule: { ...settings.schedule, ...change },
    }));

  function stateOf(settings: Settings): ScheduleStatus['state'] {
    if (!settings.configuration?.autoSync) return 'off';
    if (settings.schedule.paused) return 'paused';
    return deps.ready() ? 'scheduled' : 'not-ready';
  }

  // A midnight that passed while the schedule could not run is not a missed one: when it can run
  // again (toggle on, resumed, connected), it starts from the next midnight.
  let wasScheduled = stateOf(deps.settings.get()) === 'scheduled';
  let lastState = stateOf(deps.settings.get());
  deps.settings.onChange((settings) => {
    const state = stateOf(settings);
    const scheduled = state === 'scheduled';
    if (scheduled && !wasScheduled) {
      wasScheduled = true;
      setSchedule({ coveredThrough: latestMidnightUtc(deps.now()).toISOString() });
    }
    wasScheduled = scheduled;
    if (state !== lastState) {
      lastState = state;
      deps.onChange?.(status());
    }
  });

  function status(): ScheduleStatus {
    const state = stateOf(deps.settings.get());
    return {
      state,
      nextRunAt: state === 'scheduled' ? nextMidnightUtc(deps.now()).toISOString() : null,
      running: running !== null,
      lastRun,
    };
  }

  /** The months a daily run reloads from the Platform before posting. */
  function monthsToReload(now: Date): string[] {
    if (!deps.platformConnection.current()) return [];
    const { current, previous } = currentAndPreviousMonth(now);
    return now.getUTCDate() <= previousMonthOpenDays ? [previous, current] : [current];
  }

  /** Reloads, then posts every month with unsynced lines, oldest first (posting-rules §5.1). */
  async function runDaily(trigger: Trigger): Promise<DailyRunResult> {
    const startedAt = deps.now();
    const result: DailyRunResult = {
      trigger,
      startedAt: startedAt.toISOString(),
      finishedAt: startedAt.toISOString(),
      reloaded: [],
      months: [],
      problems: [],
    };
    const reload = monthsToReload(startedAt);
    if (reload.length > 0) {
      try {
        const loaded = await deps.platformData.load({
          periods: reload,
          source: { kind: 'platform' },
        });
        if (loaded.ok) result.reloaded = reload;
        else
          result.problems.push(
            `The Platform's lines were not loaded: ${loaded.totalProblems} problem(s).`,
          );
      } catch (error) {
        result.problems.push(`The Platform's lines were not loaded: ${messageOf(error)}`);
      }
    }
    const periods: LoadedPeriod[] = deps.platformData
      .periods()
      .filter((period) => period.lines > period.synced)
      .sort((a, b) => a.period.localeCompare(b.period));
    const newest = deps.platformData.periods()[0]?.period;
    for (const { period } of periods) {
      try {
        const summary = await deps.posting.run(
          {
            period,
            // Vanished subscriptions are cancelled only once their month is complete (§4).
            confirmCancellations: period === newest && isMonthComplete(period, startedAt),
          },
          'automatic',
        );
        result.months.push({
          period,
          posted: summary.posted,
          updated: summary.updated,
          adopted: summary.adopted,
          cancelledAdditions: summary.cancelledAdditions,
          skipped: summary.skipped,
          failed: summary.failed.reduce((sum, failure) => sum + failure.lineIds.length, 0),
        });
      } catch (error) {
        if (error instanceof AppError && error.kind === 'Busy') throw error;
        result.problems.push(`${period}: ${messageOf(error)}`);
      }
    }
    result.finishedAt = deps.now().toISOString();
    return result;
  }

  function report(result: DailyRunResult): void {
    const total = (key: 'posted' | 'updated' | 'failed') =>
      result.months.reduce((sum, month) => sum + month[key], 0);
    const counts = `${total('posted')} posted, ${total('updated')} updated, ${total('failed')} failed`;
    const title = result.trigger === 'sync-now' ? 'Sync now finished' : 'Automatic sync finished';
    deps.systemLog.write({
      level: total('failed') > 0 || result.problems.length > 0 ? 'warning' : 'info',
      title: `${title}: ${counts}`,
      details: [
        result.reloaded.length > 0
          ? `Reloaded from the Platform: ${result.reloaded.join(', ')}`
          : '',
        ...result.months.map(
          (m) =>
            `${m.period}: ${m.posted} posted, ${m.updated} updated, ${m.adopted} found already posted, ${m.skipped} skipped, ${m.failed} failed`,
        ),
        ...result.problems,
      ]
        .filter(Boolean)
        .join('\n'),
    });
    deps.notifier.notify(title, counts);
  }

  async function exclusive(trigger: Trigger): Promise<DailyRunResult> {
    if (running) {
      throw new AppError('Busy', 'The daily sync is already running. Wait for it to finish.');
    }
    const run = runDaily(trigger);
    running = run;
    deps.onChange?.(status());
    try {
      const result = await run;
      lastRun = result;
      report(result);
      return result;
    } finally {
      running = null;
      deps.onChange?.(status());
    }
  }

  return {
    status,

    /**
     * Runs the daily sync if a midnight is due: the shell calls this every minute and on
     * wake-up. Resolves when it is done (or found nothing to do).
     */
    async tick(): Promise<void> {
      const now = deps.now();
      if (running || stateOf(deps.settings.get()) !== 'scheduled') return;
      if (retryAt !== null && now.getTime() < retryAt) return;
      const midnight = latestMidnightUtc(now);
      const covered = schedule().coveredThrough;
      if (covered === null) {
        setSchedule({ coveredThrough: midnight.toISOString() });
        return;
      }
      if (midnight.getTime() <= new Date(covered).getTime()) return;
      const catchUp = now.getTime() - midnight.getTime() > lateAfterMs;
      if (catchUp) {
        deps.systemLog.write({
          level: 'info',
          title: `Catch-up run for ${utcDay(midnight)}`,
          details: `The app was not running at 00:00 UTC on ${utcDay(midnight)}; the missed daily sync runs now, once.`,
        });
      }
      try {
        await exclusive(catchUp ? 'catch-up' : 'schedule');
        retryAt = null;
        setSchedule({ coveredThrough: midnight.toISOString() });
      } catch (error) {
        if (error instanceof AppError && error.kind === 'Busy') {
          // A Sync to PSA or a load is under way: never two at once; try again in a minute.
          retryAt = now.getTime() + 60_000;
          deps.systemLog.write({
            level: 'info',
            title: 'Automatic sync waits',
            details: `${error.message} It starts once that has finished.`,
          });
          return;
        }
        setSchedule({ coveredThrough: midnight.toISOString() });
        deps.systemLog.write({
          level: 'error',
          title: 'Automatic sync failed',
          details: messageOf(error),
        });
      }
    },

    /** "Sync now" (the tray): the daily run at once, whatever the schedule says. */
    syncNow: () => exclusive('sync-now'),

    pause(): ScheduleStatus {
      setSchedule({ paused: true });
      return status();
    },

    resume(): ScheduleStatus {
      setSchedule({ paused: false });
      return status();
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;

function messageOf(error: unknown): string {
  return error instanceof AppError
    ? `${error.kind}: ${error.message}`
    : error instanceof Error
      ? error.message
      : String(error);
}
