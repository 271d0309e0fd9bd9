import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CorePorts,
  createMemorySecretStore,
  noPowerEvents,
  type PowerEvents,
  type SettingsFile,
} from '../../electron/core';
import { testExportFileWorker } from './exportFileWorker';

export function temporaryDirectory(prefix = 'cwbs-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function memorySettingsFile(initial: Record<string, unknown> = {}): SettingsFile & {
  written: Record<string, unknown>[];
} {
  let value: Record<string, unknown> = initial;
  const written: Record<string, unknown>[] = [];
  return {
    written,
    read: () => value,
    write: (next) => {
      value = structuredClone(next);
      written.push(value);
    },
  };
}

/** The core's in-memory secret store, under the name the tests have always used. */
export const memorySecretStore = createMemorySecretStore;

export class FakeClock {
  constructor(private current: Date) {}
  now = () => new Date(this.current.getTime());
  set(at: Date | string) {
    this.current = new Date(at);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A machine a test can wake up. */
export class FakePower implements PowerEvents {
  private listeners = new Set<() => void>();
  onResume(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  wake(): void {
    for (const listener of this.listeners) listener();
  }
}

export const silentLogger = { info() {}, warn() {}, error() {} };

export function fakePorts(overrides: Partial<CorePorts> = {}): CorePorts & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    settingsFile: memorySettingsFile(),
    secrets: memorySecretStore(),
    databasePath: ':memory:',
    clock: new FakeClock(new Date('2026-11-25T12:00:00Z')),
    logger: silentLogger,
    notifier: { notify() {} },
    power: noPowerEvents,
    openExternal: async (url) => {
      opened.push(url);
    },
    osUserName: () => 'tester',
    appVersion: '0.0.0-test',
    runtime: 'preview',
    exportFileWorker: testExportFileWorker,
    ...overrides,
  };
}
