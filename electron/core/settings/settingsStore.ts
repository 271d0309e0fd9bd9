import type { Logger, SettingsFile } from '../ports';
import { migrateSettings } from './settingsMigrations';
import { defaultSettings, Settings } from './settingsSchema';

export interface SettingsStore {
  get(): Settings;
  update(change: (current: Settings) => Settings): Settings;
  onChange(listener: (settings: Settings) => void): () => void;
}

/**
 * Reads the settings file once, validates it, and writes every change through. A file that does
 * not match the schema is not trusted: the app starts from defaults and says so in the log, and
 * the file is only replaced when the user saves something.
 */
export function createSettingsStore(
  file: SettingsFile,
  logger: Logger,
  now: () => Date = () => new Date(),
): SettingsStore {
  let current = readSettings(file, logger, now);
  const listeners = new Set<(settings: Settings) => void>();
  return {
    get: () => current,
    update(change) {
      const next = Settings.parse(change(current));
      file.write(next);
      current = next;
      for (const listener of listeners) listener(next);
      return next;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function readSettings(file: SettingsFile, logger: Logger, now: () => Date): Settings {
  const raw = file.read();
  if (raw === undefined || raw === null || (isRecord(raw) && Object.keys(raw).length === 0)) {
    return defaultSettings;
  }
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateSettings(isRecord(raw) ? raw : {}, now);
  } catch (error) {
    logger.warn('Settings file could not be migrated; starting from defaults', {
      error: error instanceof Error ? error.message : String(error),
    });
    return defaultSettings;
  }
  const parsed = Settings.safeParse({ ...defaultSettings, ...migrated });
  if (parsed.success) return parsed.data;
  logger.warn('Settings file did not match the schema; starting from defaults', {
    issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
  });
  return defaultSettings;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** electron-store extends conf, so this one adapter serves both shells. */
export function settingsFileFromConf(conf: { store: Record<string, unknown> }): SettingsFile {
  return {
    read: () => conf.store,
    write: (value) => {
      conf.store = value;
    },
  };
}
