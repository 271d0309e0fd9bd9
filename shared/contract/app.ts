import { z } from 'zod';

export const Screen = z.enum(['dashboard', 'mapping', 'logs', 'settings']);
export type Screen = z.infer<typeof Screen>;

export const SettingsTab = z.enum(['authentication', 'configuration', 'dictionary']);
export type SettingsTab = z.infer<typeof SettingsTab>;

export const MappingTab = z.enum(['organizations', 'products', 'invoices']);
export type MappingTab = z.infer<typeof MappingTab>;

/** Where the user stands in the app: a screen, and the tab of that screen where it has tabs. */
export const Place = z.discriminatedUnion('screen', [
  z.object({ screen: z.literal('dashboard') }),
  z.object({ screen: z.literal('mapping'), tab: MappingTab }),
  z.object({ screen: z.literal('logs') }),
  z.object({ screen: z.literal('settings'), tab: SettingsTab }),
]);
export type Place = z.infer<typeof Place>;

/**
 * How far the Mapping screen may be used: "setup-required" while no Agreement Type is saved
 * (the page shows the yellow notice and its actions stay disabled), "read-only" after a
 * Disconnect.
 */
export const MappingAccess = z.enum(['disabled', 'setup-required', 'read-only', 'enabled']);
export type MappingAccess = z.infer<typeof MappingAccess>;

export const AppStatus = z.object({
  /** "none" before the first Save ever; "disconnected" after a Disconnect. */
  connectwiseConnection: z.enum(['none', 'saved', 'disconnected']),
  siteUrl: z.string().nullable(),
  /** The ConnectWise API version in use: the Dashboard's "Integration Version". */
  apiVersion: z.string().nullable(),
  agreementTypeSaved: z.boolean(),
  access: z.object({
    dashboard: z.boolean(),
    mapping: MappingAccess,
    logs: z.boolean(),
  }),
  /** Where the app opens. */
  landing: Place,
});
export type AppStatus = z.infer<typeof AppStatus>;

export const AppInfo = z.object({
  appVersion: z.string(),
  runtime: z.enum(['electron', 'preview']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appChannels = {
  /** What the user may reach and where the app opens, from what is saved. */
  'app.status': { input: z.undefined(), output: AppStatus },
  'app.info': { input: z.undefined(), output: AppInfo },
} as const;

export const appEvents = {
  'app.statusChanged': AppStatus,
} as const;
