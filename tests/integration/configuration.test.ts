import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { AppStatus, BridgeResult, SavedConfiguration } from '@shared/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core';
import {
  type ConnectWiseSimulator,
  startConnectWiseSimulator,
} from '../../electron/sandbox/connectwise';
import { fakePorts, temporaryDirectory } from '../support/fakePorts';

let sim: ConnectWiseSimulator;
let core: Core;
let dataDir: string;

const valid = {
  agreementTypeId: 0,
  endDateRules: [{ chargeType: 'Cycle Fee', rule: 'Last day of invoice month' }],
  startDateRules: [{ billingCycle: 'Monthly', rule: 'First day of next month' }],
  customChargeTypeNames: { 'Usage Fee': '  Consumption  ', Correction: '' },
  autoSync: true,
};

async function value<T>(channel: string, input?: unknown): Promise<T> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.kind}: ${result.error.message}`);
  return result.value as T;
}

function versions(): unknown[] {
  const db = new DatabaseSync(join(dataDir, 'data.sqlite'));
  try {
    return db.prepare('SELECT version, saved_by FROM configuration_version ORDER BY version').all();
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  sim = await startConnectWiseSimulator({ seed: 5, companies: 20 });
  dataDir = temporaryDirectory();
  core = createCore(
    fakePorts({ databasePath: join(dataDir, 'data.sqlite'), sleep: async () => {} }),
  );
  const connected = await value<{ ok: boolean }>('connectwiseConnection.save', {
    siteUrl: sim.siteUrl,
    ...sim.credentials,
  });
  expect(connected.ok).toBe(true);
  const firstActive = sim.data.agreementTypes.find((type) => !type.inactiveFlag);
  if (!firstActive) throw new Error('no active agreement type in the seed');
  valid.agreementTypeId = firstActive.id;
});

afterAll(async () => {
  await core.close();
  await sim.close();
});

describe('Settings › Configuration (core)', () => {
  it('offers the active agreement types of ConnectWise', async () => {
    const types = await value<Array<{ id: number; name: string }>>('configuration.agreementTypes');
    const active = sim.data.agreementTypes.filter((type) => !type.inactiveFlag);
    expect(types.map((t) => t.id).sort()).toEqual(active.map((t) => t.id).sort());
    expect(sim.data.agreementTypes.length).toBeGreaterThan(active.length);
  });

  it.each([
    [
      'an unknown charge type',
      { endDateRules: [{ chargeType: 'Setup Fee', rule: 'Last day of invoice month' }] },
      /Unknown charge type "Setup Fee"/,
    ],
    [
      'a charge type twice',
      {
        endDateRules: [
          { chargeType: 'Usage Fee', rule: 'Last day of invoice month' },
          { chargeType: 'Usage Fee', rule: 'First day of following month' },
        ],
      },
      /Charge type "Usage Fee" has more than one/,
    ],
    [
      'a billing cycle twice',
      {
        startDateRules: [
          { billingCycle: 'Annual', rule: 'First day of next month' },
          { billingCycle: 'Annual', rule: 'First day of next month' },
        ],
      },
      /Billing cycle "Annual" has more than one/,
    ],
    ['no agreement type', { agreementTypeId: undefined }, /Select an Agreement Type/],
    [
      'a custom name over 100 characters',
      { customChargeTypeNames: { 'Item Fee': 'x'.repeat(101) } },
      /at most 100/,
    ],
  ])('refuses %s with a clear message and saves nothing', async (_name, change, message) => {
    const result: BridgeResult = await core.dispatch('configuration.save', { ...valid, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('Validation Error');
    expect(result.error.message).toMatch(message);
    expect(await value('configuration.get')).toBeNull();
    expect(versions()).toEqual([]);
  });

  it('refuses an Agreement Type ConnectWise does not have, or has made inactive', async () => {
    const inactive = sim.data.agreementTypes.find((type) => type.inactiveFlag);
    for (const agreementTypeId of [987_654, inactive?.id ?? 987_655]) {
      const result = await core.dispatch('configuration.save', { ...valid, agreementTypeId });
      expect(result).toMatchObject({
        ok: false,
        error: {
          kind: 'Validation Error',
          message: expect.stringContaining(`id ${agreementTypeId}`),
        },
      });
    }
    expect(versions()).toEqual([]);
    expect((await value<AppStatus>('app.status')).agreementTypeSaved).toBe(false);
  });

  it('saves version 1, lifts the gating, and keeps every version for the sync runs', async () => {
    const saved = await value<SavedConfiguration>('configuration.save', valid);
    const name = sim.data.agreementTypes.find((type) => type.id === valid.agreementTypeId)?.name;
    expect(saved).toEqual({
      version: 1,
      savedAt: expect.any(String),
      agreementType: { id: valid.agreementTypeId, name },
      endDateRules: valid.endDateRules,
      startDateRules: valid.startDateRules,
      customChargeTypeNames: { 'Usage Fee': 'Consumption' },
      autoSync: true,
      additionMarkerField: { kind: 'serialNumber' },
      agreementMarkerField: null,
      recurringChanges: 'update',
    });
    expect(await value('configuration.get')).toEqual(saved);
    expect(await value<AppStatus>('app.status')).toMatchObject({
      agreementTypeSaved: true,
      access: { dashboard: true, mapping: 'enabled' },
      landing: { screen: 'dashboard' },
    });

    const second = await value<SavedConfiguration>('configuration.save', {
      ...valid,
      autoSync: false,
      endDateRules: [],
    });
    expect(second.version).toBe(2);
    expect(versions()).toEqual([
      { version: 1, saved_by: 'tester' },
      { version: 2, saved_by: 'tester' },
    ]);
  });

  it('offers the text custom fields of Additions and Agreements as marker fields', async () => {
    const fields = await value<{ addition: unknown[]; agreement: unknown[] }>(
      'configuration.markerFields',
    );
    // "Seats Committed" is a number field: it cannot hold a marker.
    expect(fields.addition).toEqual([
      { id: 41, caption: 'Platform Line' },
      { id: 43, caption: 'Vendor Reference' },
    ]);
    expect(fields.agreement).toContainEqual({ id: 42, caption: 'Platform Contract' });
  });

  it('saves a custom marker field only after ConnectWise answers a search by it', async () => {
    const before = sim.requests.length;
    const saved = await value<SavedConfiguration>('configuration.save', {
      ...valid,
      additionMarkerFieldId: 41,
      agreementMarkerFieldId: 42,
      recurringChanges: 'keepHistory',
    });
    expect(saved).toMatchObject({
      additionMarkerField: { kind: 'customField', field: { id: 41, caption: 'Platform Line' } },
      agreementMarkerField: { id: 42, caption: 'Platform Contract' },
      recurringChanges: 'keepHistory',
    });
    const searches = sim.requests
      .slice(before)
      .filter((request) => request.query.customFieldConditions !== undefined)
      .map((request) => [request.path, request.query.customFieldConditions]);
    expect(searches).toEqual([
      [expect.stringMatching(/\/additions$/), 'caption = "Platform Line" AND value = "PLT:check"'],
      [
        expect.stringMatching(/\/agreements$/),
        'caption = "Platform Contract" AND value = "PLT:check"',
      ],
    ]);

    for (const additionMarkerFieldId of [44, 999]) {
      const refused = await core.dispatch('configuration.save', {
        ...valid,
        additionMarkerFieldId,
      });
      expect(refused).toMatchObject({
        ok: false,
        error: {
          kind: 'Validation Error',
          message: expect.stringContaining('no text custom field'),
        },
      });
    }
    expect((await value<SavedConfiguration>('configuration.get')).additionMarkerField).toEqual({
      kind: 'customField',
      field: { id: 41, caption: 'Platform Line' },
    });
  });

  it('needs a connection to list agreement types', async () => {
    await value('connectwiseConnection.disconnect');
    const result = await core.dispatch('configuration.agreementTypes', undefined);
    expect(result).toMatchObject({ ok: false, error: { kind: 'Not Connected' } });
  });
});
