import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { InvoicePage, LineStatus, SavedConfiguration, ScheduleStatus } from '@shared/contract';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core';
import {
  type ConnectWiseSimulator,
  startConnectWiseSimulator,
} from '../../electron/sandbox/connectwise';
import { type PlatformSimulator, startPlatformSimulator } from '../../electron/sandbox/platform';
import { configurationInputOf, rulesForMonthlyPosting } from '../support/configurationInput';
import { FakeClock, FakePower, temporaryDirectory } from '../support/fakePorts';
import { mapEverything, preparedCore, value } from '../support/postingSetup';

/**
 * "Automated Daily Invoice Line Sync" against the simulators: the run at 00:00 UTC posts the
 * Ready lines and logs itself; the next day's finds nothing new to post.
 */
const evening = new Date('2026-11-19T23:58:00Z');
const period = '2026-11';
const clock = new FakeClock(evening);
const power = new FakePower();

let connectwise: ConnectWiseSimulator;
let platform: PlatformSimulator;
let core: Core;
const databasePath = join(temporaryDirectory(), 'data.sqlite');

async function count(status: LineStatus): Promise<number> {
  const page = await value<InvoicePage>(core, 'platformData.page', {
    period,
    offset: 0,
    limit: 1,
    status,
  });
  return page.total;
}

const synced = () => count('Synced');
const ready = () => count('Ready');

beforeAll(async () => {
  [connectwise, platform] = await Promise.all([
    startConnectWiseSimulator({ seed: 41, companies: 120 }),
    startPlatformSimulator({ seed: 41, organizations: 12, months: 1, now: clock.now }),
  ]);
  core = await preparedCore(connectwise, platform, {
    databasePath,
    period,
    clock,
    power,
  });
  await mapEverything(core, connectwise, platform, period);
  const saved = await value<SavedConfiguration>(core, 'configuration.get');
  await value(core, 'configuration.save', {
    ...configurationInputOf(saved),
    ...rulesForMonthlyPosting,
    autoSync: true,
  });
});

afterAll(async () => {
  await core?.close();
  await Promise.all([connectwise.close(), platform.close()]);
});

describe('the daily run at 00:00 UTC', () => {
  it('posts the Ready lines at midnight and logs the run', async () => {
    await core.tickSchedule();
    expect(await value<ScheduleStatus>(core, 'schedule.status')).toMatchObject({
      state: 'scheduled',
      nextRunAt: '2026-11-20T00:00:00.000Z',
    });
    const before = await ready();
    expect(before).toBeGreaterThan(0);
    expect(await synced()).toBe(0);

    clock.set('2026-11-20T00:00:20Z');
    await core.tickSchedule();
    // A posting rule may hold a few back (a first invoice billing more than one cycle).
    expect(await synced()).toBeGreaterThan(before * 0.8);
    expect((await synced()) + (await count('Needs attention'))).toBe(before);
    expect(await ready()).toBe(0);
    const status = await value<ScheduleStatus>(core, 'schedule.status');
    expect(status.lastRun).toMatchObject({
      trigger: 'schedule',
      reloaded: [period],
      months: [{ period, posted: expect.any(Number), failed: 0 }],
      problems: [],
    });
    expect(status.nextRunAt).toBe('2026-11-21T00:00:00.000Z');
    const db = new DatabaseSync(databasePath, { readOnly: true });
    try {
      const titles = db.prepare('SELECT title FROM system_log').all() as Array<{ title: string }>;
      expect(titles.map((entry) => entry.title)).toContainEqual(
        expect.stringMatching(/^Automatic sync finished: [1-9]\d* posted, 0 updated, 0 failed$/),
      );
    } finally {
      db.close();
    }
  });

  it('the next day posts nothing new, and ConnectWise is unchanged', async () => {
    const before = JSON.stringify(connectwise.data.additions);
    clock.set('2026-11-21T00:00:20Z');
    await core.tickSchedule();
    const status = await value<ScheduleStatus>(core, 'schedule.status');
    expect(status.lastRun?.startedAt).toBe('2026-11-21T00:00:20.000Z');
    for (const month of status.lastRun?.months ?? []) {
      expect(month).toMatchObject({ posted: 0, updated: 0, failed: 0 });
    }
    expect(JSON.stringify(connectwise.data.additions)).toBe(before);
  });

  it('a laptop that slept through three midnights catches up once when it wakes', async () => {
    // Started the morning after the last run: nothing is due.
    clock.set('2026-11-21T08:00:00Z');
    core.startSchedule();
    const titles = () => {
      const db = new DatabaseSync(databasePath, { readOnly: true });
      try {
        return (
          db.prepare('SELECT title FROM system_log ORDER BY id').all() as Array<{
            title: string;
          }>
        ).map((entry) => entry.title);
      } finally {
        db.close();
      }
    };
    const runsBefore = titles().filter((title) => title.startsWith('Automatic sync finished'));

    clock.set('2026-11-24T07:00:00Z');
    power.wake();
    await vi.waitFor(async () => {
      const status = await value<ScheduleStatus>(core, 'schedule.status');
      expect(status).toMatchObject({
        running: false,
        lastRun: { trigger: 'catch-up', startedAt: '2026-11-24T07:00:00.000Z' },
      });
    });
    power.wake();
    await core.tickSchedule();

    const after = titles();
    expect(after.filter((title) => title.startsWith('Catch-up run for'))).toEqual([
      'Catch-up run for 2026-11-24',
    ]);
    expect(after.filter((title) => title.startsWith('Automatic sync finished'))).toHaveLength(
      runsBefore.length + 1,
    );
    expect((await value<ScheduleStatus>(core, 'schedule.status')).nextRunAt).toBe(
      '2026-11-25T00:00:00.000Z',
    );
  });
});
