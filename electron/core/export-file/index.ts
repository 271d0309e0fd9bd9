/** Export-file import: the CSV / XLSX / JSON invoice-line reader, and the files the user chose. */
import type { exportFileChannels } from '@shared/contract';
import { AppError } from '../errors';
import type { HandlersFor } from '../router';
import type { FileInbox } from './fileInbox';

export { createFileInbox, type FileInbox, type InboxFile, maxExportFileBytes } from './fileInbox';
export { canonicalColumns } from './invoiceLineColumns';
export {
  createIsolatedReading,
  type IsolatedReadingSettings,
  type ReadExportFile,
} from './isolatedReading';
export {
  type ExportFileEvent,
  type ExportFileFormat,
  type ExportFileInput,
  type ExportFileOptions,
  readExportFile,
  readWholeExportFile,
} from './readExportFile';

export function exportFileHandlers(deps: {
  files: FileInbox;
  /** Electron's native "open file" dialog; absent in the preview, which uploads instead. */
  pickExportFile: (() => Promise<string | null>) | undefined;
}): HandlersFor<typeof exportFileChannels> {
  return {
    'exportFile.pick': async () => {
      if (!deps.pickExportFile) {
        throw new AppError(
          'Not Available',
          'Choose the file with the file field: this window cannot open a dialog.',
        );
      }
      const path = await deps.pickExportFile();
      return path ? deps.files.register(path) : null;
    },
  };
}
