import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BridgeResult } from '@shared/contract';
import { type Core, createCore, createMemorySecretStore, noPowerEvents } from '../electron/core';

/** Built and named by scripts/run-bundled.mjs, which `npm run bench` runs through. */
function benchExportFileWorker(): URL {
  const href = process.env.CWBS_EXPORT_FILE_WORKER;
  if (!href)
    throw new Error('Run the bench with `npm run bench`: it builds the export-file worker.');
  return new URL(href);
}

/** A core on a fresh database, with settings and secrets in memory: what every bench runs on. */
export function benchCore(
  now: () => Date = () => new Date(),
  databasePath = join(mkdtempSync(join(tmpdir(), 'cwbs-bench-')), 'data.sqlite'),
): Core {
  let settings: Record<string, unknown> = {};
  return createCore({
    settingsFile: {
      read: () => settings,
      write: (value) => {
        settings = value;
      },
    },
    secrets: createMemorySecretStore(),
    databasePath,
    clock: { now },
    logger: { info() {}, warn() {}, error() {} },
    notifier: { notify() {} },
    power: noPowerEvents,
    openExternal: async () => {},
    osUserName: () => 'bench',
    appVersion: 'bench',
    runtime: 'preview',
    exportFileWorker: benchExportFileWorker(),
  });
}

/** A channel's value, or its error thrown. */
export async function callCore(core: Core, channel: string, input?: unknown): Promise<unknown> {
  const result: BridgeResult = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}
