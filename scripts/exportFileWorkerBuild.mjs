// The export-file reader's worker thread (electron/core/export-file/exportFileWorker.ts) is a
// bundle of its own, loaded with `new Worker(url)`: the shells find it at dist/worker/, the
// tests and the bench at devExportFileWorker, built once per run.
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const devExportFileWorker = new URL(
  '../node_modules/.cache/cw-billing-sync/exportFileWorker.mjs',
  import.meta.url,
);

/**
 * Bundles the worker, with its dependencies, as an ES module at `outfile` and the chunks it
 * loads only when needed (exceljs, for an XLSX) in `chunks/` beside it: a CSV load then starts
 * the thread in about 85 ms instead of 135, the time it took to compile all of exceljs.
 * `shared: true` for files several test runs may build at once: they are written aside and
 * renamed, the entry last (chunk names are their contents' hashes).
 */
export async function buildExportFileWorker(outfile, { shared = false } = {}) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outdir = dirname(outfile);
  // Beside the folder, at its depth: the source maps' relative paths stay right after the move.
  const written = shared ? `${outdir}.partial-${process.pid}` : outdir;
  const entryName = basename(outfile, '.mjs');
  try {
    await build({
      absWorkingDir: root,
      entryPoints: { [entryName]: 'electron/core/export-file/exportFileWorker.ts' },
      outdir: written,
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      target: 'node24',
      format: 'esm',
      sourcemap: 'linked',
      logLevel: 'warning',
      legalComments: 'none',
      minify: true,
      tsconfig: 'tsconfig.node.json',
      // Bundled CommonJS dependencies (exceljs) call require().
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    });
    if (!shared) return;
    await mkdir(join(outdir, 'chunks'), { recursive: true });
    for (const chunk of await readdir(join(written, 'chunks')).catch(() => [])) {
      await rename(join(written, 'chunks', chunk), join(outdir, 'chunks', chunk));
    }
    await rename(join(written, `${basename(outfile)}.map`), `${outfile}.map`);
    await rename(join(written, basename(outfile)), outfile);
  } finally {
    if (shared) await rm(written, { recursive: true, force: true });
  }
}
