/** Export-file import: the door of the CSV / XLSX / JSON invoice-line reader. */

export { canonicalColumns } from './invoiceLineColumns';
export {
  type ExportFileEvent,
  type ExportFileFormat,
  type ExportFileInput,
  type ExportFileOptions,
  readExportFile,
  readWholeExportFile,
} from './readExportFile';
