/**
 * Reads an XLSX export with exceljs's streaming reader: the first worksheet only, the header in
 * its first row. Number cells become exact decimal text, date cells calendar dates (UTC).
 */
import { Readable } from 'node:stream';
import ExcelJS, { type CellValue, type Row } from 'exceljs';
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

/** exceljs's streaming worksheet carries the sheet's name, though its typings do not say so. */
function sheetName(sheet: object): string | undefined {
  const name: unknown = Reflect.get(sheet, 'name');
  return typeof name === 'string' ? name : undefined;
}

export async function* readXlsxLines(
  chunks: AsyncIterable<Uint8Array>,
  settings: { createBuilder: CreateLineBuilder },
): AsyncGenerator<ReaderEvent> {
  const builder = settings.createBuilder(null);
  // A failing source (a read error, a cancel) must end the stream rather than error it: the
  // unzipper exceljs pipes it into would never hear of the error and wait forever.
  let sourceError: unknown = null;
  async function* endingOnError(): AsyncGenerator<Uint8Array> {
    try {
      yield* chunks;
    } catch (error) {
      sourceError = error;
    }
  }
  const input = Readable.from(endingOnError());
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sawWorksheet = false;
  let columnIndexes: readonly number[] | null = null;
  let dataRows = 0;
  try {
    for await (const sheet of workbook) {
      const firstSheetName = workbook.model?.sheets?.[0]?.name;
      const name = sheetName(sheet);
      if (firstSheetName !== undefined && name !== undefined && name !== firstSheetName) continue;
      sawWorksheet = true;
      for await (const row of sheet) {
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
      break;
    }
  } catch (error) {
    if (sourceError !== null) throw sourceError;
    const detail = error instanceof Error ? error.message : String(error);
    yield fileProblem(`The Excel workbook cannot be read; it may be damaged (${detail}).`);
    return;
  } finally {
    input.destroy();
  }
  if (sourceError !== null) throw sourceError;
  if (!sawWorksheet) {
    yield fileProblem('This is not a CSV, XLSX or JSON export: the file holds no Excel worksheet.');
  } else if (dataRows === 0) {
    yield fileProblem(noInvoiceLines);
  }
}
