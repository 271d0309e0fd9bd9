import { describe, expect, it } from 'vitest';
import { memorySettingsFile, silentLogger } from '../../../tests/support/fakePorts';
import { defaultSettings } from './settingsSchema';
import { createSettingsStore } from './settingsStore';

const now = () => new Date('2026-11-25T10:00:00.000Z');
const configuration = {
  version: 4,
  savedAt: '2026-11-20T09:00:00.000Z',
  agreementType: { id: 3, name: 'Managed' },
  endDateRules: [{ chargeType: 'Cycle Fee' as const, rule: 'Last day of invoice month' as const }],
  startDateRules: [],
  customChargeTypeNames: { 'Usage Fee': 'Consumption' },
  autoSync: true,
  additionMarkerField: { kind: 'serialNumber' as const },
  agreementMarkerField: null,
  recurringChanges: 'update' as const,
};

describe('settings store', () => {
  it('starts from defaults when the file is empty', () => {
    expect(createSettingsStore(memorySettingsFile(), silentLogger, now).get()).toEqual(
      defaultSettings,
    );
  });

  it('reads what was saved before', () => {
    const file = memorySettingsFile({ ...defaultSettings, configuration });
    expect(createSettingsStore(file, silentLogger, now).get().configuration).toEqual(configuration);
  });

  it('migrates a version 1 file: its Agreement Type becomes configuration version 1', () => {
    const file = memorySettingsFile({
      schemaVersion: 1,
      connection: null,
      everConnected: true,
      agreementType: { id: 5, name: 'Cloud Marketplace' },
    });
    expect(createSettingsStore(file, silentLogger, now).get()).toEqual({
      schemaVersion: 3,
      connectwiseConnection: null,
      everConnected: true,
      platformConnection: null,
      configuration: {
        version: 1,
        savedAt: '2026-11-25T10:00:00.000Z',
        agreementType: { id: 5, name: 'Cloud Marketplace' },
        endDateRules: [],
        startDateRules: [],
        customChargeTypeNames: {},
        autoSync: false,
        // Posting options came later: an older configuration gets their defaults.
        additionMarkerField: { kind: 'serialNumber' },
        agreementMarkerField: null,
        recurringChanges: 'update',
      },
      schedule: { paused: false, coveredThrough: null },
    });
  });

  it('migrates a version 2 file: both connections keep their saved values under their one name', () => {
    const connection = {
      siteUrl: 'https://na.myconnectwise.net',
      companyId: 'acme',
      publicKey: 'pub',
      savedAt: '2026-11-20T08:00:00.000Z',
      apiVersion: 'v2025.1.1',
    };
    const platform = {
      baseUrl: 'https://api.platform.example',
      platformName: 'Cloud Marketplace',
      accountName: 'Acme MSP',
      savedAt: '2026-11-21T08:00:00.000Z',
    };
    const file = memorySettingsFile({
      schemaVersion: 2,
      connection,
      everConnected: true,
      platform,
      configuration,
    });
    expect(createSettingsStore(file, silentLogger, now).get()).toEqual({
      schemaVersion: 3,
      connectwiseConnection: connection,
      everConnected: true,
      platformConnection: platform,
      configuration,
      // The daily schedule came later: an older file starts unpaused, with no midnight run yet.
      schedule: { paused: false, coveredThrough: null },
    });
  });

  it('does not trust a file that breaks the schema, says so, and leaves it alone', () => {
    const warnings: string[] = [];
    const file = memorySettingsFile({ schemaVersion: 3, connectwiseConnection: 'not an object' });
    const store = createSettingsStore(
      file,
      { ...silentLogger, warn: (m) => warnings.push(m) },
      now,
    );
    expect(store.get()).toEqual(defaultSettings);
    expect(warnings).toHaveLength(1);
    expect(file.written).toEqual([]);
  });

  it('writes each change through, tells listeners, and refuses invalid changes', () => {
    const file = memorySettingsFile();
    const store = createSettingsStore(file, silentLogger, now);
    const seen: unknown[] = [];
    store.onChange((settings) => seen.push(settings.configuration?.version));
    store.update((s) => ({ ...s, configuration: { ...configuration, endDateRules: [] } }));
    expect(file.written.at(-1)).toMatchObject({ configuration: { version: 4 } });
    expect(seen).toEqual([4]);
    expect(() =>
      store.update((s) => ({
        ...s,
        configuration: { ...configuration, agreementType: { id: -1, name: '' } },
      })),
    ).toThrow();
    expect(store.get().configuration?.agreementType.id).toBe(3);
    expect(file.written).toHaveLength(1);
  });
});
