import { z } from 'zod';
import { SavedConfiguration } from '../../../shared/contract';

/**
 * The settings file's one schema (electron-store in Electron, conf in Node). Small JSON only:
 * no secrets, no invoice data. `schemaVersion` lets later versions migrate older files.
 */
export const currentSettingsVersion = 2;

export const SavedConnection = z.object({
  siteUrl: z.string(),
  companyId: z.string(),
  publicKey: z.string(),
  savedAt: z.string(),
  /** `/system/info` version at save time: the Dashboard's "Integration Version". */
  apiVersion: z.string().nullable().default(null),
});
export type SavedConnection = z.infer<typeof SavedConnection>;

export const Settings = z.object({
  schemaVersion: z.literal(currentSettingsVersion),
  connection: SavedConnection.nullable(),
  /** True once credentials were saved at least once, so a Disconnect differs from "never set up". */
  everConnected: z.boolean(),
  /** The Platform API connection; its token lives in the OS keychain. */
  platform: z
    .object({
      baseUrl: z.string(),
      platformName: z.string(),
      accountName: z.string(),
      savedAt: z.string(),
    })
    .nullable()
    .default(null),
  /** Null until the first "Save Configuration"; the Agreement Type in it lifts the gating. */
  configuration: SavedConfiguration.nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  schemaVersion: currentSettingsVersion,
  connection: null,
  everConnected: false,
  platform: null,
  configuration: null,
};
