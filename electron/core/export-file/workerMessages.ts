import type { ExportFileOptions } from './readExportFile';

/** What the worker is given: the file, and the reading options less the signal (cancel is a message). */
export interface WorkerTask {
  input: { path: string; name: string };
  options: Omit<ExportFileOptions, 'signal'>;
}

/**
 * What the worker posts back; the parent answers each `events` batch when it has taken it. A
 * batch travels as JSON text: for arrays of plain lines that is several times cheaper than the
 * structured clone of the objects, on the reading thread that sets the pace.
 */
export type WorkerReply =
  | { kind: 'events'; json: string }
  | { kind: 'end' }
  | { kind: 'failed'; message: string };

/** What the parent sends: a batch taken, or stop reading. */
export type ParentMessage = 'taken' | 'cancel';
