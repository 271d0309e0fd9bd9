export { InvoicesTab } from './InvoicesTab';
export { showInvoiceLines } from './invoiceGridStore';
export { monthLabel } from './LoadInvoicesDialog';
