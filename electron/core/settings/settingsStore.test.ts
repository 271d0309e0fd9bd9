import { describe, expect, it } from 'vitest';
import { memorySettingsFile, silentLogger } from '../../../tests/support/fakePorts';
import { defaultSettings } from './settingsSchema';
import { createSettingsStore } from './settingsStore';

describe('settings store', () => {
  it('starts from defaults when the file is empty', () => {
    expect(createSettingsStore(memorySettingsFile(), silentLogger).get()).toEqual(defaultSettings);
  });

  it('reads what was saved before', () => {
    const file = memorySettingsFile({
      ...defaultSettings,
      agreementType: { id: 3, name: 'Managed' },
    });
    expect(createSettingsStore(file, silentLogger).get().agreementType).toEqual({
      id: 3,
      name: 'Managed',
    });
  });

  it('does not trust a file that breaks the schema, says so, and leaves it alone', () => {
    const warnings: string[] = [];
    const file = memorySettingsFile({ schemaVersion: 1, connection: 'not an object' });
    const store = createSettingsStore(file, { ...silentLogger, warn: (m) => warnings.push(m) });
    expect(store.get()).toEqual(defaultSettings);
    expect(warnings).toHaveLength(1);
    expect(file.written).toEqual([]);
  });

  it('writes each change through, tells listeners, and refuses invalid changes', () => {
    const file = memorySettingsFile();
    const store = createSettingsStore(file, silentLogger);
    const seen: unknown[] = [];
    store.onChange((settings) => seen.push(settings.agreementType));
    store.update((s) => ({ ...s, agreementType: { id: 9, name: 'Cloud' } }));
    expect(file.written.at(-1)).toMatchObject({ agreementType: { id: 9, name: 'Cloud' } });
    expect(seen).toEqual([{ id: 9, name: 'Cloud' }]);
    expect(() => store.update((s) => ({ ...s, agreementType: { id: -1, name: '' } }))).toThrow();
    expect(store.get().agreementType).toEqual({ id: 9, name: 'Cloud' });
    expect(file.written).toHaveLength(1);
  });
});
