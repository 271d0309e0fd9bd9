import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportProblem } from '@shared/platformInvoiceLine';
import { describe, expect, it } from 'vitest';
import { canonicalHeaders, typicalRow } from '../../../tests/support/exportRecords';
import { readExportFile, readWholeExportFile } from './index';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures/platform-export');

async function problemsOf(
  input: Parameters<typeof readWholeExportFile>[0],
  options?: Parameters<typeof readWholeExportFile>[1],
): Promise<ImportProblem[]> {
  const result = await readWholeExportFile(input, options);
  if (result.ok) throw new Error(`expected problems, read ${result.lines.length} lines`);
  return result.problems;
}

const fixtureProblems = (name: string, options?: Parameters<typeof readWholeExportFile>[1]) =>
  problemsOf({ path: join(fixtures, name) }, options);

const header = canonicalHeaders.join(',');

function row(lineId: string, changes: Record<string, string> = {}): string {
  return typicalRow({ line_id: lineId, ...changes });
}

function csvBytes(lines: string[]): { bytes: Uint8Array; name: string } {
  return { bytes: new TextEncoder().encode(`${lines.join('\n')}\n`), name: 'lines.csv' };
}

describe('broken fixtures list every problem by row, column, value and reason', () => {
  it('a missing required column: one problem per column, on the header row, and nothing more', async () => {
    expect(await fixtureProblems('broken-missing-required-column.csv')).toEqual([
      { row: 1, column: 'currency', value: null, reason: 'Required column is missing' },
      { row: 1, column: 'charge_type', value: null, reason: 'Required column is missing' },
    ]);
  });

  it('bad dates: all three rows', async () => {
    expect(await fixtureProblems('broken-bad-date.csv')).toEqual([
      { row: 3, column: 'charge_start_date', value: '2026-02-30', reason: 'Not a real date.' },
      {
        row: 5,
        column: 'invoice_date',
        value: '31.01.2026',
        reason: expect.stringContaining('choose "day-first" dates in the load dialog'),
      },
      {
        row: 7,
        column: 'charge_end_date',
        value: 'end of month',
        reason: 'Expected a date as YYYY-MM-DD.',
      },
    ]);
  });

  it('bad numbers: all three rows, thousands separators named as such', async () => {
    expect(await fixtureProblems('broken-bad-number.csv')).toEqual([
      {
        row: 2,
        column: 'quantity',
        value: 'ten',
        reason: 'Expected a decimal number such as 12.50.',
      },
      {
        row: 4,
        column: 'unit_price',
        value: '1,234.50',
        reason: expect.stringContaining('choose the thousands separator'),
      },
      {
        row: 8,
        column: 'unit_cost',
        value: '12.5.0',
        reason: 'Expected a decimal number such as 12.50.',
      },
    ]);
  });

  it('unknown charge types: all three rows, with the accepted names', async () => {
    const problems = await fixtureProblems('broken-unknown-charge-type.csv');
    expect(problems.map(({ row, column, value }) => ({ row, column, value }))).toEqual([
      { row: 3, column: 'charge_type', value: 'Setup Fee' },
      { row: 6, column: 'charge_type', value: 'Refund' },
      { row: 9, column: 'charge_type', value: 'Cycle' },
    ]);
    expect(problems[0]?.reason).toBe(
      'Unknown charge type; expected one of "Cycle Fee", "Correction", "Usage Fee", "Item Fee", "Purchase Fee", "One Time Fee".',
    );
  });

  it('a header with no lines', async () => {
    expect(await fixtureProblems('broken-header-only.csv')).toEqual([
      { row: 0, column: null, value: null, reason: 'The file has no invoice lines.' },
    ]);
  });

  it('a 0-byte file', async () => {
    expect(await fixtureProblems('broken-zero-bytes.csv')).toEqual([
      { row: 0, column: null, value: null, reason: 'The file is empty.' },
    ]);
  });

  it('a binary file (a PNG), whatever it is named', async () => {
    const expected = [
      {
        row: 0,
        column: null,
        value: null,
        reason: 'This is not a CSV, XLSX or JSON export: it is a PNG image.',
      },
    ];
    expect(await fixtureProblems('broken-binary.png')).toEqual(expected);
    const bytes = readFileSync(join(fixtures, 'broken-binary.png'));
    expect(await problemsOf({ bytes, name: 'invoice-lines.csv' })).toEqual(expected);
    expect(await problemsOf({ bytes, name: 'invoice-lines.json' })).toEqual(expected);
  });

  it('random bytes: one clear problem, no crash, no hang', async () => {
    let seed = 42;
    const bytes = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    expect(await problemsOf({ bytes, name: 'export' })).toEqual([
      {
        row: 0,
        column: null,
        value: null,
        reason: 'This is not a CSV, XLSX or JSON export: it holds binary data, not text.',
      },
    ]);
  });

  it('malformed JSON: the row of the object where it broke', async () => {
    expect(await fixtureProblems('broken-malformed.json')).toEqual([
      {
        row: 3,
        column: null,
        value: null,
        reason: expect.stringContaining('The JSON is broken in this invoice line'),
      },
    ]);
  });

  it('an unclosed CSV quote: the row where the quoted value starts', async () => {
    expect(await fixtureProblems('broken-unclosed-quote.csv')).toEqual([
      {
        row: 6,
        column: null,
        value: null,
        reason: expect.stringContaining('never closed'),
      },
    ]);
  });
});

describe('a large CSV read by a slow reader', () => {
  it('reads every line: text waiting to be parsed never counts as one over-long row', async () => {
    const lines = Array.from({ length: 20_000 }, (_, index) => row(`L${index}`));
    const events = readExportFile(csvBytes([header, ...lines]));
    let read = 0;
    const problems: ImportProblem[] = [];
    for await (const event of events) {
      if (event.kind === 'problem') problems.push(event.problem);
      if (event.kind !== 'line') continue;
      read += 1;
      // The reader falls behind, as the app's does while it writes a batch: parsing pauses.
      if (read % 2000 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(problems).toEqual([]);
    expect(read).toBe(20_000);
  });
});

describe('a CSV whose line endings change after the header', () => {
  it('is refused, never loaded as fewer, merged lines', async () => {
    const text = `${header}\r\n${[row('L1'), row('L2'), row('L3')].join('\n')}\n`;
    const result = await readWholeExportFile({
      bytes: new TextEncoder().encode(text),
      name: 'mixed.csv',
    });
    expect(result.ok).toBe(false);
  });
});

describe('a quote in the wrong place in a CSV row', () => {
  // Raw values: typicalRow joins them as written, so each quote lands where the test puts it.
  const named = (lineId: string, organization: string) =>
    row(lineId, { organization_name: organization });
  const quoteProblem =
    'This row cannot be read as CSV: a quote (") in it is missing or extra; a quote inside a quoted value must be doubled ("").';

  it('text after a closing quote is refused on its row', async () => {
    const file = csvBytes([header, named('L1', '"Contoso"Ltd'), named('L2', 'Fabrikam')]);
    expect(await problemsOf(file)).toEqual([
      { row: 2, column: null, value: null, reason: quoteProblem },
    ]);
  });

  it('a quote left open mid-file is refused on the row where it opens', async () => {
    const file = csvBytes([
      header,
      named('L1', 'Fabrikam'),
      named('L2', '"Contoso, Ltd'),
      named('L3', '"Northwind, Inc"'),
    ]);
    expect(await problemsOf(file)).toEqual([
      { row: 3, column: null, value: null, reason: quoteProblem },
    ]);
  });

  it('a quote inside an unquoted value is kept as written', async () => {
    const result = await readWholeExportFile(
      csvBytes([header, named('L1', 'Contoso "North" Ltd')]),
    );
    expect(result).toMatchObject({
      ok: true,
      lines: [{ organizationName: 'Contoso "North" Ltd' }],
    });
  });
});

describe('other broken files', () => {
  it('a file named .xlsx that is cut short or not a workbook', async () => {
    const workbook = readFileSync(join(fixtures, 'invoice-lines.xlsx'));
    const [cutShort] = await problemsOf({ bytes: workbook.subarray(0, 4000), name: 'lines.xlsx' });
    expect(cutShort?.reason).toMatch(/^The Excel workbook cannot be read/);
    const [textAsXlsx] = await problemsOf({
      bytes: csvBytes([header, row('L1')]).bytes,
      name: 'lines.xlsx',
    });
    expect(textAsXlsx?.reason).toBe(
      'The file is named as an Excel workbook (.xlsx) but is not one.',
    );
  });

  it('an old .xls workbook is refused with what to do', async () => {
    const [problem] = await problemsOf({
      bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
      name: 'lines.xls',
    });
    expect(problem?.reason).toMatch(/save it as \.xlsx or CSV/);
  });

  it('a file that cannot be found', async () => {
    expect(await problemsOf({ path: join(fixtures, 'no-such-file.csv') })).toEqual([
      { row: 0, column: null, value: null, reason: 'The file cannot be found.' },
    ]);
  });

  it('JSON that is not a list of lines, or ends too early', async () => {
    const json = (text: string) => ({ bytes: new TextEncoder().encode(text), name: 'lines.json' });
    expect((await problemsOf(json('{"total": 3}')))[0]?.reason).toMatch(
      /not a list of invoice lines/,
    );
    expect((await problemsOf(json('[]')))[0]?.reason).toBe('The file has no invoice lines.');
    const [early] = await problemsOf(json('[{"line_id": "L1", "quantity": 1'));
    expect(early).toMatchObject({ row: 1, reason: expect.stringMatching(/ends too early/) });
  });

  it('a JSON object missing required keys is reported like missing columns', async () => {
    const problems = await problemsOf({
      bytes: new TextEncoder().encode('[{"line_id": "L1", "invoice_id": "I1"}]'),
      name: 'lines.json',
    });
    expect(problems.every((problem) => problem.row === 1)).toBe(true);
    expect(problems.map((problem) => problem.column)).toContain('invoice_date');
    expect(problems.map((problem) => problem.column)).not.toContain('vendor');
  });
});

describe('row problems', () => {
  it('names the row, the canonical column, the text as written and a plain reason', async () => {
    const problems = await problemsOf(
      csvBytes([
        header,
        row('L1'),
        row('L2'),
        row('L3'),
        row('L4'),
        row('L5'),
        row('L6', { charge_start_date: '31/02/2026' }),
      ]),
      { dateOrder: 'day-first' },
    );
    expect(problems).toEqual([
      { row: 7, column: 'charge_start_date', value: '31/02/2026', reason: 'Not a real date.' },
    ]);
  });

  it('lists every problem of a row, left to right', async () => {
    const problems = await problemsOf(
      csvBytes([
        header,
        row('L1', {
          currency: 'euro',
          quantity: '',
          billing_cycle: 'Weekly',
          invoice_id: '',
        }),
      ]),
    );
    expect(problems.map(({ column, value }) => ({ column, value }))).toEqual([
      { column: 'invoice_id', value: '' },
      { column: 'currency', value: 'euro' },
      { column: 'billing_cycle', value: 'Weekly' },
      { column: 'quantity', value: '' },
    ]);
  });

  it('reports an end date before the start date', async () => {
    const problems = await problemsOf(
      csvBytes([header, row('L1', { charge_end_date: '2025-12-31' })]),
    );
    expect(problems).toEqual([
      {
        row: 2,
        column: 'charge_end_date',
        value: '2025-12-31',
        reason: 'The charge end date is before the charge start date.',
      },
    ]);
  });

  it('reports a line_id used twice on the later row', async () => {
    const problems = await problemsOf(csvBytes([header, row('L1'), row('L2'), row('L1')]));
    expect(problems).toEqual([
      {
        row: 4,
        column: 'line_id',
        value: 'L1',
        reason: 'This line_id is already used in row 2; every line needs its own.',
      },
    ]);
  });

  it('reports a column given twice under two names', async () => {
    const problems = await problemsOf(csvBytes([`${header},sku`, `${row('L1')},OTHER-SKU`]));
    expect(problems).toEqual([
      {
        row: 1,
        column: 'offer_id',
        value: 'sku',
        reason: 'The column is given twice: "offer_id" and "sku" both mean offer_id.',
      },
    ]);
  });

  it('reports a row with more values than the header (an unquoted delimiter)', async () => {
    const problems = await problemsOf(
      csvBytes([header, row('L1', { organization_name: 'Müller, GmbH' })]),
    );
    expect(problems[0]).toEqual({
      row: 2,
      column: null,
      value: null,
      reason:
        'This row has 20 values but the header has 19; a value that contains "," must be in quotes.',
    });
  });

  it('counts rows as records, so a quoted line break does not shift the rows after it', async () => {
    const problems = await problemsOf(
      csvBytes([
        header,
        row('L1', { subscription_name: '"Line one\nline two\nline three"' }),
        row('L2', { quantity: 'many' }),
      ]),
    );
    expect(problems).toEqual([
      {
        row: 3,
        column: 'quantity',
        value: 'many',
        reason: 'Expected a decimal number such as 12.50.',
      },
    ]);
  });

  it('lists JSON problems by the index of the object + 1', async () => {
    const line = (lineId: string, quantity: unknown) =>
      JSON.stringify({
        line_id: lineId,
        invoice_id: 'I1',
        invoice_date: '2026-01-31',
        organization_id: 'O1',
        organization_name: 'Contoso',
        contract_id: 'C1',
        currency: 'eur',
        subscription_id: 'S1',
        subscription_name: 'Microsoft 365',
        offer_id: 'MS',
        offer_name: 'Microsoft 365',
        vendor: null,
        charge_type: 'CycleFee',
        billing_cycle: 'Monthly',
        quantity,
        unit_price: 12.5,
        charge_start_date: '2026-01-01',
        charge_end_date: '2026-01-31',
      });
    const problems = await problemsOf({
      bytes: new TextEncoder().encode(
        `[${line('L1', 1)},${line('L2', '1e3')},${line('L3', { n: 1 })},${line('L4', 2)}]`,
      ),
      name: 'lines.json',
    });
    expect(problems).toEqual([
      {
        row: 2,
        column: 'quantity',
        value: '1e3',
        reason: 'Expected a decimal number such as 12.50.',
      },
      {
        row: 3,
        column: 'quantity',
        value: '{…}',
        reason: 'Expected text or a number, not a nested object or list.',
      },
    ]);
  });
});

describe('limits and cancelling', () => {
  it('stops listing after maxProblems, then says how many more there are', async () => {
    const rows = Array.from({ length: 30 }, (_, index) =>
      row(`L${index + 1}`, { charge_type: 'Setup Fee' }),
    );
    const problems = await problemsOf(csvBytes([header, ...rows]), { maxProblems: 10 });
    expect(problems).toHaveLength(11);
    expect(problems[9]).toMatchObject({ row: 11, column: 'charge_type', value: 'Setup Fee' });
    expect(problems[10]).toEqual({
      row: 0,
      column: null,
      value: null,
      reason: '…and 20 more problems.',
    });
  });

  it('emits no lines after the first problem, since the file will be rejected', async () => {
    const kinds: string[] = [];
    for await (const event of readExportFile(
      csvBytes([header, row('L1'), row('L2', { quantity: 'x' }), row('L3')]),
    )) {
      if (event.kind !== 'progress') kinds.push(event.kind);
    }
    expect(kinds).toEqual(['line', 'problem']);
  });

  it('stops reading when cancelled, throwing the abort reason', async () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => row(`L${index + 1}`));
    const file = csvBytes([header, ...rows]);
    const controller = new AbortController();
    let lines = 0;
    let lastProgress = 0;
    const reading = (async () => {
      for await (const event of readExportFile(file, { signal: controller.signal })) {
        if (event.kind === 'line') {
          lines += 1;
          if (lines === 10) controller.abort();
        }
        if (event.kind === 'progress') lastProgress = event.bytesRead;
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(lines).toBe(10);
    expect(lastProgress).toBeLessThan(file.bytes.byteLength);
  });

  it('does not start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      readWholeExportFile(
        { path: join(fixtures, 'sample-invoice-lines.csv') },
        { signal: controller.signal },
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops reading an XLSX when cancelled', async () => {
    const controller = new AbortController();
    const reading = (async () => {
      for await (const event of readExportFile(
        { path: join(fixtures, 'invoice-lines.xlsx') },
        { signal: controller.signal },
      )) {
        if (event.kind === 'line') controller.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports progress from 0 to the whole file', async () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => row(`L${index + 1}`));
    const file = csvBytes([header, ...rows]);
    const progress: number[] = [];
    let lines = 0;
    for await (const event of readExportFile(file)) {
      if (event.kind === 'progress') {
        expect(event.totalBytes).toBe(file.bytes.byteLength);
        progress.push(event.bytesRead);
      } else if (event.kind === 'line') lines += 1;
    }
    expect(lines).toBe(20_000);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(file.bytes.byteLength);
    expect(progress.length).toBeGreaterThan(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });
});

describe('the example of docs/import-format.md', () => {
  const documentation = readFileSync(
    join(import.meta.dirname, '../../../docs/import-format.md'),
    'utf8',
  );
  const example = /```csv\n([\s\S]*?)```/.exec(documentation)?.[1] ?? '';

  it('is rejected with the problems the page shows', async () => {
    const problems = await problemsOf(
      { bytes: new TextEncoder().encode(example), name: 'example.csv' },
      { dateOrder: 'day-first' },
    );
    const shown = problems.map(
      ({ row, column, value, reason }) => `row ${row}, ${column}, "${value}": ${reason}`,
    );
    for (const line of shown) expect(documentation).toContain(line);
    expect(shown).toHaveLength(2);
  });

  it('once fixed, reads its first line as the page shows', async () => {
    const fixed = example
      .replace('31.02.2026', '15.01.2026')
      .replace(';Setup Fee;', ';One Time Fee;');
    const result = await readWholeExportFile(
      { bytes: new TextEncoder().encode(fixed), name: 'example.csv' },
      { dateOrder: 'day-first' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const shownLine = /and once fixed, its first line is read as\n\n```json\n([\s\S]*?)```/.exec(
      documentation,
    )?.[1];
    expect(result.lines[0]).toEqual(JSON.parse(shownLine ?? 'null'));
  });
});
