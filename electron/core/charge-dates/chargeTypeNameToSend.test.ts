import { describe, expect, it } from 'vitest';
import {
  type ChargeDateConfiguration,
  chargeTypeNameToSend,
  chargeTypes,
  emptyChargeDateConfiguration,
} from './index';

function withNames(
  names: ChargeDateConfiguration['customChargeTypeNames'],
): ChargeDateConfiguration {
  return { ...emptyChargeDateConfiguration, customChargeTypeNames: names };
}

describe('charge type name sent to ConnectWise', () => {
  it.each(chargeTypes)('sends the Platform name "%s" when no custom name is set', (chargeType) => {
    expect(chargeTypeNameToSend(chargeType, emptyChargeDateConfiguration)).toEqual({
      name: chargeType,
      badge: 'none',
    });
  });

  it('sends a custom name, trimmed, with "System Updated"', () => {
    expect(
      chargeTypeNameToSend('Usage Fee', withNames({ 'Usage Fee': '  Metered usage ' })),
    ).toEqual({ name: 'Metered usage', badge: 'System Updated' });
  });

  it.each(['', '   ', '\t'])('treats the empty name %j as the Platform name', (empty) => {
    expect(chargeTypeNameToSend('Item Fee', withNames({ 'Item Fee': empty }))).toEqual({
      name: 'Item Fee',
      badge: 'none',
    });
  });

  it('shows no badge when the custom name is the Platform name', () => {
    expect(chargeTypeNameToSend('Correction', withNames({ Correction: ' Correction ' }))).toEqual({
      name: 'Correction',
      badge: 'none',
    });
  });

  it('renames only the charge type that has a custom name', () => {
    const configuration = withNames({ 'Cycle Fee': 'Monthly subscription' });
    expect(chargeTypeNameToSend('Cycle Fee', configuration).name).toBe('Monthly subscription');
    expect(chargeTypeNameToSend('One Time Fee', configuration)).toEqual({
      name: 'One Time Fee',
      badge: 'none',
    });
  });
});
