// Builds everything the two shells run into dist/:
//   dist/renderer  the React app (Vite)
//   dist/main      Electron main process, ESM (electron-store and conf are ESM-only)
//   dist/preload   one CommonJS file: a sandboxed preload cannot be an ES module
//   dist/worker    the export-file reader's worker thread, loaded by main, host and demo
//   dist/host      the preview host (core in plain Node)
//   dist/demo      `npm run demo`: the preview host with both simulators and made-up data
//   dist/sandbox   the ConnectWise Manage simulator CLI (`npm run sandbox`) and the Platform API
//                  simulator CLI (`npm run sandbox:platform`)
//   dist/resources icons the shells load at run time
import { cp, mkdir, rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { buildExportFileWorker } from './exportFileWorkerBuild.mjs';

await rm('dist', { recursive: true, force: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  // Its `paths` give the `@shared/…` import alias.
  tsconfig: 'tsconfig.node.json',
};
// Bundled CommonJS dependencies call require(); give the ESM bundles a real one.
const requireShim = {
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

await Promise.all([
  buildExportFileWorker('dist/worker/exportFile.mjs'),
  viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
  build({
    ...node,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/main/index.mjs',
    format: 'esm',
    external: ['electron', 'keytar'],
    banner: requireShim,
  }),
  build({
    ...node,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/preload/index.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
  build({
    ...node,
    entryPoints: ['electron/host/index.ts'],
    outfile: 'dist/host/index.mjs',
    format: 'esm',
    external: ['keytar'],
    banner: requireShim,
  }),
  build({
    ...node,
    entryPoints: ['electron/sandbox/connectwise/cli.ts'],
    outfile: 'dist/sandbox/connectwise.mjs',
    format: 'esm',
    external: ['keytar'],
    banner: requireShim,
  }),
  build({
    ...node,
    entryPoints: ['electron/demo/index.ts'],
    outfile: 'dist/demo/index.mjs',
    format: 'esm',
    external: ['keytar'],
    banner: requireShim,
  }),
  build({
    ...node,
    entryPoints: ['electron/sandbox/platform/cli.ts'],
    outfile: 'dist/sandbox/platform.mjs',
    format: 'esm',
    external: ['keytar'],
    banner: requireShim,
  }),
]);

await mkdir('dist/resources', { recursive: true });
for (const icon of ['icon.png', 'tray-idle.png', 'tray-syncing.png', 'tray-error.png']) {
  await cp(`resources/${icon}`, `dist/resources/${icon}`);
}
await cp('resources/icon.png', 'dist/renderer/icon.png');
console.log('Built dist/ (renderer, main, preload, worker, host, demo, sandbox).');
