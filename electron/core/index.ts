/** The Electron-free application. Shells import only this door. */
export { type Core, createCore } from './createCore';
export { isLoopback, isOnConnectWiseSite } from './external';
export type { Clock, CorePorts, Logger, Notifier, SecretStore, SettingsFile } from './ports';
export { systemClock } from './ports';
export { readRendererFile } from './rendererFiles';
export { createKeytarSecretStore, type KeytarLike, keychainServiceName } from './secrets';
export { settingsFileFromConf } from './settings';
