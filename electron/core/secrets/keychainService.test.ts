import { describe, expect, it } from 'vitest';
import { keychainServiceFor, keychainServiceName } from './keytarSecretStore';

describe('one keychain service per profile', () => {
  it('keeps the usual name for the usual profile and a name of its own for another data folder', () => {
    expect(keychainServiceFor(undefined)).toBe(keychainServiceName);
    const first = keychainServiceFor('/home/anna/billing-test');
    const second = keychainServiceFor('/home/anna/billing-live');
    expect(first).toMatch(/^cw-billing-sync-[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
    expect(keychainServiceFor('/home/anna/billing-test/')).toBe(first);
  });
});
