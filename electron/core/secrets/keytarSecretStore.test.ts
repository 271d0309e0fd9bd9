import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from './keytarSecretStore';

// Runs against the OS keychain itself (gnome-keyring in CI, started by
// scripts/with-session-keyring.sh), and checks the result with secret-tool, not our own code.
describe('keychain secret store', () => {
  it('stores, reads and deletes a secret in the OS keychain', async () => {
    const service = `cw-billing-sync-test-${randomUUID()}`;
    const store = createKeytarSecretStore(keytar, service);
    const account = 'acme@https://staging.connectwisedev.com';
    const secret = `key-${randomUUID()}`;

    await store.set(account, secret);
    expect(await store.get(account)).toBe(secret);
    expect(lookUpWithSecretTool(service, account)).toBe(secret);

    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
    expect(lookUpWithSecretTool(service, account)).toBe('');
  });
});

function lookUpWithSecretTool(service: string, account: string): string {
  try {
    return execFileSync('secret-tool', ['lookup', 'service', service, 'account', account], {
      encoding: 'utf8',
    });
  } catch {
    return ''; // secret-tool exits 1 when nothing matches
  }
}
