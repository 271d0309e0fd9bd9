import type { ConfigurationInput, SavedConfiguration } from '@shared/contract';
import type { ConnectWiseSimulator } from '../../electron/sandbox/connectwise';

/** The least "Save Configuration" needs: the simulator's first active Agreement Type, no rules. */
export function minimalConfiguration(simulator: Pick<ConnectWiseSimulator, 'data'>) {
  const agreementType = simulator.data.agreementTypes.find((type) => !type.inactiveFlag);
  if (!agreementType) throw new Error('the simulator has no active Agreement Type');
  return {
    agreementTypeId: agreementType.id,
    endDateRules: [],
    startDateRules: [],
    customChargeTypeNames: {},
    autoSync: false,
  };
}

/** What "Save Configuration" would send to save this configuration again, e.g. on a fresh install. */
export function configurationInputOf(saved: SavedConfiguration): ConfigurationInput {
  return {
    agreementTypeId: saved.agreementType.id,
    endDateRules: saved.endDateRules,
    startDateRules: saved.startDateRules,
    customChargeTypeNames: saved.customChargeTypeNames,
    autoSync: saved.autoSync,
    additionMarkerFieldId:
      saved.additionMarkerField.kind === 'customField' ? saved.additionMarkerField.field.id : null,
    agreementMarkerFieldId: saved.agreementMarkerField?.id ?? null,
    recurringChanges: saved.recurringChanges,
  };
}

/**
 * Charges billed ahead end with the invoice month and longer cycles start on the next month's
 * first day: few simulated lines then span more than one billing cycle, so few are held back.
 */
export const rulesForMonthlyPosting = {
  endDateRules: (['Cycle Fee', 'Item Fee', 'Purchase Fee'] as const).map((chargeType) => ({
    chargeType,
    rule: 'Last day of invoice month' as const,
  })),
  startDateRules: (['Quarterly', 'Annual', 'Triennial'] as const).map((billingCycle) => ({
    billingCycle,
    rule: 'First day of next month' as const,
  })),
};
