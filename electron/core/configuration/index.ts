import type { configurationChannels } from '@shared/contract';
import type { HandlersFor } from '../router';
import type { Configuration } from './configuration';

export { type Configuration, type ConfigurationDeps, createConfiguration } from './configuration';

export function configurationHandlers(
  configuration: Configuration,
): HandlersFor<typeof configurationChannels> {
  return {
    'configuration.get': () => configuration.get(),
    'configuration.agreementTypes': () => configuration.agreementTypes(),
    'configuration.markerFields': () => configuration.markerFields(),
    'configuration.save': (input) => configuration.save(input),
  };
}
