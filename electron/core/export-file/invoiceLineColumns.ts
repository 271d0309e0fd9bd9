/**
 * The column set of an invoice-line export file (product.md §8): canonical names, the aliases
 * accepted for them, which are required, and how a header is matched to one.
 */
import type { PlatformInvoiceLine } from '../../../../shared/platformData';
import type { DateOrder } from './calendarDateText';

/** The kind of value a column holds, which decides how its text is read. */
export type ColumnValueKind =
  | 'text'
  | 'optionalText'
  | 'currency'
  | 'chargeType'
  | 'billingCycle'
  | 'date'
  | 'decimal'
  | 'optionalDecimal';

export interface InvoiceLineColumn {
  /** The canonical header, as written in the documentation and in problems. */
  readonly name: string;
  /** The field of `PlatformInvoiceLine` it fills. */
  readonly field: keyof PlatformInvoiceLine;
  readonly aliases: readonly string[];
  readonly required: boolean;
  readonly kind: ColumnValueKind;
}

export const invoiceLineColumns: readonly InvoiceLineColumn[] = [
  { name: 'line_id', field: 'lineId', aliases: ['invoice line id'], required: true, kind: 'text' },
  {
    name: 'invoice_id',
    field: 'invoiceId',
    aliases: ['invoice number'],
    required: true,
    kind: 'text',
  },
  { name: 'invoice_date', field: 'invoiceDate', aliases: [], required: true, kind: 'date' },
  {
    name: 'organization_id',
    field: 'organizationId',
    aliases: ['customer id'],
    required: true,
    kind: 'text',
  },
  {
    name: 'organization_name',
    field: 'organizationName',
    aliases: ['customer', 'customer name'],
    required: true,
    kind: 'text',
  },
  { name: 'contract_id', field: 'contractId', aliases: [], required: true, kind: 'text' },
  {
    name: 'currency',
    field: 'currency',
    aliases: ['currency code'],
    required: true,
    kind: 'currency',
  },
  { name: 'subscription_id', field: 'subscriptionId', aliases: [], required: true, kind: 'text' },
  {
    name: 'subscription_name',
    field: 'subscriptionName',
    aliases: ['subscription'],
    required: true,
    kind: 'text',
  },
  {
    name: 'offer_id',
    field: 'offerId',
    aliases: ['sku', 'product id'],
    required: true,
    kind: 'text',
  },
  {
    name: 'offer_name',
    field: 'offerName',
    aliases: ['offer', 'product', 'product name'],
    required: true,
    kind: 'text',
  },
  {
    name: 'vendor',
    field: 'vendor',
    aliases: ['manufacturer', 'publisher'],
    required: false,
    kind: 'optionalText',
  },
  { name: 'charge_type', field: 'chargeType', aliases: [], required: true, kind: 'chargeType' },
  {
    name: 'billing_cycle',
    field: 'billingCycle',
    aliases: ['billing frequency'],
    required: true,
    kind: 'billingCycle',
  },
  { name: 'quantity', field: 'quantity', aliases: ['qty'], required: true, kind: 'decimal' },
  {
    name: 'unit_price',
    field: 'unitPrice',
    aliases: ['price', 'sales price'],
    required: true,
    kind: 'decimal',
  },
  {
    name: 'unit_cost',
    field: 'unitCost',
    aliases: ['cost'],
    required: false,
    kind: 'optionalDecimal',
  },
  {
    name: 'charge_start_date',
    field: 'chargeStart',
    // "charge start" is the app's own field name (chargeStart), so its JSON loads too.
    aliases: ['start date', 'period start', 'charge start'],
    required: true,
    kind: 'date',
  },
  {
    name: 'charge_end_date',
    field: 'chargeEnd',
    aliases: ['end date', 'period end', 'charge end'],
    required: true,
    kind: 'date',
  },
];

/** The canonical headers, in the documented order. */
export const canonicalColumns: readonly string[] = Object.freeze(
  invoiceLineColumns.map((column) => column.name),
);

/** A header or key reduced to what matching looks at: lower case, no spaces, `_` or `-`. */
export function headerMatchKey(header: string): string {
  return header.replace(/[\s_\-\uFEFF]+/g, '').toLowerCase();
}

const columnsByMatchKey: ReadonlyMap<string, InvoiceLineColumn> = new Map(
  invoiceLineColumns.flatMap((column) =>
    [column.name, column.field, ...column.aliases].map(
      (spelling) => [headerMatchKey(spelling), column] as const,
    ),
  ),
);

/** A date format a header may declare after its name: "Invoice Date (DD.MM.YYYY)". */
const declaredDateFormat = /\s*[([]\s*(d{1,2}([./])m{1,2}\2y{4}|y{4}-m{2}-d{2})\s*[)\]]\s*$/i;

export interface HeaderReading {
  /** The column the header names; undefined for a column this app does not use. */
  column: InvoiceLineColumn | undefined;
  /** The date order a date column's header declares, if it declares one. */
  declaredDateOrder: DateOrder | undefined;
}

const readingsOfHeaders = new Map<string, HeaderReading>();

/** Reads a header (or JSON key): which column it names, and any date format it declares. */
export function readHeader(header: string): HeaderReading {
  let reading = readingsOfHeaders.get(header);
  if (reading === undefined) {
    reading = readHeaderUncached(header);
    if (readingsOfHeaders.size >= 1000) readingsOfHeaders.clear();
    readingsOfHeaders.set(header, reading);
  }
  return reading;
}

function readHeaderUncached(header: string): HeaderReading {
  const column = columnsByMatchKey.get(headerMatchKey(header));
  if (column) return { column, declaredDateOrder: undefined };
  const declared = declaredDateFormat.exec(header);
  if (!declared) return { column: undefined, declaredDateOrder: undefined };
  const named = columnsByMatchKey.get(headerMatchKey(header.slice(0, declared.index)));
  if (named?.kind !== 'date') return { column: undefined, declaredDateOrder: undefined };
  const format = declared[1] ?? '';
  return { column: named, declaredDateOrder: /^y/i.test(format) ? 'iso' : 'day-first' };
}

export const columnByField: ReadonlyMap<keyof PlatformInvoiceLine, InvoiceLineColumn> = new Map(
  invoiceLineColumns.map((column) => [column.field, column] as const),
);
