import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { invoiceLineFields, type PlatformInvoiceLine } from '@shared/platformInvoiceLine';
import { describe, expect, it } from 'vitest';
import {
  handMadeXlsx,
  inlineRow,
  sharedStringsPart,
  workbookParts,
  worksheetPart,
} from '../../../tests/support/handMadeXlsx';
import { canonicalColumns, readWholeExportFile } from './index';
import { invoiceLineColumns } from './invoiceLineColumns';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures/platform-export');

async function linesOf(
  name: string,
  options?: Parameters<typeof readWholeExportFile>[1],
): Promise<PlatformInvoiceLine[]> {
  const result = await readWholeExportFile({ path: join(fixtures, name) }, options);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems, null, 2)}`);
  return result.lines;
}

function lineWithId(lines: PlatformInvoiceLine[], lineId: string): PlatformInvoiceLine {
  const line = lines.find((candidate) => candidate.lineId === lineId);
  if (!line) throw new Error(`no line ${lineId}`);
  return line;
}

const firstSampleLine: PlatformInvoiceLine = {
  lineId: 'IL-2026-01-0001',
  invoiceId: 'INV-2026-0142',
  invoiceDate: '2026-01-31',
  organizationId: 'ORG-1001',
  organizationName: 'Contoso Ltd',
  contractId: 'CTR-5001',
  currency: 'EUR',
  subscriptionId: 'SUB-70001',
  subscriptionName: 'Microsoft 365 Business Standard',
  offerId: 'CFQ7TTC0LDPB',
  offerName: 'Microsoft 365 Business Standard',
  vendor: 'Microsoft',
  chargeType: 'Cycle Fee',
  billingCycle: 'Monthly',
  quantity: '25',
  unitPrice: '11.70',
  unitCost: '9.36',
  chargeStart: '2026-01-01',
  chargeEnd: '2026-01-31',
};

describe('the documented column set', () => {
  const documentation = readFileSync(
    join(import.meta.dirname, '../../../docs/import-format.md'),
    'utf8',
  );
  const documented = [...documentation.matchAll(/^\| `(\w+)`\s*\|([^|]*)\|\s*(yes|no)\s*\|/gm)].map(
    ([, name, aliases, required]) => ({
      name,
      aliases: (aliases ?? '')
        .split(',')
        .map((alias) => alias.trim())
        .filter(Boolean),
      required: required === 'yes',
    }),
  );

  it('is the column table of docs/import-format.md: names in order, aliases, required', () => {
    expect(documented).toHaveLength(19);
    expect(
      invoiceLineColumns.map(({ name, aliases, required }) => ({ name, aliases, required })),
    ).toEqual(documented);
    expect(canonicalColumns).toEqual(documented.map(({ name }) => name));
  });
});

describe('the sample export (CSV, ",", ISO dates)', () => {
  it('reads all 20 lines with their values as written', async () => {
    const lines = await linesOf('sample-invoice-lines.csv');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toEqual(firstSampleLine);
  });

  it('covers every charge type, every billing cycle and two currencies', async () => {
    const lines = await linesOf('sample-invoice-lines.csv');
    expect(new Set(lines.map((line) => line.chargeType))).toEqual(
      new Set(['Cycle Fee', 'Correction', 'Usage Fee', 'Item Fee', 'Purchase Fee', 'One Time Fee']),
    );
    expect(new Set(lines.map((line) => line.billingCycle))).toEqual(
      new Set(['Monthly', 'Quarterly', 'Annual', 'Triennial', 'One Time']),
    );
    expect(new Set(lines.map((line) => line.currency))).toEqual(new Set(['EUR', 'USD']));
  });

  it('keeps a Correction negative, a quoted name with a comma, and empty optional values as null', async () => {
    const lines = await linesOf('sample-invoice-lines.csv');
    expect(lineWithId(lines, 'IL-2026-01-0003')).toMatchObject({
      chargeType: 'Correction',
      quantity: '-2',
      unitPrice: '11.70',
    });
    expect(lineWithId(lines, 'IL-2026-01-0004')).toMatchObject({
      organizationName: 'Fabrikam, Inc.',
      unitPrice: '1843.2755',
      unitCost: null,
    });
    expect(lineWithId(lines, 'IL-2026-01-0007')).toMatchObject({ vendor: null, unitCost: null });
  });
});

describe('CSV dialects', () => {
  it('reads ";" with decimal commas and day-first dates when the user picks day-first', async () => {
    const lines = await linesOf('semicolon-decimal-comma-day-first.csv', {
      dateOrder: 'day-first',
    });
    expect(lines).toHaveLength(12);
    expect(lines[0]).toEqual(firstSampleLine);
    expect(lineWithId(lines, 'IL-2026-01-0002')).toMatchObject({
      unitPrice: '372.00',
      unitCost: '334.80',
      chargeEnd: '2026-12-31',
    });
    expect(lineWithId(lines, 'IL-2026-01-0003').quantity).toBe('-2');
  });

  it('asks for day-first instead of guessing when the ";" file is read with ISO dates', async () => {
    const result = await readWholeExportFile({
      path: join(fixtures, 'semicolon-decimal-comma-day-first.csv'),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toEqual({
      row: 2,
      column: 'invoice_date',
      value: '31/01/2026',
      reason: expect.stringContaining('choose "day-first"'),
    });
    // 12 lines × 3 date columns, every one listed.
    expect(result.problems).toHaveLength(36);
  });

  it('reads a tab-separated file with compact charge types and "Every N months" cycles', async () => {
    const lines = await linesOf('tab-separated.tsv');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toEqual(firstSampleLine);
    expect(lineWithId(lines, 'IL-2026-01-0007')).toMatchObject({
      chargeType: 'One Time Fee',
      billingCycle: 'One Time',
    });
    expect(lineWithId(lines, 'IL-2026-01-0006').billingCycle).toBe('Triennial');
    expect(lineWithId(lines, 'IL-2026-01-0005').billingCycle).toBe('Quarterly');
    expect(lineWithId(lines, 'IL-2026-01-0002').billingCycle).toBe('Annual');
  });

  it('keeps quoted values with line breaks, doubled quotes and commas intact', async () => {
    const lines = await linesOf('quoted-newlines-and-quotes.csv');
    expect(lines).toHaveLength(6);
    expect(lineWithId(lines, 'IL-2026-01-0002').subscriptionName).toBe(
      'Microsoft 365 E3\n(annual commitment, "paid yearly")',
    );
    expect(lineWithId(lines, 'IL-2026-01-0003').organizationName).toBe('Contoso "Europe" Ltd');
    expect(lineWithId(lines, 'IL-2026-01-0005').offerName).toBe(
      'Acronis Cyber Protect Cloud,\r\nWorkstation',
    );
    expect(lineWithId(lines, 'IL-2026-01-0006').unitPrice).toBe('1069.00');
  });

  it('reads UTF-8 with a byte-order mark (the BOM is not part of the first header)', async () => {
    const lines = await linesOf('utf8-with-bom.csv');
    expect(lines.map((line) => line.organizationName)).toEqual([
      'Müller GmbH',
      'Müller GmbH',
      'Müller GmbH',
      'Société Générale Services',
      'Société Générale Services',
    ]);
    expect(lines[0]?.lineId).toBe('IL-2026-01-0012');
  });

  it('recognises Windows-1252 and decodes its accents and euro sign', async () => {
    const lines = await linesOf('windows-1252.csv');
    expect(lines[0]?.organizationName).toBe('Müller GmbH');
    expect(lineWithId(lines, 'IL-2026-01-0014').subscriptionName).toBe(
      'Migration to Microsoft 365 – 12 mailboxes à 15 €',
    );
    expect(lineWithId(lines, 'IL-2026-01-0015').organizationName).toBe('Société Générale Services');
  });

  it('reads Windows-1252 the same when the user names the encoding', async () => {
    const lines = await linesOf('windows-1252.csv', { encoding: 'windows-1252' });
    expect(lines[0]?.organizationName).toBe('Müller GmbH');
  });
});

describe('XLSX', () => {
  it('reads the first sheet with alias headers, date cells and number cells', async () => {
    const lines = await linesOf('invoice-lines.xlsx');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toEqual({
      ...firstSampleLine,
      organizationId: '1001',
      unitPrice: '11.7',
    });
    expect(lines.map((line) => line.lineId)).not.toContain('IL-NOT-READ');
  });

  it('reads every line whatever the order of the parts (exceljs loses a last part when streaming)', async () => {
    const lines = [1, 2, 3].map((n) => ({ ...firstSampleLine, lineId: `IL-2026-01-000${n}` }));
    const rows = lines.map((line, index) =>
      inlineRow(
        index + 2,
        invoiceLineFields.map(({ field }) => line[field] ?? ''),
      ),
    );
    const bytes = handMadeXlsx([
      worksheetPart({ text: rows.join(''), times: 1 }),
      sharedStringsPart(undefined),
      ...[...workbookParts].reverse(),
    ]);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const result = await readWholeExportFile({ bytes, name: 'reordered.xlsx' });
      expect(result).toEqual({ ok: true, lines });
    }
  });

  it('writes numbers without floating-point noise', async () => {
    const lines = await linesOf('invoice-lines.xlsx');
    expect(lineWithId(lines, 'IL-2026-01-0099')).toMatchObject({
      quantity: '3',
      unitPrice: '0.3',
      unitCost: '0.25',
    });
    expect(lineWithId(lines, 'IL-2026-01-0004').unitPrice).toBe('1843.2755');
    expect(lineWithId(lines, 'IL-2026-01-0003').quantity).toBe('-2');
  });

  it('takes date cells as dates whatever the date order says', async () => {
    const lines = await linesOf('invoice-lines.xlsx', { dateOrder: 'day-first' });
    expect(lineWithId(lines, 'IL-2026-01-0006')).toMatchObject({
      invoiceDate: '2026-01-31',
      chargeStart: '2026-01-01',
      chargeEnd: '2028-12-31',
    });
  });
});

describe('JSON', () => {
  it('reads an array of objects, numbers and strings alike', async () => {
    const lines = await linesOf('invoice-lines.json');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toEqual(firstSampleLine);
    expect(lineWithId(lines, 'IL-2026-01-0002').unitPrice).toBe('372');
    expect(lineWithId(lines, 'IL-2026-01-0004').unitCost).toBeNull();
    expect(lineWithId(lines, 'IL-2026-01-0003').quantity).toBe('-2');
  });

  it('reads { "lines": [...] } and skips the other keys', async () => {
    const lines = await linesOf('invoice-lines-wrapped.json');
    expect(lines.map((line) => line.lineId)).toEqual(['IL-2026-01-0001', 'IL-2026-01-0002']);
  });
});
