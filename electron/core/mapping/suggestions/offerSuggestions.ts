/** Platform Offers → ConnectWise catalog Products. */
import {
  type ComparableName,
  comparableProductName,
  distinct,
  identifierKey,
  remembered,
  sharesAny,
} from './comparableNames';
import { createIndexedSuggester, type Pairing, type Suggester } from './indexedSuggester';
import { nameSimilarity } from './nameSimilarity';
import { type Suggestion, suggestion } from './suggestion';

export interface OfferToSuggestFor {
  /** The Offer/SKU id, e.g. "CFQ7TTC0LH18:0001:P1M": product, then its terms. */
  id: string;
  /** "Microsoft 365 Business Basic (Monthly)". */
  name: string;
  vendor: string | null;
}

export interface ProductCandidate {
  id: number;
  identifier: string;
  description: string | null;
  vendorSku: string | null;
  integrationXRef: string | null;
}

interface PreparedOffer {
  sku: string;
  /** The SKU's part before the first ":". */
  productSku: string;
  name: ComparableName;
}

interface PreparedProduct {
  id: number;
  skus: Array<{ sku: string; reason: string }>;
  productSkus: string[];
  identifierForms: readonly string[];
  identifier: ComparableName;
  description: ComparableName;
}

const productSkuOf = (sku: string) => sku.split(':')[0] ?? '';

function scorePrepared(offer: PreparedOffer, product: PreparedProduct): Suggestion | null {
  const sameSku = product.skus.find(({ sku }) => sku === offer.sku);
  if (offer.sku !== '' && sameSku) return suggestion(product.id, 1, sameSku.reason);
  const name = offer.name;
  const named = name.plains.length > 0;
  const described = product.description.plains.length > 0;
  if (named && described && name.trimmed === product.description.trimmed)
    return suggestion(product.id, 0.99, 'same name');
  if (named && sharesAny(name.condensed, product.identifierForms))
    return suggestion(product.id, 0.97, 'name matches the identifier');
  if (named && described && sharesAny(name.plains, product.description.plains))
    return suggestion(product.id, 0.95, 'same name ignoring case, accents and punctuation');
  if (offer.productSku !== '' && product.productSkus.includes(offer.productSku))
    return suggestion(product.id, 0.9, 'same product SKU, other term');
  if (!named) return null;
  const byDescription = nameSimilarity(name.words, product.description.words);
  const byIdentifier = nameSimilarity(name.words, product.identifier.words);
  if (byIdentifier && (!byDescription || byIdentifier.confidence > byDescription.confidence)) {
    return suggestion(
      product.id,
      byIdentifier.confidence,
      `similar to the identifier (${byIdentifier.sharedWords} of ${byIdentifier.words} words)`,
    );
  }
  return (
    byDescription &&
    suggestion(
      product.id,
      byDescription.confidence,
      `similar name (${byDescription.sharedWords} of ${byDescription.words} words)`,
    )
  );
}

type Fold = (text: string | null | undefined) => ComparableName;
const rememberedProductName = remembered(comparableProductName);

function prepareOffer(offer: OfferToSuggestFor, fold: Fold): PreparedOffer {
  const sku = identifierKey(offer.id);
  return { sku, productSku: productSkuOf(sku), name: fold(offer.name) };
}

function prepareProduct(product: ProductCandidate, fold: Fold): PreparedProduct {
  const skus = [
    { sku: identifierKey(product.identifier), reason: 'same identifier' },
    { sku: identifierKey(product.vendorSku), reason: 'same vendor SKU' },
    { sku: identifierKey(product.integrationXRef), reason: 'same integration cross-reference' },
  ].filter(({ sku }) => sku !== '');
  const identifier = fold(product.identifier);
  return {
    id: product.id,
    skus,
    productSkus: distinct(skus.map(({ sku }) => productSkuOf(sku)).filter((sku) => sku !== '')),
    identifierForms: identifier.condensed,
    identifier,
    description: fold(product.description),
  };
}

const noKeys: readonly string[] = [];

const offerPairing: Pairing<OfferToSuggestFor, ProductCandidate, PreparedOffer, PreparedProduct> = {
  prepareSubject: (offer) => prepareOffer(offer, comparableProductName),
  prepareCandidate: (product) => prepareProduct(product, comparableProductName),
  candidateId: ({ id }) => id,
  score: scorePrepared,
  subjectKeys: ({ sku, productSku, name }) => [
    sku === '' ? noKeys : [sku],
    productSku === '' ? noKeys : [productSku],
    name.plains,
    name.condensed,
  ],
  candidateKeys: ({ skus, productSkus, identifierForms, description }) => [
    skus.map(({ sku }) => sku),
    productSkus,
    description.plains,
    identifierForms,
  ],
  subjectWords: ({ name }) => name.words,
  candidateWords: ({ identifier, description }) => [description.words, identifier.words],
};

/**
 * How well `product` fits `offer`; null when it does not (below 0.5). The Offer's name is
 * compared with the Product's description and identifier; a catalog Product has no vendor to
 * compare the Offer's vendor with.
 */
export function scoreOffer(offer: OfferToSuggestFor, product: ProductCandidate): Suggestion | null {
  return scorePrepared(
    prepareOffer(offer, rememberedProductName),
    prepareProduct(product, rememberedProductName),
  );
}

/**
 * Indexes `products` once; `suggest` then gives what scoring every Product with `scoreOffer`
 * and keeping the best would.
 */
export function createOfferSuggester(
  products: readonly ProductCandidate[],
): Suggester<OfferToSuggestFor> {
  return createIndexedSuggester(offerPairing, products);
}
