export { InvoicesTab } from './InvoicesTab';
