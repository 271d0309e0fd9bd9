import { readFileSync } from 'node:fs';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * What `npm run dist` packs, read from electron-builder.yml as electron-builder reads its
 * `files`: a path is packed when an include pattern matches it and no later "!" pattern does.
 */
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as {
  files: string[];
  asar?: boolean;
  electronFuses?: Record<string, boolean>;
};

function packed(path: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    if (pattern.startsWith('!')) {
      if (minimatch(path, pattern.slice(1), { dot: true })) included = false;
    } else if (minimatch(path, pattern, { dot: true })) {
      included = true;
    }
  }
  return included;
}

describe('the packaged app', () => {
  it('carries the Electron shell, the export-file worker, the renderer and its icons', () => {
    for (const path of [
      'dist/main/index.mjs',
      'dist/preload/index.cjs',
      'dist/worker/exportFile.mjs',
      'dist/renderer/index.html',
      'dist/resources/tray-idle.png',
      'package.json',
    ]) {
      expect(packed(path), path).toBe(true);
    }
  });

  it('ships neither the simulators, the demo, the preview host, source maps nor test code', () => {
    for (const path of [
      'dist/sandbox/connectwise.mjs',
      'dist/sandbox/platform.mjs',
      'dist/demo/index.mjs',
      'dist/host/index.mjs',
      'dist/main/index.mjs.map',
      'electron/sandbox/connectwise/index.ts',
      'tests/e2e/demo.spec.ts',
      'tests/fixtures/platform-export.csv',
    ]) {
      expect(packed(path), path).toBe(false);
    }
  });
});

describe('the Electron fuses of the packaged binary', () => {
  it('turn off running as Node, NODE_OPTIONS and --inspect; turn on asar-only and integrity', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // Loading only from app.asar needs the archive.
    expect(config.asar).not.toBe(false);
  });
});
