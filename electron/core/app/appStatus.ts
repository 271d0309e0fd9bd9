import type { AppStatus, MappingAccess, Place } from '../../../shared/contract';
import type { Settings } from '../settings';

/**
 * The gating of product spec §1, decided once here so every screen and both shells agree:
 * - before the first Save: only Settings, opening on Authentication;
 * - saved, no Agreement Type: Mapping shows the yellow notice with its actions disabled,
 *   System Logs is reachable, Dashboard is not; the app opens on Configuration;
 * - after a Disconnect: Dashboard and System Logs stay reachable, Mapping is read-only;
 * - saved with an Agreement Type: everything, opening on the Dashboard.
 */
export function computeAppStatus(settings: Settings): AppStatus {
  const credentials = settings.connection
    ? 'saved'
    : settings.everConnected
      ? 'disconnected'
      : 'none';
  const agreementTypeSaved = settings.configuration !== null;
  const ready = credentials === 'saved' && agreementTypeSaved;

  const mapping: MappingAccess =
    credentials === 'none'
      ? 'disabled'
      : credentials === 'disconnected'
        ? 'read-only'
        : agreementTypeSaved
          ? 'enabled'
          : 'setup-required';

  const landing: Place = ready
    ? { screen: 'dashboard' }
    : credentials === 'saved'
      ? { screen: 'settings', tab: 'configuration' }
      : { screen: 'settings', tab: 'authentication' };

  return {
    credentials,
    siteUrl: settings.connection?.siteUrl ?? null,
    apiVersion: settings.connection?.apiVersion ?? null,
    agreementTypeSaved,
    access: {
      dashboard: ready || credentials === 'disconnected',
      mapping,
      logs: credentials !== 'none',
    },
    landing,
  };
}
