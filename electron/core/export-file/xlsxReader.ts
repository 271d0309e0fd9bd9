/**
 * Reads an XLSX export with exceljs's streaming reader: the first worksheet only, the header in
 * its first non-empty row, never the whole file in memory. Number cells become exact decimal
 * text, date cells calendar dates (UTC).
 */
import { Readable } from 'node:stream';
import type { CellValue, Row } from 'exceljs';
import type { ByteSource } from './byteSource';
import { calendarDateOfUtc } from './calendarDateText';
import { decimalOfNumber } from './decimalText';
import { type CellInput, cellText, matchHeaderRow } from './invoiceLineBuilder';
import { invoiceLineColumns } from './invoiceLineColumns';
import {
  type CreateLineBuilder,
  fileProblem,
  noInvoiceLines,
  type ReaderEvent,
} from './readerEvents';
import { inflatedEntry, type ZipEntry, ZipRefusal } from './zipDirectory';

/** Whether a number format shows a date (so a formula's numeric result is a date serial). */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt || numFmt === 'General') return false;
  const visible = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmy]/i.test(visible) && !/^[#0.,%\s]*$/.test(visible);
}

function dateOfExcelSerial(serial: number): CellInput {
  const date = calendarDateOfUtc(new Date(Math.round((serial - 25569) * 86_400_000)));
  return date
    ? { kind: 'date', date }
    : { kind: 'unusable', text: String(serial), reason: 'Not a real date.' };
}

function numberCell(value: number): CellInput {
  const decimal = decimalOfNumber(value);
  return decimal === null
    ? { kind: 'unusable', text: String(value), reason: 'Expected a decimal number such as 12.50.' }
    : { kind: 'number', decimal };
}

/** A cell's value as the row builder takes it; '' for an empty cell. */
export function cellInputOfValue(value: CellValue, numFmt: string | undefined): CellInput {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberCell(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const date = calendarDateOfUtc(value);
    return date
      ? { kind: 'date', date }
      : { kind: 'unusable', text: '', reason: 'Not a real date.' };
  }
  if ('error' in value) {
    return {
      kind: 'unusable',
      text: value.error,
      reason: `The cell shows the spreadsheet error ${value.error}.`,
    };
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : '';
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (typeof result === 'number' && isDateFormat(numFmt)) return dateOfExcelSerial(result);
    return result === undefined ? '' : cellInputOfValue(result, numFmt);
  }
  return '';
}

function cellInputAt(row: Row, column: number): CellInput {
  const cell = row.getCell(column);
  return cellInputOfValue(cell.value, cell.numFmt);
}

function isBlank(cells: ReadonlyArray<CellInput | undefined>): boolean {
  return cells.every((cell) => cell === undefined || cellText(cell)?.trim() === '');
}

/**
 * The steps of exceljs's streaming WorkbookReader, driven here one part at a time. Its own
 * `parse()` reads the archive front to back in one pass and now and then loses its last part:
 * when that is workbook.xml (exceljs writes it last) the sheet names are unknown and the load
 * failed as damaged, 2 reads in 300 under load. It also keeps a worksheet that comes before
 * the shared strings (Excel's own order) in a temporary file. Reading each part where the
 * central directory puts it, in the order the parts depend on each other, does neither
 * (exportFileDialects.test.ts reads parts in reverse order 20 times). exceljs is pinned by
 * package-lock.json.
 */
interface WorkbookSteps {
  workbookRels?: Array<{ Id: string; Target: string }>;
  model?: { sheets?: Array<{ name?: string; rId?: string }> };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    chunks: AsyncIterable<Buffer>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: AsyncIterable<Row> }>;
}

const noWorksheet = 'This is not a CSV, XLSX or JSON export: the file holds no Excel worksheet.';

/** A relationship's target as the part's name in the archive (relative to xl/ unless absolute). */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

export async function* readXlsxLines(
  source: Pick<ByteSource, 'readAt' | 'range'>,
  entries: readonly ZipEntry[],
  settings: { createBuilder: CreateLineBuilder; signal?: AbortSignal | undefined },
): AsyncGenerator<ReaderEvent> {
  const builder = settings.createBuilder(null);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const part = (name: string) => {
    const entry = byName.get(name);
    return entry ? Readable.from(inflatedEntry(source, entry)) : null;
  };
  // Loaded when an XLSX comes: it is most of the reading thread's start-up time.
  const { default: ExcelJS } = await import('exceljs');
  const steps = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookSteps;
  let columnIndexes: readonly number[] | null = null;
  let dataRows = 0;
  try {
    const relationships = part('xl/_rels/workbook.xml.rels');
    const workbook = part('xl/workbook.xml');
    if (!relationships || !workbook) {
      yield fileProblem(noWorksheet);
      return;
    }
    await steps._parseRels(relationships);
    await steps._parseWorkbook(workbook);
    const sharedStrings = part('xl/sharedStrings.xml');
    if (sharedStrings) for await (const _ of steps._parseSharedStrings(sharedStrings));
    const styles = part('xl/styles.xml');
    if (styles) await steps._parseStyles(styles);

    const firstSheet = steps.model?.sheets?.[0];
    const relationship = steps.workbookRels?.find((rel) => rel.Id === firstSheet?.rId);
    const sheetEntry = relationship && byName.get(partName(relationship.Target));
    if (!sheetEntry) {
      yield fileProblem(noWorksheet);
      return;
    }
    const sheetNo = /sheet(\d+)\.xml$/i.exec(sheetEntry.name)?.[1] ?? '1';
    const [emitted] = steps._parseWorksheet(inflatedEntry(source, sheetEntry), sheetNo);
    if (!emitted) throw new Error('exceljs did not open the worksheet');
    for await (const row of emitted.value) {
      if (columnIndexes === null) {
        const headers: string[] = [];
        row.eachCell((cell, column) => {
          headers[column - 1] = cellText(cellInputOfValue(cell.value, cell.numFmt)) ?? '';
        });
        for (let index = 0; index < headers.length; index += 1) headers[index] ??= '';
        if (headers.every((header) => header.trim() === '')) continue;
        const header = matchHeaderRow(headers, row.number);
        if (!header.ok) {
          for (const problem of header.problems) yield { kind: 'problem', problem };
          return;
        }
        columnIndexes = header.columnIndexes;
        builder.applyDeclaredDateOrders(header.declaredDateOrders);
        continue;
      }
      const cells: Array<CellInput | undefined> = new Array(invoiceLineColumns.length);
      for (let position = 0; position < columnIndexes.length; position += 1) {
        const index = columnIndexes[position] ?? -1;
        cells[position] = index >= 0 ? cellInputAt(row, index + 1) : undefined;
      }
      if (isBlank(cells)) continue;
      dataRows += 1;
      const outcome = builder.build(row.number, cells);
      if (outcome.ok) yield { kind: 'line', row: row.number, line: outcome.line };
      else for (const problem of outcome.problems) yield { kind: 'problem', problem };
    }
  } catch (error) {
    if (settings.signal?.aborted) throw settings.signal.reason;
    if (error instanceof ZipRefusal) {
      yield fileProblem(error.message);
      return;
    }
    const detail = error instanceof Error ? error.message : String(error);
    yield fileProblem(`The Excel workbook cannot be read; it may be damaged (${detail}).`);
    return;
  }
  if (dataRows === 0) yield fileProblem(noInvoiceLines);
}
