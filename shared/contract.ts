/**
 * The only list of what the UI can ask the core, and of what the core tells the UI.
 *
 * Every request channel has a zod input and output schema; every event has a payload schema.
 * The core validates each input with these schemas (a bad payload gets a "Validation Error" and
 * changes nothing); the renderer's bridge client takes its types from them.
 */
import { z } from 'zod';

// ── Errors ────────────────────────────────────────────────────────────────────────────────────

export const bridgeErrorKinds = [
  'Validation Error',
  'Unknown Channel',
  'Forbidden',
  'Not Allowed',
  'Internal Error',
] as const;

export const BridgeError = z.object({
  kind: z.string(),
  message: z.string(),
  detail: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type BridgeError = z.infer<typeof BridgeError>;

export type BridgeResult<T = unknown> = { ok: true; value: T } | { ok: false; error: BridgeError };

// ── Domain shapes ─────────────────────────────────────────────────────────────────────────────

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
  credentials: z.enum(['none', 'saved', 'disconnected']),
  siteUrl: z.string().nullable(),
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

// ── Channels ──────────────────────────────────────────────────────────────────────────────────

const NoInput = z.undefined();

export const contract = {
  /** What the user may reach and where the app opens, from what is saved. */
  'app.status': { input: NoInput, output: AppStatus },
  'app.info': { input: NoInput, output: AppInfo },
  /** Opens a page of the user's own ConnectWise site in the browser; anything else is refused. */
  'external.open': {
    input: z.object({ url: z.string().min(1).max(2048) }).strict(),
    output: z.object({ opened: z.literal(true) }),
  },
} as const;

export const events = {
  'app.statusChanged': AppStatus,
} as const;

// ── Types derived from the contract ───────────────────────────────────────────────────────────

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const channelNames = Object.keys(contract) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** What the Electron preload exposes as `window.bridge`; the renderer's IPC transport uses it. */
export interface PreloadBridge {
  invoke(channel: string, input: unknown): Promise<BridgeResult>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** The IPC channel names the preload and the main process use to carry the contract. */
export const ipcChannels = { invoke: 'bridge:invoke', event: 'bridge:event' } as const;
