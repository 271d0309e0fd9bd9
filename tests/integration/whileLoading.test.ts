import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import type { BridgeResult, LoadInvoicesResult } from '@shared/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core';
import {
  type ConnectWiseSimulator,
  startConnectWiseSimulator,
} from '../../electron/sandbox/connectwise';
import { type PlatformSimulator, startPlatformSimulator } from '../../electron/sandbox/platform';
import { bundleChildScript } from '../support/childScript';
import { minimalConfiguration } from '../support/configurationInput';
import { FakeClock, fakePorts, temporaryDirectory } from '../support/fakePorts';

/**
 * One SQLite connection serves every capability, so nothing may hold a transaction open while a
 * long job awaits its source. These tests load a month of about 2,500 lines, 1,000 a page, and
 * do other work while the second page is on its way (the Platform holds it back 2 seconds).
 */
const now = new Date();
const period = now.toISOString().slice(0, 7);

let platform: PlatformSimulator;
let connectwise: ConnectWiseSimulator;

beforeAll(async () => {
  [platform, connectwise] = await Promise.all([
    startPlatformSimulator({ seed: 7, organizations: 600, months: 1, now: () => now }),
    startConnectWiseSimulator({ seed: 7, companies: 5 }),
  ]);
  expect(platform.data.invoiceLines.length).toBeGreaterThan(2000);
});

afterAll(async () => {
  await Promise.all([platform.close(), connectwise.close()]);
});

function readOnDisk(databasePath: string, statement: string): Array<Record<string, unknown>> {
  const db = new DatabaseSync(databasePath, { readOnly: true });
  try {
    return db.prepare(statement).all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

async function value<T>(core: Core, channel: string, input?: unknown): Promise<T> {
  const result: BridgeResult = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.kind}: ${result.error.message}`);
  return result.value as T;
}

/** Starts a load of the month and resolves, once its first lines are staged, with its answer to come. */
async function startSlowLoad(core: Core): Promise<{ answer: Promise<BridgeResult> }> {
  const staging = new Promise<void>((resolve) => {
    const stop = core.subscribe((name, payload) => {
      if (name === 'jobs.progress' && (payload as { done: number }).done > 0) {
        stop();
        // Runs before the load asks for its next page.
        platform.faults.script({ path: '/v1/invoice-lines', fault: { latencyMs: 2000 } });
        resolve();
      }
    });
  });
  const load = core.dispatch('platformData.load', {
    periods: [period],
    source: { kind: 'platform' },
  });
  await staging;
  return { answer: load };
}

describe('while an invoice load runs', () => {
  let core: Core;
  let databasePath: string;

  beforeAll(async () => {
    databasePath = join(temporaryDirectory(), 'data.sqlite');
    core = createCore(
      fakePorts({ databasePath, clock: new FakeClock(now), sleep: async () => {} }),
    );
    await value(core, 'connectwiseConnection.save', {
      siteUrl: connectwise.siteUrl,
      ...connectwise.credentials,
    });
    await value(core, 'platformConnection.save', {
      baseUrl: platform.baseUrl,
      token: platform.token,
    });
  });

  afterAll(async () => {
    await core.close();
  });

  it('a configuration save succeeds, and its audit and log rows are on disk at once', async () => {
    const load = (await startSlowLoad(core)).answer;
    const saved = await core.dispatch('configuration.save', minimalConfiguration(connectwise));
    expect(saved).toMatchObject({ ok: true, value: { version: 1 } });

    // Read by a second connection while the load still runs: committed, not held back.
    expect(readOnDisk(databasePath, 'SELECT status FROM load_history')).toEqual([
      { status: 'running' },
    ]);
    expect(readOnDisk(databasePath, 'SELECT action FROM audit_log ORDER BY id').at(-1)).toEqual({
      action: 'Configuration saved (version 1)',
    });
    expect(readOnDisk(databasePath, 'SELECT title FROM system_log ORDER BY id').at(-1)).toEqual({
      title: 'Configuration saved (version 1)',
    });

    const result = await load;
    expect(result).toMatchObject({ ok: true, value: { ok: true } });
    const loaded = (result as { value: LoadInvoicesResult }).value;
    expect(loaded.ok && loaded.periods[0]?.lines).toBe(platform.data.invoiceLines.length);
    expect(readOnDisk(databasePath, 'SELECT COUNT(*) AS n FROM invoice_line')).toEqual([
      { n: platform.data.invoiceLines.length },
    ]);
  });

  it('closing the app waits for the load to stop and record how it ended', async () => {
    const closingPath = join(temporaryDirectory(), 'data.sqlite');
    const closing = createCore(
      fakePorts({ databasePath: closingPath, clock: new FakeClock(now), sleep: async () => {} }),
    );
    await value(closing, 'platformConnection.save', {
      baseUrl: platform.baseUrl,
      token: platform.token,
    });
    const load = (await startSlowLoad(closing)).answer;
    await closing.close();
    expect(await load).toMatchObject({ ok: false, error: { kind: 'Cancelled' } });
    expect(readOnDisk(closingPath, 'SELECT status FROM load_history')).toEqual([
      { status: 'cancelled' },
    ]);
    expect(readOnDisk(closingPath, 'SELECT COUNT(*) AS n FROM invoice_line')).toEqual([{ n: 0 }]);
  });
});

describe('a load cut off by a kill', () => {
  let child: ChildProcess | undefined;

  afterAll(() => {
    child?.kill('SIGKILL');
    platform.faults.clear();
  });

  it('is marked "interrupted", not "running", when the app starts again, and kept nothing', async () => {
    const folder = temporaryDirectory();
    const script = join(folder, 'invoiceLoadChild.mjs');
    await bundleChildScript(join(import.meta.dirname, '../support/invoiceLoadChild.ts'), script);
    const databasePath = join(folder, 'data.sqlite');
    // Slow enough that the kill lands while the load runs.
    platform.faults.set({ latencyMs: 500 });
    child = spawn(
      process.execPath,
      [script, databasePath, platform.baseUrl, platform.token, period],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    for await (const line of lines) if (line === 'staging') break;
    child.kill('SIGKILL');
    await once(child, 'exit');

    expect(readOnDisk(databasePath, 'SELECT status FROM load_history')).toEqual([
      { status: 'running' },
    ]);
    const restarted = createCore(fakePorts({ databasePath, clock: new FakeClock(now) }));
    await restarted.close();
    expect(readOnDisk(databasePath, 'SELECT status, finished_at FROM load_history')).toEqual([
      { status: 'interrupted', finished_at: now.toISOString() },
    ]);
    expect(readOnDisk(databasePath, 'SELECT COUNT(*) AS n FROM invoice_line')).toEqual([{ n: 0 }]);
    expect(
      readOnDisk(databasePath, "SELECT level, title FROM system_log WHERE level = 'warning'"),
    ).toEqual([{ level: 'warning', title: 'An invoice load was interrupted' }]);
  });
});
