import type { PlatformInvoiceLine } from '@shared/platformInvoiceLine';
import type { Database } from '../store';
import { offerUpsert } from './platformRecords';

/**
 * The Organizations, Offers, Contracts and invoices of the lines being staged, collected as they
 * are staged: grouping the staged lines for them at the swap took 200 ms of a 100,000-line load
 * (`npm run bench`), while the swap holds the database. Where lines disagree, an Offer takes the
 * values of its latest invoice date, the others those of the line staged last.
 */
export function createStagedPlatformRecords() {
  let organizations = new Map<string, string>();
  let offers = new Map<string, { name: string; vendor: string | null; lastInvoicedOn: string }>();
  let contracts = new Map<string, string>();
  let invoices = new Map<
    string,
    { period: string; invoiceDate: string; organizationId: string; currency: string }
  >();

  return {
    add(period: string, line: PlatformInvoiceLine): void {
      organizations.set(line.organizationId, line.organizationName);
      // An Offer is named as on its latest invoice, as the Platform now calls it.
      const latest = offers.get(line.offerId)?.lastInvoicedOn;
      if (latest === undefined || line.invoiceDate >= latest) {
        offers.set(line.offerId, {
          name: line.offerName,
          vendor: line.vendor,
          lastInvoicedOn: line.invoiceDate,
        });
      }
      contracts.set(line.contractId, line.organizationId);
      invoices.set(line.invoiceId, {
        period,
        invoiceDate: line.invoiceDate,
        organizationId: line.organizationId,
        currency: line.currency,
      });
    },

    /** Inserts or refreshes them; the caller holds the swap's transaction. */
    write(db: Database, seenAt: string): void {
      const organization = db.prepare(
        `INSERT INTO platform_organization (id, name, seen_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, seen_at = excluded.seen_at`,
      );
      for (const [id, name] of organizations) organization.run(id, name, seenAt);
      const offer = db.prepare(offerUpsert);
      for (const [id, { name, vendor, lastInvoicedOn }] of offers) {
        offer.run(id, name, vendor, seenAt, lastInvoicedOn);
      }
      const contract = db.prepare(
        `INSERT INTO platform_contract (id, organization_id, seen_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id, seen_at = excluded.seen_at`,
      );
      for (const [id, organizationId] of contracts) contract.run(id, organizationId, seenAt);
      const invoice = db.prepare(
        `INSERT INTO platform_invoice (id, period, invoice_date, organization_id, currency) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET period = excluded.period, invoice_date = excluded.invoice_date,
           organization_id = excluded.organization_id, currency = excluded.currency`,
      );
      for (const [id, { period, invoiceDate, organizationId, currency }] of invoices) {
        invoice.run(id, period, invoiceDate, organizationId, currency);
      }
    },

    clear(): void {
      organizations = new Map();
      offers = new Map();
      contracts = new Map();
      invoices = new Map();
    },
  };
}
