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

/**
 * `npm run demo` (docs/product.md §9): the two simulators' made-up values, which the
 * Authentication tab offers to fill in, and their pages. Null outside the demo.
 */
export const DemoValues = z.object({
  connectwise: z.object({
    siteUrl: z.string(),
    companyId: z.string(),
    publicKey: z.string(),
    privateKey: z.string(),
    /** The simulator's page listing the Agreements and Additions posted to it. */
    pageUrl: z.string(),
  }),
  platform: z.object({ baseUrl: z.string(), token: z.string(), pageUrl: z.string() }),
});
export type DemoValues = z.infer<typeof DemoValues>;

export const AppInfo = z.object({
  appVersion: z.string(),
  runtime: z.enum(['electron', 'preview']),
  demo: DemoValues.nullable(),
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
