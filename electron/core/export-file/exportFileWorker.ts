/**
 * The worker thread an export file is read in (see isolatedReading.ts): a file that exhausts
 * this thread's memory ends this thread, not the app. It reads the file and posts its events to
 * the parent in batches, waiting for the parent to take them so a fast reader never piles lines
 * up in the parent's memory. Cancelled, it stops reading and closes the file before it exits.
 */
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { type ExportFileEvent, readExportFile } from './readExportFile';
import type { ParentMessage, WorkerReply, WorkerTask } from './workerMessages';

const batchSize = 500;
/** Batches posted and not yet taken: enough to keep the parent busy, few enough to bound memory. */
const batchesAhead = 4;

const port = parentPort;
if (!port) throw new Error('exportFileWorker runs only as a worker thread.');
const task = workerData as WorkerTask;

let unacknowledged = 0;
// The parent sends 'taken' for each batch it has taken, and 'cancel' to stop: the reading then
// ends the way any cancelled reading does, closing the file, and the thread exits.
const cancel = new AbortController();
port.on('message', (message: ParentMessage) => {
  if (message === 'cancel') cancel.abort(new Error('Cancelled'));
  else unacknowledged -= 1;
});

async function post(reply: WorkerReply): Promise<void> {
  port?.postMessage(reply);
  if (reply.kind !== 'events') return;
  unacknowledged += 1;
  while (port && unacknowledged >= batchesAhead && !cancel.signal.aborted) {
    await once(port, 'message');
  }
}

try {
  let batch: ExportFileEvent[] = [];
  for await (const event of readExportFile(task.input, {
    ...task.options,
    signal: cancel.signal,
  })) {
    batch.push(event);
    if (batch.length >= batchSize || event.kind === 'progress') {
      await post({ kind: 'events', json: JSON.stringify(batch) });
      batch = [];
    }
  }
  if (batch.length > 0) await post({ kind: 'events', json: JSON.stringify(batch) });
  await post({ kind: 'end' });
} catch (error) {
  if (!cancel.signal.aborted) {
    await post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
} finally {
  port.close();
}
