/**
 * The column set of an invoice-line export file (docs/import-format.md): canonical names, the aliases
 * accepted for them, which are required, and how a header is matched to one.
 */
import { invoiceLineFields, type PlatformInvoiceLine } from '@shared/platformInvoiceLine';
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

/** How each field's column is read: the aliases its header may have, and its kind of value. */
const columnReading: Record<
  keyof PlatformInvoiceLine,
  Pick<InvoiceLineColumn, 'aliases' | 'required' | 'kind'>
> = {
  lineId: {
    aliases: ['invoice line id'],
    required: true,
    kind: 'text',
  },
  invoiceId: {
    aliases: ['invoice number'],
    required: true,
    kind: 'text',
  },
  invoiceDate: {
    aliases: [],
    required: true,
    kind: 'date',
  },
  organizationId: {
    aliases: ['customer id'],
    required: true,
    kind: 'text',
  },
  organizationName: {
    aliases: ['customer', 'customer name'],
    required: true,
    kind: 'text',
  },
  contractId: {
    aliases: [],
    required: true,
    kind: 'text',
  },
  currency: {
    aliases: ['currency code'],
    required: true,
    kind: 'currency',
  },
  subscriptionId: {
    aliases: [],
    required: true,
    kind: 'text',
  },
  subscriptionName: {
    aliases: ['subscription'],
    required: true,
    kind: 'text',
  },
  offerId: {
    aliases: ['sku', 'product id'],
    required: true,
    kind: 'text',
  },
  offerName: {
    aliases: ['offer', 'product', 'product name'],
    required: true,
    kind: 'text',
  },
  vendor: {
    aliases: ['manufacturer', 'publisher'],
    required: false,
    kind: 'optionalText',
  },
  chargeType: {
    aliases: [],
    required: true,
    kind: 'chargeType',
  },
  billingCycle: {
    aliases: ['billing frequency'],
    required: true,
    kind: 'billingCycle',
  },
  quantity: {
    aliases: ['qty'],
    required: true,
    kind: 'decimal',
  },
  unitPrice: {
    aliases: ['price', 'sales price'],
    required: true,
    kind: 'decimal',
  },
  unitCost: {
    aliases: ['cost'],
    required: false,
    kind: 'optionalDecimal',
  },
  chargeStart: {
    // "charge start" is the app's own field name (chargeStart), so its JSON loads too.
    aliases: ['start date', 'period start', 'charge start'],
    required: true,
    kind: 'date',
  },
  chargeEnd: {
    aliases: ['end date', 'period end', 'charge end'],
    required: true,
    kind: 'date',
  },
};

export const invoiceLineColumns: readonly InvoiceLineColumn[] = invoiceLineFields.map(
  ({ field, column }) => ({ name: column, field, ...columnReading[field] }),
);

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
