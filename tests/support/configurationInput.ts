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
