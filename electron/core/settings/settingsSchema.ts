import { SavedConfiguration } from '@shared/contract';
import { z } from 'zod';

/**
 * The settings file's one schema (electron-store in Electron, conf in Node). Small JSON only:
 * no secrets, no invoice data. `schemaVersion` lets later versions migrate older files.
 */
export const currentSettingsVersion = 3;

export const SavedConnectWiseConnection = z.object({
  siteUrl: z.string(),
  companyId: z.string(),
  publicKey: z.string(),
  savedAt: z.string(),
  /** `/system/info` version at save time: the Dashboard's "Integration Version". */
  apiVersion: z.string().nullable().default(null),
});
export type SavedConnectWiseConnection = z.infer<typeof SavedConnectWiseConnection>;

export const SavedPlatformConnection = z.object({
  baseUrl: z.string(),
  platformName: z.string(),
  accountName: z.string(),
  savedAt: z.string(),
});
export type SavedPlatformConnection = z.infer<typeof SavedPlatformConnection>;

export const SavedSchedule = z.object({
  /** "Pause automatic sync", kept across restarts. */
  paused: z.boolean(),
  /**
   * The last 00:00 UTC accounted for (run, or passed while the schedule could not run): a
   * later midnight without a run is a missed one, caught up once.
   */
  coveredThrough: z.string().nullable(),
});
export type SavedSchedule = z.infer<typeof SavedSchedule>;

export const Settings = z.object({
  schemaVersion: z.literal(currentSettingsVersion),
  connectwiseConnection: SavedConnectWiseConnection.nullable(),
  /** True once credentials were saved at least once, so a Disconnect differs from "never set up". */
  everConnected: z.boolean(),
  /** The Platform connection; its token lives in the OS keychain. */
  platformConnection: SavedPlatformConnection.nullable().default(null),
  /** Null until the first "Save Configuration"; the Agreement Type in it lifts the gating. */
  configuration: SavedConfiguration.nullable(),
  /** The daily run's own state; its toggle is the configuration's `autoSync`. */
  schedule: SavedSchedule.default({ paused: false, coveredThrough: null }),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  schemaVersion: currentSettingsVersion,
  connectwiseConnection: null,
  everConnected: false,
  platformConnection: null,
  configuration: null,
  schedule: { paused: false, coveredThrough: null },
};
