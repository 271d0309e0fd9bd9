import {
  type AgreementTypeChoice,
  type ConfigurationInput,
  SavedConfiguration,
} from '@shared/contract';
import type { ConnectWiseConnection } from '../connectwise-connection';
import { AppError } from '../errors';
import type { AuditLog, SystemLog } from '../logs';
import type { SettingsStore } from '../settings';
import { type Database, inTransaction } from '../store';
import { checkedMarkerField, markerFieldChoices } from './markerFields';

export interface ConfigurationDeps {
  db: Database;
  settings: SettingsStore;
  connectwiseConnection: Pick<ConnectWiseConnection, 'client'>;
  systemLog: SystemLog;
  audit: AuditLog;
  now: () => Date;
  osUserName: () => string;
  /** Whether any line was posted: its marker is then where the Marker field said at the time. */
  anyLineSynced: () => boolean;
}

/**
 * Settings › Configuration. It applies to future syncs only: each save is a new numbered
 * version kept in the database, so a sync run can record the version it used and an already
 * synced line never changes because the configuration did.
 */
export function createConfiguration(deps: ConfigurationDeps) {
  const insertVersion = deps.db.prepare(
    'INSERT INTO configuration_version (version, saved_at, saved_by, configuration) VALUES (?, ?, ?, ?)',
  );
  const newestVersion = deps.db.prepare(
    'SELECT MAX(version) AS version FROM configuration_version',
  );
  const selectVersion = deps.db.prepare(
    'SELECT configuration FROM configuration_version WHERE version = ?',
  );

  async function agreementTypes(): Promise<AgreementTypeChoice[]> {
    const client = await deps.connectwiseConnection.client();
    const types = await client.agreementTypes.all();
    return types
      .filter((type) => !type.inactiveFlag)
      .map((type) => ({ id: type.id, name: type.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async function save(
    input: ConfigurationInput & { agreementTypeId: number },
  ): Promise<SavedConfiguration> {
    const available = await agreementTypes();
    const agreementType = available.find((type) => type.id === input.agreementTypeId);
    if (!agreementType) {
      throw new AppError(
        'Validation Error',
        `ConnectWise has no active Agreement Type with id ${input.agreementTypeId}. Refresh the list and choose again.`,
      );
    }
    const client = await deps.connectwiseConnection.client();
    const additionMarkerFieldId = input.additionMarkerFieldId ?? null;
    const agreementMarkerFieldId = input.agreementMarkerFieldId ?? null;
    const additionMarkerField =
      additionMarkerFieldId === null
        ? ({ kind: 'serialNumber' } as const)
        : ({
            kind: 'customField',
            field: await checkedMarkerField(client, 'addition', additionMarkerFieldId),
          } as const);
    const agreementMarkerField =
      agreementMarkerFieldId === null
        ? null
        : await checkedMarkerField(client, 'agreement', agreementMarkerFieldId);
    const current = deps.settings.get().configuration?.additionMarkerField ?? {
      kind: 'serialNumber',
    };
    if (fieldName(current) !== fieldName(additionMarkerField) && deps.anyLineSynced()) {
      throw new AppError(
        'Validation Error',
        `Lines were already posted with their marker in "${fieldName(current)}". With another Marker field the app could not find those Additions, and could post them twice: keep "${fieldName(current)}".`,
      );
    }
    const row = newestVersion.get() as { version: number | null } | undefined;
    const saved = SavedConfiguration.parse({
      version: (row?.version ?? deps.settings.get().configuration?.version ?? 0) + 1,
      savedAt: deps.now().toISOString(),
      agreementType,
      endDateRules: input.endDateRules,
      startDateRules: input.startDateRules,
      customChargeTypeNames: input.customChargeTypeNames,
      autoSync: input.autoSync,
      additionMarkerField,
      agreementMarkerField,
      recurringChanges: input.recurringChanges ?? 'update',
    });
    const actor = deps.osUserName();
    inTransaction(deps.db, () => {
      insertVersion.run(saved.version, saved.savedAt, actor, JSON.stringify(saved));
      deps.settings.update((settings) => ({ ...settings, configuration: saved }));
    });
    const summary = summarize(saved);
    deps.audit.record({
      actor,
      action: `Configuration saved (version ${saved.version})`,
      details: summary,
    });
    deps.systemLog.write({
      level: 'info',
      title: `Configuration saved (version ${saved.version})`,
      details: summary,
    });
    return saved;
  }

  return {
    get: (): SavedConfiguration | null => deps.settings.get().configuration,
    agreementTypes,
    async markerFields() {
      return markerFieldChoices(await deps.connectwiseConnection.client());
    },
    save,
    /** The configuration a sync run used, by its version. */
    version(version: number): SavedConfiguration | null {
      const row = selectVersion.get(version) as { configuration: string } | undefined;
      return row ? SavedConfiguration.parse(JSON.parse(row.configuration)) : null;
    },
  };
}

export type Configuration = ReturnType<typeof createConfiguration>;

function fieldName(field: SavedConfiguration['additionMarkerField']): string {
  return field.kind === 'serialNumber' ? 'Serial Number' : field.field.caption;
}

function summarize(saved: SavedConfiguration): string {
  const names = Object.entries(saved.customChargeTypeNames).map(
    ([type, name]) => `${type} → "${name}"`,
  );
  return [
    `Agreement Type: ${saved.agreementType.name}`,
    `End date rules: ${saved.endDateRules.map((r) => `${r.chargeType}: ${r.rule}`).join('; ') || 'none'}`,
    `Start date rules: ${saved.startDateRules.map((r) => `${r.billingCycle}: ${r.rule}`).join('; ') || 'none'}`,
    `Custom charge type names: ${names.join('; ') || 'none'}`,
    `Automated daily sync: ${saved.autoSync ? 'on' : 'off'}`,
    `Addition marker field: ${fieldName(saved.additionMarkerField)}`,
    `Agreement marker field: ${saved.agreementMarkerField?.caption ?? 'Internal notes'}`,
    `Recurring changes: ${saved.recurringChanges === 'update' ? 'Update in place' : 'Keep history'}`,
  ].join('\n');
}
