import { currentSettingsVersion } from './settingsSchema';

type RawSettings = Record<string, unknown>;

/**
 * Brings a settings file written by an older version up to the current schema, one version at
 * a time. Each step is kept forever: a user may skip versions when updating.
 */
const steps: Record<number, (settings: RawSettings, now: () => Date) => RawSettings> = {
  // v1 kept only the Agreement Type at the top level; v2 keeps a whole saved configuration.
  1: ({ agreementType, ...rest }, now) => ({
    ...rest,
    schemaVersion: 2,
    configuration:
      agreementType && typeof agreementType === 'object'
        ? {
            version: 1,
            savedAt: now().toISOString(),
            agreementType,
            endDateRules: [],
            startDateRules: [],
            customChargeTypeNames: {},
            autoSync: false,
          }
        : null,
  }),
  // v3 names both connections the same way everywhere: "ConnectWise connection", "Platform connection".
  2: ({ connection, platform, ...rest }) => ({
    ...rest,
    schemaVersion: 3,
    connectwiseConnection: connection ?? null,
    platformConnection: platform ?? null,
  }),
};

export function migrateSettings(raw: RawSettings, now: () => Date): RawSettings {
  let settings = raw;
  let version = typeof settings.schemaVersion === 'number' ? settings.schemaVersion : 1;
  while (version < currentSettingsVersion) {
    const step = steps[version];
    if (!step) throw new Error(`No settings migration from version ${version}`);
    settings = step(settings, now);
    version = settings.schemaVersion as number;
  }
  return settings;
}
