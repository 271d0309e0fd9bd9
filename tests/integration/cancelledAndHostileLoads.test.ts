import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { BridgeResult } from '@shared/contract';
import { invoiceLineFields } from '@shared/platformInvoiceLine';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core';
import { generateBillingHistory } from '../../electron/sandbox/platform';
import { canonicalHeaders, exportCsv } from '../support/exportRecords';
import { FakeClock, fakePorts, temporaryDirectory } from '../support/fakePorts';
import {
  handMadeXlsx,
  sharedStringsPart,
  workbookParts,
  worksheetPart,
} from '../support/handMadeXlsx';

/** A month of a large Platform: enough lines that a load is still running when it is cancelled. */
const history = generateBillingHistory({
  seed: 9,
  organizations: 400,
  months: 1,
  now: () => new Date('2026-10-15T00:00:00Z'),
  linesPerOrganizationPerMonth: 40,
});
const rows = history.invoiceLines.map((line) => invoiceLineFields.map(({ field }) => line[field]));

async function xlsxOf(lines: typeof rows): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Invoice lines');
  sheet.addRow(canonicalHeaders);
  for (const row of lines) sheet.addRow(row.map((value) => value ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let core: Core;

beforeAll(() => {
  core = createCore(
    fakePorts({
      databasePath: join(temporaryDirectory(), 'data.sqlite'),
      clock: new FakeClock(new Date('2026-11-10T09:00:00Z')),
    }),
  );
});

afterAll(() => core.close());

async function loadCancelledOnFirstProgress(name: string, body: string | Buffer) {
  const file = await core.receiveExportFile(name, Readable.from([body]));
  const stop = core.subscribe((event, payload) => {
    if (event === 'jobs.progress')
      void core.dispatch('jobs.cancel', { id: (payload as { id: string }).id });
  });
  const started = Date.now();
  const result: BridgeResult = await core.dispatch('platformData.load', {
    periods: ['2026-10'],
    source: { kind: 'file', fileId: file.fileId, options: {} },
  });
  stop();
  return { result, seconds: (Date.now() - started) / 1000 };
}

describe('cancelling the load of an export file', () => {
  it.each([
    ['CSV', 'big.csv', () => exportCsv(history.invoiceLines)],
    ['JSON', 'big.json', () => JSON.stringify(history.invoiceLines)],
    ['XLSX', 'big.xlsx', () => xlsxOf(rows)],
  ])('%s: ends "Cancelled" at once, and the next load starts', async (_format, name, make) => {
    const { result, seconds } = await loadCancelledOnFirstProgress(name, await make());
    expect(result).toMatchObject({ ok: false, error: { kind: 'Cancelled' } });
    expect(seconds).toBeLessThan(1);
    const small = await core.receiveExportFile(
      'small.csv',
      Readable.from([exportCsv(history.invoiceLines.slice(0, 20))]),
    );
    const next: BridgeResult = await core.dispatch('platformData.load', {
      periods: ['2026-10'],
      source: { kind: 'file', fileId: small.fileId, options: {} },
    });
    expect(next).toMatchObject({ ok: true, value: { ok: true } });
  });
});

const xmlRow = '<row><c t="inlineStr"><is><t>INV-1</t></is></c></row>';
const csvHeader = canonicalHeaders.join(',');
/** Files built to hurt the reader, each with the start of what the user reads. */
const hostileFiles: Array<[string, string, () => Buffer, string]> = [
  [
    'a shared-strings bomb',
    'bomb.xlsx',
    () =>
      handMadeXlsx([
        ...workbookParts,
        sharedStringsPart({ text: '<si><t>Contoso</t></si>', times: 100_000 }, 3_000_000_000),
        worksheetPart(undefined),
      ]),
    'The file is too large or damaged: "xl/sharedStrings.xml" would inflate to 2861 MB.',
  ],
  [
    'an early worksheet that inflates past its declared size',
    'early.xlsx',
    // Worksheet first, as Excel writes it, declaring 1 KB and inflating to about 30 MB.
    () =>
      handMadeXlsx([
        worksheetPart({ text: xmlRow, times: 500_000 }, 1024),
        ...workbookParts,
        sharedStringsPart(undefined),
      ]),
    'The file is too large or damaged: "xl/worksheets/sheet1.xml" inflates past the 1 KB its table of contents declares.',
  ],
  [
    'a workbook of 150 sheets',
    'sheets.xlsx',
    () =>
      handMadeXlsx([
        ...workbookParts,
        ...Array.from({ length: 150 }, (_, index) => ({
          ...worksheetPart(undefined),
          name: `xl/worksheets/sheet${index + 1}.xml`,
        })),
      ]),
    'The file is too large or damaged: it has 150 worksheets (at most 100).',
  ],
  [
    'a huge cell',
    'huge.csv',
    () => Buffer.from(`${csvHeader}\nINV-1,"${'x'.repeat(3 * 1024 * 1024)}",Plan\n`),
    'This row is far too long',
  ],
  [
    'an unterminated quote',
    'unterminated.csv',
    () =>
      Buffer.from(`${csvHeader}\nINV-1,"Contoso,Plan\n${'INV-2,Contoso,Plan\n'.repeat(80_000)}`),
    'This row is far too long',
  ],
];

describe('a hostile export file', () => {
  const month = async () => {
    const page: BridgeResult = await core.dispatch('platformData.page', {
      period: '2026-10',
      offset: 0,
      limit: 5,
    });
    return page.ok ? page.value : null;
  };
  const load = async (name: string, bytes: Buffer | string) => {
    const file = await core.receiveExportFile(name, Readable.from([bytes]));
    const result: BridgeResult = await core.dispatch('platformData.load', {
      periods: ['2026-10'],
      source: { kind: 'file', fileId: file.fileId, options: {} },
    });
    return result;
  };

  it.each(hostileFiles)(
    '%s is refused with a clear message, leaves the month as it was, and the next load works',
    async (_kind, name, make, reason) => {
      await load('good.csv', exportCsv(history.invoiceLines.slice(0, 30)));
      const before = await month();

      const started = Date.now();
      const result = await load(name, make());
      expect(Date.now() - started).toBeLessThan(5000);
      expect(result).toMatchObject({ ok: true, value: { ok: false } });
      const problems = result.ok
        ? (result.value as { problems: Array<{ reason: string }> }).problems
        : [];
      expect(problems[0]?.reason.startsWith(reason), problems[0]?.reason).toBe(true);
      expect(await month()).toEqual(before);

      const next = await load('good.csv', exportCsv(history.invoiceLines.slice(0, 40)));
      expect(next).toMatchObject({ ok: true, value: { ok: true, periods: [{ lines: 40 }] } });
    },
    20_000,
  );
});
