import type { PlatformInvoiceLine } from '@shared/platformInvoiceLine';
import { describe, expect, it } from 'vitest';
import { typicalLine } from '../../../tests/support/exportRecords';
import { FakeClock } from '../../../tests/support/fakePorts';
import { openDatabase } from '../store';
import { createInvoiceLineTables } from './invoiceLineTables';
import { createLoadHistory } from './loadHistory';

function loadedTables() {
  const db = openDatabase(':memory:');
  const clock = new FakeClock(new Date('2026-11-10T12:00:00Z'));
  const tables = createInvoiceLineTables(db, createLoadHistory(db, clock.now), clock.now);
  return {
    load(periods: string[], lines: PlatformInvoiceLine[]) {
      const loadId = tables.begin({ periods, source: 'file', sourceName: 'x.csv', actor: 'anna' });
      for (const line of lines) tables.stage(line);
      return tables.commit(loadId, periods, 0);
    },
    rows: (sql: string) => db.prepare(sql).all(),
    tables,
  };
}

describe('what a load keeps of Organizations, Offers, Contracts and invoices', () => {
  it('keeps what the lines say of each: an Offer as on its latest invoice, the rest as read last', () => {
    const store = loadedTables();
    store.load(
      ['2026-09', '2026-10'],
      [
        typicalLine('L1', '2026-10', { organizationName: 'Contoso', invoiceDate: '2026-10-05' }),
        // Read after October's line, but September's: the Offer keeps October's name.
        typicalLine('L2', '2026-09', {
          organizationName: 'Contoso Ltd',
          invoiceId: 'INV-9',
          invoiceDate: '2026-09-30',
          offerName: 'Microsoft 365 E3 (old name)',
          vendor: 'Microsoft Corporation',
        }),
        typicalLine('L3', '2026-10', {
          organizationId: 'ORG-2',
          organizationName: 'Fabrikam',
          contractId: 'CTR-2',
          invoiceId: 'INV-2',
          currency: 'USD',
          offerId: 'OF-2',
          offerName: 'Backup',
          vendor: null,
        }),
        // Read last and latest: the Offer takes this name.
        typicalLine('L4', '2026-10', {
          organizationId: 'ORG-2',
          organizationName: 'Fabrikam',
          contractId: 'CTR-2',
          invoiceId: 'INV-2',
          invoiceDate: '2026-10-20',
          currency: 'USD',
          offerId: 'OF-2',
          offerName: 'Backup (renamed)',
          vendor: null,
        }),
      ],
    );

    expect(store.rows('SELECT id, name, seen_at FROM platform_organization ORDER BY id')).toEqual([
      { id: 'ORG-1', name: 'Contoso Ltd', seen_at: '2026-11-10T12:00:00.000Z' },
      { id: 'ORG-2', name: 'Fabrikam', seen_at: '2026-11-10T12:00:00.000Z' },
    ]);
    expect(
      store.rows('SELECT id, name, vendor, last_invoiced_on FROM platform_offer ORDER BY id'),
    ).toEqual([
      {
        id: 'OF-1',
        name: 'Microsoft 365 E3 (Monthly)',
        vendor: 'Microsoft',
        last_invoiced_on: '2026-10-05',
      },
      { id: 'OF-2', name: 'Backup (renamed)', vendor: null, last_invoiced_on: '2026-10-20' },
    ]);
    expect(store.rows('SELECT id, organization_id FROM platform_contract ORDER BY id')).toEqual([
      { id: 'CTR-1', organization_id: 'ORG-1' },
      { id: 'CTR-2', organization_id: 'ORG-2' },
    ]);
    expect(
      store.rows(
        'SELECT id, period, invoice_date, organization_id, currency FROM platform_invoice ORDER BY id',
      ),
    ).toEqual([
      {
        id: 'INV-1',
        period: '2026-10',
        invoice_date: '2026-10-05',
        organization_id: 'ORG-1',
        currency: 'EUR',
      },
      {
        id: 'INV-2',
        period: '2026-10',
        invoice_date: '2026-10-20',
        organization_id: 'ORG-2',
        currency: 'USD',
      },
      {
        id: 'INV-9',
        period: '2026-09',
        invoice_date: '2026-09-30',
        organization_id: 'ORG-1',
        currency: 'EUR',
      },
    ]);
  });

  it('keeps the first of a line given twice, and nothing of the second', () => {
    const store = loadedTables();
    const [summary] = store.load(
      ['2026-10'],
      [
        typicalLine('L1', '2026-10'),
        typicalLine('L1', '2026-10', { organizationId: 'ORG-2', organizationName: 'Fabrikam' }),
      ],
    );

    expect(summary?.lines).toBe(1);
    expect(store.rows('SELECT organization_name FROM invoice_line')).toEqual([
      { organization_name: 'Contoso Ltd' },
    ]);
    expect(store.rows('SELECT id, name FROM platform_organization')).toEqual([
      { id: 'ORG-1', name: 'Contoso Ltd' },
    ]);
  });

  it('keeps an Offer last invoiced on its latest date across loads', () => {
    const store = loadedTables();
    store.load(['2026-10'], [typicalLine('L1', '2026-10', { invoiceDate: '2026-10-20' })]);
    store.load(['2026-09'], [typicalLine('L2', '2026-09')]);

    expect(store.rows('SELECT last_invoiced_on FROM platform_offer')).toEqual([
      { last_invoiced_on: '2026-10-20' },
    ]);
  });

  it('keeps nothing of an abandoned load, not even in the next load', () => {
    const store = loadedTables();
    const loadId = store.tables.begin({
      periods: ['2026-10'],
      source: 'file',
      sourceName: 'x.csv',
      actor: 'anna',
    });
    store.tables.stage(typicalLine('L9', '2026-10', { organizationId: 'ORG-9', offerId: 'OF-9' }));
    store.tables.abandon(loadId, 'rejected', 1);
    store.load(['2026-10'], [typicalLine('L1', '2026-10')]);

    expect(store.rows('SELECT id FROM platform_organization')).toEqual([{ id: 'ORG-1' }]);
    expect(store.rows('SELECT id FROM platform_offer')).toEqual([{ id: 'OF-1' }]);
  });
});
