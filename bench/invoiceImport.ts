import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import type { BridgeResult } from '@shared/contract';
import { generateBillingHistory } from '../electron/sandbox/platform';
import { exportCsv } from '../tests/support/exportRecords';
import { benchCore } from './benchCore';
import { type Benchmark, type BenchRow, seconds } from './benchTable';

const lineCount = 100_000;
const month = '2026-10';

/** A Platform export of 100,000 lines, all invoiced in October 2026. */
export async function writeExport(path: string): Promise<void> {
  const history = generateBillingHistory({
    seed: 2,
    organizations: 2400,
    months: 1,
    now: () => new Date('2026-10-15T00:00:00Z'),
    linesPerOrganizationPerMonth: 45,
  });
  if (history.invoiceLines.length < lineCount)
    throw new Error(`only ${history.invoiceLines.length} lines generated`);
  await writeFile(path, exportCsv(history.invoiceLines.slice(0, lineCount)));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Runs in a child process of its own, so its peak RSS is the import's and nothing else's. */
export async function importChild(csvPath: string): Promise<void> {
  const core = benchCore(() => new Date('2026-11-10T12:00:00Z'));
  const call = async (channel: string, input: unknown) => {
    const result: BridgeResult = await core.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
  const started = performance.now();
  const file = await core.receiveExportFile('bench.csv', createReadStream(csvPath));
  const loaded = (await call('platformData.load', {
    periods: [month],
    source: { kind: 'file', fileId: file.fileId, options: {} },
  })) as { ok: boolean; periods?: Array<{ lines: number }> };
  const importMs = performance.now() - started;
  if (!loaded.ok || loaded.periods?.[0]?.lines !== lineCount)
    throw new Error(`import failed: ${JSON.stringify(loaded).slice(0, 300)}`);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  const time = async (query: Record<string, unknown>) => {
    const runs: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const t = performance.now();
      await call('platformData.page', { period: month, limit: 200, ...query });
      runs.push(performance.now() - t);
    }
    return median(runs);
  };
  const firstPageMs = await time({ offset: 0 });
  const filteredPageMs = await time({ offset: 0, search: 'Contoso', chargeType: 'Cycle Fee' });
  const statusPageMs = await time({ offset: 0, status: 'Not Mapped' });
  const deepSortedPageMs = await time({
    offset: 50_000,
    sort: { column: 'organizationName', direction: 'desc' },
  });
  await core.close();
  console.log(
    JSON.stringify({
      importMs,
      peakRssMb,
      firstPageMs,
      filteredPageMs,
      statusPageMs,
      deepSortedPageMs,
    }),
  );
}

/**
 * The floor an import is measured against, in the same run: the same file read, split on its
 * line breaks and commas, and inserted into a table of as many text columns in one transaction,
 * with no checking, no staging and no indexes.
 */
function plainImportMs(csvPath: string): number {
  const started = performance.now();
  const db = new DatabaseSync(join(mkdtempSync(join(tmpdir(), 'cwbs-floor-')), 'floor.sqlite'));
  const [head = '', ...rows] = readFileSync(csvPath, 'utf8').split('\n');
  const columns = head.split(',').length;
  db.exec(
    `CREATE TABLE line (${Array.from({ length: columns }, (_, i) => `c${i} TEXT`).join(', ')})`,
  );
  const insert = db.prepare(
    `INSERT INTO line VALUES (${Array.from({ length: columns }, () => '?').join(', ')})`,
  );
  db.exec('BEGIN');
  for (const row of rows) {
    if (!row) continue;
    const cells = row.split(',');
    cells.length = columns;
    insert.run(...cells.map((cell) => cell ?? null));
  }
  db.exec('COMMIT');
  db.close();
  return performance.now() - started;
}

export const importInvoiceLines: Benchmark = {
  name: 'invoice lines: 100,000-line CSV',
  async run(): Promise<BenchRow[]> {
    const csvPath = join(mkdtempSync(join(tmpdir(), 'cwbs-bench-')), 'export.csv');
    await writeExport(csvPath);
    const child = spawnSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--import-child', csvPath],
      {
        encoding: 'utf8',
      },
    );
    if (child.status !== 0) throw new Error(`import child failed:\n${child.stderr}`);
    const floorMs = plainImportMs(csvPath);
    const figures = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Record<
      string,
      number
    >;
    const ms = (value: number | undefined) => (value ?? Number.NaN).toFixed(1);
    return [
      {
        benchmark: `${this.name}: import (target ≤ 3 s, ≤ 400 MB)`,
        variant: 'file → staged → swapped in',
        figures: {
          seconds: seconds(figures.importMs ?? Number.NaN),
          'lines/s': Math.round(lineCount / ((figures.importMs ?? Number.NaN) / 1000)),
          'peak RSS MB': Math.round(figures.peakRssMb ?? Number.NaN),
          '× floor': ((figures.importMs ?? Number.NaN) / floorMs).toFixed(2),
        },
      },
      {
        benchmark: `${this.name}: import floor (goal: import ≤ 2× this)`,
        variant: 'read, split, insert into node:sqlite; nothing checked',
        figures: { seconds: seconds(floorMs) },
      },
      {
        benchmark: `${this.name}: grid page (target ≤ 300 ms)`,
        variant: 'first 200 lines, default order',
        figures: { ms: ms(figures.firstPageMs) },
      },
      {
        benchmark: `${this.name}: grid page (target ≤ 50 ms)`,
        variant: 'filtered: search + charge type',
        figures: { ms: ms(figures.filteredPageMs) },
      },
      {
        benchmark: `${this.name}: grid page (target ≤ 150 ms)`,
        variant: 'filtered by status (the status view)',
        figures: { ms: ms(figures.statusPageMs) },
      },
      {
        benchmark: `${this.name}: grid page`,
        variant: 'offset 50,000, sorted by organization desc',
        figures: { ms: ms(figures.deepSortedPageMs) },
      },
    ];
  },
};
