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
