import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a test's child-process entry (a core run the test then kills) into one ES module that
 * plain Node runs, keytar left to `require`.
 */
export async function bundleChildScript(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    tsconfig: join(import.meta.dirname, '../../tsconfig.node.json'),
    external: ['keytar'],
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  return outfile;
}
