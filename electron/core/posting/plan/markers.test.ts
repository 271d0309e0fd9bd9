import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chargeTypes } from '../../charge-dates';
import {
  agreementMarker,
  isRecurring,
  lineMarker,
  markerMaxLength,
  recurringMarker,
} from './index';

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

describe('markers written into ConnectWise', () => {
  it('a one-time line is marked with its line id', () => {
    expect(lineMarker({ lineId: 'INV-2026-01-0042-3' })).toBe('PLT:L:INV-2026-01-0042-3');
  });

  it('a recurring Addition is marked with its Subscription and charge type code', () => {
    expect(recurringMarker('sub-m365', 'Cycle Fee')).toBe('PLT:S:sub-m365:CycleFee');
    expect(recurringMarker('sub-m365', 'Purchase Fee')).toBe('PLT:S:sub-m365:PurchaseFee');
  });

  it('an Agreement is marked with its Platform Contract id', () => {
    expect(agreementMarker('C-100')).toBe('PLT:C:C-100');
  });

  it('a marker of exactly 50 characters is kept as it is', () => {
    const lineId = 'x'.repeat(markerMaxLength - 'PLT:L:'.length);
    expect(lineMarker({ lineId })).toBe(`PLT:L:${lineId}`);
    expect(lineMarker({ lineId })).toHaveLength(50);
  });

  it('a 51-character marker becomes its prefix and 20 hex characters of its SHA-256', () => {
    const lineId = 'x'.repeat(51 - 'PLT:L:'.length);
    expect(lineMarker({ lineId })).toBe(`PLT:L:${sha256Hex(`PLT:L:${lineId}`).slice(0, 20)}`);
  });

  it('a marker with a 36-character Subscription GUID does not fit in the serial number, so it is hashed', () => {
    const subscriptionId = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
    for (const [chargeType, code] of [
      ['Cycle Fee', 'CycleFee'],
      ['Purchase Fee', 'PurchaseFee'],
    ] as const) {
      const full = `PLT:S:${subscriptionId}:${code}`;
      expect(full.length).toBeGreaterThan(50);
      expect(recurringMarker(subscriptionId, chargeType)).toBe(
        `PLT:S:${sha256Hex(full).slice(0, 20)}`,
      );
    }
    expect(recurringMarker(subscriptionId, 'Cycle Fee')).not.toBe(
      recurringMarker(subscriptionId, 'Purchase Fee'),
    );
  });

  it('hashed markers are stable and tell different long ids apart', () => {
    const contract = `contract/${'a'.repeat(60)}`;
    expect(agreementMarker(contract)).toBe(agreementMarker(contract));
    expect(agreementMarker(contract)).not.toBe(agreementMarker(`${contract}b`));
    expect(agreementMarker(contract)).toMatch(/^PLT:C:[0-9a-f]{20}$/);
  });

  it('only "Cycle Fee" and "Purchase Fee" are recurring', () => {
    expect(chargeTypes.filter(isRecurring)).toEqual(['Cycle Fee', 'Purchase Fee']);
  });
});
