/**
 * Reads a CSV export: "," ";" or tab separated, quoted fields (with newlines and doubled quotes),
 * CRLF or LF. Rows are numbered as records, the header being row 1, so a quoted newline does not
 * shift the rows after it.
 */
import { Readable } from 'node:stream';
import type { ImportProblem } from '@shared/platformInvoiceLine';
import Papa from 'papaparse';
import { createHandoffQueue } from './handoffQueue';
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

function isBlankRecord(record: readonly string[]): boolean {
  return record.every((field) => field.trim() === '');
}

/** The longest row read: a megabyte, thousands of times a real row. */
export const maxRecordBytes = 1024 * 1024;

function rowProblem(row: number, reason: string): ImportProblem {
  return { row, column: null, value: null, reason };
}

const neverClosed =
  'A quoted value that starts in this row is never closed (a closing " is missing).';
const farTooLong =
  'This row is far too long: a quoted value that starts in it is probably never closed (a closing " is missing).';

/** Why papaparse could not read a row, in the user's words. */
function problemOfParseError(error: Papa.ParseError, row: number): ImportProblem {
  if (error.code === 'MissingQuotes') return rowProblem(row, neverClosed);
  if (error.code === 'InvalidQuotes') {
    return rowProblem(
      row,
      'This row cannot be read as CSV: a quote (") in it is missing or extra; a quote inside a quoted value must be doubled ("").',
    );
  }
  return rowProblem(row, `This row cannot be read as CSV: ${error.message}`);
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

type Parsed =
  | { kind: 'record'; row: number; record: string[]; problem: ImportProblem | null }
  | { kind: 'too long'; row: number }
  | { kind: 'end' }
  | { kind: 'failed'; error: unknown };

/** Records parsed ahead of the reader before the text stops flowing. */
const parsedAhead = 2000;

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

  // papaparse reads the text as it flows and calls back once per record; the records wait in
  // `parsed` for this generator, and the text stops flowing while too many wait.
  const parsed = createHandoffQueue<Parsed>();
  let records = 0;
  // Text read since the last whole record: an unclosed quote would otherwise swallow the file.
  let charactersInRecord = 0;
  async function* guarded(): AsyncGenerator<string> {
    for await (const chunk of prepend(first.value, texts)) {
      charactersInRecord += chunk.length;
      if (charactersInRecord > maxRecordBytes) {
        parsed.push({ kind: 'too long', row: records + 1 });
        return;
      }
      yield chunk;
    }
  }
  // One chunk read ahead at most: text counted above is text papaparse has or is about to get,
  // never a backlog gathered while it is paused (which would look like one over-long row).
  const source = Readable.from(guarded(), { objectMode: true, highWaterMark: 1 });
  Papa.parse<string[], NodeJS.ReadableStream>(source, {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step: (results) => {
      records += 1;
      charactersInRecord = 0;
      const error = results.errors[0];
      const problem = error ? problemOfParseError(error, records) : null;
      parsed.push({ kind: 'record', row: records, record: results.data, problem });
      if (parsed.length >= parsedAhead) source.pause();
    },
    complete: () => parsed.push({ kind: 'end' }),
    error: (error: Error) => parsed.push({ kind: 'failed', error }),
  });

  let columnIndexes: readonly number[] | null = null;
  let headerLength = 0;
  let dataRows = 0;
  let problems = 0;
  try {
    for (;;) {
      const item = await parsed.take();
      if (parsed.length < parsedAhead / 4 && source.isPaused()) source.resume();
      if (item.kind === 'end') break;
      if (item.kind === 'failed') throw item.error;
      if (item.kind === 'too long') {
        problems += 1;
        yield { kind: 'problem', problem: rowProblem(item.row, farTooLong) };
        break;
      }
      const { record, row } = item;
      if (item.problem) {
        problems += 1;
        yield { kind: 'problem', problem: item.problem };
        continue;
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
  } finally {
    source.destroy();
  }
  if (columnIndexes === null) {
    if (problems === 0) yield fileProblem(noInvoiceLines);
  } else if (dataRows === 0 && problems === 0) {
    yield fileProblem(noInvoiceLines);
  }
}
