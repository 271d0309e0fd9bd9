/**
 * Reads a JSON export: an array of invoice-line objects, or `{ "lines": [...] }`, streamed token
 * by token (stream-json) so the array is never held whole. A row is the object's index + 1.
 */

import type { ImportProblem } from '@shared/platformInvoiceLine';
import { jsonParser, type Token } from 'stream-json/parser.js';
import { type CellInput, cellsOfKeyedRecord } from './invoiceLineBuilder';
import { invoiceLineColumns } from './invoiceLineColumns';
import {
  type CreateLineBuilder,
  fileProblem,
  noInvoiceLines,
  type ReaderEvent,
} from './readerEvents';

const notAnArray =
  'The JSON is not a list of invoice lines: expected an array of objects, or { "lines": [ ... ] }.';

type Where =
  | 'start'
  | 'wrapper'
  | 'wrapperLinesValue'
  | 'lines'
  | 'rowKey'
  | 'rowValue'
  | 'afterLines'
  | 'end';

/** Assembles the rows of the lines array from parser tokens, one finished row at a time. */
class JsonLinesAssembler {
  where: Where = 'start';
  /** Rows started so far; the row being read is this number. */
  rows = 0;
  sawLinesArray = false;
  private wrapped = false;
  /** Open containers of a value being skipped (a nested value, or a wrapper key's value). */
  private skipDepth = 0;
  /** The next token starts a value to skip (the value of a wrapper key other than "lines"). */
  private skipNext = false;
  private skipReturnsTo: Where = 'start';
  private key = '';
  private entries: Array<readonly [string, CellInput]> = [];

  /** Consumes a token; returns a finished row, a problem, or nothing yet. */
  consume(
    token: Token,
  ):
    | { kind: 'row'; row: number; entries: Array<readonly [string, CellInput]> }
    | { kind: 'problem'; problem: ImportProblem; fatal: boolean }
    | undefined {
    if (this.skipNext) {
      this.skipNext = false;
      if (token.name === 'startObject' || token.name === 'startArray') this.skipValue(this.where);
      return undefined;
    }
    if (this.skipDepth > 0) {
      if (token.name === 'startObject' || token.name === 'startArray') this.skipDepth += 1;
      else if (token.name === 'endObject' || token.name === 'endArray') this.skipDepth -= 1;
      if (this.skipDepth === 0) this.where = this.skipReturnsTo;
      return undefined;
    }
    switch (this.where) {
      case 'start':
        if (token.name === 'startArray') {
          this.where = 'lines';
          this.sawLinesArray = true;
          return undefined;
        }
        if (token.name === 'startObject') {
          this.where = 'wrapper';
          this.wrapped = true;
          return undefined;
        }
        return this.fatal(notAnArray, 0);
      case 'wrapper':
      case 'afterLines':
        if (token.name === 'keyValue') {
          if (this.where === 'wrapper' && token.value.trim().toLowerCase() === 'lines') {
            this.where = 'wrapperLinesValue';
          } else {
            this.skipNext = true;
          }
          return undefined;
        }
        if (token.name === 'endObject') {
          this.where = 'end';
          return this.sawLinesArray ? undefined : this.fatal(notAnArray, 0);
        }
        return undefined;
      case 'wrapperLinesValue':
        if (token.name === 'startArray') {
          this.where = 'lines';
          this.sawLinesArray = true;
          return undefined;
        }
        return this.fatal('"lines" is not an array of invoice lines.', 0);
      case 'lines':
        if (token.name === 'endArray') {
          this.where = this.wrapped ? 'afterLines' : 'end';
          return undefined;
        }
        this.rows += 1;
        if (token.name === 'startObject') {
          this.where = 'rowKey';
          this.entries = [];
          return undefined;
        }
        if (token.name === 'startArray') this.skipValue('lines');
        return {
          kind: 'problem',
          fatal: false,
          problem: {
            row: this.rows,
            column: null,
            value: null,
            reason: 'Expected an object with the columns of one invoice line.',
          },
        };
      case 'rowKey':
        if (token.name === 'keyValue') {
          this.key = token.value;
          this.where = 'rowValue';
          return undefined;
        }
        if (token.name === 'endObject') {
          this.where = 'lines';
          return { kind: 'row', row: this.rows, entries: this.entries };
        }
        return undefined;
      case 'rowValue':
        this.where = 'rowKey';
        switch (token.name) {
          case 'stringValue':
            this.entries.push([this.key, token.value]);
            return undefined;
          case 'numberValue':
            this.entries.push([this.key, { kind: 'number', decimal: token.value }]);
            return undefined;
          case 'nullValue':
            this.entries.push([this.key, '']);
            return undefined;
          case 'trueValue':
          case 'falseValue':
            this.entries.push([this.key, String(token.value)]);
            return undefined;
          case 'startObject':
          case 'startArray':
            this.entries.push([
              this.key,
              {
                kind: 'unusable',
                text: token.name === 'startObject' ? '{…}' : '[…]',
                reason: 'Expected text or a number, not a nested object or list.',
              },
            ]);
            this.skipValue('rowKey');
            return undefined;
          default:
            return undefined;
        }
      case 'end':
        return undefined;
    }
  }

  /** Skips the rest of a container whose opening token was just consumed. */
  private skipValue(returnTo: Where): void {
    this.skipReturnsTo = returnTo;
    this.skipDepth = 1;
    this.where = returnTo;
  }

  private fatal(reason: string, row: number) {
    this.where = 'end';
    return {
      kind: 'problem' as const,
      fatal: true,
      problem: { row, column: null, value: null, reason },
    };
  }
}

const braces = /[{}]/g;

/** stream-json's error text without its "Parser cannot parse input:" prefix. */
function parserErrorDetail(message: string): string {
  return message
    .replace(/^Parser (cannot parse input: )?/, '')
    .replace(/^has expected/, 'expected');
}

export async function* readJsonLines(
  text: AsyncIterable<string>,
  settings: { createBuilder: CreateLineBuilder },
): AsyncGenerator<ReaderEvent> {
  const builder = settings.createBuilder('.');
  const tokenize = jsonParser({ streamValues: false });
  const assembler = new JsonLinesAssembler();
  let sawText = false;
  let checkedColumns = false;
  let dataRows = 0;

  for await (const chunk of text) {
    if (!sawText && chunk.trim() !== '') sawText = true;
    // Fed in pieces that each end at a brace, so that when the parser fails, the rows before the
    // failing piece have been counted and the problem names the row it is in.
    let pieceStart = 0;
    while (pieceStart < chunk.length) {
      braces.lastIndex = pieceStart;
      const brace = braces.exec(chunk);
      const pieceEnd = brace ? brace.index + 1 : chunk.length;
      const piece = chunk.slice(pieceStart, pieceEnd);
      pieceStart = pieceEnd;
      let tokens: Token[];
      try {
        const output = tokenize(piece);
        tokens = typeof output === 'object' ? output.values : [];
      } catch (error) {
        const detail = error instanceof Error ? parserErrorDetail(error.message) : String(error);
        const inRow = assembler.where === 'rowKey' || assembler.where === 'rowValue';
        yield fileProblem(
          `The JSON is broken ${inRow ? 'in' : 'before'} this invoice line (${detail}); nothing after it can be read.`,
          inRow ? assembler.rows : assembler.rows + 1,
        );
        return;
      }
      for (const token of tokens) {
        const assembled = assembler.consume(token);
        if (!assembled) continue;
        if (assembled.kind === 'problem') {
          yield { kind: 'problem', problem: assembled.problem };
          if (assembled.fatal) return;
          continue;
        }
        const { row, entries } = assembled;
        const { cells, declaredDateOrders, problems } = cellsOfKeyedRecord(entries, row);
        if (!checkedColumns) {
          checkedColumns = true;
          const missing = invoiceLineColumns.filter(
            (column, position) => column.required && cells[position] === undefined,
          );
          if (missing.length > 0) {
            for (const column of missing) {
              yield {
                kind: 'problem',
                problem: {
                  row: 1,
                  column: column.name,
                  value: null,
                  reason: 'Required column is missing',
                },
              };
            }
            return;
          }
          builder.applyDeclaredDateOrders(declaredDateOrders);
        }
        dataRows += 1;
        const outcome = builder.build(row, cells, problems);
        if (outcome.ok) yield { kind: 'line', row, line: outcome.line };
        else for (const problem of outcome.problems) yield { kind: 'problem', problem };
      }
    }
  }
  if (!sawText) {
    yield fileProblem('The file is empty.');
    return;
  }
  if (assembler.where === 'start') {
    yield fileProblem(notAnArray);
    return;
  }
  if (assembler.where !== 'end') {
    yield fileProblem(
      'The JSON ends too early: the list of lines (or an object in it) is not closed.',
      assembler.where === 'rowKey' || assembler.where === 'rowValue'
        ? assembler.rows
        : assembler.rows + 1,
    );
    return;
  }
  if (dataRows === 0 && assembler.rows === 0) yield fileProblem(noInvoiceLines);
}
