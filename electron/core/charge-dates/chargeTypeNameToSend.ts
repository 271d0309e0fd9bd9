import type { ChargeDateConfiguration, ChargeType } from '@shared/chargeDateVocabulary';

/**
 * The charge type name ConnectWise receives: the custom name when one is in effect (non-empty
 * after trimming and different from the Platform's), shown with "System Updated"; else the
 * Platform's own name.
 */
export function chargeTypeNameToSend(
  chargeType: ChargeType,
  configuration: ChargeDateConfiguration,
): { name: string; badge: 'none' | 'System Updated' } {
  const customName = configuration.customChargeTypeNames[chargeType]?.trim() ?? '';
  if (customName !== '' && customName !== chargeType) {
    return { name: customName, badge: 'System Updated' };
  }
  return { name: chargeType, badge: 'none' };
}
