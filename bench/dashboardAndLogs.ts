import { createReadStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DatabaseSync } from 'node:sqlite';
import type { BridgeResult } from '@shared/contract';
import { benchCore } from './benchCore';
import { type Benchmark, type BenchRow, seconds } from './benchTable';
import { median, writeExport } from './invoiceImport';

const entries = 100_000;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * A month of 100,000 lines, 60 % of them synced over the last 30 days by 30 runs, and 100,000
 * System Logs entries. The lines come in through the real import; the sync results, runs and log
 * entries are written straight into the database, as 30 days of use would have left them.
 */
function seedHistory(databasePath: string, now: Date): void {
  const db = new DatabaseSync(databasePath);
  try {
    db.exec('BEGIN');
    const lineIds = db.prepare('SELECT line_id FROM invoice_line').all() as Array<{
      line_id: string;
    }>;
    const result = db.prepare(
      "INSERT INTO line_sync_result (line_id, status, at, addition_id, sent_values, reason, amount, currency) SELECT ?1, ?2, ?3, ?4, '{}', ?5, CAST(quantity AS REAL) * CAST(unit_price AS REAL), currency FROM invoice_line WHERE line_id = ?1",
    );
    lineIds.forEach(({ line_id }, index) => {
      if (index % 10 < 6) {
        const at = new Date(now.getTime() - (index % 30) * dayMs).toISOString();
        result.run(line_id, 'synced', at, 100_000 + index, null);
      } else if (index % 10 === 6) {
        result.run(line_id, 'failed', now.toISOString(), null, 'Validation Error: quantity');
      }
    });
    const run = db.prepare(
      "INSERT INTO posting_run (started_at, finished_at, actor, trigger, site_url, status, summary) VALUES (?, ?, 'bench', 'automatic', 'https://cw.example', 'completed', ?)",
    );
    for (let day = 0; day < 30; day += 1) {
      const started = new Date(now.getTime() - day * dayMs);
      run.run(
        started.toISOString(),
        new Date(started.getTime() + 90_000).toISOString(),
        JSON.stringify({ period: '2026-10', posted: 2000, updated: 10, failed: [] }),
      );
    }
    const log = db.prepare(
      'INSERT INTO system_log (at, level, title, details, context) VALUES (?, ?, ?, ?, ?)',
    );
    const levels = ['info', 'info', 'info', 'warning', 'error'] as const;
    for (let i = 0; i < entries; i += 1) {
      const level = levels[i % levels.length] ?? 'info';
      const at = new Date(now.getTime() - (i / entries) * 29 * dayMs).toISOString();
      log.run(
        at,
        level,
        level === 'error' ? 'Line not posted: Validation Error' : `Sync to PSA completed: ${i}`,
        level === 'error'
          ? `INV-${i}: ConnectWise refused the request because of "${i % 7 === 0 ? 'quantity' : 'effectiveDate'}"`
          : `2026-10: ${i % 500} posted, 0 updated, 0 failed`,
        level === 'error' ? JSON.stringify({ kind: 'Validation Error' }) : null,
      );
    }
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

/** The Dashboard's figures and a System Logs page at the sizes the issue names. */
/** 100,000 lines, 60,000 synced over 30 days by 30 runs. */
export const dashboardAndLogs: Benchmark = {
  name: 'dashboard and system logs: 100,000 lines, 100,000 entries',
  async run(): Promise<BenchRow[]> {
    const folder = mkdtempSync(join(tmpdir(), 'cwbs-bench-'));
    const csvPath = join(folder, 'export.csv');
    const databasePath = join(folder, 'data.sqlite');
    await writeExport(csvPath);
    const now = new Date('2026-11-10T12:00:00Z');
    const load = benchCore(() => now, databasePath);
    const file = await load.receiveExportFile('bench.csv', createReadStream(csvPath));
    const loaded = await load.dispatch('platformData.load', {
      periods: ['2026-10'],
      source: { kind: 'file', fileId: file.fileId, options: {} },
    });
    if (!loaded.ok) throw new Error(`import failed: ${loaded.error.message}`);
    await load.close();
    seedHistory(databasePath, now);

    const core = benchCore(() => now, databasePath);
    const time = async (channel: string, input?: unknown) => {
      const runs: number[] = [];
      let value: unknown;
      for (let i = 0; i < 7; i += 1) {
        const started = performance.now();
        const result: BridgeResult = await core.dispatch(channel, input);
        runs.push(performance.now() - started);
        if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
        value = result.value;
      }
      return { ms: median(runs), value };
    };
    try {
      const started = performance.now();
      const first = await core.dispatch('dashboard.summary', undefined);
      const coldMs = performance.now() - started;
      if (!first.ok) throw new Error(first.error.message);
      const dashboard = await time('dashboard.summary');
      const summary = dashboard.value as { lineCounts: Record<string, number>; runs: unknown[] };
      if ((summary.lineCounts.Synced ?? 0) !== 60_000) {
        throw new Error(`dashboard counts are off: ${JSON.stringify(summary.lineCounts)}`);
      }
      const tiles = await time('logs.summary');
      const firstPage = await time('logs.page', { offset: 0, limit: 50 });
      const filtered = await time('logs.page', {
        offset: 0,
        limit: 50,
        level: 'error',
        search: 'quantity',
      });
      const filteredTotal = (filtered.value as { total: number }).total;
      const deep = await time('logs.page', { offset: 99_900, limit: 50 });
      const csv = await time('logs.exportCsv', { level: 'error', search: 'quantity' });
      const ms = (value: number) => value.toFixed(1);
      return [
        {
          benchmark: `${this.name}: Dashboard figures (target ≤ 100 ms)`,
          variant: "first read after a change: every line's status decided",
          figures: { ms: ms(coldMs) },
        },
        {
          benchmark: `${this.name}: Dashboard figures (target ≤ 100 ms)`,
          variant: 'read again, nothing changed (the usual visit)',
          figures: { ms: ms(dashboard.ms) },
        },
        {
          benchmark: `${this.name}: System Logs tiles`,
          variant: '30-day counts by level',
          figures: { ms: ms(tiles.ms) },
        },
        {
          benchmark: `${this.name}: System Logs page`,
          variant: 'first 50, newest first',
          figures: { ms: ms(firstPage.ms) },
        },
        {
          benchmark: `${this.name}: System Logs page (target ≤ 100 ms)`,
          variant: `level Error + search "quantity" (${filteredTotal} match)`,
          figures: { ms: ms(filtered.ms) },
        },
        {
          benchmark: `${this.name}: System Logs page`,
          variant: 'offset 99,900',
          figures: { ms: ms(deep.ms) },
        },
        {
          benchmark: `${this.name}: CSV export`,
          variant: `the ${filteredTotal} filtered entries`,
          figures: { ms: ms(csv.ms), seconds: seconds(csv.ms) },
        },
      ];
    } finally {
      await core.close();
    }
  },
};
