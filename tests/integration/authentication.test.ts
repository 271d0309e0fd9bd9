import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { AppStatus, BridgeResult, EventName } from '@shared/contract';
import { saveFailedMessage } from '@shared/contract';
import Conf from 'conf';
import keytar from 'keytar';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type Core,
  createCore,
  createKeytarSecretStore,
  noPowerEvents,
  settingsFileFromConf,
  systemClock,
} from '../../electron/core';
import {
  type ConnectWiseSimulator,
  startConnectWiseSimulator,
} from '../../electron/sandbox/connectwise';
import { minimalConfiguration } from '../support/configurationInput';
import { testExportFileWorker } from '../support/exportFileWorker';
import { temporaryDirectory } from '../support/fakePorts';

// Settings › Authentication through the core's router — exactly what both bridges call — with
// a real settings file, a real SQLite file, the real OS keychain and the simulator.
const marker = `PRIVATE-KEY-MARKER-${randomUUID()}`;
const keychainService = `cw-billing-sync-test-${randomUUID()}`;
let sim: ConnectWiseSimulator;
let core: Core;
let dataDir: string;
const responses: string[] = [];
const logLines: string[] = [];
const events: Array<{ name: EventName; payload: unknown }> = [];

async function call(channel: string, input?: unknown): Promise<BridgeResult> {
  const result = await core.dispatch(channel, input);
  responses.push(JSON.stringify(result));
  return result;
}

async function value<T>(channel: string, input?: unknown): Promise<T> {
  const result = await call(channel, input);
  if (!result.ok)
    throw new Error(`${channel} failed: ${result.error.kind}: ${result.error.message}`);
  return result.value as T;
}

function fields(overrides: Record<string, string> = {}) {
  return {
    siteUrl: sim.siteUrl,
    companyId: sim.credentials.companyId,
    publicKey: sim.credentials.publicKey,
    privateKey: marker,
    ...overrides,
  };
}

function keychainLookup(account: string): string {
  try {
    return execFileSync('secret-tool', ['lookup', 'service', keychainService, 'account', account], {
      encoding: 'utf8',
    });
  } catch {
    return '';
  }
}

function account() {
  return `${sim.credentials.companyId}@${sim.siteUrl}`;
}

/** An Agreement Type lifts the gating, so Mapping may sync. */
async function configure(): Promise<void> {
  await value('configuration.save', minimalConfiguration(sim));
}

function table(sql: string): unknown[] {
  const db = new DatabaseSync(join(dataDir, 'data.sqlite'));
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  sim = await startConnectWiseSimulator({
    seed: 3,
    companies: 5000,
    credentials: { privateKey: marker },
  });
  dataDir = temporaryDirectory();
  const log = (level: string) => (message: string, meta?: Record<string, unknown>) =>
    logLines.push(`${level} ${message} ${JSON.stringify(meta ?? {})}`);
  core = createCore({
    settingsFile: settingsFileFromConf(new Conf({ cwd: dataDir, configName: 'settings' })),
    secrets: createKeytarSecretStore(keytar, keychainService),
    databasePath: join(dataDir, 'data.sqlite'),
    clock: systemClock,
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
    notifier: { notify: () => {} },
    power: noPowerEvents,
    openExternal: async () => {},
    osUserName: () => 'billing.clerk',
    appVersion: '0.0.0-test',
    runtime: 'preview',
    exportFileWorker: testExportFileWorker,
    sleep: async () => {},
  });
  core.subscribe((name, payload) => events.push({ name, payload }));
});

afterEach(() => {
  sim.faults.clear();
  sim.setPermissions([]);
});

afterAll(async () => {
  await core.close();
  await sim.close();
  await keytar.deletePassword(keychainService, account()).catch(() => false);
});

describe('Settings › Authentication (core)', () => {
  it('tells why a test failed, in plain words, for each kind of mistake', async () => {
    const wrongKey = await value<{ ok: boolean; problem: { kind: string } }>(
      'connectwiseConnection.test',
      fields({ privateKey: 'wrong-key' }),
    );
    expect(wrongKey).toMatchObject({ ok: false, problem: { kind: 'Authentication Error' } });

    const unknownCompany = await value(
      'connectwiseConnection.test',
      fields({ companyId: 'nobody' }),
    );
    expect(unknownCompany).toMatchObject({
      ok: false,
      problem: { kind: 'Unknown Company', field: 'companyId' },
    });

    const closed = await startConnectWiseSimulator({ companies: 1 });
    const closedUrl = closed.siteUrl;
    await closed.close();
    const unreachable = await value('connectwiseConnection.test', fields({ siteUrl: closedUrl }));
    expect(unreachable).toMatchObject({
      ok: false,
      problem: { kind: 'Site Unreachable', field: 'siteUrl' },
    });

    sim.setPermissions(['Procurement › Product Catalog']);
    const noCatalog = await value<{ problem: { message: string; permission: string } }>(
      'connectwiseConnection.test',
      fields(),
    );
    expect(noCatalog).toMatchObject({ ok: false, problem: { kind: 'Permission Error' } });
    expect(noCatalog.problem.message).toContain('Product Catalog');
    sim.setPermissions([]);

    sim.faults.script({ path: /\/system\/info/, times: 10, fault: { status: 429 } });
    const limited = await value('connectwiseConnection.test', fields());
    expect(limited).toMatchObject({ ok: false, problem: { kind: 'Rate Limited' } });
  });

  it('passes a test with the right keys and reports the ConnectWise version', async () => {
    const result = await value<{ ok: boolean; apiVersion: string }>(
      'connectwiseConnection.test',
      fields(),
    );
    expect(result.ok).toBe(true);
    expect(result.apiVersion).toMatch(/^v2025\.1/);
  });

  it('refuses bad input before any network call, and stores nothing', async () => {
    const before = sim.requests.length;
    for (const bad of [
      fields({ siteUrl: 'not a url' }),
      fields({ siteUrl: 'http://cw.example.com' }),
      fields({ publicKey: 'has spaces' }),
      fields({ privateKey: 'x'.repeat(10_000) }),
      fields({ companyId: '' }),
    ]) {
      const result = await call('connectwiseConnection.save', bad);
      expect(result).toMatchObject({ ok: false, error: { kind: 'Validation Error' } });
    }
    expect(sim.requests.length).toBe(before);
    expect(await value('connectwiseConnection.current')).toBeNull();
  });

  it('saving wrong untested values shows the exact error and stores nothing', async () => {
    const result = await value('connectwiseConnection.save', fields({ privateKey: 'wrong-key' }));
    expect(result).toMatchObject({
      ok: false,
      message: saveFailedMessage,
      problem: { kind: 'Authentication Error' },
    });
    expect(await value('connectwiseConnection.current')).toBeNull();
    expect(keychainLookup(account())).toBe('');
    expect(table('SELECT * FROM audit_log')).toEqual([]);
    expect((await value<AppStatus>('app.status')).connectwiseConnection).toBe('none');
  });

  it('saves the right values: key in the keychain, the rest in settings, an audit entry', async () => {
    const result = await value<{ ok: boolean; connection: Record<string, unknown> }>(
      'connectwiseConnection.save',
      fields(),
    );
    expect(result.ok).toBe(true);
    expect(result.connection).toEqual({
      siteUrl: sim.siteUrl,
      companyId: sim.credentials.companyId,
      publicKey: sim.credentials.publicKey,
      savedAt: expect.any(String),
      apiVersion: expect.stringMatching(/^v2025\.1/),
      privateKeySaved: true,
    });
    expect(keychainLookup(account())).toBe(marker);
    expect(await value('connectwiseConnection.current')).toEqual(result.connection);
    const status = await value<AppStatus>('app.status');
    expect(status).toMatchObject({
      connectwiseConnection: 'saved',
      access: { mapping: 'setup-required', logs: true },
    });
    expect(events.some((e) => e.name === 'app.statusChanged')).toBe(true);
    expect(table('SELECT actor, action FROM audit_log')).toEqual([
      { actor: 'billing.clerk', action: 'ConnectWise credentials saved' },
    ]);
  });

  it('re-tests with the saved key while the fields are unchanged, and asks for it when one changes', async () => {
    expect(await value('connectwiseConnection.test', fields({ privateKey: '' }))).toMatchObject({
      ok: true,
    });
    expect(
      await value(
        'connectwiseConnection.test',
        fields({ privateKey: '', publicKey: 'anotherPublicKey' }),
      ),
    ).toMatchObject({
      ok: false,
      problem: { kind: 'Validation Error', field: 'privateKey' },
    });
  });

  it('Disconnect cancels a running organization sync; nothing of it is stored', async () => {
    await configure();
    sim.faults.set({ latencyMs: 150 });
    let disconnected: Promise<BridgeResult> | undefined;
    const stop = core.subscribe((name, payload) => {
      if (name === 'jobs.progress' && !disconnected && (payload as { done: number }).done >= 1000) {
        disconnected = call('connectwiseConnection.disconnect');
      }
    });
    const pull = await call('mapping.syncOrganizations');
    stop();
    expect(pull).toMatchObject({ ok: false, error: { kind: 'Cancelled' } });
    expect(await disconnected).toEqual({ ok: true, value: { disconnected: true } });
    // A thousand Companies had arrived; none is kept from a pull that did not complete.
    expect(table('SELECT COUNT(*) AS n FROM cw_company')).toEqual([{ n: 0 }]);

    expect(keychainLookup(account())).toBe('');
    expect(await value('connectwiseConnection.current')).toBeNull();
    const status = await value<AppStatus>('app.status');
    expect(status).toMatchObject({
      connectwiseConnection: 'disconnected',
      access: { dashboard: true, mapping: 'read-only' },
    });
    const audit = table('SELECT at, actor, action FROM audit_log ORDER BY id') as Array<
      Record<string, string>
    >;
    expect(audit.at(-1)).toMatchObject({
      actor: 'billing.clerk',
      action: 'Integration disconnected',
    });
    expect(audit.at(-1)?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('a Disconnect that lands while a pull connects, or while a Save runs, wins', async () => {
    expect(await value('connectwiseConnection.save', fields())).toMatchObject({ ok: true });
    const before = table('SELECT COUNT(*) AS n FROM cw_company');
    sim.faults.set({ latencyMs: 100 });

    const pull = call('mapping.syncOrganizations');
    const disconnect = call('connectwiseConnection.disconnect');
    expect(await pull).toMatchObject({ ok: false, error: { kind: 'Cancelled' } });
    expect(await disconnect).toEqual({ ok: true, value: { disconnected: true } });
    expect(table('SELECT COUNT(*) AS n FROM cw_company')).toEqual(before);

    const saving = call('connectwiseConnection.save', fields());
    const disconnecting = call('connectwiseConnection.disconnect');
    expect(await saving).toMatchObject({
      ok: true,
      value: { ok: false, problem: { kind: 'Cancelled' } },
    });
    expect(await disconnecting).toMatchObject({ ok: true });
    expect(keychainLookup(account())).toBe('');
    expect((await value<AppStatus>('app.status')).connectwiseConnection).toBe('disconnected');
  });

  it('refuses a second sync while one runs', async () => {
    expect(await value('connectwiseConnection.save', fields())).toMatchObject({ ok: true });
    sim.faults.set({ latencyMs: 50 });
    const first = call('mapping.syncOrganizations');
    const second = await call('mapping.syncOrganizations');
    expect(second).toMatchObject({ ok: false, error: { kind: 'Busy' } });
    expect(await first).toMatchObject({ ok: true, value: { companies: 5000 } });
    expect(await call('connectwiseConnection.disconnect')).toMatchObject({ ok: true });
  });

  it('writes a system-log entry for every step and every failure', () => {
    const titles = (
      table('SELECT title FROM system_log ORDER BY id') as Array<{ title: string }>
    ).map((r) => r.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Connection test failed: Authentication Error',
        'Connection test failed: Unknown Company',
        'Connection test failed: Permission Error',
        'Connection test succeeded',
        'Credentials not saved: Authentication Error',
        'ConnectWise credentials saved',
        'Integration disconnected',
      ]),
    );
  });

  it('never lets the private key reach a response, the settings file, the database, the log or the console', async () => {
    const consoleOutput: unknown[][] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleOutput.push(args);
      });
    }
    try {
      await value('connectwiseConnection.test', fields({ privateKey: `${marker}x` }));
      await value('connectwiseConnection.save', fields());
      await value('connectwiseConnection.test', fields());
      await call('connectwiseConnection.disconnect');
    } finally {
      vi.restoreAllMocks();
    }
    const files = readdirSync(dataDir).map((name) =>
      readFileSync(join(dataDir, name)).toString('latin1'),
    );
    const haystack = [
      ...responses,
      ...files,
      JSON.stringify(table('SELECT * FROM system_log')),
      JSON.stringify(table('SELECT * FROM audit_log')),
      ...logLines,
      JSON.stringify(consoleOutput),
    ].join('\n');
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(haystack).toContain('ConnectWise credentials saved');
    expect(haystack).not.toContain(marker);
  });
});
