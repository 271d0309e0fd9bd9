import { describe, expect, it } from 'vitest';
import { type OfferToSuggestFor, type ProductCandidate, scoreOffer } from './index';

const basicMonthly: OfferToSuggestFor = {
  id: 'CFQ7TTC0LH18:0001:P1M',
  name: 'Microsoft 365 Business Basic (Monthly)',
  vendor: 'Microsoft',
};
const product = (fields: Partial<ProductCandidate>): ProductCandidate => ({
  id: 12,
  identifier: 'PRD-12',
  description: null,
  vendorSku: null,
  integrationXRef: null,
  ...fields,
});
const score = (fields: Partial<ProductCandidate>, offer = basicMonthly) =>
  scoreOffer(offer, product(fields));

describe('scoreOffer', () => {
  it.each([
    [{ identifier: 'cfq7ttc0lh18:0001:p1m' }, 'same identifier'],
    [{ vendorSku: 'CFQ7TTC0LH18:0001:P1M' }, 'same vendor SKU'],
    [{ integrationXRef: ' CFQ7TTC0LH18:0001:P1M ' }, 'same integration cross-reference'],
  ])('is sure of a Product that carries the SKU: %j', (fields, reason) => {
    expect(score(fields)).toEqual({ candidateId: 12, confidence: 1, reason });
  });

  it.each([
    [{ vendorSku: 'CFQ7TTC0LH18' }],
    [{ vendorSku: 'CFQ7TTC0LH18:0001:P1Y' }],
    [{ identifier: 'cfq7ttc0lh18' }],
  ])('gives the same product on another term 0.9: %j', (fields) => {
    expect(score(fields)).toMatchObject({
      confidence: 0.9,
      reason: 'same product SKU, other term',
    });
  });

  it('gives a description written like the Offer name 0.99', () => {
    expect(score({ description: 'Microsoft 365 Business Basic (Monthly)' })).toMatchObject({
      confidence: 0.99,
      reason: 'same name',
    });
  });

  it('sees that the name matches the identifier', () => {
    const offer = { id: 'BACKUP:0001:P1M', name: 'Cloud Backup', vendor: null };
    expect(score({ identifier: 'CLOUD-BACKUP' }, offer)).toMatchObject({
      confidence: 0.97,
      reason: 'name matches the identifier',
    });
  });

  it('gives a description that differs only in case and punctuation 0.95', () => {
    expect(score({ description: 'MICROSOFT 365 BUSINESS BASIC - MONTHLY' })).toMatchObject({
      confidence: 0.95,
      reason: 'same name ignoring case, accents and punctuation',
    });
  });

  it('counts the term: the same term first, no term next, then another term', () => {
    const scores = [
      'Microsoft 365 Business Basic Month',
      'Microsoft 365 Business Basic',
      'Microsoft 365 Business Basic (Annual)',
      'Microsoft 365 Business Standard (Monthly)',
    ].map((description) => score({ description })?.confidence ?? 0);
    expect(scores).toEqual([0.85, 0.8, 0.76, 0.66]);
  });

  it('reads "P1M" in a description as "Monthly"', () => {
    expect(score({ description: 'Microsoft 365 Business Basic P1M' })).toMatchObject({
      confidence: 0.85,
      reason: 'similar name (5 of 5 words)',
    });
  });

  it('compares the name with the identifier word by word too', () => {
    const offer = { id: 'X:1', name: 'Google Workspace Business Starter', vendor: 'Google' };
    expect(
      score({ identifier: 'Workspace Business Starter', description: 'GWS' }, offer),
    ).toMatchObject({
      confidence: 0.73,
      reason: 'similar to the identifier (3 of 4 words)',
    });
  });

  it('does not remove company legal forms from a product: "SA" is Software Assurance', () => {
    const offer = { id: 'WS:1', name: 'Windows Server Standard SA', vendor: 'Microsoft' };
    expect(score({ description: 'Windows Server Standard' }, offer)?.reason).toBe(
      'similar name (3 of 4 words)',
    );
  });

  it('suggests nothing for a Product that shares too little', () => {
    expect(score({ description: 'Cloud Backup (Monthly)' })).toBeNull();
    expect(score({ description: null })).toBeNull();
  });
});
