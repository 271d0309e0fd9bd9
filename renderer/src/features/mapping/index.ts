export { monthLabel, showInvoiceLines } from './invoices';
export { MappingPage } from './MappingPage';
