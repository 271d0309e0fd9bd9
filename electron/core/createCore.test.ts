import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { fakePorts, memorySettingsFile, temporaryDirectory } from '../../tests/support/fakePorts';
import { createCore } from './createCore';

describe('createCore', () => {
  it('opens the database in the user-data folder and logs its start', async () => {
    const dir = temporaryDirectory();
    const databasePath = join(dir, 'data.sqlite');
    const core = createCore(fakePorts({ databasePath, appVersion: '1.2.3' }));
    await core.close();
    expect(existsSync(databasePath)).toBe(true);
    const db = new DatabaseSync(databasePath);
    expect(db.prepare('SELECT level, title, details FROM system_log').all()).toEqual([
      { level: 'info', title: 'Application started', details: 'Version 1.2.3 (preview)' },
    ]);
    db.close();
  });

  it('reports status and info through the router', async () => {
    const core = createCore(fakePorts({ appVersion: '1.2.3', runtime: 'electron' }));
    expect(await core.dispatch('app.info', undefined)).toEqual({
      ok: true,
      value: { appVersion: '1.2.3', runtime: 'electron', demo: null },
    });
    const status = await core.dispatch('app.status', undefined);
    expect(status.ok && status.value).toMatchObject({
      connectwiseConnection: 'none',
      agreementTypeSaved: false,
    });
    await core.close();
  });

  it('opens only pages of the saved ConnectWise site', async () => {
    const ports = fakePorts({
      settingsFile: memorySettingsFile({
        schemaVersion: 1,
        connection: {
          siteUrl: 'https://eu.myconnectwise.net',
          companyId: 'acme',
          publicKey: 'pub',
          savedAt: '2026-11-01T00:00:00.000Z',
        },
        everConnected: true,
        agreementType: null,
      }),
    });
    const core = createCore(ports);
    const refused = await core.dispatch('externalLinks.open', { url: 'https://evil.test/' });
    expect(refused.ok === false && refused.error.kind).toBe('Not Allowed');
    const opened = await core.dispatch('externalLinks.open', {
      url: 'https://eu.myconnectwise.net/x',
    });
    expect(opened).toEqual({ ok: true, value: { opened: true } });
    expect(ports.opened).toEqual(['https://eu.myconnectwise.net/x']);
    await core.close();
  });
});

describe('closing the core', () => {
  it('refuses requests once closing has begun', async () => {
    const core = createCore(fakePorts());
    const closing = core.close();
    expect(await core.dispatch('app.info', undefined)).toEqual({
      ok: false,
      error: { kind: 'Not Available', message: 'The app is closing.' },
    });
    await closing;
  });
});
