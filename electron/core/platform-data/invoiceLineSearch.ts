import type { PlatformInvoiceLine } from '@shared/platformInvoiceLine';
import { containing, type Database } from '../store';

/** The line columns the Invoices grid's search looks in, each with its field of a line. */
const searchedColumns = {
  organization_name: 'organizationName',
  subscription_name: 'subscriptionName',
  offer_name: 'offerName',
  invoice_id: 'invoiceId',
  contract_id: 'contractId',
  offer_id: 'offerId',
} as const satisfies Record<string, keyof PlatformInvoiceLine>;

type SearchedColumn = keyof typeof searchedColumns;

const columnNames = Object.keys(searchedColumns) as SearchedColumn[];

/**
 * Up to this many matching Organization names (and nothing else matching), their lines are
 * fetched through the organization index and sorted: at 100,000 lines, 250 names (10,000 lines)
 * take 50 ms, a handful 10 ms, against 100 ms or more for walking the month.
 */
const organizationNamesFetched = 250;
/**
 * Beyond this many matching values (a letter or two is in most of them), each line is matched
 * with LIKE: most match on their first column, which costs less than looking each of its columns
 * up among hundreds of values.
 */
const valuesLookedUp = 100;

/** Which lines of a month a search finds, as a condition on `invoice_line` or its views. */
export interface LineSearch {
  condition: string;
  params: string[];
  /** The lines were fetched through an index: walking the whole month for them would be slower. */
  fetched: boolean;
}

/**
 * The Invoices grid's search: a line is found when one of its searched columns contains the text
 * (trimmed; case-insensitive for ASCII letters; `%` and `_` literal, as `containing` gives LIKE),
 * or when the text is its id. The text is first matched against the month's distinct values of
 * those columns (`invoice_line_search_value`: a few thousand, against six columns of 100,000
 * lines); the lines are then found by the values that matched.
 */
export function createLineSearch(db: Database) {
  const selectMatches = db.prepare(
    `SELECT column_name, value FROM invoice_line_search_value
     WHERE period = ? AND value LIKE ? ESCAPE '\\'`,
  );

  return function linesContaining(period: string, text: string): LineSearch {
    const term = text.trim();
    const pattern = containing(term);
    const matches = new Map<string, string[]>();
    const matched = selectMatches.all(period, pattern) as Array<{
      column_name: string;
      value: string;
    }>;
    for (const { column_name, value } of matched) {
      const values = matches.get(column_name);
      if (values) values.push(value);
      else matches.set(column_name, [value]);
    }

    const organizationNames = matches.get('organization_name');
    if (
      organizationNames &&
      matches.size === 1 &&
      organizationNames.length <= organizationNamesFetched
    ) {
      const names = JSON.stringify(organizationNames);
      // The index is on the name without case (the organization sort's): the second test keeps
      // exactly the names that matched.
      return {
        condition: `line_id IN (SELECT line_id FROM invoice_line WHERE period = ?
            AND organization_name COLLATE NOCASE IN (SELECT value FROM json_each(?))
            AND organization_name IN (SELECT value FROM json_each(?))
          UNION ALL SELECT ?)`,
        params: [period, names, names, term],
        fetched: true,
      };
    }
    if (matched.length > valuesLookedUp) {
      return {
        condition: `(${columnNames.map((column) => `${column} LIKE ? ESCAPE '\\' OR `).join('')}line_id = ?)`,
        params: [...columnNames.map(() => pattern), term],
        fetched: false,
      };
    }
    const columns = columnNames.filter((column) => matches.has(column));
    return {
      condition: `(${columns.map((column) => `${column} IN (SELECT value FROM json_each(?)) OR `).join('')}line_id = ?)`,
      params: [...columns.map((column) => JSON.stringify(matches.get(column))), term],
      fetched: false,
    };
  };
}

/** The searched values of the lines a load stages, by month and column: few, as names repeat. */
export function createStagedSearchValues() {
  let byPeriod = new Map<string, Array<{ column: SearchedColumn; values: Set<string> }>>();
  return {
    add(period: string, line: PlatformInvoiceLine): void {
      let columns = byPeriod.get(period);
      if (!columns) {
        columns = columnNames.map((column) => ({ column, values: new Set<string>() }));
        byPeriod.set(period, columns);
      }
      for (const { column, values } of columns) values.add(line[searchedColumns[column]]);
    },

    /** For each of these periods and each column: its values, as a JSON array. */
    *byColumn(periods: readonly string[]): Generator<[string, SearchedColumn, string]> {
      for (const period of periods) {
        for (const { column, values } of byPeriod.get(period) ?? []) {
          yield [period, column, JSON.stringify([...values])];
        }
      }
    },

    clear(): void {
      byPeriod = new Map();
    },
  };
}
