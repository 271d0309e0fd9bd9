// Runs a script that imports the project's TypeScript (and its `@shared/…` aliases): bundles it
// with esbuild into dist/scripts/, then runs it in this Node with the remaining arguments. The
// export-file worker is built too, and named in CWBS_EXPORT_FILE_WORKER for a core to load.
//   node scripts/run-bundled.mjs bench/index.ts
//   node scripts/run-bundled.mjs scripts/make-import-fixtures.mjs
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildExportFileWorker, devExportFileWorker } from './exportFileWorkerBuild.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error('usage: node scripts/run-bundled.mjs <entry> [args…]');
const outfile = resolve('dist/scripts', `${basename(entry, extname(entry))}.mjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  tsconfig: 'tsconfig.node.json',
  target: 'node24',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
await buildExportFileWorker(fileURLToPath(devExportFileWorker), { shared: true });
process.env.CWBS_EXPORT_FILE_WORKER = devExportFileWorker.href;
process.argv = [process.argv[0] ?? 'node', outfile, ...args];
await import(pathToFileURL(outfile).href);
