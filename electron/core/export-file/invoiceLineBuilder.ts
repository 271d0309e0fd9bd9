/**
 * Turns one row of an export file (whatever the format) into a `PlatformInvoiceLine`, or into
 * the problems that stop it being one: each named by row, canonical column, the value as written
 * and a plain reason.
 */

import {
  type BillingCycle,
  billingCycles,
  type ChargeType,
  chargeTypes,
} from '@shared/chargeDateVocabulary';
import {
  type ImportProblem,
  isParsedInvoiceLine,
  PlatformInvoiceLine,
} from '@shared/platformInvoiceLine';
import { type DateOrder, readCalendarDate } from './calendarDateText';
import type { DecimalReader } from './decimalText';
import {
  columnByField,
  type InvoiceLineColumn,
  invoiceLineColumns,
  readHeader,
} from './invoiceLineColumns';

/**
 * A cell as a reader found it: text (CSV, and text cells), or a value a spreadsheet or JSON
 * already typed: a number (as exact decimal text), a calendar date, or something unusable.
 */
export type CellInput =
  | string
  | { kind: 'number'; decimal: string }
  | { kind: 'date'; date: string }
  | { kind: 'unusable'; text: string; reason: string };

/** One row's cells, in the order of `invoiceLineColumns`; undefined where the file has none. */
export type RowCells = ReadonlyArray<CellInput | undefined>;

export type RowOutcome =
  | { ok: true; line: PlatformInvoiceLine }
  | { ok: false; problems: ImportProblem[] };

export function cellText(cell: CellInput | undefined): string | null {
  if (cell === undefined) return null;
  if (typeof cell === 'string') return cell;
  switch (cell.kind) {
    case 'number':
      return cell.decimal;
    case 'date':
      return cell.date;
    case 'unusable':
      return cell.text;
  }
}

function compactSpelling(text: string): string {
  return text.replace(/[\s_-]+/g, '').toLowerCase();
}

const chargeTypeBySpelling: ReadonlyMap<string, ChargeType> = new Map(
  chargeTypes.map((chargeType) => [compactSpelling(chargeType), chargeType] as const),
);

const billingCycleBySpelling: ReadonlyMap<string, BillingCycle> = new Map([
  ...billingCycles.map((cycle) => [compactSpelling(cycle), cycle] as const),
  ['every1months', 'Monthly'],
  ['every1month', 'Monthly'],
  ['every3months', 'Quarterly'],
  ['every12months', 'Annual'],
  ['every36months', 'Triennial'],
]);

const chargeTypeList = chargeTypes.map((name) => `"${name}"`).join(', ');
const billingCycleList = billingCycles.map((name) => `"${name}"`).join(', ');

function readChargeType(text: string): CellReading {
  const chargeType = chargeTypeBySpelling.get(compactSpelling(text));
  return chargeType
    ? { ok: true, value: chargeType }
    : { ok: false, reason: `Unknown charge type; expected one of ${chargeTypeList}.` };
}

function readBillingCycle(text: string): CellReading {
  const cycle = billingCycleBySpelling.get(compactSpelling(text));
  return cycle
    ? { ok: true, value: cycle }
    : {
        ok: false,
        reason: `Unknown billing cycle; expected one of ${billingCycleList} (or "Every 1/3/12/36 months").`,
      };
}

export type HeaderMatch =
  | {
      ok: true;
      /** For each of `invoiceLineColumns`, the index of its header, or -1. */
      columnIndexes: readonly number[];
      /** For each of `invoiceLineColumns`, the date order its header declares, if any. */
      declaredDateOrders: ReadonlyArray<DateOrder | undefined>;
    }
  | { ok: false; problems: ImportProblem[] };

/**
 * Finds the columns of a header row. Unknown headers are ignored; a missing required column or
 * a column named twice is a problem of the header row.
 */
export function matchHeaderRow(headers: readonly string[], headerRow: number): HeaderMatch {
  const columnIndexes = invoiceLineColumns.map(() => -1);
  const declaredDateOrders: Array<DateOrder | undefined> = invoiceLineColumns.map(() => undefined);
  const problems: ImportProblem[] = [];
  headers.forEach((header, index) => {
    const { column, declaredDateOrder } = readHeader(header);
    if (!column) return;
    const position = invoiceLineColumns.indexOf(column);
    const earlier = columnIndexes[position] ?? -1;
    if (earlier >= 0) {
      problems.push({
        row: headerRow,
        column: column.name,
        value: header,
        reason: `The column is given twice: "${headers[earlier]?.trim()}" and "${header.trim()}" both mean ${column.name}.`,
      });
      return;
    }
    columnIndexes[position] = index;
    declaredDateOrders[position] = declaredDateOrder;
  });
  invoiceLineColumns.forEach((column, position) => {
    if (column.required && columnIndexes[position] === -1) {
      problems.push({
        row: headerRow,
        column: column.name,
        value: null,
        reason: 'Required column is missing',
      });
    }
  });
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, columnIndexes, declaredDateOrders };
}

/**
 * Sorts the keys of one JSON object into row cells. A key that names a column already given
 * (e.g. "sku" beside "offer_id") is a problem of that row.
 */
export function cellsOfKeyedRecord(
  entries: ReadonlyArray<readonly [string, CellInput]>,
  row: number,
): {
  cells: Array<CellInput | undefined>;
  declaredDateOrders: Array<DateOrder | undefined>;
  problems: ImportProblem[];
} {
  const cells: Array<CellInput | undefined> = invoiceLineColumns.map(() => undefined);
  const keys: Array<string | undefined> = invoiceLineColumns.map(() => undefined);
  const declaredDateOrders: Array<DateOrder | undefined> = invoiceLineColumns.map(() => undefined);
  const problems: ImportProblem[] = [];
  for (const [key, cell] of entries) {
    const { column, declaredDateOrder } = readHeader(key);
    if (!column) continue;
    const position = invoiceLineColumns.indexOf(column);
    const earlierKey = keys[position];
    if (earlierKey !== undefined) {
      problems.push({
        row,
        column: column.name,
        value: cellText(cell),
        reason: `The column is given twice: "${earlierKey}" and "${key}" both mean ${column.name}.`,
      });
      continue;
    }
    keys[position] = key;
    cells[position] = cell;
    declaredDateOrders[position] = declaredDateOrder;
  }
  return { cells, declaredDateOrders, problems };
}

const columnPositions: ReadonlyMap<string, number> = new Map(
  invoiceLineColumns.map((column, position) => [column.name, position] as const),
);

/** A row's problems left to right: the whole row first, then by column. */
function inColumnOrder(problems: ImportProblem[]): ImportProblem[] {
  const position = (problem: ImportProblem) =>
    problem.column === null ? -1 : (columnPositions.get(problem.column) ?? -1);
  return problems.length > 1 ? problems.sort((a, b) => position(a) - position(b)) : problems;
}

/**
 * The text as a string of its own. A value cut from the file's text may share that text's
 * memory, so keeping 100,000 line ids kept the whole file alive (96 MB of the reading
 * thread's heap for the bench's 28 MB file, 53 MB with copies).
 */
function ownCopy(text: string): string {
  return Buffer.from(text).toString();
}

type FieldValue = string | null;
type CellReading = { ok: true; value: FieldValue } | { ok: false; reason: string };

/** Remembers the readings of values that repeat from row to row (dates, charge types). */
class ReadingMemo {
  private readonly readings = new Map<string, CellReading>();

  get(text: string, read: (text: string) => CellReading): CellReading {
    let reading = this.readings.get(text);
    if (reading === undefined) {
      reading = read(text);
      if (this.readings.size >= 10_000) this.readings.clear();
      this.readings.set(text, reading);
    }
    return reading;
  }
}

export class InvoiceLineBuilder {
  private readonly firstRowOfLineId = new Map<string, number>();
  private readonly isoDates = new ReadingMemo();
  private readonly dayFirstDates = new ReadingMemo();
  private declaredDateOrders: ReadonlyArray<DateOrder | undefined> = [];
  private readonly chargeTypes = new ReadingMemo();
  private readonly billingCycles = new ReadingMemo();
  private readonly dateOrder: DateOrder;
  private readonly decimals: DecimalReader;

  constructor(settings: { dateOrder: DateOrder; decimals: DecimalReader }) {
    this.dateOrder = settings.dateOrder;
    this.decimals = settings.decimals;
  }

  /** Date orders the file's header declares per column; they win over the user's choice. */
  applyDeclaredDateOrders(orders: ReadonlyArray<DateOrder | undefined>): void {
    this.declaredDateOrders = orders;
  }

  build(row: number, cells: RowCells, extraProblems: ImportProblem[] = []): RowOutcome {
    const problems = extraProblems;
    const candidate: Record<string, FieldValue> = {};
    const columnsWithProblems = new Set<string>();
    for (let position = 0; position < invoiceLineColumns.length; position += 1) {
      const column = invoiceLineColumns[position] as InvoiceLineColumn;
      const cell = cells[position];
      const reading = this.readCell(column, cell, row, position);
      if (reading.ok) {
        candidate[column.field] = reading.value;
      } else {
        candidate[column.field] = cellText(cell);
        columnsWithProblems.add(column.name);
        problems.push({ row, column: column.name, value: cellText(cell), reason: reading.reason });
      }
    }

    const lineId = candidate.lineId;
    if (typeof lineId === 'string' && lineId !== '') {
      const firstRow = this.firstRowOfLineId.get(lineId);
      if (firstRow === undefined) {
        this.firstRowOfLineId.set(ownCopy(lineId), row);
      } else {
        problems.push({
          row,
          column: 'line_id',
          value: cellText(cells[0]),
          reason: `This line_id is already used in row ${firstRow}; every line needs its own.`,
        });
      }
    }

    if (problems.length === 0 && isParsedInvoiceLine(candidate))
      return { ok: true, line: candidate };
    const parsed = PlatformInvoiceLine.safeParse(candidate);
    if (parsed.success) {
      return problems.length > 0
        ? { ok: false, problems: inColumnOrder(problems) }
        : { ok: true, line: parsed.data };
    }
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      const column =
        typeof field === 'string'
          ? columnByField.get(field as keyof PlatformInvoiceLine)
          : undefined;
      if (column && columnsWithProblems.has(column.name)) continue;
      // "End before start" says nothing when the start date itself could not be read.
      if (
        issue.code === 'custom' &&
        field === 'chargeEnd' &&
        columnsWithProblems.has('charge_start_date')
      ) {
        continue;
      }
      if (column) columnsWithProblems.add(column.name);
      problems.push({
        row,
        column: column?.name ?? null,
        value: column ? cellText(cells[invoiceLineColumns.indexOf(column)]) : null,
        reason: issue.message,
      });
    }
    return { ok: false, problems: inColumnOrder(problems) };
  }

  private readCell(
    column: InvoiceLineColumn,
    cell: CellInput | undefined,
    row: number,
    position: number,
  ): CellReading {
    if (cell !== undefined && typeof cell !== 'string') {
      if (cell.kind === 'unusable') return { ok: false, reason: cell.reason };
      if (column.kind === 'date') {
        return cell.kind === 'date'
          ? { ok: true, value: cell.date }
          : { ok: false, reason: 'Expected a date as YYYY-MM-DD, not a number.' };
      }
      if (column.kind === 'decimal' || column.kind === 'optionalDecimal') {
        return cell.kind === 'number'
          ? { ok: true, value: cell.decimal }
          : { ok: false, reason: 'Expected a decimal number such as 12.50, not a date.' };
      }
      return this.readCell(column, cellText(cell) ?? '', row, position);
    }

    const text = cell?.trim() ?? '';
    if (text === '') {
      if (!column.required) return { ok: true, value: null };
      return { ok: false, reason: 'A value is required.' };
    }
    switch (column.kind) {
      case 'text':
      case 'optionalText':
        return { ok: true, value: text };
      case 'currency':
        return { ok: true, value: text.toUpperCase() };
      case 'chargeType':
        return this.chargeTypes.get(text, readChargeType);
      case 'billingCycle':
        return this.billingCycles.get(text, readBillingCycle);
      case 'date': {
        const dateOrder = this.declaredDateOrders[position] ?? this.dateOrder;
        const memo = dateOrder === 'iso' ? this.isoDates : this.dayFirstDates;
        return memo.get(text, (dateText) => {
          const date = readCalendarDate(dateText, dateOrder);
          return date.ok ? { ok: true, value: date.date } : date;
        });
      }
      case 'decimal':
      case 'optionalDecimal': {
        const decimal = this.decimals.read(text, row);
        return decimal.ok ? { ok: true, value: decimal.decimal } : decimal;
      }
    }
  }
}
