import type { AppStatus, MappingAccess, Place } from '@shared/contract';
import type { Settings } from '../settings';

/**
 * The gating of docs/product.md §1, decided once here so every screen and both shells agree:
 * - before the first Save: only Settings, opening on Authentication;
 * - saved, no Agreement Type: Mapping shows the yellow notice with its actions disabled,
 *   System Logs is reachable, Dashboard is not; the app opens on Configuration;
 * - after a Disconnect: Dashboard and System Logs stay reachable, Mapping is read-only;
 * - saved with an Agreement Type: everything, opening on the Dashboard.
 */
export function computeAppStatus(settings: Settings): AppStatus {
  const connection = settings.connectwiseConnection
    ? 'saved'
    : settings.everConnected
      ? 'disconnected'
      : 'none';
  const agreementTypeSaved = settings.configuration !== null;
  const ready = connection === 'saved' && agreementTypeSaved;

  const mapping: MappingAccess =
    connection === 'none'
      ? 'disabled'
      : connection === 'disconnected'
        ? 'read-only'
        : agreementTypeSaved
          ? 'enabled'
          : 'setup-required';

  const landing: Place = ready
    ? { screen: 'dashboard' }
    : connection === 'saved'
      ? { screen: 'settings', tab: 'configuration' }
      : { screen: 'settings', tab: 'authentication' };

  return {
    connectwiseConnection: connection,
    siteUrl: settings.connectwiseConnection?.siteUrl ?? null,
    apiVersion: settings.connectwiseConnection?.apiVersion ?? null,
    agreementTypeSaved,
    access: {
      dashboard: ready || connection === 'disconnected',
      mapping,
      logs: connection !== 'none',
    },
    landing,
  };
}
