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
