/** vitest's global setup: the export-file worker is bundled once before the tests run. */
import { fileURLToPath } from 'node:url';
import {
  buildExportFileWorker,
  devExportFileWorker,
} from '../../scripts/exportFileWorkerBuild.mjs';

export { devExportFileWorker as testExportFileWorker };

export default async function setup(): Promise<void> {
  await buildExportFileWorker(fileURLToPath(devExportFileWorker), { shared: true });
}
