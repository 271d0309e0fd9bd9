import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { BridgeResult, InvoicePage, LoadedPeriod, LoadInvoicesResult } from '@shared/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core';
import { type PlatformSimulator, startPlatformSimulator } from '../../electron/sandbox/platform';
import { FakeClock, fakePorts, memorySettingsFile, temporaryDirectory } from '../support/fakePorts';

const fixtures = join(import.meta.dirname, '../fixtures/platform-export');

async function value<T>(core: Core, channel: string, input?: unknown): Promise<T> {
  const result: BridgeResult = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.kind}: ${result.error.message}`);
  return result.value as T;
}

function tables(databasePath: string): string {
  const db = new DatabaseSync(databasePath);
  try {
    return [
      'invoice_line',
      'platform_organization',
      'platform_offer',
      'platform_contract',
      'platform_invoice',
    ]
      .map((table) => JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()))
      .join('\n');
  } finally {
    db.close();
  }
}

function sql(databasePath: string, statement: string, ...params: Array<string | number>) {
  const db = new DatabaseSync(databasePath);
  try {
    return db.prepare(statement).all(...params);
  } finally {
    db.close();
  }
}

describe('loading invoice lines from the Platform API', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  let platform: PlatformSimulator;
  let core: Core;
  let databasePath: string;
  const settings = memorySettingsFile();

  beforeAll(async () => {
    platform = await startPlatformSimulator({
      seed: 4,
      organizations: 40,
      months: 15,
      now: () => now,
    });
    databasePath = join(temporaryDirectory(), 'data.sqlite');
    core = createCore(
      fakePorts({
        databasePath,
        settingsFile: settings,
        clock: new FakeClock(now),
        sleep: async () => {},
      }),
    );
  });

  afterAll(async () => {
    await core.close();
    await platform.close();
  });

  it('tests and saves the Platform connection, the token in the keychain only', async () => {
    const wrong = await value(core, 'platformConnection.test', {
      baseUrl: platform.baseUrl,
      token: 'wrong-token',
    });
    expect(wrong).toMatchObject({
      ok: false,
      problem: { kind: 'Authentication Error', field: 'token' },
    });
    const saved = await value<{ ok: boolean }>(core, 'platformConnection.save', {
      baseUrl: platform.baseUrl,
      token: platform.token,
    });
    expect(saved.ok).toBe(true);
    expect(await value(core, 'platformConnection.current')).toMatchObject({
      baseUrl: platform.baseUrl,
      tokenSaved: true,
    });
    expect(JSON.stringify(await value(core, 'platformConnection.current'))).not.toContain(
      platform.token,
    );
    expect(await value(core, 'platformData.loadChoices')).toEqual({
      current: '2026-11',
      previous: '2026-10',
      platformConnected: true,
    });
  });

  it('loads the current and previous month; the periods appear; a reload does not duplicate', async () => {
    const expected = (period: string) =>
      platform.data.invoiceLines.filter((l) => l.invoiceDate.startsWith(period)).length;
    const result = await value<LoadInvoicesResult>(core, 'platformData.load', {
      periods: ['2026-11', '2026-10'],
      source: { kind: 'platform' },
    });
    expect(result).toEqual({
      ok: true,
      periods: [
        { period: '2026-10', lines: expected('2026-10'), removed: 0, keptSynced: 0 },
        { period: '2026-11', lines: expected('2026-11'), removed: 0, keptSynced: 0 },
      ],
      outsidePeriods: 0,
    });
    expect(expected('2026-11')).toBeGreaterThan(50);
    const periods = await value<LoadedPeriod[]>(core, 'platformData.periods');
    expect(periods.map((p) => [p.period, p.lines, p.source])).toEqual([
      ['2026-11', expected('2026-11'), 'platform'],
      ['2026-10', expected('2026-10'), 'platform'],
    ]);

    await value(core, 'platformData.load', {
      periods: ['2026-11', '2026-10'],
      source: { kind: 'platform' },
    });
    const count = sql(databasePath, 'SELECT COUNT(*) AS n FROM invoice_line') as Array<{
      n: number;
    }>;
    expect(count[0]?.n).toBe(expected('2026-11') + expected('2026-10'));
  });

  it('keeps a synced line as it was sent through a reload of its month, flagged "Changed since sync"', async () => {
    const [line] = sql(
      databasePath,
      "SELECT line_id FROM invoice_line WHERE period = '2026-11' LIMIT 1",
    ) as Array<{
      line_id: string;
    }>;
    if (!line) throw new Error('no line');
    // As the posting engine records a line it has posted (its own table), with a value that
    // the Platform has since changed.
    sql(
      databasePath,
      "INSERT INTO line_sync_result (line_id, status, at, addition_id) VALUES (?, 'synced', '2026-11-20T00:00:00Z', 4711)",
      line.line_id,
    );
    sql(databasePath, "UPDATE invoice_line SET quantity = '999' WHERE line_id = ?", line.line_id);
    const before = sql(databasePath, 'SELECT * FROM invoice_line WHERE line_id = ?', line.line_id);
    const result = await value<LoadInvoicesResult>(core, 'platformData.load', {
      periods: ['2026-11'],
      source: { kind: 'platform' },
    });
    expect(result.ok && result.periods[0]?.keptSynced).toBe(1);
    expect(sql(databasePath, 'SELECT * FROM invoice_line WHERE line_id = ?', line.line_id)).toEqual(
      before.map((row) => ({ ...(row as object), changed_since_sync_at: expect.any(String) })),
    );
    const synced = await value<InvoicePage>(core, 'platformData.page', {
      period: '2026-11',
      offset: 0,
      limit: 10,
      status: 'Synced',
    });
    expect(synced.total).toBe(1);
    expect(synced.rows[0]).toMatchObject({
      lineId: line.line_id,
      quantity: '999',
      status: 'Synced',
      statusDetail: 'Addition 4711 at 2026-11-20T00:00:00Z',
      changedSinceSync: true,
      editable: false,
    });
    const periods = await value<LoadedPeriod[]>(core, 'platformData.periods');
    expect(periods.find((p) => p.period === '2026-11')?.synced).toBe(1);
  });

  it('pages, sorts and filters a month in the store', async () => {
    const page = await value<InvoicePage>(core, 'platformData.page', {
      period: '2026-11',
      offset: 0,
      limit: 25,
      sort: { column: 'unitPrice', direction: 'desc' },
    });
    expect(page.rows).toHaveLength(25);
    const prices = page.rows.map((row) => Number(row.unitPrice));
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    expect(page.rows[0]).toMatchObject({
      status: expect.any(String),
      chargeStart: { badge: 'none' },
    });

    const usage = await value<InvoicePage>(core, 'platformData.page', {
      period: '2026-11',
      offset: 0,
      limit: 500,
      chargeType: 'Usage Fee',
    });
    expect(usage.total).toBe(
      platform.data.invoiceLines.filter(
        (l) => l.invoiceDate.startsWith('2026-11') && l.chargeType === 'Usage Fee',
      ).length,
    );
    expect(usage.rows.every((row) => row.chargeType.platformName === 'Usage Fee')).toBe(true);

    const name = page.rows[0]?.organizationName ?? '';
    const found = await value<InvoicePage>(core, 'platformData.page', {
      period: '2026-11',
      offset: 0,
      limit: 500,
      search: name,
    });
    expect(found.total).toBeGreaterThan(0);
    expect(found.rows.every((row) => JSON.stringify(row).includes(name))).toBe(true);
  });

  it('never lets the Platform token reach the settings, the database, its logs or a response', async () => {
    const files = readdirSync(dirname(databasePath)).map((name) =>
      readFileSync(join(dirname(databasePath), name)).toString('latin1'),
    );
    const haystack = [
      ...files,
      JSON.stringify(settings.written),
      JSON.stringify(sql(databasePath, 'SELECT * FROM system_log')),
      JSON.stringify(sql(databasePath, 'SELECT * FROM audit_log')),
      JSON.stringify(await value(core, 'platformConnection.current')),
      JSON.stringify(await value(core, 'platformData.periods')),
    ].join('\n');
    expect(files.length).toBeGreaterThanOrEqual(1);
    expect(haystack).toContain('Platform connection saved');
    expect(haystack).not.toContain(platform.token);
  });

  it('a cancelled load leaves the store exactly as it was', async () => {
    const before = tables(databasePath);
    platform.faults.set({ latencyMs: 100 });
    const cancelOnFirstProgress = core.subscribe((name, payload) => {
      if (name === 'jobs.progress')
        void core.dispatch('jobs.cancel', { id: (payload as { id: string }).id });
    });
    const result = await core.dispatch('platformData.load', {
      periods: ['2026-11', '2026-10'],
      source: { kind: 'platform' },
    });
    cancelOnFirstProgress();
    platform.faults.clear();
    expect(result).toMatchObject({ ok: false, error: { kind: 'Cancelled' } });
    expect(tables(databasePath)).toBe(before);
  });
});

describe('loading invoice lines from an export file', () => {
  let core: Core;
  let databasePath: string;

  beforeAll(() => {
    databasePath = join(temporaryDirectory(), 'data.sqlite');
    // February 2026: the fixtures' January is "Previous Month".
    core = createCore(
      fakePorts({ databasePath, clock: new FakeClock(new Date('2026-02-10T09:00:00Z')) }),
    );
  });

  afterAll(() => core.close());

  async function loadFile(name: string, options: Record<string, unknown> = {}) {
    const file = await core.receiveExportFile(name, createReadStream(join(fixtures, name)));
    return value<LoadInvoicesResult>(core, 'platformData.load', {
      periods: ['2026-01'],
      source: { kind: 'file', fileId: file.fileId, options },
    });
  }

  it('loads the sample file, and a second load of it replaces rather than duplicates', async () => {
    const first = await loadFile('sample-invoice-lines.csv');
    expect(first).toEqual({
      ok: true,
      periods: [{ period: '2026-01', lines: 20, removed: 0, keptSynced: 0 }],
      outsidePeriods: 0,
    });
    const second = await loadFile('sample-invoice-lines.csv');
    expect(second.ok).toBe(true);
    expect(sql(databasePath, 'SELECT COUNT(*) AS n FROM invoice_line')).toEqual([{ n: 20 }]);
  });

  it.each([
    'broken-missing-required-column.csv',
    'broken-bad-date.csv',
    'broken-bad-number.csv',
    'broken-unknown-charge-type.csv',
    'broken-header-only.csv',
    'broken-zero-bytes.csv',
    'broken-binary.png',
    'broken-malformed.json',
    'broken-unclosed-quote.csv',
  ])('rejects %s whole, lists its problems, and changes nothing', async (name) => {
    const before = tables(databasePath);
    const result = await loadFile(name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.totalProblems).toBeGreaterThanOrEqual(result.problems.length);
    for (const problem of result.problems) expect(problem.reason.length).toBeGreaterThan(5);
    expect(tables(databasePath)).toBe(before);
  });

  it('refuses a file with no lines in the chosen month instead of emptying the month', async () => {
    const before = tables(databasePath);
    const file = await core.receiveExportFile(
      'sample-invoice-lines.csv',
      createReadStream(join(fixtures, 'sample-invoice-lines.csv')),
    );
    const result = await value<LoadInvoicesResult>(core, 'platformData.load', {
      periods: ['2026-02'],
      source: { kind: 'file', fileId: file.fileId, options: {} },
    });
    expect(result).toMatchObject({
      ok: false,
      problems: [{ reason: expect.stringContaining('no invoice lines dated in 2026-02') }],
    });
    expect(tables(databasePath)).toBe(before);
  });

  it('reads the dialects: day-first dates and decimal commas, Windows-1252', async () => {
    const dayFirst = await loadFile('semicolon-decimal-comma-day-first.csv', {
      dateOrder: 'day-first',
    });
    expect(dayFirst.ok).toBe(true);
    const windows = await loadFile('windows-1252.csv');
    expect(windows.ok).toBe(true);
    const names = sql(
      databasePath,
      "SELECT organization_name FROM invoice_line WHERE organization_name LIKE 'M%ller%'",
    );
    expect(names).toContainEqual({ organization_name: 'Müller GmbH' });
  });

  it('does not load a file id it never received', async () => {
    const result = await core.dispatch('platformData.load', {
      periods: ['2026-01'],
      source: { kind: 'file', fileId: 'not-a-file', options: {} },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'Not Found' } });
  });
});
