/**
 * Reads a CSV export: "," ";" or tab separated, quoted fields (with newlines and doubled quotes),
 * CRLF or LF. Rows are numbered as records, the header being row 1, so a quoted newline does not
 * shift the rows after it.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportProblem } from '@shared/platformInvoiceLine';
import { type CsvError, parse } from 'csv-parse';
import { type CellInput, matchHeaderRow } from './invoiceLineBuilder';
import { invoiceLineColumns } from './invoiceLineColumns';
import {
  type CreateLineBuilder,
  fileProblem,
  noInvoiceLines,
  type ReaderEvent,
} from './readerEvents';

export type CsvDelimiter = ',' | ';' | '\t';
export type CsvDelimiterChoice = CsvDelimiter | 'auto';

/** The delimiter used most often in the header line (outside quotes); "," when there is none. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '"') quoted = !quoted;
    else if (!quoted) {
      if (character === '\n' || character === '\r') break;
      if (character === ',' || character === ';' || character === '\t') counts[character] += 1;
    }
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).reduce((a, b) =>
    counts[b] > counts[a] ? b : a,
  );
  return counts[best] > 0 ? best : ',';
}

function describeDelimiter(delimiter: CsvDelimiter): string {
  return delimiter === '\t' ? 'a tab' : `"${delimiter}"`;
}

interface CsvRecordWithInfo {
  record: string[];
  info: { records: number };
}

function isBlankRecord(record: readonly string[]): boolean {
  return record.every((field) => field.trim() === '');
}

/** The longest row read: a megabyte, thousands of times a real row. */
export const maxRecordBytes = 1024 * 1024;

function problemOfCsvError(error: CsvError, row: number): ImportProblem {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return {
        row,
        column: null,
        value: null,
        reason: 'A quoted value that starts in this row is never closed (a closing " is missing).',
      };
    case 'CSV_MAX_RECORD_SIZE':
      return {
        row,
        column: null,
        value: null,
        reason:
          'This row is far too long: a quoted value that starts in it is probably never closed (a closing " is missing).',
      };
    default:
      return {
        row,
        column: null,
        value: null,
        reason: `This row cannot be read as CSV: ${error.message}`,
      };
  }
}

async function* prepend(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  try {
    yield first;
    for (;;) {
      const next = await rest.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await rest.return?.();
  }
}

export async function* readCsvLines(
  text: AsyncIterable<string>,
  settings: { delimiter: CsvDelimiterChoice; createBuilder: CreateLineBuilder },
): AsyncGenerator<ReaderEvent> {
  const texts = text[Symbol.asyncIterator]();
  const first = await texts.next();
  if (first.done || first.value.trim() === '') {
    // Only a byte-order mark or white space.
    await texts.return?.();
    yield fileProblem(first.done ? 'The file is empty.' : noInvoiceLines);
    return;
  }
  const delimiter =
    settings.delimiter === 'auto' ? detectDelimiter(first.value) : settings.delimiter;
  const builder = settings.createBuilder(delimiter === ';' ? ',' : delimiter === ',' ? '.' : null);

  // Problems csv-parse reports while skipping a broken record, held until the rows before it are out.
  const skipped: ImportProblem[] = [];
  const parser = parse({
    delimiter,
    info: true,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    // A real row is a few hundred bytes; an unclosed quote would otherwise swallow the whole file.
    max_record_size: maxRecordBytes,
    on_skip: (error) => {
      if (error) skipped.push(problemOfCsvError(error, Number(error.records ?? 0) + 1));
      return undefined;
    },
  });
  const source = Readable.from(prepend(first.value, texts));
  const feeding = pipeline(source, parser);
  feeding.catch(() => {
    // Errors reach the loop below through the parser; this only keeps them from going unhandled.
  });

  let columnIndexes: readonly number[] | null = null;
  let headerLength = 0;
  let dataRows = 0;
  for await (const item of parser) {
    const { record, info } = item as CsvRecordWithInfo;
    const row = info.records;
    while (skipped.length > 0 && (skipped[0]?.row ?? 0) < row) {
      const problem = skipped.shift();
      if (problem) yield { kind: 'problem', problem };
    }
    if (columnIndexes === null) {
      if (isBlankRecord(record)) continue;
      const header = matchHeaderRow(record, row);
      if (!header.ok) {
        for (const problem of header.problems) yield { kind: 'problem', problem };
        return;
      }
      columnIndexes = header.columnIndexes;
      builder.applyDeclaredDateOrders(header.declaredDateOrders);
      headerLength = record.length;
      continue;
    }
    if (isBlankRecord(record)) continue;
    dataRows += 1;
    const rowProblems: ImportProblem[] = [];
    if (record.length > headerLength && !isBlankRecord(record.slice(headerLength))) {
      const spansLines = record.some((field) => field.includes('\n'));
      rowProblems.push({
        row,
        column: null,
        value: null,
        reason: spansLines
          ? `This row has ${record.length} values but the header has ${headerLength}, and a value in it runs over several lines: a quote (") is probably missing or extra.`
          : `This row has ${record.length} values but the header has ${headerLength}; a value that contains ${describeDelimiter(delimiter)} must be in quotes.`,
      });
    }
    const cells: Array<CellInput | undefined> = new Array(invoiceLineColumns.length);
    for (let position = 0; position < columnIndexes.length; position += 1) {
      const index = columnIndexes[position] ?? -1;
      cells[position] = index >= 0 ? record[index] : undefined;
    }
    const outcome = builder.build(row, cells, rowProblems);
    if (outcome.ok) yield { kind: 'line', row, line: outcome.line };
    else for (const problem of outcome.problems) yield { kind: 'problem', problem };
  }
  for (const problem of skipped) yield { kind: 'problem', problem };
  if (columnIndexes === null) {
    if (skipped.length === 0) yield fileProblem(noInvoiceLines);
  } else if (dataRows === 0 && skipped.length === 0) {
    yield fileProblem(noInvoiceLines);
  }
}
