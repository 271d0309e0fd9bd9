/**
 * The two simulators are independent, but the app maps one's Offers to the other's catalog, so
 * their seeds must keep giving it work to do: some Offers with a catalog match by Microsoft SKU
 * or by integrationXRef, and some with none. Only this test reads both.
 */
import { describe, expect, it } from 'vitest';
import { offerCatalog } from '../platform/offerCatalog';
import { generateSeedData } from './seedData';

const catalog = generateSeedData({ seed: 1, companies: 1 }).catalog;
const mappable = catalog.filter((item) => !item.inactiveFlag && item.productClass !== 'Bundle');
const productSku = (offerId: string) => offerId.split(':')[0] as string;

function matchesOf(offerId: string) {
  return {
    bySku: mappable.filter((item) => item.vendorSku === productSku(offerId)),
    byXRef: mappable.filter((item) => item.integrationXRef === offerId),
  };
}

describe('Platform offers against the ConnectWise catalog', () => {
  it('gives most Microsoft offers an active catalog item with their product SKU, not all', () => {
    const microsoft = offerCatalog.filter((offer) => offer.vendor === 'Microsoft');
    const matched = microsoft.filter((offer) => matchesOf(offer.id).bySku.length > 0);
    expect(matched.length).toBeGreaterThanOrEqual(10);
    expect(matched.length).toBeLessThan(microsoft.length);
    expect(matchesOf('CFQ7TTC0LH18:0001:P1M').bySku.map((item) => item.identifier)).toEqual([
      'MS365-BB-M',
      'MS365-BB-A',
    ]);
  });

  it('leaves some offers with no match at all, one only matched by a retired item', () => {
    const unmatched = offerCatalog
      .filter((offer) => {
        const { bySku, byXRef } = matchesOf(offer.id);
        return bySku.length === 0 && byXRef.length === 0;
      })
      .map((offer) => offer.id);
    expect(unmatched).toEqual(
      expect.arrayContaining([
        'CFQ7TTC0LHSF:0001:P1M',
        'DZH318Z0BQ4T:0002:P3Y',
        'DG7GMGF0D7FV:0006',
        'GWS-BSTARTER-FLEX',
      ]),
    );
    expect(
      catalog.some((item) => item.inactiveFlag && item.vendorSku === productSku('DG7GMGF0D7FV')),
    ).toBe(true);
  });

  it('cross-references full offer ids in integrationXRef, and only ids that exist', () => {
    const offerIds = new Set(offerCatalog.map((offer) => offer.id));
    expect(matchesOf('CFQ7TTC0LFLX:0001:P3Y').byXRef.map((item) => item.identifier)).toEqual([
      'MS365-E3-3Y',
    ]);
    expect(matchesOf('S1-COMPLETE-EP').byXRef.map((item) => item.identifier)).toEqual([
      'SEC-S1-COMPLETE',
    ]);
    const offerXRefs = catalog
      .map((item) => item.integrationXRef)
      .filter((xref): xref is string => xref !== null && offerIds.has(xref));
    expect(offerXRefs.sort()).toEqual(['CFQ7TTC0LFLX:0001:P3Y', 'S1-COMPLETE-EP']);
  });
});
