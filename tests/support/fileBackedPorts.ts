import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SecretStore, SettingsFile } from '../../electron/core';

/**
 * Settings and keychain kept in JSON files, so a core in another process (a test's child, killed
 * and started again) finds the connection and configuration the test saved. Test-only: the
 * secrets are written in plain text.
 */
function readJson(path: string): Record<string, unknown> {
  return existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)
    : {};
}

function writeJson(path: string, value: Record<string, unknown>): void {
  // Written aside, then renamed: a kill mid-write leaves the old file whole.
  writeFileSync(`${path}.tmp`, JSON.stringify(value));
  renameSync(`${path}.tmp`, path);
}

export function jsonSettingsFile(path: string): SettingsFile {
  return { read: () => readJson(path), write: (value) => writeJson(path, value) };
}

export function jsonSecretStore(path: string): SecretStore {
  return {
    get: async (account) => {
      const secret = readJson(path)[account];
      return typeof secret === 'string' ? secret : null;
    },
    set: async (account, secret) => writeJson(path, { ...readJson(path), [account]: secret }),
    delete: async (account) => {
      const entries = readJson(path);
      if (!(account in entries)) return false;
      delete entries[account];
      writeJson(path, entries);
      return true;
    },
  };
}
