import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type {
  BridgeResult,
  DashboardSummary,
  LogEntryDetail,
  LogPage,
  SavedConfiguration,
} from '@shared/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import {
  type ConnectWiseSimulator,
  startConnectWiseSimulator,
} from '../../electron/sandbox/connectwise';
import { type PlatformSimulator, startPlatformSimulator } from '../../electron/sandbox/platform';
import { configurationInputOf, rulesForMonthlyPosting } from '../support/configurationInput';
import { FakeClock, temporaryDirectory } from '../support/fakePorts';
import { mapEverything, preparedCore, value } from '../support/postingSetup';

/**
 * What the Dashboard and System Logs report after a Sync to PSA in which one Offer's Product
 * was deactivated in ConnectWise after it was mapped: its lines fail, the rest post.
 */
const clock = new FakeClock(new Date('2026-11-20T09:00:00Z'));
const period = '2026-11';
const databasePath = join(temporaryDirectory(), 'data.sqlite');

let connectwise: ConnectWiseSimulator;
let platform: PlatformSimulator;
let core: Core;
let failingLines: string[];

const monthLines = () =>
  platform.data.invoiceLines.filter((line) => line.invoiceDate.startsWith(period));

beforeAll(async () => {
  [connectwise, platform] = await Promise.all([
    startConnectWiseSimulator({ seed: 43, companies: 120 }),
    startPlatformSimulator({ seed: 43, organizations: 8, months: 1, now: clock.now }),
  ]);
  core = await preparedCore(connectwise, platform, { databasePath, period, clock });
  await mapEverything(core, connectwise, platform, period);
  const saved = await value<SavedConfiguration>(core, 'configuration.get');
  await value(core, 'configuration.save', {
    ...configurationInputOf(saved),
    ...rulesForMonthlyPosting,
  });
  // One Offer gets a Product of its own, which someone then deactivates in ConnectWise.
  const [, doomed] = connectwise.data.catalog.filter(
    (item) => !item.inactiveFlag && item.productClass !== 'Bundle',
  );
  const offer = monthLines()[0]?.offerId;
  if (!doomed || !offer) throw new Error('seed too small');
  await value(core, 'mapping.mapOffer', { offerId: offer, catalogItemId: doomed.id });
  failingLines = monthLines()
    .filter((line) => line.offerId === offer)
    .map((line) => line.lineId);
  doomed.inactiveFlag = true;
});

afterAll(async () => {
  await core?.close();
  await Promise.all([connectwise.close(), platform.close()]);
});

describe('the Dashboard', () => {
  it('before any sync: the month waiting, nothing posted, no runs', async () => {
    const summary = await value<DashboardSummary>(core, 'dashboard.summary');
    expect(summary).toMatchObject({
      lastPsaSync: null,
      lastPlatformSync: expect.any(String),
      period,
      postedPerDay: [],
      runs: [],
      organizations: { mapped: 8, total: 8 },
    });
    expect(summary.lineCounts.Ready).toBeGreaterThan(failingLines.length);
    expect(summary.lineCounts.Synced).toBe(0);
  });

  it('after a sync: the counts, the amount posted per day and currency, and the run', async () => {
    clock.advance(60_000);
    await value(core, 'posting.run', { period, confirmCancellations: false });
    const summary = await value<DashboardSummary>(core, 'dashboard.summary');
    const synced = new Set(
      (
        await value<{ rows: Array<{ lineId: string }> }>(core, 'platformData.page', {
          period,
          offset: 0,
          limit: 500,
          status: 'Synced',
        })
      ).rows.map((row) => row.lineId),
    );
    expect(summary.lineCounts.Failed).toBe(failingLines.length);
    expect(summary.lineCounts.Synced).toBe(synced.size);
    expect(summary.lineCounts.Ready).toBe(0);

    // What was posted today, per currency: each synced line's quantity × unit price.
    const expected = new Map<string, number>();
    for (const line of monthLines().filter((l) => synced.has(l.lineId))) {
      const amount = Number(line.quantity) * Number(line.unitPrice);
      expected.set(line.currency, (expected.get(line.currency) ?? 0) + amount);
    }
    expect(summary.postedPerDay.map((day) => day.day)).toEqual(
      [...expected.keys()].map(() => '2026-11-20'),
    );
    for (const day of summary.postedPerDay) {
      expect(day.amount).toBeCloseTo(expected.get(day.currency) ?? Number.NaN, 2);
    }
    expect(summary.postedPerDay.reduce((sum, day) => sum + day.lines, 0)).toBe(synced.size);

    expect(summary.runs).toEqual([
      expect.objectContaining({
        trigger: 'manual',
        status: 'completed',
        period,
        posted: expect.any(Number),
        failed: failingLines.length,
      }),
    ]);
    expect(summary.lastPsaSync).toBe(summary.runs[0]?.finishedAt);
  });
});

describe('System Logs', () => {
  it('names the failure, its remedy, the line and the request, without a credential', async () => {
    const errors = await value<LogPage>(core, 'logs.page', {
      level: 'error',
      offset: 0,
      limit: 50,
    });
    const failure = errors.rows.find((row) => row.title === 'Line not posted: Validation Error');
    expect(failure).toBeDefined();
    const entry = await value<LogEntryDetail>(core, 'logs.entry', { id: failure?.id ?? 0 });
    expect(entry).toMatchObject({
      kind: 'Validation Error',
      troubleshooting: { name: 'Validation Error', remedy: expect.stringMatching(/^Correct/) },
      subject: { kind: 'lines', period, lineIds: [expect.any(String)] },
      exchange: {
        method: 'POST',
        path: expect.stringMatching(/^\/finance\/agreements\/\d+\/additions$/),
        status: 400,
        requestBody: expect.stringContaining('"product"'),
        responseBody: expect.stringContaining('product/id'),
      },
    });
    expect(failingLines).toContain(entry.subject?.lineIds[0]);

    const db = new DatabaseSync(databasePath, { readOnly: true });
    try {
      const stored = JSON.stringify(db.prepare('SELECT * FROM system_log').all());
      expect(stored).not.toContain(connectwise.credentials.privateKey);
    } finally {
      db.close();
    }
  });

  it('keeps why a job failed, under its troubleshooting name', async () => {
    connectwise.setPermissions(['Companies']);
    try {
      const result: BridgeResult = await core.dispatch('mapping.syncOrganizations', undefined);
      expect(result.ok).toBe(false);
    } finally {
      connectwise.setPermissions([]);
    }
    const [newest] = (await value<LogPage>(core, 'logs.page', { offset: 0, limit: 1 })).rows;
    expect(newest?.title).toBe('Organization sync failed: Permission Error');
    const entry = await value<LogEntryDetail>(core, 'logs.entry', { id: newest?.id ?? 0 });
    expect(entry.troubleshooting).toMatchObject({
      name: 'Permission Error',
      remedy: 'Add that permission to the role in ConnectWise, then retry.',
    });
    expect(entry.exchange).toMatchObject({ method: 'GET', status: 403 });
  });

  it('exports what the filter shows', async () => {
    const { csv, entries } = await value<{ csv: string; entries: number }>(core, 'logs.exportCsv', {
      level: 'error',
      search: 'Validation',
    });
    expect(entries).toBeGreaterThan(0);
    const rows = csv.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(entries);
    for (const row of rows) expect(row).toMatch(/^[^,]+,ERROR,/);
  });
});
