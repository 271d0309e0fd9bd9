export { defaultSettings, type SavedConnection, Settings } from './settingsSchema';
export { createSettingsStore, type SettingsStore, settingsFileFromConf } from './settingsStore';
