// `npm run bench`: bundles bench/index.ts (and what it imports) and runs it in this Node.
import { build } from 'esbuild';

await build({
  entryPoints: ['bench/index.ts'],
  outfile: 'dist/bench/index.mjs',
  bundle: true,
  platform: 'node',
  tsconfig: 'tsconfig.node.json',
  target: 'node24',
  format: 'esm',
  external: ['keytar'],
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
await import(new URL('../dist/bench/index.mjs', import.meta.url).href);
