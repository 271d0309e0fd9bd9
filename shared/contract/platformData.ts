/** The Platform's billing data: loading months of invoice lines, and the Invoices grid. */
import { z } from 'zod';
import { billingCycles, chargeTypes } from '../chargeDateVocabulary';
import { CalendarDateString, ImportProblem, InvoicePeriod } from '../platformInvoiceLine';
import { FileReadingOptions } from './exportFile';

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
  'Needs attention',
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
export type DateToSend = z.infer<typeof DateToSend>;

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
  /** Synced lines are read-only: later changes are made in ConnectWise itself. */
  editable: z.boolean(),
  /** The user's include / exclude of this one line (an excluded Organization excludes it too). */
  included: z.boolean(),
  /** The PSA Organization and Agreement chosen on this line; null: decided by the rules. */
  chosenCompanyId: z.number().int().nullable(),
  chosenAgreementId: z.number().int().nullable(),
  /** A synced line whose Platform values changed when its month was loaded again. */
  changedSinceSync: z.boolean(),
  /** For a synced line: the Addition it is, on which Agreement, since when. */
  synced: z
    .object({
      additionId: z.number().int(),
      agreementId: z.number().int().nullable(),
      at: z.string(),
      /** The values the Addition was sent with, e.g. "17 × 15.00 from 2026-11-01 to 2026-11-30". */
      sent: z.string().nullable(),
    })
    .nullable(),
});
export type InvoiceLineRow = z.infer<typeof InvoiceLineRow>;

export const InvoicePage = z.object({ rows: z.array(InvoiceLineRow), total: z.number().int() });
export type InvoicePage = z.infer<typeof InvoicePage>;

/** One edit, applied to one line or, as "Bulk Update", to every selected line. */
export const LineEdit = z.discriminatedUnion('field', [
  z.object({ field: z.literal('included'), included: z.boolean() }).strict(),
  /**
   * A date replaces the computed one ("User Updated"); null goes back to the computed date; left
   * out: unchanged. Both at once, so moving a line's dates is checked as a whole.
   */
  z
    .object({
      field: z.literal('dates'),
      chargeStart: CalendarDateString.nullable().optional(),
      chargeEnd: CalendarDateString.nullable().optional(),
    })
    .strict()
    .refine((edit) => edit.chargeStart !== undefined || edit.chargeEnd !== undefined, {
      message: 'Choose a date to change.',
    }),
  /** One of the Companies the line's Organization is mapped to; clears the chosen Agreement. */
  z
    .object({ field: z.literal('company'), companyId: z.number().int().positive().nullable() })
    .strict(),
  /** null: the Agreement the rules find or create. */
  z
    .object({
      field: z.literal('agreement'),
      agreement: z
        .object({ id: z.number().int().positive(), name: z.string().min(1).max(100) })
        .strict()
        .nullable(),
    })
    .strict(),
]);
export type LineEdit = z.infer<typeof LineEdit>;

export const EditLinesInput = z
  .object({
    period: InvoicePeriod,
    lineIds: z.array(z.string().min(1).max(100)).min(1).max(100_000),
    /** Applied in order, all or none: the Edit dialog's changes are one edit to the user. */
    edits: z.array(LineEdit).min(1).max(5),
  })
  .strict();
export type EditLinesInput = z.infer<typeof EditLinesInput>;

export const EditLinesResult = z.object({
  updated: z.number().int(),
  /** Synced lines among the chosen ones, left as they are. */
  synced: z.number().int(),
});
export type EditLinesResult = z.infer<typeof EditLinesResult>;

export const platformDataChannels = {
  /** Months that have loaded lines, newest first, within the 15 months kept. */
  'platformData.periods': { input: z.undefined(), output: z.array(LoadedPeriod) },
  /** The months the Load dialog offers and whether the Platform connection is saved. */
  'platformData.loadChoices': { input: z.undefined(), output: LoadChoices },
  /** Loads lines of the chosen months from a source (a job: progress events, cancellable). */
  'platformData.load': { input: LoadInvoicesInput, output: LoadInvoicesResult },
  /** One page of a month's lines, sorted and filtered in the store. */
  'platformData.page': { input: InvoicePageQuery, output: InvoicePage },
  /** Edits unsynced lines: include / exclude, dates, PSA Organization or Agreement. */
  'platformData.editLines': { input: EditLinesInput, output: EditLinesResult },
} as const;
