// The export-file reader's worker thread (electron/core/export-file/exportFileWorker.ts) is a
// bundle of its own, loaded with `new Worker(url)`: the shells find it at dist/worker/, the
// tests and the bench at devExportFileWorker, built once per run.
import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const devExportFileWorker = new URL(
  '../node_modules/.cache/cw-billing-sync/exportFileWorker.mjs',
  import.meta.url,
);

/**
 * Bundles the worker, with its dependencies, into one ES module at `outfile` (with a linked
 * source map). `shared: true` for a file several test runs may build at once: it is written
 * aside and renamed, so each sees a whole file, and its source map is inline.
 */
export async function buildExportFileWorker(outfile, { shared = false } = {}) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  await mkdir(dirname(outfile), { recursive: true });
  const written = shared ? `${outfile}.${process.pid}.partial` : outfile;
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/core/export-file/exportFileWorker.ts'],
    outfile: written,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    sourcemap: shared ? 'inline' : 'linked',
    logLevel: 'warning',
    legalComments: 'none',
    minify: true,
    tsconfig: 'tsconfig.node.json',
    // Bundled CommonJS dependencies (exceljs) call require().
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  if (shared) await rename(written, outfile);
}
