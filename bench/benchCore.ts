import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BridgeResult } from '@shared/contract';
import { type Core, createCore, createMemorySecretStore, noPowerEvents } from '../electron/core';

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
  });
}

/** A channel's value, or its error thrown. */
export async function callCore(core: Core, channel: string, input?: unknown): Promise<unknown> {
  const result: BridgeResult = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}
