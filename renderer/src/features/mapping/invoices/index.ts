export { InvoicesTab } from './InvoicesTab';
export { showFailedLines } from './invoiceGridStore';
