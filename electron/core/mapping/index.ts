/**
 * Mapping › Organizations and Products. The only writer of `organization_company`,
 * `organization_exclusion`, `offer_product`, the suggestion tables and `mapping_state`; the
 * `organization_mapping_status` and `offer_mapping_status` views decide each mapping's status
 * for the grids and for every invoice line.
 */
import type { mappingChannels } from '@shared/contract';
import type { HandlersFor } from '../router';
import type { Mapping } from './mapping';

export {
  createMapping,
  type Mapping,
  type MappingDeps,
  type PostingFacts,
  windowPeriods,
} from './mapping';

export function mappingHandlers(mapping: Mapping): HandlersFor<typeof mappingChannels> {
  return {
    'mapping.syncOrganizations': () => mapping.syncOrganizations(),
    'mapping.organizationsPage': (query) => mapping.organizationsPage(query),
    'mapping.mapOrganization': ({ organizationId, companyIds }) =>
      mapping.mapOrganization(organizationId, companyIds),
    'mapping.acceptOrganizationSuggestions': ({ organizationIds, minConfidence }) =>
      mapping.acceptOrganizationSuggestions(organizationIds, minConfidence),
    'mapping.excludeOrganizations': ({ organizationIds, excluded }) =>
      mapping.excludeOrganizations(organizationIds, excluded),
    'mapping.unmapOrganizations': ({ organizationIds }) =>
      mapping.unmapOrganizations(organizationIds),
    'mapping.companies': (query) => mapping.companies(query),
    'mapping.loadProducts': ({ months }) => mapping.loadProducts(months),
    'mapping.offersPage': (query) => mapping.offersPage(query),
    'mapping.mapOffer': ({ offerId, catalogItemId }) => mapping.mapOffer(offerId, catalogItemId),
    'mapping.acceptOfferSuggestions': ({ offerIds, minConfidence }) =>
      mapping.acceptOfferSuggestions(offerIds, minConfidence),
    'mapping.catalogItems': (query) => mapping.catalogItems(query),
    'mapping.site': () => mapping.site(),
    'mapping.decideSite': ({ reuse }) => mapping.decideSite(reuse),
  };
}
