import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../settings';
import { computeAppStatus } from './appStatus';

const connection = {
  siteUrl: 'https://staging.connectwisedev.com',
  companyId: 'acme',
  publicKey: 'pub',
  savedAt: '2026-11-01T00:00:00.000Z',
  apiVersion: null,
};
const configuration = {
  version: 1,
  savedAt: '2026-11-02T00:00:00.000Z',
  agreementType: { id: 7, name: 'Managed Services' },
  endDateRules: [],
  startDateRules: [],
  customChargeTypeNames: {},
  autoSync: false,
  additionMarkerField: { kind: 'serialNumber' as const },
  agreementMarkerField: null,
  recurringChanges: 'update' as const,
};

const cases: Array<{
  name: string;
  settings: Partial<Settings>;
  expected: Record<string, unknown>;
}> = [
  {
    name: 'before the first Save only Settings opens, on Authentication',
    settings: {},
    expected: {
      connectwiseConnection: 'none',
      access: { dashboard: false, mapping: 'disabled', logs: false },
      landing: { screen: 'settings', tab: 'authentication' },
    },
  },
  {
    name: 'saved without an Agreement Type: Mapping shows the notice, Dashboard stays closed',
    settings: { connectwiseConnection: connection, everConnected: true },
    expected: {
      connectwiseConnection: 'saved',
      agreementTypeSaved: false,
      access: { dashboard: false, mapping: 'setup-required', logs: true },
      landing: { screen: 'settings', tab: 'configuration' },
    },
  },
  {
    name: 'saved with an Agreement Type: everything opens, on the Dashboard',
    settings: { connectwiseConnection: connection, everConnected: true, configuration },
    expected: {
      connectwiseConnection: 'saved',
      agreementTypeSaved: true,
      access: { dashboard: true, mapping: 'enabled', logs: true },
      landing: { screen: 'dashboard' },
    },
  },
  {
    name: 'after a Disconnect Dashboard and System Logs stay, Mapping is read-only',
    settings: { connectwiseConnection: null, everConnected: true, configuration },
    expected: {
      connectwiseConnection: 'disconnected',
      siteUrl: null,
      access: { dashboard: true, mapping: 'read-only', logs: true },
      landing: { screen: 'settings', tab: 'authentication' },
    },
  },
];

describe('app status gating (docs/product.md §1)', () => {
  for (const { name, settings, expected } of cases) {
    it(name, () => {
      expect(computeAppStatus({ ...defaultSettings, ...settings })).toMatchObject(expected);
    });
  }

  it('reports the saved site', () => {
    expect(
      computeAppStatus({
        ...defaultSettings,
        connectwiseConnection: connection,
        everConnected: true,
      }).siteUrl,
    ).toBe(connection.siteUrl);
  });
});
