import { createHash } from 'node:crypto';
import type { ChargeType } from '@shared/chargeDateVocabulary';
import type { LineToPost, RecurringChargeType } from './planTypes';

/** ConnectWise keeps at most 50 characters in an Addition's `serialNumber`. */
export const markerMaxLength = 50;
const markerHashLength = 20;

export const recurringChargeTypes: readonly RecurringChargeType[] = ['Cycle Fee', 'Purchase Fee'];

const recurringChargeTypeCodes: Record<RecurringChargeType, string> = {
  'Cycle Fee': 'CycleFee',
  'Purchase Fee': 'PurchaseFee',
};

export function isRecurring(chargeType: ChargeType): chargeType is RecurringChargeType {
  return chargeType === 'Cycle Fee' || chargeType === 'Purchase Fee';
}

/** The marker of a one-time line's Addition: `PLT:L:<line id>`. */
export function lineMarker(line: Pick<LineToPost, 'lineId'>): string {
  return fitMarker('PLT:L:', line.lineId);
}

/** The marker of the persistent Addition of a recurring key: `PLT:S:<subscription id>:<code>`. */
export function recurringMarker(subscriptionId: string, chargeType: RecurringChargeType): string {
  return fitMarker('PLT:S:', `${subscriptionId}:${recurringChargeTypeCodes[chargeType]}`);
}

/** The marker of the Agreement this app creates for a Platform Contract: `PLT:C:<contract id>`. */
export function agreementMarker(contractId: string): string {
  return fitMarker('PLT:C:', contractId);
}

/**
 * A marker longer than ConnectWise keeps becomes its prefix plus the first 20 hex characters of
 * the SHA-256 of the full marker. Length is counted in UTF-16 units, as ConnectWise (.NET) does.
 */
function fitMarker(prefix: string, identity: string): string {
  const marker = prefix + identity;
  if (marker.length <= markerMaxLength) return marker;
  const hash = createHash('sha256').update(marker, 'utf8').digest('hex');
  return prefix + hash.slice(0, markerHashLength);
}
