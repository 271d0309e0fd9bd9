import { invoiceLineFields } from '@shared/platformInvoiceLine';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  handMadeXlsx,
  sharedStringsPart,
  workbookParts,
  worksheetPart,
} from '../../../tests/support/handMadeXlsx';
import { readWholeExportFile } from './readExportFile';

/** A small, honest workbook with the Platform's header and one line. */
async function workbook(sheets = 1): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (let index = 0; index < sheets; index += 1) {
    const sheet = book.addWorksheet(`Sheet ${index + 1}`);
    sheet.addRow(['Invoice ID', 'Organization Name']);
    sheet.addRow(['INV-1', 'Contoso']);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The same file with one part's declared inflated size in the central directory replaced. */
function claimingSize(zip: Buffer, part: string, bytes: number): Buffer {
  const patched = Buffer.from(zip);
  for (let at = 0; at + 46 < patched.length; at += 1) {
    if (patched.readUInt32LE(at) !== 0x02014b50) continue;
    const nameLength = patched.readUInt16LE(at + 28);
    if (patched.toString('utf8', at + 46, at + 46 + nameLength) === part) {
      patched.writeUInt32LE(bytes, at + 24);
      return patched;
    }
  }
  throw new Error(`${part} is not in the workbook`);
}

async function refusalOf(bytes: Buffer): Promise<string> {
  const started = Date.now();
  const result = await readWholeExportFile({ bytes, name: 'export.xlsx' });
  expect(Date.now() - started).toBeLessThan(3000);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.problems.map((problem) => problem.reason).join(' ');
}

describe('hostile XLSX files are refused before anything is inflated', () => {
  it('a shared-strings bomb (a part that would inflate to gigabytes)', async () => {
    const bomb = claimingSize(await workbook(), 'xl/sharedStrings.xml', 3_000_000_000);
    expect(await refusalOf(bomb)).toMatch(
      /^The file is too large or damaged: "xl\/sharedStrings\.xml" would inflate to 2861 MB\.$/,
    );
  });

  it('a part that inflates a thousand times over', async () => {
    const sheet = claimingSize(await workbook(), 'xl/worksheets/sheet1.xml', 50 * 1024 * 1024);
    expect(await refusalOf(sheet)).toMatch(/"xl\/worksheets\/sheet1\.xml" would inflate to 50 MB/);
  });

  it('a workbook of 150 sheets', async () => {
    expect(await refusalOf(await workbook(150))).toMatch(/it has 150 worksheets \(at most 100\)/);
  });

  it('a file cut short (no table of contents)', async () => {
    const whole = await workbook();
    expect(await refusalOf(whole.subarray(0, whole.length - 30))).toMatch(
      /^The Excel workbook cannot be read; it may be damaged \(it is cut short/,
    );
  });

  it('a worksheet that comes before the shared strings and inflates past its declared size', async () => {
    // Excel's own order (worksheet, then shared strings); it declares 1 KB and inflates to 30 MB.
    const row = '<row><c t="inlineStr"><is><t>INV-1</t></is></c></row>';
    const early = handMadeXlsx([
      worksheetPart({ text: row, times: 500_000 }, 1024),
      ...workbookParts,
      sharedStringsPart(undefined),
    ]);
    expect(await refusalOf(early)).toBe(
      'The file is too large or damaged: "xl/worksheets/sheet1.xml" inflates past the 1 KB its table of contents declares.',
    );
  });

  it('a shared-strings part that inflates past its declared size', async () => {
    const strings = handMadeXlsx([
      ...workbookParts,
      sharedStringsPart({ text: '<si><t>Contoso</t></si>', times: 400_000 }, 4096),
      worksheetPart(undefined),
    ]);
    expect(await refusalOf(strings)).toBe(
      'The file is too large or damaged: "xl/sharedStrings.xml" inflates past the 4 KB its table of contents declares.',
    );
  });

  it('a huge shared string quoted by every cell: each problem quotes 200 characters of it', async () => {
    const cells = (row: number) =>
      Array.from(
        { length: 19 },
        (_, column) => `<c r="${String.fromCharCode(65 + column)}${row}" t="s"><v>0</v></c>`,
      ).join('');
    const rows = Array.from(
      { length: 60 },
      (_, index) => `<row r="${index + 2}">${cells(index + 2)}</row>`,
    );
    const bytes = handMadeXlsx([
      ...workbookParts,
      {
        name: 'xl/sharedStrings.xml',
        head: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>',
        repeated: { text: 'x', times: 900_000 },
        tail: '</t></si></sst>',
      },
      worksheetPart({ text: rows.join(''), times: 1 }),
    ]);
    const result = await readWholeExportFile({ bytes, name: 'export.xlsx' });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.length).toBeGreaterThan(100);
    const longest = Math.max(...problems.map((problem) => problem.value?.length ?? 0));
    expect(longest).toBe(201);
    expect(problems.find((problem) => problem.value?.length === 201)?.value).toBe(
      `${'x'.repeat(200)}…`,
    );
  });

  it('an honest workbook still reads', async () => {
    const result = await readWholeExportFile({ bytes: await workbook(), name: 'export.xlsx' });
    // It lacks most columns: refused for that, not for its size.
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.reason).join(' ')).not.toMatch(/too large/);
  });
});

describe('hostile CSV files are refused with a clear message, memory bounded', () => {
  const header = invoiceLineFields.map(({ column }) => column).join(',');

  it('an unterminated quote that would swallow the rest of the file', async () => {
    const rest = 'INV-2,Contoso,Plan\n'.repeat(80_000);
    const bytes = Buffer.from(`${header}\nINV-1,"Contoso,Plan\n${rest}`);
    const started = Date.now();
    const result = await readWholeExportFile({ bytes, name: 'export.csv' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.reason)).toContain(
      'This row is far too long: a quoted value that starts in it is probably never closed (a closing " is missing).',
    );
  });

  it('a single cell of several megabytes', async () => {
    const bytes = Buffer.from(`${header}\nINV-1,"${'x'.repeat(3 * 1024 * 1024)}",Plan\n`);
    const result = await readWholeExportFile({ bytes, name: 'export.csv' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.reason).toMatch(/^This row is far too long/);
  });
});
