import { useAppStatus } from '@renderer/app/appStatusStore';
import { BridgeCallError, bridge } from '@renderer/bridge';
import {
  type BillingCycle,
  type ChargeType,
  chargeTypes,
  type EndDateRule,
  type StartDateRule,
} from '@shared/chargeDateVocabulary';
import {
  type AgreementTypeChoice,
  ConfigurationInput,
  type CustomFieldChoice,
  type RecurringChanges,
  type SavedConfiguration,
} from '@shared/contract';
import { create } from 'zustand';

export interface EndRuleRow {
  key: number;
  chargeType: ChargeType | null;
  rule: EndDateRule | null;
}
export interface StartRuleRow {
  key: number;
  billingCycle: BillingCycle | null;
  rule: StartDateRule | null;
}

export interface ConfigurationDraft {
  agreementTypeId: number | null;
  endDateRules: EndRuleRow[];
  startDateRules: StartRuleRow[];
  customChargeTypeNames: Record<ChargeType, string>;
  autoSync: boolean;
  /** null: "Serial Number". */
  additionMarkerFieldId: number | null;
  /** null: the first line of the Agreement's internal notes. */
  agreementMarkerFieldId: number | null;
  recurringChanges: RecurringChanges;
}

/** Errors by field path, as the contract's schema names them (e.g. "endDateRules.1.chargeType"). */
export type ConfigurationErrors = Record<string, string>;

interface ConfigurationState {
  saved: SavedConfiguration | null;
  draft: ConfigurationDraft;
  errors: ConfigurationErrors;
  formError: string | null;
  loading: boolean;
  saving: boolean;
  agreementTypes: {
    status: 'idle' | 'loading' | 'loaded' | 'error';
    items: AgreementTypeChoice[];
    error: string | null;
  };
  /** The site's text custom fields, for the "Marker field" choices. */
  markerFields: {
    status: 'idle' | 'loading' | 'loaded' | 'error';
    addition: CustomFieldChoice[];
    agreement: CustomFieldChoice[];
    error: string | null;
  };
  load(): Promise<void>;
  loadAgreementTypes(): Promise<void>;
  loadMarkerFields(): Promise<void>;
  change(update: (draft: ConfigurationDraft) => ConfigurationDraft): void;
  discard(): void;
  save(): Promise<boolean>;
}

let nextKey = 1;
const emptyNames = Object.fromEntries(chargeTypes.map((type) => [type, ''])) as Record<
  ChargeType,
  string
>;

function draftOf(saved: SavedConfiguration | null): ConfigurationDraft {
  return {
    agreementTypeId: saved?.agreementType.id ?? null,
    endDateRules: (saved?.endDateRules ?? []).map((row) => ({ key: nextKey++, ...row })),
    startDateRules: (saved?.startDateRules ?? []).map((row) => ({ key: nextKey++, ...row })),
    customChargeTypeNames: { ...emptyNames, ...(saved?.customChargeTypeNames ?? {}) },
    autoSync: saved?.autoSync ?? false,
    additionMarkerFieldId:
      saved?.additionMarkerField.kind === 'customField' ? saved.additionMarkerField.field.id : null,
    agreementMarkerFieldId: saved?.agreementMarkerField?.id ?? null,
    recurringChanges: saved?.recurringChanges ?? 'update',
  };
}

/** What "Save Configuration" sends; unchosen values are left out so the schema names them. */
export function inputOf(draft: ConfigurationDraft): unknown {
  return {
    agreementTypeId: draft.agreementTypeId ?? undefined,
    endDateRules: draft.endDateRules.map((row) => ({
      chargeType: row.chargeType ?? undefined,
      rule: row.rule ?? undefined,
    })),
    startDateRules: draft.startDateRules.map((row) => ({
      billingCycle: row.billingCycle ?? undefined,
      rule: row.rule ?? undefined,
    })),
    customChargeTypeNames: draft.customChargeTypeNames,
    autoSync: draft.autoSync,
    additionMarkerFieldId: draft.additionMarkerFieldId,
    agreementMarkerFieldId: draft.agreementMarkerFieldId,
    recurringChanges: draft.recurringChanges,
  };
}

/** True when the draft differs from what is saved (row keys aside). */
export function isDirty(state: Pick<ConfigurationState, 'draft' | 'saved' | 'loading'>): boolean {
  if (state.loading) return false;
  const strip = (draft: ConfigurationDraft) => JSON.stringify(inputOf(draft));
  return strip(state.draft) !== strip(draftOf(state.saved));
}

function errorsOf(
  issues: ReadonlyArray<{ path: PropertyKey[] | string; message: string }>,
): ConfigurationErrors {
  const errors: ConfigurationErrors = {};
  for (const issue of issues) {
    const path = Array.isArray(issue.path) ? issue.path.map(String).join('.') : issue.path;
    if (!errors[path]) errors[path] = issue.message;
  }
  return errors;
}

export const useConfiguration = create<ConfigurationState>((set, get) => ({
  saved: null,
  draft: draftOf(null),
  errors: {},
  formError: null,
  loading: true,
  saving: false,
  agreementTypes: { status: 'idle', items: [], error: null },
  markerFields: { status: 'idle', addition: [], agreement: [], error: null },

  async load() {
    set({ loading: true, formError: null });
    try {
      const saved = await bridge().invoke('configuration.get');
      set({ saved, draft: draftOf(saved), errors: {}, loading: false });
    } catch (error) {
      set({ loading: false, formError: error instanceof Error ? error.message : String(error) });
    }
  },

  async loadAgreementTypes() {
    set((state) => ({
      agreementTypes: { ...state.agreementTypes, status: 'loading', error: null },
    }));
    try {
      const items = await bridge().invoke('configuration.agreementTypes');
      set({ agreementTypes: { status: 'loaded', items, error: null } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      set((state) => ({
        agreementTypes: { status: 'error', items: state.agreementTypes.items, error: message },
      }));
    }
  },

  async loadMarkerFields() {
    set((state) => ({ markerFields: { ...state.markerFields, status: 'loading', error: null } }));
    try {
      const fields = await bridge().invoke('configuration.markerFields');
      set({ markerFields: { status: 'loaded', ...fields, error: null } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      set((state) => ({
        markerFields: { ...state.markerFields, status: 'error', error: message },
      }));
    }
  },

  change(update) {
    set((state) => ({ draft: update(state.draft), formError: null }));
  },

  discard() {
    set((state) => ({ draft: draftOf(state.saved), errors: {}, formError: null }));
  },

  async save() {
    const parsed = ConfigurationInput.safeParse(inputOf(get().draft));
    if (!parsed.success) {
      set({ errors: errorsOf(parsed.error.issues), formError: 'Check the highlighted fields.' });
      return false;
    }
    set({ saving: true, errors: {}, formError: null });
    try {
      const saved = await bridge().invoke('configuration.save', parsed.data);
      set({ saved, draft: draftOf(saved) });
      await useAppStatus.getState().load();
      return true;
    } catch (error) {
      if (error instanceof BridgeCallError && error.issues) {
        set({ errors: errorsOf(error.issues.map((i) => ({ path: i.path, message: i.message }))) });
      }
      set({ formError: error instanceof Error ? error.message : String(error) });
      return false;
    } finally {
      set({ saving: false });
    }
  },
}));

export function newEndRule(): EndRuleRow {
  return { key: nextKey++, chargeType: null, rule: null };
}

export function newStartRule(): StartRuleRow {
  return { key: nextKey++, billingCycle: null, rule: 'First day of next month' };
}
