import type {
  CatalogChoice,
  CompanyChoice,
  MappingAccess,
  MappingSite,
  OfferPage,
  OfferPageQuery,
  OfferRow,
  OrganizationPage,
  OrganizationPageQuery,
  OrganizationRow,
  ProductWindow,
} from '@shared/contract';
import { DateTime } from 'luxon';
import type { ConnectWiseConnection } from '../connectwise-connection';
import type { ConnectWiseRecords } from '../connectwise-records';
import { AppError } from '../errors';
import type { JobRegistry } from '../jobs';
import type { AuditLog, SystemLog } from '../logs';
import type { PlatformData } from '../platform-data';
import type { Database } from '../store';
import { createMappingGrids } from './mappingGrids';
import { createMappingTables, type StoredSuggestion } from './mappingTables';
import { createOfferSuggester, createOrganizationSuggester } from './suggestions';

/** What a posting run needs to know of the mappings of its lines. */
export interface PostingFacts {
  companiesByOrganization: Map<string, number[]>;
  excludedOrganizations: Set<string>;
  /** Name and default contact of every Company those Organizations map to. */
  companies: Map<number, { name: string; defaultContactId: number | null }>;
  productByOffer: Map<
    string,
    { id: number; identifier: string; name: string; productClass: string | null; inactive: boolean }
  >;
}

export interface MappingDeps {
  db: Database;
  jobs: JobRegistry;
  connectwiseConnection: Pick<ConnectWiseConnection, 'client' | 'current'>;
  records: ConnectWiseRecords;
  platformData: Pick<
    PlatformData,
    | 'platformConnected'
    | 'platformClient'
    | 'pullOrganizations'
    | 'organizationCount'
    | 'pullInvoicedOffers'
    | 'organizationsForMatching'
    | 'offersInvoicedSince'
    | 'requireOrganization'
    | 'requireOffer'
  >;
  /** How far Mapping may be used now (the gating of docs/product.md §1). */
  access: () => MappingAccess;
  systemLog: SystemLog;
  audit: AuditLog;
  now: () => Date;
  osUserName: () => string;
}

/** The months a Products window covers, newest last: `3` in November → Sep, Oct, Nov. */
export function windowPeriods(
  months: ProductWindow,
  now: Date,
): { periods: string[]; since: string } {
  const current = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('month');
  const periods = Array.from({ length: months }, (_, index) =>
    current.minus({ months: months - 1 - index }).toFormat('yyyy-MM'),
  );
  return { periods, since: `${periods[0]}-01` };
}

/**
 * Mapping › Organizations and Products: syncing what is mapped on both sides, suggestions, and
 * the user's mappings. Nothing is mapped without the user. Mappings belong to the ConnectWise
 * site they were made for; after a reconnect to another site the user decides whether they
 * still apply before anything is changed.
 */
export function createMapping(deps: MappingDeps) {
  const tables = createMappingTables(deps.db, deps.now);
  const grids = createMappingGrids(deps.db, {
    companies: (ids) => deps.records.companies.byIds(ids),
    catalogItems: (ids) => deps.records.catalog.byIds(ids),
  });

  function site(): MappingSite {
    const mappingsSite = tables.state('site');
    const connectedSite = deps.connectwiseConnection.current()?.siteUrl ?? null;
    return {
      mappingsSite,
      connectedSite,
      decisionNeeded:
        mappingsSite !== null &&
        connectedSite !== null &&
        mappingsSite !== connectedSite &&
        tables.hasAnyMapping(),
    };
  }

  /** Every change goes through here: refused while Mapping is read-only or awaits a decision. */
  function requireWritable(): string {
    const access = deps.access();
    if (access !== 'enabled') {
      throw new AppError(
        'Not Allowed',
        access === 'read-only'
          ? 'Mapping is read-only while ConnectWise is disconnected: save the credentials again first.'
          : 'Save an Agreement Type in Settings › Configuration before mapping.',
      );
    }
    const now = site();
    if (now.decisionNeeded) {
      throw new AppError(
        'Not Allowed',
        `These mappings were made for ${now.mappingsSite}. Choose whether to reuse them with ${now.connectedSite} first.`,
      );
    }
    if (now.connectedSite && now.mappingsSite !== now.connectedSite) {
      tables.setState('site', now.connectedSite);
    }
    return now.connectedSite ?? '';
  }

  function suggestOrganizations(): number {
    const unmapped = tables.unmappedOrganizationIds();
    const suggester = createOrganizationSuggester(deps.records.companies.candidates());
    const suggestions = new Map<string, Array<StoredSuggestion<number>>>();
    for (const organization of deps.platformData.organizationsForMatching()) {
      if (!unmapped.has(organization.id)) continue;
      const best = suggester.suggest(organization, 3);
      if (best.length > 0) suggestions.set(organization.id, best);
    }
    tables.replaceSuggestions('organization', suggestions);
    return suggestions.size;
  }

  function suggestOffers(since: string): number {
    const unmapped = tables.unmappedOfferIds();
    const suggester = createOfferSuggester(deps.records.catalog.candidates());
    const suggestions = new Map<string, Array<StoredSuggestion<number>>>();
    for (const offer of deps.platformData.offersInvoicedSince(since)) {
      if (!unmapped.has(offer.id)) continue;
      const best = suggester.suggest(offer, 3);
      if (best.length > 0) suggestions.set(offer.id, best);
    }
    tables.replaceSuggestions('offer', suggestions);
    return suggestions.size;
  }

  function organizationRow(organizationId: string): OrganizationRow {
    const page = grids.organizations({ offset: 0, limit: 500, search: organizationId });
    const row = page.rows.find((r) => r.organizationId === organizationId);
    if (!row)
      throw new AppError(
        'Not Found',
        `The app knows no Platform Organization "${organizationId}".`,
      );
    return row;
  }

  function record(action: string, details: string): void {
    deps.audit.record({ actor: deps.osUserName(), action, details });
  }

  return {
    site,

    decideSite(reuse: boolean): MappingSite {
      const now = site();
      if (!now.connectedSite) {
        throw new AppError(
          'Not Connected',
          'ConnectWise is not connected: save the credentials first.',
        );
      }
      if (!reuse) tables.clearAll();
      tables.setState('site', now.connectedSite);
      record(
        reuse ? 'Mappings reused for another site' : 'Mappings cleared for another site',
        `${now.mappingsSite ?? 'no site'} → ${now.connectedSite}`,
      );
      return site();
    },

    /** "Sync Organizations": Companies from ConnectWise, Organizations from the Platform. */
    syncOrganizations() {
      const siteUrl = requireWritable();
      return deps.jobs.run('organizations-sync', async (job) => {
        // The client is made inside the job, so a Disconnect that lands while it connects
        // cancels the sync too.
        const client = await deps.connectwiseConnection.client(job.signal);
        const companies = await deps.records.companies.pull(client, siteUrl, job);
        let organizations: number;
        let skipped = 0;
        if (deps.platformData.platformConnected()) {
          const pulled = await deps.platformData.pullOrganizations(
            await deps.platformData.platformClient(),
            job,
          );
          organizations = pulled.organizations;
          skipped = pulled.skipped;
        } else {
          organizations = deps.platformData.organizationCount();
        }
        job.throwIfCancelled();
        job.progress({ done: organizations, message: 'Looking for matching Companies' });
        const suggested = suggestOrganizations();
        tables.setState('organizationsSyncedAt', deps.now().toISOString());
        deps.systemLog.write({
          level: skipped > 0 ? 'warning' : 'info',
          title: 'Organizations synced',
          details: [
            `${companies.received} ${companies.incremental ? 'changed ' : ''}ConnectWise companies received`,
            `${organizations} Platform organizations`,
            `${suggested} with suggestions`,
            ...(skipped > 0 ? [`${skipped} Platform records without an id were skipped`] : []),
          ].join('\n'),
        });
        return {
          companies: companies.received,
          incremental: companies.incremental,
          organizations,
          suggested,
        };
      });
    },

    /** Organizations and Offers mapped, out of those not excluded. */
    coverage: () => grids.coverage(),

    /** "Last Sync to Platform": when Organizations were last synced. */
    organizationsSyncedAt: () => tables.state('organizationsSyncedAt'),

    organizationsPage(query: OrganizationPageQuery): OrganizationPage {
      return { ...grids.organizations(query), lastSyncedAt: tables.state('organizationsSyncedAt') };
    },

    mapOrganization(organizationId: string, companyIds: readonly number[]): OrganizationRow {
      requireWritable();
      deps.platformData.requireOrganization(organizationId);
      const unique = [...new Set(companyIds)];
      for (const id of unique) {
        const refusal = deps.records.companies.refusalOf(id);
        if (refusal) throw new AppError('Validation Error', refusal);
      }
      tables.mapOrganization(organizationId, unique);
      return organizationRow(organizationId);
    },

    acceptOrganizationSuggestions(
      organizationIds: readonly string[] | undefined,
      minConfidence: number,
    ) {
      requireWritable();
      const accepted = tables.acceptOrganizationSuggestions(organizationIds, minConfidence);
      if (accepted > 0) {
        record('Organization suggestions accepted', `${accepted} at confidence ≥ ${minConfidence}`);
      }
      return { accepted };
    },

    excludeOrganizations(organizationIds: readonly string[], excluded: boolean) {
      requireWritable();
      const changed = tables.excludeOrganizations(organizationIds, excluded);
      if (changed > 0) {
        record(
          excluded ? 'Organizations excluded from posting' : 'Organizations included in posting',
          organizationIds.slice(0, 50).join(', '),
        );
      }
      return { changed };
    },

    unmapOrganizations(organizationIds: readonly string[]) {
      requireWritable();
      return { changed: tables.unmapOrganizations(organizationIds) };
    },

    companies(query: { search: string; showAll: boolean; limit: number }): CompanyChoice[] {
      return deps.records.companies.search(query);
    },

    /** "Load Products": the catalog from ConnectWise, and the Offers invoiced in the window. */
    loadProducts(months: ProductWindow) {
      const siteUrl = requireWritable();
      return deps.jobs.run('products-load', async (job) => {
        const client = await deps.connectwiseConnection.client(job.signal);
        const catalogItems = await deps.records.catalog.pull(client, siteUrl, job);
        const { periods, since } = windowPeriods(months, deps.now());
        if (deps.platformData.platformConnected()) {
          await deps.platformData.pullInvoicedOffers(
            await deps.platformData.platformClient(),
            periods,
            job,
          );
        }
        job.throwIfCancelled();
        const offers = deps.platformData.offersInvoicedSince(since).length;
        const suggested = suggestOffers(since);
        deps.systemLog.write({
          level: 'info',
          title: 'Products loaded',
          details: `${catalogItems} ConnectWise catalog items; ${offers} Offers invoiced since ${since}; ${suggested} with suggestions`,
        });
        return { offers, catalogItems, suggested };
      });
    },

    offersPage(query: OfferPageQuery): OfferPage {
      const { since } = windowPeriods(query.months, deps.now());
      return { ...grids.offers(query, since), since };
    },

    mapOffer(offerId: string, catalogItemId: number | null): OfferRow {
      requireWritable();
      deps.platformData.requireOffer(offerId);
      if (catalogItemId !== null) {
        const refusal = deps.records.catalog.refusalOf(catalogItemId);
        if (refusal) throw new AppError('Validation Error', refusal);
      }
      tables.mapOffer(offerId, catalogItemId);
      const page = grids.offers({ months: 12, offset: 0, limit: 500, search: offerId }, '');
      const row = page.rows.find((r) => r.offerId === offerId);
      if (!row) throw new AppError('Not Found', `The app knows no Platform Offer "${offerId}".`);
      return row;
    },

    acceptOfferSuggestions(offerIds: readonly string[] | undefined, minConfidence: number) {
      requireWritable();
      const accepted = tables.acceptOfferSuggestions(offerIds, minConfidence);
      if (accepted > 0) {
        record('Offer suggestions accepted', `${accepted} at confidence ≥ ${minConfidence}`);
      }
      return { accepted };
    },

    catalogItems(query: { search: string; limit: number }): CatalogChoice[] {
      return deps.records.catalog.search(query);
    },

    /** What a posting run needs to know of these Organizations and Offers. */
    postingFacts(organizationIds: readonly string[], offerIds: readonly string[]): PostingFacts {
      const companiesByOrganization = tables.companiesOf(organizationIds);
      const companyIds = [...new Set([...companiesByOrganization.values()].flat())];
      return {
        companiesByOrganization,
        excludedOrganizations: tables.excludedAmong(organizationIds),
        companies: deps.records.companies.agreementFacts(companyIds),
        productByOffer: tables.productsOf(offerIds),
      };
    },
  };
}

export type Mapping = ReturnType<typeof createMapping>;
