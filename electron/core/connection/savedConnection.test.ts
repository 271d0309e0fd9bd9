import { describe, expect, it } from 'vitest';
import { FakeClock, memorySecretStore } from '../../../tests/support/fakePorts';
import { AppError } from '../errors';
import { createAuditLog, createSystemLog } from '../logs';
import { openDatabase } from '../store';
import { type ConnectionSpec, createSavedConnection } from './savedConnection';

interface Fields {
  url: string;
  secret: string;
}
interface Identity {
  url: string;
}
interface Saved extends Identity {
  savedAt: string;
}

/** A connection to a made-up service whose probe the test controls. */
function connection(options: { probe?: (signal: AbortSignal) => Promise<void> } = {}) {
  const clock = new FakeClock(new Date('2026-11-30T10:00:00Z'));
  const db = openDatabase(':memory:');
  const secrets = memorySecretStore();
  let stored: Saved | null = null;
  let failWrite = false;
  const spec: ConnectionSpec<Fields, Identity, { name: string }, Saved> = {
    titles: {
      testPassed: 'Test passed',
      testFailed: 'Test failed',
      notSaved: 'Not saved',
      saved: 'Saved',
      removed: 'Removed',
    },
    removedWhile: { testing: 'Removed while testing.', saving: 'Removed while saving.' },
    secretName: 'token',
    secretField: 'token',
    identityOf: (fields) => ({ url: fields.url }),
    typedSecret: (fields) => fields.secret,
    sameIdentity: (a, b) => a.url === b.url,
    account: (identity) => `svc@${identity.url}`,
    secretMissing: () => 'Enter the token.',
    async probe(_identity, secret, signal) {
      await options.probe?.(signal);
      if (secret === 'wrong') throw new AppError('Authentication Error', 'The token was refused.');
      return { name: 'Service' };
    },
    deadlineMs: 30_000,
    timedOut: () => new AppError('Response Error', 'No answer.'),
    toSaved: (identity, _learnt, savedAt) => ({ ...identity, savedAt }),
    read: () => stored,
    write(saved) {
      if (failWrite) throw new Error('the settings file is read-only');
      stored = saved;
    },
    describe: (identity) => identity.url,
    describeLearnt: (identity, learnt) => `${identity.url} (${learnt.name})`,
    fieldFor: { 'Authentication Error': 'token' },
  };
  const saved = createSavedConnection(spec, {
    secrets,
    systemLog: createSystemLog(db, clock),
    audit: createAuditLog(db, clock),
    now: clock.now,
    osUserName: () => 'anna',
  });
  return {
    saved,
    secrets,
    audit: () => db.prepare('SELECT action FROM audit_log ORDER BY id').all(),
    failWrites: () => {
      failWrite = true;
    },
  };
}

describe('the shared way connections are saved and removed', () => {
  it('puts the previous secret back when the settings cannot be written', async () => {
    const { saved, secrets, failWrites } = connection();
    await saved.save({ url: 'https://a.test', secret: 'first' });
    failWrites();
    await expect(saved.save({ url: 'https://a.test', secret: 'second' })).rejects.toThrow(
      /read-only/,
    );
    expect(secrets.entries.get('svc@https://a.test')).toBe('first');
  });

  it('leaves no secret behind when the first save cannot write the settings', async () => {
    const { saved, secrets, failWrites } = connection();
    failWrites();
    await expect(saved.save({ url: 'https://a.test', secret: 'first' })).rejects.toThrow();
    expect(secrets.entries.size).toBe(0);
    expect(saved.current()).toBeNull();
  });

  it('a removal asked for while a save is still testing stores nothing', async () => {
    let testing = () => {};
    const started = new Promise<void>((resolve) => {
      testing = resolve;
    });
    const { saved, secrets, audit } = connection({
      // The service never answers; only the removal's abort ends the test.
      probe: (signal) =>
        new Promise<void>((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('aborted')));
          testing();
        }),
    });
    const saving = saved.save({ url: 'https://a.test', secret: 'token' });
    await started;
    const removing = saved.remove();
    expect(await saving).toMatchObject({ ok: false, problem: { kind: 'Cancelled' } });
    await removing;
    expect(saved.current()).toBeNull();
    expect(secrets.entries.size).toBe(0);
    expect(audit()).toEqual([{ action: 'Removed' }]);
  });

  it('a wrong secret is refused with its field, and the keychain is not touched', async () => {
    const { saved, secrets } = connection();
    expect(await saved.save({ url: 'https://a.test', secret: 'wrong' })).toMatchObject({
      ok: false,
      problem: { kind: 'Authentication Error', field: 'token' },
    });
    expect(secrets.entries.size).toBe(0);
  });

  it('moving to another site deletes the old secret once the new one is saved', async () => {
    const { saved, secrets } = connection();
    await saved.save({ url: 'https://a.test', secret: 'one' });
    await saved.save({ url: 'https://b.test', secret: 'two' });
    expect([...secrets.entries]).toEqual([['svc@https://b.test', 'two']]);
  });
});
