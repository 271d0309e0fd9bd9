/**
 * The only list of what the UI can ask the core, and of what the core tells the UI.
 *
 * Every request channel has a zod input and output schema; every event has a payload schema.
 * The core validates each input with these schemas (a bad payload gets a "Validation Error" and
 * changes nothing); the renderer's bridge client takes its types from them.
 */
import { z } from 'zod';
import { ChargeDateConfigurationSchema } from './chargeDateConfiguration';
import { billingCycles, chargeTypes } from './chargeDateVocabulary';
import { ImportProblem, InvoicePeriod } from './platformData';
import { normalizePlatformBaseUrl, normalizeSiteUrl } from './siteUrl';

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

// ── Connection credentials (Settings › Authentication) ─────────────────────────────────────

const noSpaces = (label: string) => (value: string) =>
  /\s/.test(value) ? `${label} cannot contain spaces.` : undefined;

function checked(schema: z.ZodString, check: (value: string) => string | undefined) {
  return schema.superRefine((value, context) => {
    const problem = check(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
}

/**
 * The four fields of "Connection Credentials", checked before any network call, in the form
 * and again in the core. `privateKey` may be empty only to re-test or re-save credentials
 * whose other fields are unchanged: the saved key is used then.
 */
export const ConnectionFields = z
  .object({
    siteUrl: checked(z.string().max(2048, 'The URL is too long.'), (value) => {
      const result = normalizeSiteUrl(value);
      return result.ok ? undefined : result.reason;
    }),
    companyId: checked(
      z.string().min(1, 'Enter the ConnectWise Company ID.').max(64, 'At most 64 characters.'),
      noSpaces('The Company ID'),
    ),
    publicKey: checked(
      z.string().min(1, 'Enter the API Public Key.').max(128, 'At most 128 characters.'),
      noSpaces('A key'),
    ),
    privateKey: checked(z.string().max(128, 'At most 128 characters.'), noSpaces('A key')),
  })
  .strict();
export type ConnectionFields = z.infer<typeof ConnectionFields>;
export type ConnectionField = keyof ConnectionFields;

/** What the UI may know of the saved connection: everything but the private key. */
export const ConnectionView = z.object({
  siteUrl: z.string(),
  companyId: z.string(),
  publicKey: z.string(),
  savedAt: z.string(),
  apiVersion: z.string().nullable(),
  privateKeySaved: z.literal(true),
});
export type ConnectionView = z.infer<typeof ConnectionView>;

export const ConnectionProblem = z.object({
  kind: z.string(),
  message: z.string(),
  field: z.enum(['siteUrl', 'companyId', 'publicKey', 'privateKey', 'baseUrl', 'token']).optional(),
  permission: z.string().optional(),
});
export type ConnectionProblem = z.infer<typeof ConnectionProblem>;

export const ConnectionTestResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), companyName: z.string().nullable(), apiVersion: z.string() }),
  z.object({ ok: z.literal(false), problem: ConnectionProblem }),
]);
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;

export const saveFailedMessage =
  'Connection was not established. Please validate settings information.';

export const ConnectionSaveResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), connection: ConnectionView }),
  z.object({ ok: z.literal(false), message: z.string(), problem: ConnectionProblem }),
]);
export type ConnectionSaveResult = z.infer<typeof ConnectionSaveResult>;

// ── Platform connection (Settings › Authentication, "Platform Connection") ──────────────────

/** `token` may be empty only to re-test or re-save an unchanged base URL: the saved token is used. */
export const PlatformConnectionFields = z
  .object({
    baseUrl: checked(z.string().max(2048, 'The URL is too long.'), (value) => {
      const result = normalizePlatformBaseUrl(value);
      return result.ok ? undefined : result.reason;
    }),
    token: checked(z.string().max(4096, 'The token is too long.'), noSpaces('A token')),
  })
  .strict();
export type PlatformConnectionFields = z.infer<typeof PlatformConnectionFields>;

export const PlatformConnectionView = z.object({
  baseUrl: z.string(),
  platformName: z.string(),
  accountName: z.string(),
  savedAt: z.string(),
  tokenSaved: z.literal(true),
});
export type PlatformConnectionView = z.infer<typeof PlatformConnectionView>;

export const PlatformTestResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), platformName: z.string(), accountName: z.string() }),
  z.object({ ok: z.literal(false), problem: ConnectionProblem }),
]);
export type PlatformTestResult = z.infer<typeof PlatformTestResult>;

export const PlatformSaveResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), connection: PlatformConnectionView }),
  z.object({ ok: z.literal(false), message: z.string(), problem: ConnectionProblem }),
]);
export type PlatformSaveResult = z.infer<typeof PlatformSaveResult>;

// ── Configuration (Settings › Configuration) ────────────────────────────────────────────────

export const AgreementTypeChoice = z.object({ id: z.number().int().positive(), name: z.string() });
export type AgreementTypeChoice = z.infer<typeof AgreementTypeChoice>;

/**
 * What "Save Configuration" sends. The Agreement Type is required; its name is taken from
 * ConnectWise when saving, so only the id matters here.
 */
export const ConfigurationInput = z
  .object({
    agreementTypeId: z
      .number({ error: 'Select an Agreement Type.' })
      .int()
      .positive('Select an Agreement Type.'),
    endDateRules: ChargeDateConfigurationSchema.shape.endDateRules,
    startDateRules: ChargeDateConfigurationSchema.shape.startDateRules,
    customChargeTypeNames: ChargeDateConfigurationSchema.shape.customChargeTypeNames,
    autoSync: z.boolean(),
  })
  .strict();
export type ConfigurationInput = z.input<typeof ConfigurationInput>;

/** A saved configuration. Every save gets the next version; sync runs record the one they used. */
export const SavedConfiguration = z.object({
  version: z.number().int().positive(),
  savedAt: z.string(),
  agreementType: AgreementTypeChoice,
  endDateRules: ChargeDateConfigurationSchema.shape.endDateRules,
  startDateRules: ChargeDateConfigurationSchema.shape.startDateRules,
  customChargeTypeNames: ChargeDateConfigurationSchema.shape.customChargeTypeNames,
  autoSync: z.boolean(),
});
export type SavedConfiguration = z.output<typeof SavedConfiguration>;

// ── Platform data and the Invoices tab (Mapping › Invoices) ──────────────────────────────────

export const LoadedPeriod = z.object({
  period: InvoicePeriod,
  lines: z.number().int(),
  synced: z.number().int(),
  lastLoadedAt: z.string(),
  source: z.enum(['platform', 'file']),
  sourceName: z.string().nullable(),
});
export type LoadedPeriod = z.infer<typeof LoadedPeriod>;

export const LoadChoices = z.object({
  current: InvoicePeriod,
  previous: InvoicePeriod,
  platformConnected: z.boolean(),
});
export type LoadChoices = z.infer<typeof LoadChoices>;

export const FileReadingOptions = z
  .object({
    dateOrder: z.enum(['iso', 'day-first']).optional(),
    decimalMark: z.enum(['.', ',', 'auto']).optional(),
    thousandsSeparator: z.enum([',', '.', ' ', "'"]).nullable().optional(),
    encoding: z.enum(['utf-8', 'windows-1252', 'auto']).optional(),
    delimiter: z.enum([',', ';', '\t', 'auto']).optional(),
  })
  .strict();
export type FileReadingOptions = z.infer<typeof FileReadingOptions>;

export const LoadInvoicesInput = z
  .object({
    periods: z.array(InvoicePeriod).min(1, 'Select at least one month.').max(2),
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('platform') }).strict(),
      z
        .object({
          kind: z.literal('file'),
          fileId: z.string().min(1).max(100),
          options: FileReadingOptions,
        })
        .strict(),
    ]),
  })
  .strict();
export type LoadInvoicesInput = z.infer<typeof LoadInvoicesInput>;

export const LoadInvoicesResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    periods: z.array(
      z.object({
        period: InvoicePeriod,
        lines: z.number().int(),
        removed: z.number().int(),
        keptSynced: z.number().int(),
      }),
    ),
    outsidePeriods: z.number().int(),
  }),
  z.object({
    ok: z.literal(false),
    problems: z.array(ImportProblem),
    totalProblems: z.number().int(),
  }),
]);
export type LoadInvoicesResult = z.infer<typeof LoadInvoicesResult>;

export const LineStatus = z.enum([
  'Not Mapped',
  'Ready',
  'Excluded',
  'Synced',
  'Failed',
  'Cancelled',
]);
export type LineStatus = z.infer<typeof LineStatus>;

export const invoiceSortColumns = [
  'invoiceId',
  'invoiceDate',
  'organizationName',
  'contractId',
  'subscriptionName',
  'offerName',
  'chargeType',
  'billingCycle',
  'quantity',
  'unitPrice',
  'unitCost',
  'currency',
  'chargeStart',
  'chargeEnd',
  'status',
] as const;
export const InvoiceSortColumn = z.enum(invoiceSortColumns);
export type InvoiceSortColumn = z.infer<typeof InvoiceSortColumn>;

export const InvoicePageQuery = z
  .object({
    period: InvoicePeriod,
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(500),
    sort: z
      .object({ column: InvoiceSortColumn, direction: z.enum(['asc', 'desc']) })
      .strict()
      .optional(),
    search: z.string().max(200).optional(),
    chargeType: z.enum(chargeTypes).optional(),
    billingCycle: z.enum(billingCycles).optional(),
    status: LineStatus.optional(),
  })
  .strict();
export type InvoicePageQuery = z.infer<typeof InvoicePageQuery>;

const Badge = z.enum(['none', 'System Updated', 'User Updated']);
export const DateToSend = z.object({ date: z.string(), badge: Badge, platformDate: z.string() });

export const InvoiceLineRow = z.object({
  lineId: z.string(),
  invoiceId: z.string(),
  invoiceDate: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  psaOrganizationName: z.string().nullable(),
  contractId: z.string(),
  psaAgreementName: z.string().nullable(),
  subscriptionName: z.string(),
  offerId: z.string(),
  offerName: z.string(),
  psaProductName: z.string().nullable(),
  chargeType: z.object({ platformName: z.enum(chargeTypes), name: z.string(), badge: Badge }),
  billingCycle: z.enum(billingCycles),
  quantity: z.string(),
  unitPrice: z.string(),
  unitCost: z.string().nullable(),
  currency: z.string(),
  chargeStart: DateToSend,
  chargeEnd: DateToSend,
  status: LineStatus,
  statusDetail: z.string().nullable(),
});
export type InvoiceLineRow = z.infer<typeof InvoiceLineRow>;

export const InvoicePage = z.object({ rows: z.array(InvoiceLineRow), total: z.number().int() });
export type InvoicePage = z.infer<typeof InvoicePage>;

// ── Channels ──────────────────────────────────────────────────────────────────────────────────

const NoInput = z.undefined();

export const contract = {
  /** What the user may reach and where the app opens, from what is saved. */
  'app.status': { input: NoInput, output: AppStatus },
  'app.info': { input: NoInput, output: AppInfo },
  /** The saved connection without its private key, or null. */
  'auth.current': { input: NoInput, output: ConnectionView.nullable() },
  /** Companyinfo, /system/info and read access to companies, agreement types and the catalog. */
  'auth.test': { input: ConnectionFields, output: ConnectionTestResult },
  /** Tests, then stores: the private key in the OS keychain, the rest in settings. */
  'auth.save': { input: ConnectionFields, output: ConnectionSaveResult },
  /** Cancels running jobs, deletes the key from the keychain, clears the connection. */
  'auth.disconnect': { input: NoInput, output: z.object({ disconnected: z.literal(true) }) },
  'platform.current': { input: NoInput, output: PlatformConnectionView.nullable() },
  /** Calls /v1/me with the base URL and token. */
  'platform.test': { input: PlatformConnectionFields, output: PlatformTestResult },
  /** Tests, then stores: the token in the OS keychain, the rest in settings. */
  'platform.save': { input: PlatformConnectionFields, output: PlatformSaveResult },
  /** Forgets the Platform connection and deletes its token from the keychain. */
  'platform.remove': { input: NoInput, output: z.object({ removed: z.literal(true) }) },
  /** The saved configuration, or null before the first "Save Configuration". */
  'configuration.get': { input: NoInput, output: SavedConfiguration.nullable() },
  /** Active agreement types from ConnectWise, for the "Agreement Type" dropdown. */
  'configuration.agreementTypes': { input: NoInput, output: z.array(AgreementTypeChoice) },
  /** Validates (the Agreement Type must exist in ConnectWise), saves a new version, logs it. */
  'configuration.save': { input: ConfigurationInput, output: SavedConfiguration },
  /** Months that have loaded lines, newest first, within the 15 months kept. */
  'invoices.periods': { input: NoInput, output: z.array(LoadedPeriod) },
  /** The months the Load dialog offers and whether the Platform connection is saved. */
  'invoices.loadChoices': { input: NoInput, output: LoadChoices },
  /** Loads lines of the chosen months from a source (a job: progress events, cancellable). */
  'invoices.load': { input: LoadInvoicesInput, output: LoadInvoicesResult },
  /** One page of a month's lines, sorted and filtered in the store. */
  'invoices.page': { input: InvoicePageQuery, output: InvoicePage },
  /** Electron: a native "open file" dialog for an export file. The preview uploads instead. */
  'files.pickExportFile': {
    input: NoInput,
    output: z.object({ fileId: z.string(), name: z.string(), size: z.number().int() }).nullable(),
  },
  /** Cancels a running job by id (from its progress events). */
  'jobs.cancel': {
    input: z.object({ id: z.string().max(100) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** Pulls every ConnectWise Company into the app's store (a job: progress events, cancellable). */
  'companies.pull': { input: NoInput, output: z.object({ companies: z.number().int() }) },
  /** Opens a page of the user's own ConnectWise site in the browser; anything else is refused. */
  'external.open': {
    input: z.object({ url: z.string().min(1).max(2048) }).strict(),
    output: z.object({ opened: z.literal(true) }),
  },
} as const;

export const JobProgressEvent = z.object({
  id: z.string(),
  kind: z.string(),
  done: z.number(),
  total: z.number().optional(),
  message: z.string().optional(),
});
export type JobProgressEvent = z.infer<typeof JobProgressEvent>;

export const events = {
  'app.statusChanged': AppStatus,
  /** Progress of a long job (pull, load, sync). */
  'job.progress': JobProgressEvent,
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
