/**
 * Reads an export file in a worker thread of its own, with a bounded heap, so a file built to
 * exhaust memory ends that thread and is refused, while the app, the tray and the nightly run go
 * on. Cancelling stops the reading at once; the thread then closes the file and exits (or is
 * ended a second later).
 */
import { Worker } from 'node:worker_threads';
import { createHandoffQueue } from './handoffQueue';
import type { ExportFileEvent, ExportFileOptions } from './readExportFile';
import type { ParentMessage, WorkerReply, WorkerTask } from './workerMessages';

export interface IsolatedReadingSettings {
  /** The bundled worker entry, `exportFileWorker.ts` built (dist/worker/exportFile.mjs). */
  workerScript: URL;
  /** The reading thread's heap. Default 512 MB: a real export needs a small part of it. */
  heapMb?: number;
}

export type ReadExportFile = (
  input: { path: string; name: string },
  options: ExportFileOptions,
) => AsyncGenerator<ExportFileEvent>;

const stopGraceMs = 1000;

export const memoryRefusal =
  'The file is too large or damaged: reading it needs more memory than any invoice export.';

type Next =
  | WorkerReply
  | { kind: 'out of memory' }
  | { kind: 'stopped'; detail: string }
  | { kind: 'aborted' };

export function createIsolatedReading(settings: IsolatedReadingSettings): ReadExportFile {
  return async function* readExportFileIsolated(input, options) {
    const { signal, ...workerOptions } = options;
    signal?.throwIfAborted();
    const task: WorkerTask = { input, options: workerOptions };
    const worker = new Worker(settings.workerScript, {
      workerData: task,
      // A 16 MB young generation: at 8 the thread spent a fifth of its time collecting; above
      // 16 a 100,000-line import peaks higher for no speed gained (`npm run bench`).
      resourceLimits: {
        maxOldGenerationSizeMb: settings.heapMb ?? 512,
        maxYoungGenerationSizeMb: 16,
      },
    });

    const queue = createHandoffQueue<Next>();
    worker.on('message', (reply: WorkerReply) => queue.push(reply));
    worker.on('error', (error: Error & { code?: string }) =>
      queue.push(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { kind: 'out of memory' }
          : { kind: 'stopped', detail: error.message },
      ),
    );
    worker.on('exit', () => queue.push({ kind: 'stopped', detail: 'the reading thread ended' }));
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const tell = (message: ParentMessage) => worker.postMessage(message);
    const onAbort = () => {
      tell('cancel');
      queue.push({ kind: 'aborted' });
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    try {
      for (;;) {
        const next = await queue.take();
        if (signal?.aborted || next.kind === 'aborted') throw signal?.reason;
        if (next.kind === 'end') return;
        if (next.kind === 'out of memory') {
          yield {
            kind: 'problem',
            problem: { row: 0, column: null, value: null, reason: memoryRefusal },
          };
          return;
        }
        if (next.kind === 'failed' || next.kind === 'stopped') {
          throw new Error(
            `Reading the file failed: ${next.kind === 'failed' ? next.message : next.detail}.`,
          );
        }
        for (const event of JSON.parse(next.json) as ExportFileEvent[]) {
          yield event;
          signal?.throwIfAborted();
        }
        tell('taken');
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      // Asked to stop, the thread closes the file itself (so an upload can be deleted at once,
      // on Windows too); one that does not within a second is ended.
      tell('cancel');
      const stopping = setTimeout(() => void worker.terminate(), stopGraceMs);
      await exited;
      clearTimeout(stopping);
    }
  };
}
