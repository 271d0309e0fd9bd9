/** Platform export files (CSV, XLSX, JSON) the user picks to load invoice lines from. */
import { z } from 'zod';

/** How to read an export file's values, as the user says in the load dialog (docs/import-format.md). */
export const FileReadingOptions = z
  .object({
    dateOrder: z.enum(['iso', 'day-first']).optional(),
    decimalMark: z.enum(['.', ',', 'auto']).optional(),
    thousandsSeparator: z.enum([',', '.', ' ', "'"]).nullable().optional(),
    encoding: z.enum(['utf-8', 'windows-1252', 'auto']).optional(),
    delimiter: z.enum([',', ';', '\t', 'auto']).optional(),
  })
  .strict();
export type FileReadingOptions = z.infer<typeof FileReadingOptions>;

export const ChosenExportFile = z.object({
  fileId: z.string(),
  name: z.string(),
  size: z.number().int(),
});
export type ChosenExportFile = z.infer<typeof ChosenExportFile>;

export const exportFileChannels = {
  /** Electron: a native "open file" dialog for an export file. The preview uploads instead. */
  'exportFile.pick': { input: z.undefined(), output: ChosenExportFile.nullable() },
} as const;
