export { type LineSourceEvent, type LoadRequest, loadInvoiceLines } from './invoiceLoader';
export {
  currentAndPreviousPeriods,
  keptMonths,
  oldestKeptPeriod,
  periodBounds,
  periodOf,
} from './invoicePeriods';
export { invoiceLineRow } from './invoiceRows';
export {
  createInvoiceStore,
  type InvoiceStore,
  type PeriodLoadSummary,
  type StoredLine,
} from './invoiceStore';
export { createInvoices, type Invoices } from './invoices';
