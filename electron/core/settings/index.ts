export {
  defaultSettings,
  type SavedConnectWiseConnection,
  type SavedPlatformConnection,
  Settings,
} from './settingsSchema';
export { createSettingsStore, type SettingsStore, settingsFileFromConf } from './settingsStore';
