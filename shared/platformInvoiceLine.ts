/**
 * The Platform's billing data as the app keeps it, whichever source it came from (the Platform
 * API or an export file). Values are kept as the Platform gave them: money and quantities as
 * decimal strings with "." (never floats), dates as calendar dates.
 */
import { z } from 'zod';
import { billingCycles, chargeTypes } from './chargeDateVocabulary';

function readsAsCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Verdicts on the dates seen lately: an export's 300,000 dates are a few dozen values. */
const calendarDateVerdicts = new Map<string, boolean>();

/** Whether `YYYY-MM-DD` text is a real calendar date. */
function isCalendarDate(value: string): boolean {
  let verdict = calendarDateVerdicts.get(value);
  if (verdict === undefined) {
    verdict = readsAsCalendarDate(value);
    if (calendarDateVerdicts.size >= 1000) calendarDateVerdicts.clear();
    calendarDateVerdicts.set(value, verdict);
  }
  return verdict;
}

/** `YYYY-MM-DD` that is a real calendar date. */
export const CalendarDateString = z
  .string()
  .refine(isCalendarDate, 'Expected a real date as YYYY-MM-DD.');

const decimalPattern = /^-?\d{1,15}(\.\d{1,10})?$/;
/** A decimal number written with "." and no thousands separators, e.g. "-12.5", "3". */
export const DecimalString = z
  .string()
  .regex(decimalPattern, 'Expected a decimal number such as 12.50.');

const currencyPattern = /^[A-Z]{3}$/;

/** The longest each text may be, in UTF-16 code units as `String.length` counts them. */
const maxLength = {
  lineId: 100,
  invoiceId: 100,
  organizationId: 100,
  organizationName: 200,
  contractId: 100,
  subscriptionId: 100,
  subscriptionName: 500,
  offerId: 100,
  offerName: 500,
  vendor: 200,
} as const;

const requiredText = (max: number) =>
  z.string().trim().min(1, 'Required.').max(max, `At most ${max} characters.`);

const endsOnOrAfterStart = (line: { chargeStart: string; chargeEnd: string }) =>
  line.chargeEnd >= line.chargeStart;

export const PlatformInvoiceLine = z
  .object({
    lineId: requiredText(maxLength.lineId),
    invoiceId: requiredText(maxLength.invoiceId),
    invoiceDate: CalendarDateString,
    organizationId: requiredText(maxLength.organizationId),
    organizationName: requiredText(maxLength.organizationName),
    contractId: requiredText(maxLength.contractId),
    currency: z.string().regex(currencyPattern, 'Expected an ISO 4217 currency code such as EUR.'),
    subscriptionId: requiredText(maxLength.subscriptionId),
    subscriptionName: requiredText(maxLength.subscriptionName),
    offerId: requiredText(maxLength.offerId),
    offerName: requiredText(maxLength.offerName),
    vendor: z.string().trim().max(maxLength.vendor).nullable(),
    chargeType: z.enum(chargeTypes),
    billingCycle: z.enum(billingCycles),
    quantity: DecimalString,
    unitPrice: DecimalString,
    unitCost: DecimalString.nullable(),
    chargeStart: CalendarDateString,
    chargeEnd: CalendarDateString,
  })
  .refine(endsOnOrAfterStart, {
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

const trimmedText = (value: unknown, max: number): boolean =>
  typeof value === 'string' && value.length <= max && value.trim() === value;
const requiredTrimmedText = (value: unknown, max: number): boolean =>
  trimmedText(value, max) && value !== '';
const decimal = (value: unknown): boolean =>
  typeof value === 'string' && decimalPattern.test(value);
const calendarDate = (value: unknown): boolean =>
  typeof value === 'string' && isCalendarDate(value);
const fieldCount = invoiceLineFields.length;

/**
 * Whether the candidate is a plain object with as many own keys as a line has fields, each an
 * enumerable name. With every field then read as valid, its keys are exactly the fields.
 * (Reflect.ownKeys and a hasOwn per field cost 0.1 s per 100,000 lines; these, 15 ms.)
 */
function hasOnlyAsManyKeys(candidate: object): boolean {
  const prototype = Object.getPrototypeOf(candidate);
  return (
    (prototype === Object.prototype || prototype === null) &&
    Object.keys(candidate).length === fieldCount &&
    Object.getOwnPropertyNames(candidate).length === fieldCount &&
    Object.getOwnPropertySymbols(candidate).length === 0
  );
}

/**
 * Whether `PlatformInvoiceLine` would return this plain object as it is: every rule holds, no
 * value would be trimmed, no key would be dropped. The schema's rules, read without building a parse:
 * an export of 100,000 lines spent 0.6 s in the schema. False says only "ask the schema", for
 * its messages or the values it trims. (platformInvoiceLine.test.ts proves the two agree.)
 */
export function isParsedInvoiceLine(
  candidate: Record<string, unknown>,
): candidate is PlatformInvoiceLine {
  const line = candidate as Record<keyof PlatformInvoiceLine, unknown>;
  return (
    hasOnlyAsManyKeys(candidate) &&
    requiredTrimmedText(line.lineId, maxLength.lineId) &&
    requiredTrimmedText(line.invoiceId, maxLength.invoiceId) &&
    calendarDate(line.invoiceDate) &&
    requiredTrimmedText(line.organizationId, maxLength.organizationId) &&
    requiredTrimmedText(line.organizationName, maxLength.organizationName) &&
    requiredTrimmedText(line.contractId, maxLength.contractId) &&
    typeof line.currency === 'string' &&
    currencyPattern.test(line.currency) &&
    requiredTrimmedText(line.subscriptionId, maxLength.subscriptionId) &&
    requiredTrimmedText(line.subscriptionName, maxLength.subscriptionName) &&
    requiredTrimmedText(line.offerId, maxLength.offerId) &&
    requiredTrimmedText(line.offerName, maxLength.offerName) &&
    (line.vendor === null || trimmedText(line.vendor, maxLength.vendor)) &&
    (chargeTypes as readonly unknown[]).includes(line.chargeType) &&
    (billingCycles as readonly unknown[]).includes(line.billingCycle) &&
    decimal(line.quantity) &&
    decimal(line.unitPrice) &&
    (line.unitCost === null || decimal(line.unitCost)) &&
    calendarDate(line.chargeStart) &&
    calendarDate(line.chargeEnd) &&
    endsOnOrAfterStart(line as { chargeStart: string; chargeEnd: string })
  );
}
