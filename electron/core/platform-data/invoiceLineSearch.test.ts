import { join } from 'node:path';
import type { InvoicePageQuery } from '@shared/contract';
import { invoiceLineFields, type PlatformInvoiceLine } from '@shared/platformInvoiceLine';
import { describe, expect, it } from 'vitest';
import { typicalLine } from '../../../tests/support/exportRecords';
import { FakeClock, temporaryDirectory } from '../../../tests/support/fakePorts';
import { containing, type Database, migrations, openDatabase } from '../store';
import { createInvoiceLineQueries } from './invoiceLineQueries';
import { createInvoiceLineTables } from './invoiceLineTables';
import { createLoadHistory } from './loadHistory';

const month = '2026-10';

const line = (lineId: string, values: Partial<PlatformInvoiceLine> = {}) =>
  typicalLine(lineId, month, values);

/** Names that are hard on a search: quotes, LIKE's wildcards and escape, letters beyond ASCII. */
const trickyLines = [
  line('L-01', { organizationName: "O'Brien & Sons", invoiceId: 'INV-2' }),
  line('L-02', { organizationName: '100% Cloud', offerName: 'Backup 50% off' }),
  line('L-03', { organizationName: 'Under_score Ltd', subscriptionName: 'Plan_A' }),
  line('L-04', { organizationName: 'Quote "Q" Co', chargeType: 'Usage Fee' }),
  line('L-05', { organizationName: 'Müller GmbH', invoiceDate: `${month}-03` }),
  line('L-06', { organizationName: 'MÜLLER AG', invoiceDate: `${month}-02` }),
  line('L-07', { organizationName: 'müller kg' }),
  line('L-08', { organizationName: 'CONTOSO LIMITED', chargeType: 'Usage Fee' }),
  line('L-09', { organizationName: 'Back\\slash Inc', offerId: 'OF-\\9' }),
  line('L-10', { organizationName: 'Fabrikam', contractId: 'KX-ONLY-IN-CONTRACT-7' }),
  line('L-11', { organizationName: 'Fabrikam', contractId: 'CTR-77', billingCycle: 'Annual' }),
  line('L-12', { organizationName: 'Fabrikam', subscriptionName: 'Über Suite' }),
  line('%_1', { organizationName: 'Northwind' }),
  // Enough distinct names for a letter or two to be in hundreds of values.
  ...Array.from({ length: 130 }, (_, i) =>
    line(`F-${String(i).padStart(3, '0')}`, {
      organizationName: `Filler Org ${String(i).padStart(3, '0')}`,
      invoiceId: `INV-F${i}`,
      invoiceDate: `${month}-${String((i % 28) + 1).padStart(2, '0')}`,
      chargeType: i % 3 === 0 ? 'Usage Fee' : 'Cycle Fee',
    }),
  ),
];

const trickySearches = [
  'Contoso',
  'contoso',
  'CONTOSO',
  '  Contoso  ',
  "'",
  "O'Brien",
  '%',
  '100%',
  '50% off',
  '_',
  'r_s',
  'Und_r',
  "O'%Sons",
  'Plan_A',
  '"',
  'Quote "Q"',
  '\\',
  'k\\s',
  'Müller',
  'müller',
  'MÜLLER',
  'ü',
  'Über',
  'e',
  'o',
  'Fi',
  '7',
  'CTR-7',
  'KX-ONLY',
  'kx-only-in-contract',
  'L-07',
  '%_1',
  'Filler',
  'Filler Org 00',
  'Org 1',
  'INV-F1',
  'no such thing',
];

function invoicesGrid(db: Database = openDatabase(':memory:')) {
  const clock = new FakeClock(new Date('2026-11-10T12:00:00Z'));
  const history = createLoadHistory(db, clock.now);
  const tables = createInvoiceLineTables(db, history, clock.now);
  const queries = createInvoiceLineQueries(db, clock.now);
  const load = (periods: string[], lines: PlatformInvoiceLine[]) => {
    const loadId = tables.begin({ periods, source: 'file', sourceName: 'x.csv', actor: 'anna' });
    for (const staged of lines) tables.stage(staged);
    return tables.commit(loadId, periods, 0);
  };
  const found = (query: Partial<InvoicePageQuery>) => {
    const page = queries.page({ period: month, offset: 0, limit: 500, ...query });
    return { lineIds: page.rows.map((row) => row.line_id), total: page.total };
  };
  return { db, clock, tables, queries, load, found };
}

/** The search as it was, one LIKE per column of every line: what users know it to find. */
function foundByLike(db: Database, search: string, chargeType?: string) {
  const pattern = containing(search);
  const lineIds = db
    .prepare(
      `SELECT line_id FROM invoice_line WHERE period = ?
           AND (organization_name LIKE ? ESCAPE '\\' OR subscription_name LIKE ? ESCAPE '\\'
             OR offer_name LIKE ? ESCAPE '\\' OR invoice_id LIKE ? ESCAPE '\\'
             OR contract_id LIKE ? ESCAPE '\\' OR offer_id LIKE ? ESCAPE '\\' OR line_id = ?)
           AND (? IS NULL OR charge_type = ?)
         ORDER BY invoice_date, line_id`,
    )
    .all(month, ...Array(6).fill(pattern), search.trim(), chargeType ?? null, chargeType ?? null)
    .map((row) => String(row.line_id));
  return { lineIds, total: lineIds.length };
}

describe('searching the Invoices grid', () => {
  it('finds exactly the lines the LIKE search found, for quotes, % and _, backslashes, ü and Ü, one letter', () => {
    const grid = invoicesGrid();
    grid.load([month], trickyLines);
    for (const search of trickySearches) {
      expect({ search, ...grid.found({ search }) }).toEqual({
        search,
        ...foundByLike(grid.db, search),
      });
      expect({ search, ...grid.found({ search, chargeType: 'Usage Fee' }) }).toEqual({
        search,
        ...foundByLike(grid.db, search, 'Usage Fee'),
      });
    }
  });

  it('takes % and _ as the characters typed, and matches letters beyond ASCII in their own case only', () => {
    const grid = invoicesGrid();
    grid.load([month], trickyLines);
    expect(grid.found({ search: '100%' }).lineIds).toEqual(['L-02']);
    expect(grid.found({ search: 'Und_r' }).lineIds).toEqual([]);
    expect(grid.found({ search: "O'%Sons" }).lineIds).toEqual([]);
    expect(grid.found({ search: 'Under_' }).lineIds).toEqual(['L-03']);
    expect(grid.found({ search: 'Quote "Q"' }).lineIds).toEqual(['L-04']);
    expect(grid.found({ search: "o'brien" }).lineIds).toEqual(['L-01']);
    expect(grid.found({ search: 'müller' }).lineIds).toEqual(['L-07', 'L-05']);
    expect(grid.found({ search: 'MÜLLER' }).lineIds).toEqual(['L-06']);
  });

  it('finds a line by a contract id, an invoice id or its own id alone', () => {
    const grid = invoicesGrid();
    grid.load([month], trickyLines);
    expect(grid.found({ search: 'kx-only' }).lineIds).toEqual(['L-10']);
    expect(grid.found({ search: 'INV-2' }).lineIds).toEqual(['L-01']);
    expect(grid.found({ search: '%_1' }).lineIds).toEqual(['%_1']);
  });

  it('pages the lines found, with their total, sorted and filtered as asked', () => {
    const grid = invoicesGrid();
    grid.load([month], trickyLines);
    const all = foundByLike(grid.db, 'Filler Org 0').lineIds;
    expect(all).toHaveLength(100);
    const page = (offset: number) =>
      grid.queries.page({ period: month, offset, limit: 40, search: 'Filler Org 0' });
    expect([0, 40, 80].flatMap((offset) => page(offset).rows.map((row) => row.line_id))).toEqual(
      all,
    );
    expect([0, 40, 80, 100, 120].map((offset) => page(offset).total)).toEqual([
      100, 100, 100, 100, 100,
    ]);
    const byOrganization = grid.queries.page({
      period: month,
      offset: 0,
      limit: 3,
      search: 'Fabrikam',
      sort: { column: 'organizationName', direction: 'desc' },
      billingCycle: 'Monthly',
    });
    expect(byOrganization.rows.map((row) => row.line_id)).toEqual(['L-12', 'L-10']);
    expect(byOrganization.total).toBe(2);
    const byStatus = grid.queries.page({
      period: month,
      offset: 0,
      limit: 500,
      search: 'Contoso',
      status: 'Not Mapped',
    });
    expect(byStatus.rows.map((row) => row.line_id)).toEqual(
      foundByLike(grid.db, 'Contoso').lineIds,
    );
    expect(byStatus.total).toBe(byStatus.rows.length);
  });

  it('finds a line by its new name after a re-load renames it, not by the old one', () => {
    const grid = invoicesGrid();
    grid.load([month], trickyLines);
    grid.load(
      [month],
      trickyLines.map((l) =>
        l.lineId === 'L-01' ? { ...l, organizationName: 'Obrien Group' } : l,
      ),
    );
    expect(grid.found({ search: "O'Brien" }).lineIds).toEqual([]);
    expect(grid.found({ search: 'Obrien Group' }).lineIds).toEqual(['L-01']);
  });

  it('still finds a synced line a re-load kept as it was sent', () => {
    const grid = invoicesGrid();
    grid.load([month], [line('L-1', { organizationName: 'Synced Before' }), line('L-2')]);
    grid.db
      .prepare(
        "INSERT INTO line_sync_result (line_id, status, at, addition_id) VALUES ('L-1', 'synced', '2026-11-01', 7)",
      )
      .run();
    grid.load([month], [line('L-2')]);
    expect(grid.found({ search: 'Synced Before' }).lineIds).toEqual(['L-1']);
  });

  it('forgets the searched values of a month it no longer keeps', () => {
    const grid = invoicesGrid();
    grid.clock.set('2025-09-10T12:00:00Z');
    grid.load(['2025-08'], [line('OLD', { invoiceDate: '2025-08-01' })]);
    const values = () =>
      grid.db.prepare('SELECT DISTINCT period FROM invoice_line_search_value').all();
    expect(values()).toEqual([{ period: '2025-08' }]);
    grid.clock.set('2026-11-10T12:00:00Z');
    grid.load([month], [line('NEW')]);
    expect(values()).toEqual([{ period: month }]);
  });

  it('keeps nothing of a load that was abandoned', () => {
    const grid = invoicesGrid();
    const loadId = grid.tables.begin({
      periods: [month],
      source: 'file',
      sourceName: 'x.csv',
      actor: 'anna',
    });
    grid.tables.stage(line('L-1', { organizationName: 'Never Loaded' }));
    grid.tables.abandon(loadId, 'cancelled', 0);
    grid.load([month], [line('L-2')]);
    expect(
      grid.db
        .prepare("SELECT COUNT(*) AS n FROM invoice_line_search_value WHERE value = 'Never Loaded'")
        .get(),
    ).toEqual({ n: 0 });
  });
});

describe('filtering the Invoices grid by status', () => {
  it('counts the lines of a status again once a line changes status', () => {
    const grid = invoicesGrid();
    grid.load([month], [line('L-1'), line('L-2'), line('L-3')]);
    const synced = () =>
      grid.queries.page({ period: month, offset: 0, limit: 1, status: 'Synced' });
    expect(synced().total).toBe(0);
    grid.db
      .prepare(
        "INSERT INTO line_sync_result (line_id, status, at, addition_id) VALUES ('L-2', 'synced', '2026-11-01', 7), ('L-3', 'synced', '2026-11-01', 8)",
      )
      .run();
    expect(synced()).toMatchObject({ total: 2, rows: [{ line_id: 'L-2' }] });
    expect(
      grid.queries.page({ period: month, offset: 0, limit: 1, status: 'Not Mapped' }).total,
    ).toBe(1);
  });
});

describe('upgrading a database from before the search values (schema 8)', () => {
  it('finds the lines it already held', () => {
    const path = join(temporaryDirectory(), 'data.sqlite');
    const v8 = openDatabase(path, migrations.slice(0, 8));
    v8.exec(`INSERT INTO load_history (id, periods, source, started_at, status, actor)
      VALUES (1, '["${month}"]', 'file', '2026-10-05T10:00:00Z', 'loaded', 'anna')`);
    const columns = invoiceLineFields.map(({ column }) => column);
    const insert = v8.prepare(
      `INSERT INTO invoice_line (period, ${columns.join(', ')}, load_id)
       VALUES (?, ${columns.map(() => '?').join(', ')}, 1)`,
    );
    for (const old of trickyLines) {
      insert.run(month, ...invoiceLineFields.map(({ field }) => old[field]));
    }
    v8.close();

    const grid = invoicesGrid(openDatabase(path));
    for (const search of trickySearches) {
      expect({ search, ...grid.found({ search }) }).toEqual({
        search,
        ...foundByLike(grid.db, search),
      });
    }
    expect(grid.found({ search: 'kx-only' }).lineIds).toEqual(['L-10']);
    grid.db.close();
  });
});
