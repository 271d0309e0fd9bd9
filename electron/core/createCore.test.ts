import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('a damaged database file', () => {
  it('is kept aside, the app starts with a new one, and says what was kept where', async () => {
    const folder = temporaryDirectory();
    const databasePath = join(folder, 'data.sqlite');
    writeFileSync(databasePath, 'this is not a SQLite database, but it was one once'.repeat(100));
    const notified: string[] = [];
    const core = createCore(
      fakePorts({ databasePath, notifier: { notify: (title) => notified.push(title) } }),
    );
    try {
      const page = await core.dispatch('logs.page', { offset: 0, limit: 10, level: 'error' });
      expect(page).toMatchObject({
        ok: true,
        value: { rows: [{ title: 'The database was damaged' }] },
      });
      const kept = readdirSync(folder).filter((name) => name.startsWith('data.sqlite.damaged-'));
      expect(kept).toHaveLength(1);
      expect(readFileSync(join(folder, kept[0] ?? ''), 'utf8')).toMatch(/^this is not a SQLite/);
      expect(notified).toEqual(['The database was damaged']);
      expect((await core.dispatch('app.status', undefined)).ok).toBe(true);
    } finally {
      await core.close();
    }
    // Opened again, the new file is healthy: nothing more is set aside.
    const again = createCore(fakePorts({ databasePath }));
    await again.close();
    expect(readdirSync(folder).filter((name) => name.includes('damaged'))).toHaveLength(1);
  });
});
