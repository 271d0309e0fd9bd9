/**
 * Reads an invoice-line export file (CSV, XLSX or JSON) as a stream of lines and problems, the
 * file never held whole in memory. The caller loads the lines only if no problem came: a file
 * with errors is rejected whole, with every problem listed by row and column.
 */
import { basename } from 'node:path';
import type { ImportProblem, PlatformInvoiceLine } from '@shared/platformInvoiceLine';
import { type ByteSource, type ExportFileInput, openByteSource } from './byteSource';
import type { DateOrder } from './calendarDateText';
import { type CsvDelimiterChoice, readCsvLines } from './csvReader';
import {
  type DecimalMark,
  type DecimalMarkChoice,
  DecimalReader,
  type ThousandsSeparator,
} from './decimalText';
import { type ExportFileFormat, recognizeExportFile } from './fileRecognition';
import { InvoiceLineBuilder } from './invoiceLineBuilder';
import { readJsonLines } from './jsonReader';
import type { ReaderEvent } from './readerEvents';
import {
  chooseTextEncoding,
  decodeText,
  type EncodingChoice,
  UndecodableTextError,
} from './textDecoding';
import { readXlsxLines } from './xlsxReader';
import { readZipDirectory, xlsxRefusal } from './zipDirectory';

export type { ExportFileInput } from './byteSource';
export type { ExportFileFormat } from './fileRecognition';

export interface ExportFileOptions {
  /** Default: from the file name's extension, else recognised from the first bytes. */
  format?: ExportFileFormat;
  /**
   * ISO `YYYY-MM-DD` is always read; 'day-first' also reads DD.MM.YYYY and DD/MM/YYYY (and
   * D.M.YYYY). Default 'iso'. XLSX date cells are dates whatever this says.
   */
  dateOrder?: DateOrder;
  /** Default 'auto': as the file makes unambiguous; an ambiguous value is a problem. */
  decimalMark?: DecimalMarkChoice;
  /** Default null: no thousands separators are read unless the user says which. */
  thousandsSeparator?: ThousandsSeparator | null;
  /** Default 'auto': a byte-order mark, else UTF-8 when the whole file is valid UTF-8, else Windows-1252. */
  encoding?: EncodingChoice;
  /** Default 'auto': the separator used in the header line. */
  delimiter?: CsvDelimiterChoice;
  /** Default 1000; after that one last problem "…and N more problems." (the rest still counted). */
  maxProblems?: number;
  signal?: AbortSignal;
}

export type ExportFileEvent =
  | { kind: 'line'; row: number; line: PlatformInvoiceLine }
  | { kind: 'problem'; problem: ImportProblem }
  | { kind: 'progress'; bytesRead: number; totalBytes: number | null };

const defaultMaxProblems = 1000;
const progressStep = 1024 * 1024;

/** The longest value a problem quotes: enough to recognise it, never a hostile cell whole. */
export const maxQuotedValueLength = 200;

function shortened(event: { kind: 'problem'; problem: ImportProblem }): ExportFileEvent {
  const { value } = event.problem;
  if (value === null || value.length <= maxQuotedValueLength) return event;
  return {
    kind: 'problem',
    problem: { ...event.problem, value: `${value.slice(0, maxQuotedValueLength)}…` },
  };
}

function wholeFileProblem(reason: string, row = 0): ExportFileEvent {
  return { kind: 'problem', problem: { row, column: null, value: null, reason } };
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return (
    signal?.aborted === true &&
    (error === signal.reason || (error instanceof Error && error.name === 'AbortError'))
  );
}

function describeOpenError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return 'The file cannot be found.';
  if (code === 'EACCES' || code === 'EPERM') return 'The file cannot be opened: permission denied.';
  if (code === 'EISDIR') return 'This is a folder, not a file.';
  return `The file cannot be opened (${error instanceof Error ? error.message : String(error)}).`;
}

function builderFor(options: ExportFileOptions) {
  return (likelyDecimalMark: DecimalMark | null) =>
    new InvoiceLineBuilder({
      dateOrder: options.dateOrder ?? 'iso',
      decimals: new DecimalReader({
        decimalMark: options.decimalMark ?? 'auto',
        thousandsSeparator: options.thousandsSeparator ?? null,
        likelyDecimalMark,
      }),
    });
}

function readerFor(
  source: ByteSource,
  format: Exclude<ExportFileFormat, 'xlsx'>,
  options: ExportFileOptions,
): AsyncGenerator<ReaderEvent> {
  const createBuilder = builderFor(options);
  return (async function* readText() {
    const encoding = await chooseTextEncoding(source, options.encoding ?? 'auto');
    const text = decodeText(source.chunks(), encoding);
    yield* format === 'csv'
      ? readCsvLines(text, { delimiter: options.delimiter ?? 'auto', createBuilder })
      : readJsonLines(text, { createBuilder });
  })();
}

/**
 * Streams the file: lines and problems as they are read, never the whole file in memory (JSON:
 * the array is streamed). Once a problem has been reported the file will be rejected, so the
 * lines after it are no longer emitted; every problem still is (up to `maxProblems`). Progress
 * events report the bytes read. An aborted signal stops the reading and throws its reason.
 */
export async function* readExportFile(
  input: ExportFileInput,
  options: ExportFileOptions = {},
): AsyncGenerator<ExportFileEvent> {
  const { signal } = options;
  const maxProblems = options.maxProblems ?? defaultMaxProblems;
  if (!Number.isInteger(maxProblems) || maxProblems < 1) {
    throw new RangeError('maxProblems must be a whole number of at least 1.');
  }
  signal?.throwIfAborted();

  const separator = options.thousandsSeparator ?? null;
  if (separator !== null && separator === options.decimalMark) {
    yield wholeFileProblem(
      `"${separator}" cannot be both the decimal mark and the thousands separator; choose different ones in the load dialog.`,
    );
    return;
  }

  let source: ByteSource;
  try {
    source = await openByteSource(input, signal);
  } catch (error) {
    if (isAbort(error, signal)) throw error;
    yield wholeFileProblem(describeOpenError(error));
    return;
  }

  try {
    yield { kind: 'progress', bytesRead: 0, totalBytes: source.totalBytes };
    if (source.totalBytes === 0) {
      yield wholeFileProblem('The file is empty.');
      return;
    }
    const name = input.name ?? ('path' in input ? basename(input.path) : undefined);
    const recognition = recognizeExportFile(source.head, name, options.format);
    if (!recognition.ok) {
      yield wholeFileProblem(recognition.reason);
      return;
    }

    let events: AsyncGenerator<ReaderEvent>;
    if (recognition.format === 'xlsx') {
      // Refused by what its directory declares, before a byte is inflated.
      const entries = await readZipDirectory(source);
      if (typeof entries === 'string') {
        yield wholeFileProblem(entries);
        return;
      }
      const refusal = xlsxRefusal(entries);
      if (refusal !== null) {
        yield wholeFileProblem(refusal);
        return;
      }
      events = readXlsxLines(source, entries, {
        createBuilder: builderFor(options),
        signal,
      });
    } else {
      events = readerFor(source, recognition.format, options);
    }

    let problemCount = 0;
    let progressReportedAt = 0;
    try {
      for await (const event of events) {
        signal?.throwIfAborted();
        if (event.kind === 'line') {
          if (problemCount === 0) yield event;
        } else {
          problemCount += 1;
          if (problemCount <= maxProblems) yield shortened(event);
        }
        if (source.bytesRead - progressReportedAt >= progressStep) {
          progressReportedAt = source.bytesRead;
          yield { kind: 'progress', bytesRead: source.bytesRead, totalBytes: source.totalBytes };
        }
      }
    } catch (error) {
      if (!(error instanceof UndecodableTextError)) throw error;
      problemCount += 1;
      if (problemCount <= maxProblems) yield wholeFileProblem(error.message);
    }
    signal?.throwIfAborted();
    if (problemCount > maxProblems) {
      const more = problemCount - maxProblems;
      yield wholeFileProblem(`…and ${more} more problem${more === 1 ? '' : 's'}.`);
    }
    yield { kind: 'progress', bytesRead: source.bytesRead, totalBytes: source.totalBytes };
  } finally {
    await source.close();
  }
}

/** Convenience for tests and small files: all the lines, or every problem. */
export async function readWholeExportFile(
  input: ExportFileInput,
  options?: ExportFileOptions,
): Promise<{ ok: true; lines: PlatformInvoiceLine[] } | { ok: false; problems: ImportProblem[] }> {
  const lines: PlatformInvoiceLine[] = [];
  const problems: ImportProblem[] = [];
  for await (const event of readExportFile(input, options)) {
    if (event.kind === 'line') lines.push(event.line);
    else if (event.kind === 'problem') problems.push(event.problem);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lines };
}
