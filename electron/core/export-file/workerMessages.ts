import type { ExportFileEvent, ExportFileOptions } from './readExportFile';

/** What the worker is given: the file, and the reading options less the signal (a cancel ends the thread). */
export interface WorkerTask {
  input: { path: string; name: string };
  options: Omit<ExportFileOptions, 'signal'>;
}

/** What the worker posts back; the parent answers each `events` batch when it has taken it. */
export type WorkerReply =
  | { kind: 'events'; events: ExportFileEvent[] }
  | { kind: 'end' }
  | { kind: 'failed'; message: string };
