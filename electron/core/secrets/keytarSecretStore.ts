import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { SecretStore } from '../ports';

/** The part of keytar the app uses; both shells pass the real module. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Secrets live in the OS keychain under one service name, one account per connection. */
export function createKeytarSecretStore(keytar: KeytarLike, service: string): SecretStore {
  return {
    get: (account) => keytar.getPassword(service, account),
    set: (account, secret) => keytar.setPassword(service, account, secret),
    delete: (account) => keytar.deletePassword(service, account),
  };
}

export const keychainServiceName = 'cw-billing-sync';

/**
 * The keychain service of one profile. The usual profile uses the plain name; another data
 * folder (`CWBS_USER_DATA_DIR`) gets a name of its own, so a Disconnect in one profile never
 * deletes the other's key.
 */
export function keychainServiceFor(separateDataFolder: string | undefined): string {
  if (!separateDataFolder) return keychainServiceName;
  const folder = resolve(separateDataFolder);
  return `${keychainServiceName}-${createHash('sha256').update(folder).digest('hex').slice(0, 12)}`;
}

/**
 * Secrets kept in memory for as long as the process runs: the demo's made-up keys, benchmarks
 * and tests. Never for a real key, which lives only in the OS keychain.
 */
export function createMemorySecretStore(): SecretStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (account) => entries.get(account) ?? null,
    set: async (account, secret) => {
      entries.set(account, secret);
    },
    delete: async (account) => entries.delete(account),
  };
}
