import type { LoadedPeriod, PostingSummary } from '@shared/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeClock, memorySettingsFile, silentLogger } from '../../../tests/support/fakePorts';
import { AppError } from '../errors';
import { createSystemLog } from '../logs';
import { createSettingsStore, defaultSettings } from '../settings';
import { openDatabase } from '../store';
import { nextMidnightUtc } from './dailyTimes';
import { createScheduler } from './scheduler';

/**
 * The daily run under a fake clock. `npm run test:tz` runs this file again under
 * Pacific/Kiritimati and America/Adak; Europe/Warsaw's daylight-saving change is crossed below.
 */
const configuration = {
  version: 1,
  savedAt: '2026-10-01T00:00:00.000Z',
  agreementType: { id: 1, name: 'Managed Services' },
  endDateRules: [],
  startDateRules: [],
  customChargeTypeNames: {},
  autoSync: true,
  additionMarkerField: { kind: 'serialNumber' as const },
  agreementMarkerField: null,
  recurringChanges: 'update' as const,
};

const month = (period: string, lines: number, synced: number): LoadedPeriod => ({
  period,
  lines,
  synced,
  lastLoadedAt: '2026-11-01T00:00:00.000Z',
  source: 'platform',
  sourceName: null,
});

const summary = (posted: number): PostingSummary => ({
  runId: 1,
  status: 'completed',
  posted,
  updated: 0,
  adopted: 0,
  cancelledAdditions: 0,
  skipped: 0,
  failed: [],
  duplicates: [],
  seconds: 0,
});

function harness(start: string, options: { autoSync?: boolean; platform?: boolean } = {}) {
  const clock = new FakeClock(new Date(start));
  const settings = createSettingsStore(
    memorySettingsFile({
      ...defaultSettings,
      configuration: { ...configuration, autoSync: options.autoSync ?? true },
    }),
    silentLogger,
    clock.now,
  );
  const runs: Array<{ period: string; confirmCancellations: boolean; at: string }> = [];
  const loads: string[][] = [];
  const systemLog = createSystemLog(openDatabase(':memory:'), clock);
  const notified: string[] = [];
  const changes: string[] = [];
  let periods: LoadedPeriod[] = [month('2026-10', 10, 10), month('2026-11', 10, 4)];
  let ready = true;
  /** A manual Sync to PSA holds the engine's one run at a time. */
  let manualRun = false;
  let inFlight = 0;
  let mostInFlight = 0;
  const scheduler = createScheduler({
    settings,
    posting: {
      run: async (scope) => {
        if (manualRun) throw new AppError('Busy', 'Sync to PSA is already running.');
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        runs.push({
          period: scope.period,
          confirmCancellations: scope.confirmCancellations,
          at: clock.now().toISOString(),
        });
        await Promise.resolve();
        inFlight -= 1;
        return summary(3);
      },
    },
    platformData: {
      periods: () => [...periods].sort((a, b) => b.period.localeCompare(a.period)),
      load: async (input) => {
        loads.push(input.periods);
        return { ok: true, periods: [], outsidePeriods: 0 };
      },
    },
    platformConnection: {
      current: () =>
        options.platform === false
          ? null
          : {
              baseUrl: 'https://p',
              platformName: 'P',
              accountName: 'A',
              savedAt: start,
              tokenSaved: true,
            },
    },
    ready: () => ready,
    systemLog,
    notifier: { notify: (title, body) => notified.push(`${title}: ${body}`) },
    now: clock.now,
    onChange: (status) => changes.push(`${status.state}${status.running ? ', running' : ''}`),
  });
  return {
    clock,
    settings,
    scheduler,
    runs,
    loads,
    logs: () => systemLog.recent().map((entry) => entry.title),
    notified,
    changes,
    setPeriods: (next: LoadedPeriod[]) => {
      periods = next;
    },
    setReady: (value: boolean) => {
      ready = value;
      // The app's readiness comes from the settings; a change there is what the scheduler hears.
      settings.update((s) => ({ ...s }));
    },
    setManualRun: (value: boolean) => {
      manualRun = value;
    },
    mostInFlight: () => mostInFlight,
    /** Ticks as the shell does, once a minute, for `minutes`. */
    async minutes(minutes: number) {
      for (let i = 0; i < minutes; i += 1) {
        clock.advance(60_000);
        await scheduler.tick();
      }
    },
  };
}

describe('the next automatic run', () => {
  it('is always the next 00:00 UTC, whatever the time zone or daylight saving', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (now) => {
          const next = nextMidnightUtc(now);
          expect(next.getTime()).toBeGreaterThan(now.getTime());
          expect(next.getTime() - now.getTime()).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
          expect(next.toISOString()).toMatch(/T00:00:00\.000Z$/);
        },
      ),
    );
  });

  it('stays at 00:00 UTC across the night Europe/Warsaw changes its clocks', async () => {
    // Warsaw leaves summer time at 03:00 local on 2026-10-25 (01:00 UTC).
    const h = harness('2026-10-24T18:00:00Z');
    await h.scheduler.tick();
    expect(h.scheduler.status().nextRunAt).toBe('2026-10-25T00:00:00.000Z');
    await h.minutes(7 * 60);
    expect(h.runs.map((run) => run.at)).toEqual(['2026-10-25T00:00:00.000Z']);
    expect(h.scheduler.status().nextRunAt).toBe('2026-10-26T00:00:00.000Z');
  });
});

describe('the daily run', () => {
  it('runs once at 00:00 UTC, posting each month with unsynced lines, and not again that day', async () => {
    const h = harness('2026-11-19T23:55:00Z');
    await h.scheduler.tick();
    await h.minutes(4);
    expect(h.runs).toEqual([]);
    await h.minutes(2);
    expect(h.runs).toEqual([
      { period: '2026-11', confirmCancellations: false, at: '2026-11-20T00:00:00.000Z' },
    ]);
    expect(h.loads).toEqual([['2026-11']]);
    expect(h.notified).toEqual(['Automatic sync finished: 3 posted, 0 updated, 0 failed']);
    await h.minutes(23 * 60);
    expect(h.runs).toHaveLength(1);
  });

  it('after three missed midnights, catches up once, and says so', async () => {
    const h = harness('2026-11-19T22:00:00Z');
    await h.scheduler.tick();
    // The laptop sleeps from Thursday evening to Sunday morning.
    h.clock.set('2026-11-22T08:30:00Z');
    await h.scheduler.tick();
    await h.minutes(10);
    expect(h.runs).toHaveLength(1);
    expect(h.runs[0]?.at).toBe('2026-11-22T08:30:00.000Z');
    expect(h.logs()).toContain('Catch-up run for 2026-11-22');
    expect(h.scheduler.status().lastRun?.trigger).toBe('catch-up');
  });

  it('does not run while paused, with the toggle off or without a connection, nor catch up after', async () => {
    const h = harness('2026-11-19T22:00:00Z');
    await h.scheduler.tick();
    h.scheduler.pause();
    expect(h.scheduler.status()).toMatchObject({ state: 'paused', nextRunAt: null });
    await h.minutes(3 * 60);
    h.clock.set('2026-11-21T10:00:00Z');
    await h.scheduler.tick();
    expect(h.runs).toEqual([]);
    // Resumed mid-morning: the midnights it slept through are not made up for.
    h.scheduler.resume();
    await h.minutes(60);
    expect(h.runs).toEqual([]);
    expect(h.scheduler.status().nextRunAt).toBe('2026-11-22T00:00:00.000Z');

    h.setReady(false);
    expect(h.scheduler.status().state).toBe('not-ready');
    h.clock.set('2026-11-22T00:00:30Z');
    await h.scheduler.tick();
    expect(h.runs).toEqual([]);

    h.setReady(true);
    h.settings.update((s) => ({
      ...s,
      configuration: s.configuration && { ...s.configuration, autoSync: false },
    }));
    expect(h.scheduler.status().state).toBe('off');
    h.clock.set('2026-11-23T00:00:30Z');
    await h.scheduler.tick();
    expect(h.runs).toEqual([]);
  });

  it('waits for a manual Sync to PSA started at 23:59:59, never running beside it', async () => {
    const h = harness('2026-11-19T23:59:00Z');
    await h.scheduler.tick();
    h.clock.set('2026-11-19T23:59:59Z');
    h.setManualRun(true);
    await h.minutes(1);
    expect(h.runs).toEqual([]);
    expect(h.logs()).toContain('Automatic sync waits');
    h.setManualRun(false);
    await h.minutes(2);
    expect(h.runs).toHaveLength(1);
    expect(h.mostInFlight()).toBe(1);
    await h.minutes(60);
    expect(h.runs).toHaveLength(1);
  });

  it('reloads the previous month too while it is young, and cancels vanished subscriptions only for a complete month', async () => {
    const h = harness('2026-12-02T23:59:00Z');
    h.setPeriods([month('2026-11', 10, 2)]);
    await h.scheduler.tick();
    await h.minutes(2);
    expect(h.loads).toEqual([['2026-11', '2026-12']]);
    // November is complete on December 3rd, and it is the newest month loaded.
    expect(h.runs).toEqual([
      { period: '2026-11', confirmCancellations: true, at: '2026-12-03T00:00:00.000Z' },
    ]);
  });

  it('without a Platform connection, posts what is loaded', async () => {
    const h = harness('2026-11-19T23:59:00Z', { platform: false });
    await h.scheduler.tick();
    await h.minutes(2);
    expect(h.loads).toEqual([]);
    expect(h.runs.map((run) => run.period)).toEqual(['2026-11']);
  });

  it('"Sync now" runs at once, and refuses a second while the first runs', async () => {
    const h = harness('2026-11-19T12:00:00Z', { autoSync: false });
    const first = h.scheduler.syncNow();
    await expect(h.scheduler.syncNow()).rejects.toMatchObject({ kind: 'Busy' });
    await expect(first).resolves.toMatchObject({ trigger: 'sync-now', months: [{ posted: 3 }] });
    // The tray and the screens are told when it starts and ends, and when the toggle goes on.
    expect(h.changes).toEqual(['off, running', 'off']);
    h.settings.update((s) => ({
      ...s,
      configuration: s.configuration && { ...s.configuration, autoSync: true },
    }));
    expect(h.changes.at(-1)).toBe('scheduled');
  });
});
