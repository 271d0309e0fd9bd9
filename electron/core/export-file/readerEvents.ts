import type { ImportProblem, PlatformInvoiceLine } from '@shared/platformInvoiceLine';
import type { DecimalMark } from './decimalText';
import type { InvoiceLineBuilder } from './invoiceLineBuilder';

/** What a format reader reports, in file order: the lines it read and the problems it found. */
export type ReaderEvent =
  | { kind: 'line'; row: number; line: PlatformInvoiceLine }
  | { kind: 'problem'; problem: ImportProblem };

/** Makes the row builder once the reader knows the file's likely decimal mark (from its layout). */
export type CreateLineBuilder = (likelyDecimalMark: DecimalMark | null) => InvoiceLineBuilder;

export const noInvoiceLines = 'The file has no invoice lines.';

export function fileProblem(reason: string, row = 0): ReaderEvent {
  return { kind: 'problem', problem: { row, column: null, value: null, reason } };
}
