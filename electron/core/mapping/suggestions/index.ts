/**
 * Mapping suggestions: for each Platform record, the best ConnectWise candidates with a
 * confidence and a reason. Deterministic, no I/O; nothing here maps anything. Tiers: README.md.
 */
export type { Suggester } from './indexedSuggester';
export { type NormalizedName, normalizeName } from './normalizeName';
export {
  createOfferSuggester,
  type OfferToSuggestFor,
  type ProductCandidate,
  scoreOffer,
} from './offerSuggestions';
export {
  type CompanyCandidate,
  createOrganizationSuggester,
  type OrganizationToSuggestFor,
  scoreOrganization,
} from './organizationSuggestions';
export { bestSuggestions, defaultSuggestionLimit, type Suggestion } from './suggestion';
