import { AppError } from '../errors';
import type { Job } from '../jobs';
import type { PlatformClient } from '../platform-api';
import { type Database, inTransaction } from '../store';
import { periodBounds } from './invoicePeriods';

/** An Offer as last seen, and the latest day it was invoiced on, whichever source saw it later. */
export const offerUpsert = `INSERT INTO platform_offer (id, name, vendor, seen_at, last_invoiced_on) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, vendor = excluded.vendor, seen_at = excluded.seen_at,
    last_invoiced_on = MAX(COALESCE(platform_offer.last_invoiced_on, ''), excluded.last_invoiced_on)`;

/**
 * The Platform's Organizations and Offers as Mapping needs them, beyond what invoice loads bring:
 * the Organizations list of the Platform API, and the Offers invoiced in a window of months.
 */
export function createPlatformRecords(db: Database, now: () => Date) {
  const upsertOrganization = db.prepare(
    `INSERT INTO platform_organization (id, name, seen_at, currency) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, seen_at = excluded.seen_at,
       currency = COALESCE(excluded.currency, platform_organization.currency)`,
  );
  const upsertOffer = db.prepare(offerUpsert);
  const countOrganizations = db.prepare('SELECT COUNT(*) AS n FROM platform_organization');

  return {
    /**
     * Reads every Organization of the Platform API and keeps them, stored at once when the whole
     * list has arrived. An id listed twice counts once (the later record wins).
     */
    async pullOrganizations(
      client: PlatformClient,
      job: Job,
    ): Promise<{ organizations: number; skipped: number }> {
      const received = new Map<string, { name: string; currency: string | null }>();
      let skipped = 0;
      for await (const page of client.organizations(job.signal)) {
        job.throwIfCancelled();
        for (const organization of page.organizations) {
          received.set(organization.id, {
            name: organization.name || `Organization ${organization.id}`,
            currency: organization.currency ?? null,
          });
        }
        skipped += page.skipped;
        job.progress({
          done: received.size,
          message: `${received.size} Platform organizations received`,
        });
      }
      job.throwIfCancelled();
      const seenAt = now().toISOString();
      inTransaction(db, () => {
        for (const [id, organization] of received) {
          upsertOrganization.run(id, organization.name, seenAt, organization.currency);
        }
      });
      return { organizations: received.size, skipped };
    },

    /** How many Organizations the app knows (from the Platform API and from loaded lines). */
    organizationCount(): number {
      return Number((countOrganizations.get() as { n: number }).n);
    },

    /**
     * Reads the invoice lines of the months from the Platform API, keeping only which Offers they
     * invoiced (and when last): what "Load Products" lists. Stored when all months have arrived.
     */
    async pullInvoicedOffers(
      client: PlatformClient,
      periods: readonly string[],
      job: Job,
    ): Promise<number> {
      const offers = new Map<string, { name: string; vendor: string | null; lastOn: string }>();
      let lines = 0;
      for (const period of periods) {
        for await (const event of client.invoiceLines(periodBounds(period), job.signal)) {
          job.throwIfCancelled();
          if (event.kind !== 'line') continue;
          lines += 1;
          const { offerId, offerName, vendor, invoiceDate } = event.line;
          const known = offers.get(offerId);
          if (!known || invoiceDate >= known.lastOn) {
            offers.set(offerId, { name: offerName, vendor, lastOn: invoiceDate });
          }
          if (lines % 1000 === 0) {
            job.progress({ done: lines, message: `${lines} invoice lines read for their Offers` });
          }
        }
      }
      job.throwIfCancelled();
      const seenAt = now().toISOString();
      inTransaction(db, () => {
        for (const [id, offer] of offers)
          upsertOffer.run(id, offer.name, offer.vendor, seenAt, offer.lastOn);
      });
      return offers.size;
    },

    /** Organizations Mapping suggests Companies for. */
    organizationsForMatching(): Array<{ id: string; name: string }> {
      return db.prepare('SELECT id, name FROM platform_organization').all() as Array<{
        id: string;
        name: string;
      }>;
    },

    /** Offers invoiced on or after a day, for suggestions. */
    offersInvoicedSince(day: string): Array<{ id: string; name: string; vendor: string | null }> {
      return db
        .prepare('SELECT id, name, vendor FROM platform_offer WHERE last_invoiced_on >= ?')
        .all(day) as Array<{ id: string; name: string; vendor: string | null }>;
    },

    /** Checked before a mapping is stored: the Organization must be one the app knows. */
    requireOrganization(id: string): void {
      if (!db.prepare('SELECT 1 FROM platform_organization WHERE id = ?').get(id)) {
        throw new AppError('Not Found', `The app knows no Platform Organization "${id}".`);
      }
    },

    requireOffer(id: string): void {
      if (!db.prepare('SELECT 1 FROM platform_offer WHERE id = ?').get(id)) {
        throw new AppError('Not Found', `The app knows no Platform Offer "${id}".`);
      }
    },
  };
}

export type PlatformRecords = ReturnType<typeof createPlatformRecords>;
