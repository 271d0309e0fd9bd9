import { describe, expect, it } from 'vitest';
import { additionValues, holdsValues, invoiceDescription } from './index';
import { foundAddition, platformLine } from './planFixtures';

describe('the values of an Addition', () => {
  it('carry the line product, amounts, dates at midnight UTC and description', () => {
    expect(additionValues(platformLine())).toEqual({
      productId: 501,
      quantity: 10,
      unitPrice: 22,
      unitCost: 18.7,
      effectiveDate: '2026-01-01T00:00:00Z',
      cancelledDate: '2026-01-31T00:00:00Z',
      invoiceDescription: 'Microsoft 365 Business Premium – Cycle Fee',
    });
  });

  it('use the custom charge type name in the description', () => {
    const line = platformLine({ chargeTypeName: 'Monthly subscription' });
    expect(additionValues(line).invoiceDescription).toBe(
      'Microsoft 365 Business Premium – Monthly subscription',
    );
  });

  it('send no unit cost when the Platform gave none', () => {
    expect(additionValues(platformLine({ unitCost: null })).unitCost).toBeNull();
  });

  it('send fractional quantities and prices exactly as the decimal strings say', () => {
    const values = additionValues(platformLine({ quantity: '2.500', unitPrice: '0.0350' }));
    expect([values.quantity, values.unitPrice]).toEqual([2.5, 0.035]);
  });

  it('keep a very long description within the 6000 characters ConnectWise takes', () => {
    const line = platformLine({ subscriptionName: 'S'.repeat(7000) });
    expect(invoiceDescription(line)).toHaveLength(6000);
  });

  it('cannot be made for a line without a product', () => {
    expect(() => additionValues(platformLine({ product: null }))).toThrow(/no product/);
  });
});

describe('an Addition found in ConnectWise', () => {
  const sent = additionValues(platformLine({ unitPrice: '22.50' }));

  it('holds the values when amounts differ only by trailing zeros', () => {
    const found = foundAddition({
      unitPrice: 22.5,
      effectiveDate: '2026-01-01T00:00:00Z',
      cancelledDate: '2026-01-31T00:00:00',
    });
    expect(holdsValues(found, sent)).toBe(true);
  });

  it('does not hold them when the quantity differs', () => {
    const found = foundAddition({
      quantity: 11,
      unitPrice: 22.5,
      effectiveDate: sent.effectiveDate,
    });
    expect(holdsValues(found, sent)).toBe(false);
  });

  it('does not hold them when ConnectWise left a value out', () => {
    const { quantity: _quantity, ...withoutQuantity } = foundAddition({
      unitPrice: 22.5,
      effectiveDate: sent.effectiveDate,
    });
    expect(holdsValues(withoutQuantity, sent)).toBe(false);
  });

  it('keeps its own unit cost when the line has none', () => {
    const withoutCost = additionValues(platformLine({ unitCost: null }));
    const found = foundAddition({ unitCost: 19.99, effectiveDate: withoutCost.effectiveDate });
    expect(holdsValues(found, withoutCost)).toBe(true);
  });
});
