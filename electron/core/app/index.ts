import type { AppInfo, appChannels } from '@shared/contract';
import type { HandlersFor } from '../router';
import type { SettingsStore } from '../settings';
import { computeAppStatus } from './appStatus';

export { computeAppStatus } from './appStatus';

export function appHandlers(deps: {
  settings: SettingsStore;
  info: AppInfo;
}): HandlersFor<typeof appChannels> {
  return {
    'app.status': () => computeAppStatus(deps.settings.get()),
    'app.info': () => deps.info,
  };
}
