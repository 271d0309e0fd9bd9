/**
 * The Platform's billing data as the app keeps it, whichever source it came from (the Platform
 * API or an export file). Values are kept as the Platform gave them: money and quantities as
 * decimal strings with "." (never floats), dates as calendar dates.
 */
import { z } from 'zod';
import { billingCycles, chargeTypes } from './chargeDateVocabulary';

/** `YYYY-MM-DD` that is a real calendar date. */
export const CalendarDateString = z.string().refine((value) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}, 'Expected a real date as YYYY-MM-DD.');

/** A decimal number written with "." and no thousands separators, e.g. "-12.5", "3". */
export const DecimalString = z
  .string()
  .regex(/^-?\d{1,15}(\.\d{1,10})?$/, 'Expected a decimal number such as 12.50.');

const requiredText = (max: number) =>
  z.string().trim().min(1, 'Required.').max(max, `At most ${max} characters.`);

export const PlatformInvoiceLine = z
  .object({
    lineId: requiredText(100),
    invoiceId: requiredText(100),
    invoiceDate: CalendarDateString,
    organizationId: requiredText(100),
    organizationName: requiredText(200),
    contractId: requiredText(100),
    currency: z.string().regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 currency code such as EUR.'),
    subscriptionId: requiredText(100),
    subscriptionName: requiredText(500),
    offerId: requiredText(100),
    offerName: requiredText(500),
    vendor: z.string().trim().max(200).nullable(),
    chargeType: z.enum(chargeTypes),
    billingCycle: z.enum(billingCycles),
    quantity: DecimalString,
    unitPrice: DecimalString,
    unitCost: DecimalString.nullable(),
    chargeStart: CalendarDateString,
    chargeEnd: CalendarDateString,
  })
  .refine((line) => line.chargeEnd >= line.chargeStart, {
    message: 'The charge end date is before the charge start date.',
    path: ['chargeEnd'],
  });
export type PlatformInvoiceLine = z.infer<typeof PlatformInvoiceLine>;

/** `YYYY-MM`: a month of invoice dates, the unit lines are loaded and shown in. */
export const InvoicePeriod = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a month as YYYY-MM.');
export type InvoicePeriod = z.infer<typeof InvoicePeriod>;

/** One problem of an export file, as the user sees it: where, what was there, what is wrong. */
export const ImportProblem = z.object({
  /** 1-based row of the file (the header is row 1 in CSV and XLSX; the array index + 1 in JSON). */
  row: z.number().int().nonnegative(),
  /** The canonical column name, or null for a problem with the whole row or file. */
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/**
 * The fields of an invoice line in their documented order (docs/import-format.md), each with
 * its canonical column name: the export file's header and the database column alike. The one
 * list of them: the file reader, the store, fixtures and benchmarks all take it from here.
 */
export const invoiceLineFields = [
  { field: 'lineId', column: 'line_id' },
  { field: 'invoiceId', column: 'invoice_id' },
  { field: 'invoiceDate', column: 'invoice_date' },
  { field: 'organizationId', column: 'organization_id' },
  { field: 'organizationName', column: 'organization_name' },
  { field: 'contractId', column: 'contract_id' },
  { field: 'currency', column: 'currency' },
  { field: 'subscriptionId', column: 'subscription_id' },
  { field: 'subscriptionName', column: 'subscription_name' },
  { field: 'offerId', column: 'offer_id' },
  { field: 'offerName', column: 'offer_name' },
  { field: 'vendor', column: 'vendor' },
  { field: 'chargeType', column: 'charge_type' },
  { field: 'billingCycle', column: 'billing_cycle' },
  { field: 'quantity', column: 'quantity' },
  { field: 'unitPrice', column: 'unit_price' },
  { field: 'unitCost', column: 'unit_cost' },
  { field: 'chargeStart', column: 'charge_start_date' },
  { field: 'chargeEnd', column: 'charge_end_date' },
] as const satisfies ReadonlyArray<{ field: keyof PlatformInvoiceLine; column: string }>;

export type InvoiceLineColumnName = (typeof invoiceLineFields)[number]['column'];

/** A line's values in the order of `invoiceLineFields`. */
export function invoiceLineValues(line: PlatformInvoiceLine): Array<string | null> {
  return invoiceLineFields.map(({ field }) => line[field]);
}
