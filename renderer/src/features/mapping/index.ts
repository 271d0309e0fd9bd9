export { showFailedLines } from './invoices';
export { MappingPage } from './MappingPage';
