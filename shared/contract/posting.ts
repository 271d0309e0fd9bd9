/** "Sync to PSA": what a run would do, running it, and what came of it (docs/posting-rules.md). */
import { z } from 'zod';
import { InvoicePeriod } from '../platformInvoiceLine';

export const PostingScope = z
  .object({
    period: InvoicePeriod,
    /** The selected lines; none: all Ready lines of the month. */
    lineIds: z.array(z.string().min(1).max(100)).max(100_000).optional(),
  })
  .strict();
export type PostingScope = z.infer<typeof PostingScope>;

const AdditionShown = z.object({
  productId: z.number().int().optional(),
  quantity: z.number().optional(),
  unitPrice: z.number().optional(),
  unitCost: z.number().nullable().optional(),
  effectiveDate: z.string().optional(),
  cancelledDate: z.string().optional(),
  invoiceDescription: z.string().optional(),
});

const SkippedLine = z.object({
  lineId: z.string(),
  status: z.enum(['Not Mapped', 'Needs attention', 'Excluded', 'Synced']),
  reason: z.string(),
});

export const PostingPreview = z.object({
  period: InvoicePeriod,
  /** Lines in scope: posted, updated, adopted or skipped. */
  lines: z.number().int(),
  newAgreements: z.array(
    z.object({
      name: z.string(),
      companyName: z.string(),
      currency: z.string(),
      lines: z.number().int(),
    }),
  ),
  creates: z.array(
    z.object({
      marker: z.string(),
      agreementName: z.string(),
      lineIds: z.array(z.string()),
      values: AdditionShown,
    }),
  ),
  updates: z.array(
    z.object({
      marker: z.string(),
      agreementName: z.string(),
      lineIds: z.array(z.string()),
      from: AdditionShown,
      to: AdditionShown,
    }),
  ),
  /** Found in ConnectWise as they would be sent: recorded, nothing written. */
  adopted: z.number().int(),
  /** "These Additions will be cancelled in ConnectWise": only after the user confirms. */
  cancellations: z.array(
    z.object({
      marker: z.string(),
      agreementName: z.string(),
      subscriptionName: z.string(),
      cancelledDate: z.string(),
    }),
  ),
  skipped: z.array(SkippedLine),
});
export type PostingPreview = z.infer<typeof PostingPreview>;

export const PostingSummary = z.object({
  runId: z.number().int(),
  status: z.enum(['completed', 'cancelled']),
  posted: z.number().int(),
  updated: z.number().int(),
  adopted: z.number().int(),
  cancelledAdditions: z.number().int(),
  skipped: z.number().int(),
  failed: z.array(z.object({ lineIds: z.array(z.string()), reason: z.string() })),
  duplicates: z.array(z.object({ marker: z.string(), additionIds: z.array(z.number().int()) })),
  seconds: z.number(),
});
export type PostingSummary = z.infer<typeof PostingSummary>;

export const LineTargetChoicesInput = z
  .object({
    period: InvoicePeriod,
    lineId: z.string().min(1).max(100),
    /** The Company whose Agreements to list; omitted: the line's chosen or only Company. */
    companyId: z.number().int().positive().optional(),
  })
  .strict();
export type LineTargetChoicesInput = z.infer<typeof LineTargetChoicesInput>;

/** What the Invoices tab offers for a line's PSA Organization and PSA Agreement. */
export const LineTargetChoices = z.object({
  /** The Companies the line's Organization is mapped to. */
  companies: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /** The Company the Agreements below belong to; null: none chosen among several. */
  companyId: z.number().int().nullable(),
  /** That Company's active Agreements in the line's currency, read from ConnectWise now. */
  agreements: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /** Why the Agreements could not be read (the Companies are known locally all the same). */
  agreementsError: z.string().nullable(),
  currency: z.string(),
});
export type LineTargetChoices = z.infer<typeof LineTargetChoices>;

export const postingChannels = {
  /** "Last Sync to PSA": when the last completed run finished; null before the first. */
  'posting.lastSync': { input: z.undefined(), output: z.object({ at: z.string().nullable() }) },
  /** The PSA Organizations and Agreements a line may be posted to. */
  'posting.lineTargetChoices': { input: LineTargetChoicesInput, output: LineTargetChoices },
  /** What "Sync to PSA" would do now (a job: reads ConnectWise, writes nothing). */
  'posting.preview': { input: PostingScope, output: PostingPreview },
  /** Posts the scope (a job: progress, cancel); cancels vanished Additions only if confirmed. */
  'posting.run': {
    input: PostingScope.extend({
      confirmCancellations: z.boolean(),
      /** The cancellations the user saw and confirmed: no other is made. */
      confirmedMarkers: z.array(z.string().min(1).max(50)).max(100_000).optional(),
    }).strict(),
    output: PostingSummary,
  },
} as const;
