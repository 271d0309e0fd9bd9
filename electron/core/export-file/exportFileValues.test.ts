import type {
  ImportProblem,
  InvoiceLineColumnName,
  PlatformInvoiceLine,
} from '@shared/platformInvoiceLine';
import { describe, expect, it } from 'vitest';
import { canonicalHeaders, typicalRecord } from '../../../tests/support/exportRecords';
import { decimalOfNumber } from './decimalText';
import { type ExportFileOptions, readWholeExportFile } from './index';

const canonical = canonicalHeaders;
type Column = InvoiceLineColumnName;
const typical = typicalRecord;

/** A CSV of one or more lines: `typical` changed per line, under the given headers. */
function csv(
  lines: Array<Partial<Record<Column, string>>>,
  { delimiter = ',', headers = [...canonical] as string[] } = {},
): { bytes: Uint8Array; name: string } {
  const rows = lines.map((changes, index) =>
    canonical
      .map((column) => ({ ...typical, line_id: `L${index + 1}`, ...changes })[column])
      .join(delimiter),
  );
  return {
    bytes: new TextEncoder().encode([headers.join(delimiter), ...rows].join('\r\n')),
    name: 'lines.csv',
  };
}

async function readLines(
  input: { bytes: Uint8Array; name: string },
  options?: ExportFileOptions,
): Promise<PlatformInvoiceLine[]> {
  const result = await readWholeExportFile(input, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.lines;
}

async function readProblems(
  input: { bytes: Uint8Array; name: string },
  options?: ExportFileOptions,
): Promise<ImportProblem[]> {
  const result = await readWholeExportFile(input, options);
  if (result.ok) throw new Error(`expected problems, got ${result.lines.length} lines`);
  return result.problems;
}

async function valueRead(
  column: Column,
  text: string,
  options?: ExportFileOptions,
): Promise<string | null> {
  const [line] = await readLines(csv([{ [column]: text }], { delimiter: ';' }), options);
  const field = {
    charge_type: 'chargeType',
    billing_cycle: 'billingCycle',
    quantity: 'quantity',
    unit_price: 'unitPrice',
    unit_cost: 'unitCost',
    currency: 'currency',
    charge_start_date: 'chargeStart',
    vendor: 'vendor',
  }[column as string] as keyof PlatformInvoiceLine;
  return line?.[field] ?? null;
}

describe('header matching', () => {
  it('matches the aliases of docs/import-format.md, ignoring case, spaces, "_" and "-"', async () => {
    const headers = [
      'Invoice Line ID',
      'INVOICE NUMBER',
      'Invoice-Date',
      'Customer ID',
      'Customer Name',
      'contractId',
      'Currency Code',
      'subscription_id',
      'Subscription',
      'SKU',
      'Product Name',
      'Publisher',
      'Charge  Type',
      'Billing Frequency',
      'Qty',
      'Sales Price',
      'Cost',
      'Period Start',
      'Period End',
    ];
    const [line] = await readLines(csv([{}], { headers }));
    expect(line).toEqual({
      lineId: 'L1',
      invoiceId: 'INV-1',
      invoiceDate: '2026-01-31',
      organizationId: 'ORG-1',
      organizationName: 'Contoso Ltd',
      contractId: 'CTR-1',
      currency: 'EUR',
      subscriptionId: 'SUB-1',
      subscriptionName: 'Microsoft 365 E3',
      offerId: 'CFQ7TTC0LFLX',
      offerName: 'Microsoft 365 E3',
      vendor: 'Microsoft',
      chargeType: 'Cycle Fee',
      billingCycle: 'Monthly',
      quantity: '1',
      unitPrice: '12.50',
      unitCost: '10',
      chargeStart: '2026-01-01',
      chargeEnd: '2026-01-31',
    });
  });

  it.each([
    ['organization_name', 'Customer'],
    ['offer_id', 'Product ID'],
    ['offer_name', 'Offer'],
    ['offer_name', 'Product'],
    ['vendor', 'Manufacturer'],
    ['unit_price', 'Price'],
    ['charge_start_date', 'Start Date'],
    ['charge_end_date', 'End Date'],
  ] as const)('reads %s from a column headed "%s"', async (column, alias) => {
    const headers = canonical.map((name) => (name === column ? alias : name));
    const lines = await readLines(csv([{}], { headers }));
    expect(lines).toHaveLength(1);
  });

  it('ignores columns it does not know, and optional columns may be absent', async () => {
    const headers = [...canonical, 'Reseller Margin %'];
    const rows = canonical.map((column) => typical[column]);
    const text = `${headers.join(',')}\n${[...rows, '12'].join(',')}\n`;
    const lines = await readLines({ bytes: new TextEncoder().encode(text), name: 'x.csv' });
    expect(lines).toHaveLength(1);

    const withoutOptional = canonical.filter(
      (column) => column !== 'vendor' && column !== 'unit_cost',
    );
    const slim = `${withoutOptional.join(',')}\n${withoutOptional.map((column) => typical[column]).join(',')}\n`;
    const [line] = await readLines({ bytes: new TextEncoder().encode(slim), name: 'x.csv' });
    expect(line).toMatchObject({ vendor: null, unitCost: null });
  });

  it('takes the date order a header declares, e.g. "Invoice Date (DD.MM.YYYY)"', async () => {
    const headers = canonical.map((name) =>
      name === 'invoice_date' ? 'Invoice Date (DD.MM.YYYY)' : name,
    );
    const [line] = await readLines(csv([{ invoice_date: '31.01.2026' }], { headers }));
    expect(line?.invoiceDate).toBe('2026-01-31');
  });
});

describe('values', () => {
  it.each([
    ['Cycle Fee', 'Cycle Fee'],
    ['CycleFee', 'Cycle Fee'],
    ['cyclefee', 'Cycle Fee'],
    ['CORRECTION', 'Correction'],
    ['UsageFee', 'Usage Fee'],
    ['Item_Fee', 'Item Fee'],
    ['purchase-fee', 'Purchase Fee'],
    ['OneTimeFee', 'One Time Fee'],
    [' one time fee ', 'One Time Fee'],
  ])('reads the charge type %j as %j', async (text, expected) => {
    expect(await valueRead('charge_type', text)).toBe(expected);
  });

  it.each([
    ['Monthly', 'Monthly'],
    ['quarterly', 'Quarterly'],
    ['ANNUAL', 'Annual'],
    ['Triennial', 'Triennial'],
    ['One Time', 'One Time'],
    ['OneTime', 'One Time'],
    ['Every 1 months', 'Monthly'],
    ['every 3 months', 'Quarterly'],
    ['Every 12 Months', 'Annual'],
    ['Every 36 months', 'Triennial'],
  ])('reads the billing cycle %j as %j', async (text, expected) => {
    expect(await valueRead('billing_cycle', text)).toBe(expected);
  });

  it('upper-cases the currency and trims every value', async () => {
    const [line] = await readLines(
      csv([{ currency: ' usd ', organization_name: '  Contoso Ltd ', quantity: ' 3 ' }]),
    );
    expect(line).toMatchObject({ currency: 'USD', organizationName: 'Contoso Ltd', quantity: '3' });
  });

  it.each([
    ['12,50', {}, '12.50'],
    ['-12,50', {}, '-12.50'],
    ['-12,50', { decimalMark: ',' }, '-12.50'],
    ['12.50', { decimalMark: '.' }, '12.50'],
    [',5', {}, '0.5'],
    ['1.234,50', { thousandsSeparator: '.' }, '1234.50'],
    ['1,234.50', { thousandsSeparator: ',' }, '1234.50'],
    ['1 234,50', { thousandsSeparator: ' ' }, '1234.50'],
    ["1'234.50", { thousandsSeparator: "'" }, '1234.50'],
    ['1\u00A0234,50', { thousandsSeparator: ' ' }, '1234.50'],
  ] as const)('reads the price %j with %j as %j', async (text, options, expected) => {
    expect(await valueRead('unit_price', text, options)).toBe(expected);
  });

  it('settles "1,250" by the file: a decimal comma in a ";" file', async () => {
    expect(await valueRead('unit_price', '1,250')).toBe('1.250');
  });

  it('asks which decimal mark when "1,250" in a "," file could be a thousands group', async () => {
    const problems = await readProblems(csv([{ unit_price: '"1,250"' }]));
    expect(problems).toEqual([
      {
        row: 2,
        column: 'unit_price',
        value: '1,250',
        reason: expect.stringContaining('choose the decimal mark in the load dialog'),
      },
    ]);
  });

  it('refuses a file that writes decimals both ways, naming the row that set the mark', async () => {
    const problems = await readProblems(
      csv([{ unit_price: '12,50' }, { unit_price: '3.75' }], { delimiter: ';' }),
    );
    expect(problems).toEqual([
      {
        row: 3,
        column: 'unit_price',
        value: '3.75',
        reason:
          'This file writes decimals with both "," (row 2) and "."; choose the decimal mark in the load dialog.',
      },
    ]);
  });

  it('refuses the other mark when the user chose one', async () => {
    const problems = await readProblems(csv([{ unit_price: '12.50' }], { delimiter: ';' }), {
      decimalMark: ',',
    });
    expect(problems[0]).toMatchObject({ column: 'unit_price', value: '12.50' });
    expect(problems[0]?.reason).toMatch(/Expected "," \(12,50\) as the decimal mark/);
  });

  it('refuses the same character as decimal mark and thousands separator', async () => {
    const problems = await readProblems(csv([{}]), { decimalMark: ',', thousandsSeparator: ',' });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.reason).toMatch(/cannot be both/);
  });

  it.each([
    ['2026-01-05', 'iso', '2026-01-05'],
    ['2026-01-05T00:00:00Z', 'iso', '2026-01-05'],
    ['05.01.2026', 'day-first', '2026-01-05'],
    ['5.1.2026', 'day-first', '2026-01-05'],
    ['05/01/2026', 'day-first', '2026-01-05'],
    ['2026-01-05', 'day-first', '2026-01-05'],
    ['29.02.2028', 'day-first', '2028-02-29'],
  ] as const)('reads the date %j (%s) as %j', async (text, dateOrder, expected) => {
    const [line] = await readLines(
      csv([{ charge_start_date: text, charge_end_date: '2028-12-31' }]),
      {
        dateOrder,
      },
    );
    expect(line?.chargeStart).toBe(expected);
  });

  it.each([
    ['29.02.2027', 'day-first', 'Not a real date.'],
    ['2026-04-31', 'iso', 'Not a real date.'],
    ['01/31/2026', 'day-first', 'Not a real day-first date'],
    ['31.01.26', 'day-first', 'Expected a date as YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY.'],
    ['Jan 5, 2026', 'iso', 'Expected a date as YYYY-MM-DD.'],
  ] as const)('refuses the date %j (%s)', async (text, dateOrder, reason) => {
    const problems = await readProblems(csv([{ charge_start_date: `"${text}"` }]), { dateOrder });
    expect(problems).toEqual([
      { row: 2, column: 'charge_start_date', value: text, reason: expect.stringContaining(reason) },
    ]);
  });

  it('requires the required values and leaves the optional ones empty', async () => {
    const problems = await readProblems(csv([{ offer_name: '', vendor: '', unit_cost: '' }]));
    expect(problems).toEqual([
      { row: 2, column: 'offer_name', value: '', reason: 'A value is required.' },
    ]);
  });
});

describe('dialect options', () => {
  it('uses the delimiter the user names', async () => {
    const lines = await readLines(csv([{}, {}], { delimiter: '\t' }), { delimiter: '\t' });
    expect(lines).toHaveLength(2);
  });

  it('refuses Windows-1252 bytes when the user says UTF-8', async () => {
    const text = csv([{ organization_name: 'M\u00fcller GmbH' }]).bytes;
    const latin = Uint8Array.from(
      new TextDecoder().decode(text),
      (character) => character.codePointAt(0) ?? 0,
    );
    const problems = await readProblems({ bytes: latin, name: 'x.csv' }, { encoding: 'utf-8' });
    expect(problems[0]?.reason).toMatch(/not valid UTF-8/);
    const [line] = await readLines({ bytes: latin, name: 'x.csv' });
    expect(line?.organizationName).toBe('Müller GmbH');
  });

  it('reads a UTF-16 file with a byte-order mark (Excel\'s "Unicode text")', async () => {
    const text = new TextDecoder().decode(
      csv([{ organization_name: 'Société' }], { delimiter: '\t' }).bytes,
    );
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      bytes[2 + index * 2] = code & 0xff;
      bytes[3 + index * 2] = code >> 8;
    }
    const [line] = await readLines({ bytes, name: 'lines.txt' });
    expect(line?.organizationName).toBe('Société');
  });

  it('recognises the format from the first bytes when the name has no extension', async () => {
    const json = JSON.stringify([
      Object.fromEntries(canonical.map((column) => [column, typical[column]])),
    ]);
    const lines = await readLines({
      bytes: new TextEncoder().encode(`  ${json}`),
      name: 'download',
    });
    expect(lines).toHaveLength(1);
    const fromCsv = await readLines({ ...csv([{}]), name: 'download' });
    expect(fromCsv).toHaveLength(1);
  });

  it('ignores blank lines at the end and in the middle, keeping the row numbers of the file', async () => {
    const text = new TextDecoder().decode(csv([{}, { quantity: 'x' }]).bytes);
    const [header, first, second] = text.split('\r\n');
    const spaced = `${header}\r\n${first}\r\n\r\n${second}\r\n\r\n\r\n`;
    const problems = await readProblems({ bytes: new TextEncoder().encode(spaced), name: 'x.csv' });
    expect(problems).toEqual([
      {
        row: 4,
        column: 'quantity',
        value: 'x',
        reason: 'Expected a decimal number such as 12.50.',
      },
    ]);
  });
});

describe('spreadsheet numbers', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [12.5, '12.5'],
    [-3, '-3'],
    [1843.2755, '1843.2755'],
    [123456789.123, '123456789.123'],
    [1 / 3, '0.3333333333'],
    [-0, '0'],
    [1e-11, '0'],
  ])('writes %d as %j', (value, expected) => {
    expect(decimalOfNumber(value)).toBe(expected);
  });
});
