/** Mapping › Organizations and Products (docs/product.md §4.1, §4.2). */
import { z } from 'zod';

export const MappingStatus = z.enum([
  'Mapped',
  'Not Mapped',
  'Suggested',
  'Excluded',
  'Response Error',
]);
export type MappingStatus = z.infer<typeof MappingStatus>;

/** A Company as pick lists show it: enough to tell two "Acme" companies apart. */
export const CompanyChoice = z.object({
  id: z.number().int(),
  name: z.string(),
  identifier: z.string().nullable(),
  city: z.string().nullable(),
  /** Why the default pick list leaves it out ("Deleted", "Prospect", "Not-Approved"), or null. */
  hiddenBecause: z.string().nullable(),
});
export type CompanyChoice = z.infer<typeof CompanyChoice>;

export const CatalogChoice = z.object({
  id: z.number().int(),
  identifier: z.string(),
  description: z.string().nullable(),
  productClass: z.string().nullable(),
  /** Why it cannot be chosen (a Bundle), or null. */
  disabledBecause: z.string().nullable(),
});
export type CatalogChoice = z.infer<typeof CatalogChoice>;

const Confidence = z.number().min(0).max(1);

export const OrganizationRow = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  currency: z.string().nullable(),
  /** The mapped Companies: an Organization may map to several. */
  companies: z.array(CompanyChoice),
  status: MappingStatus,
  statusDetail: z.string().nullable(),
  /** The best candidates, best first (at most three). */
  suggestions: z.array(
    z.object({ company: CompanyChoice, confidence: Confidence, reason: z.string() }),
  ),
});
export type OrganizationRow = z.infer<typeof OrganizationRow>;

const sortDirection = z.enum(['asc', 'desc']);
const search = z.string().max(200).optional();

export const OrganizationPageQuery = z
  .object({
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(500),
    search,
    status: MappingStatus.optional(),
    sort: z
      .object({
        column: z.enum(['organizationName', 'organizationId', 'psaOrganizationName', 'status']),
        direction: sortDirection,
      })
      .strict()
      .optional(),
  })
  .strict();
export type OrganizationPageQuery = z.infer<typeof OrganizationPageQuery>;

const StatusCounts = z.record(MappingStatus, z.number().int());

export const OrganizationPage = z.object({
  rows: z.array(OrganizationRow),
  total: z.number().int(),
  /** Every Organization by status, whatever the filter. */
  counts: StatusCounts,
  /** "Last Sync to Platform": when Organizations were last synced, or null. */
  lastSyncedAt: z.string().nullable(),
});
export type OrganizationPage = z.infer<typeof OrganizationPage>;

export const productWindows = [1, 3, 6, 12] as const;
export const ProductWindow = z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]);
export type ProductWindow = z.infer<typeof ProductWindow>;

export const OfferRow = z.object({
  offerId: z.string(),
  offerName: z.string(),
  vendor: z.string().nullable(),
  lastInvoicedOn: z.string().nullable(),
  product: CatalogChoice.nullable(),
  status: MappingStatus,
  statusDetail: z.string().nullable(),
  suggestions: z.array(
    z.object({ product: CatalogChoice, confidence: Confidence, reason: z.string() }),
  ),
});
export type OfferRow = z.infer<typeof OfferRow>;

export const OfferPageQuery = z
  .object({
    months: ProductWindow,
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(500),
    search,
    status: MappingStatus.optional(),
    sort: z
      .object({
        column: z.enum(['offerName', 'offerId', 'vendor', 'psaProductName', 'status']),
        direction: sortDirection,
      })
      .strict()
      .optional(),
  })
  .strict();
export type OfferPageQuery = z.infer<typeof OfferPageQuery>;

export const OfferPage = z.object({
  rows: z.array(OfferRow),
  total: z.number().int(),
  counts: StatusCounts,
  /** The first day of the window: Offers invoiced on or after it are listed. */
  since: z.string(),
});
export type OfferPage = z.infer<typeof OfferPage>;

/** The site the mappings were made for, and whether the user must say if they still apply. */
export const MappingSite = z.object({
  mappingsSite: z.string().nullable(),
  connectedSite: z.string().nullable(),
  decisionNeeded: z.boolean(),
});
export type MappingSite = z.infer<typeof MappingSite>;

const organizationIds = z.array(z.string().min(1).max(100)).min(1).max(10_000);
const offerIds = organizationIds;

export const mappingChannels = {
  /** Pulls Companies and Platform Organizations, then suggests (a job: progress, cancel). */
  'mapping.syncOrganizations': {
    input: z.undefined(),
    output: z.object({
      companies: z.number().int(),
      incremental: z.boolean(),
      organizations: z.number().int(),
      suggested: z.number().int(),
    }),
  },
  'mapping.organizationsPage': { input: OrganizationPageQuery, output: OrganizationPage },
  /** Maps an Organization to these Companies (none: unmapped). */
  'mapping.mapOrganization': {
    input: z
      .object({
        organizationId: z.string().min(1).max(100),
        companyIds: z.array(z.number().int().positive()).max(50),
      })
      .strict(),
    output: OrganizationRow,
  },
  /** Accepts the best suggestion of the given Organizations, or of all at least this confident. */
  'mapping.acceptOrganizationSuggestions': {
    input: z
      .object({ organizationIds: organizationIds.optional(), minConfidence: Confidence })
      .strict(),
    output: z.object({ accepted: z.number().int() }),
  },
  'mapping.excludeOrganizations': {
    input: z.object({ organizationIds, excluded: z.boolean() }).strict(),
    output: z.object({ changed: z.number().int() }),
  },
  'mapping.unmapOrganizations': {
    input: z.object({ organizationIds }).strict(),
    output: z.object({ changed: z.number().int() }),
  },
  /** Companies for the picker; deleted ones, Prospects and "Not Approved" only with showAll. */
  'mapping.companies': {
    input: z
      .object({
        search: z.string().max(200),
        showAll: z.boolean(),
        limit: z.number().int().min(1).max(200),
      })
      .strict(),
    output: z.array(CompanyChoice),
  },
  /** Pulls the catalog and the Offers invoiced in the window, then suggests (a job). */
  'mapping.loadProducts': {
    input: z.object({ months: ProductWindow }).strict(),
    output: z.object({
      offers: z.number().int(),
      catalogItems: z.number().int(),
      suggested: z.number().int(),
    }),
  },
  'mapping.offersPage': { input: OfferPageQuery, output: OfferPage },
  'mapping.mapOffer': {
    input: z
      .object({
        offerId: z.string().min(1).max(100),
        catalogItemId: z.number().int().positive().nullable(),
      })
      .strict(),
    output: OfferRow,
  },
  'mapping.acceptOfferSuggestions': {
    input: z.object({ offerIds: offerIds.optional(), minConfidence: Confidence }).strict(),
    output: z.object({ accepted: z.number().int() }),
  },
  /** Active catalog items for the picker; Bundles come disabled. */
  'mapping.catalogItems': {
    input: z
      .object({ search: z.string().max(200), limit: z.number().int().min(1).max(200) })
      .strict(),
    output: z.array(CatalogChoice),
  },
  'mapping.site': { input: z.undefined(), output: MappingSite },
  /** After a reconnect to another site: keep the mappings for it, or start over. */
  'mapping.decideSite': {
    input: z.object({ reuse: z.boolean() }).strict(),
    output: MappingSite,
  },
} as const;
