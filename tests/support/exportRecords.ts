import {
  type InvoiceLineColumnName,
  invoiceLineFields,
  type PlatformInvoiceLine,
} from '@shared/platformInvoiceLine';
import { stringify } from 'csv-stringify/sync';

/** The canonical export headers, in their documented order. */
export const canonicalHeaders: InvoiceLineColumnName[] = invoiceLineFields.map(
  ({ column }) => column,
);

/** One ordinary export-file record, by canonical header: tests change what they look at. */
export const typicalRecord: Record<InvoiceLineColumnName, string> = {
  line_id: 'L1',
  invoice_id: 'INV-1',
  invoice_date: '2026-01-31',
  organization_id: 'ORG-1',
  organization_name: 'Contoso Ltd',
  contract_id: 'CTR-1',
  currency: 'EUR',
  subscription_id: 'SUB-1',
  subscription_name: 'Microsoft 365 E3',
  offer_id: 'CFQ7TTC0LFLX',
  offer_name: 'Microsoft 365 E3',
  vendor: 'Microsoft',
  charge_type: 'Cycle Fee',
  billing_cycle: 'Monthly',
  quantity: '1',
  unit_price: '12.50',
  unit_cost: '10',
  charge_start_date: '2026-01-01',
  charge_end_date: '2026-01-31',
};

/** One ordinary invoice line of a month (`YYYY-MM`), with some values changed. */
export function typicalLine(
  lineId: string,
  month: string,
  values: Partial<PlatformInvoiceLine> = {},
): PlatformInvoiceLine {
  return {
    lineId,
    invoiceId: 'INV-1',
    invoiceDate: `${month}-01`,
    organizationId: 'ORG-1',
    organizationName: 'Contoso Ltd',
    contractId: 'CTR-1',
    currency: 'EUR',
    subscriptionId: 'SUB-1',
    subscriptionName: 'Microsoft 365 E3',
    offerId: 'OF-1',
    offerName: 'Microsoft 365 E3 (Monthly)',
    vendor: 'Microsoft',
    chargeType: 'Cycle Fee',
    billingCycle: 'Monthly',
    quantity: '1',
    unitPrice: '10.00',
    unitCost: null,
    chargeStart: `${month}-01`,
    chargeEnd: `${month}-28`,
    ...values,
  };
}

/** The typical record with some values changed, as one CSV row under the canonical headers. */
export function typicalRow(
  changes: Partial<Record<InvoiceLineColumnName, string>> = {},
  delimiter = ',',
): string {
  return canonicalHeaders
    .map((column) => ({ ...typicalRecord, ...changes })[column])
    .join(delimiter);
}

/** Invoice lines as a Platform CSV export: the canonical header, then one record per line. */
export function exportCsv(lines: readonly PlatformInvoiceLine[]): string {
  const records = lines.map((line) => invoiceLineFields.map(({ field }) => line[field] ?? ''));
  return stringify([canonicalHeaders, ...records]);
}
