/** The Electron-free application. Shells import only this door. */
export { type Core, createCore } from './createCore';
export { isLoopback, isOnConnectWiseSite } from './external-links';
export type {
  Clock,
  CorePorts,
  Logger,
  Notifier,
  PowerEvents,
  SecretStore,
  SettingsFile,
} from './ports';
export { noPowerEvents, systemClock } from './ports';
export { readRendererFile } from './renderer-files';
export {
  createKeytarSecretStore,
  createMemorySecretStore,
  type KeytarLike,
  keychainServiceFor,
  keychainServiceName,
} from './secrets';
export { settingsFileFromConf } from './settings';
