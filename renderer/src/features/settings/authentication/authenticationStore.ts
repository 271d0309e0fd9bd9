import { create } from 'zustand';
import {
  type ConnectionField,
  ConnectionFields,
  type ConnectionProblem,
  type ConnectionView,
} from '../../../../../shared/contract';
import { useAppStatus } from '../../../app/appStatusStore';
import { useNavigation } from '../../../app/navigationStore';
import { bridge } from '../../../bridge';
import { fieldErrors, problemFrom } from './connectionForm';

type FieldErrors = Partial<Record<ConnectionField, string>>;

export type Outcome =
  | { kind: 'test-passed'; companyName: string | null; apiVersion: string }
  | { kind: 'test-failed'; problem: ConnectionProblem }
  | { kind: 'save-failed'; message: string; problem: ConnectionProblem }
  | null;

interface AuthenticationState {
  saved: ConnectionView | null;
  draft: ConnectionFields;
  fieldErrors: FieldErrors;
  busy: 'loading' | 'testing' | 'saving' | 'disconnecting' | null;
  outcome: Outcome;
  loadError: string | null;
  load(): Promise<void>;
  setField(field: ConnectionField, value: string): void;
  test(): Promise<void>;
  save(): Promise<void>;
  disconnect(): Promise<boolean>;
}

const emptyDraft: ConnectionFields = { siteUrl: '', companyId: '', publicKey: '', privateKey: '' };

function draftOf(saved: ConnectionView | null): ConnectionFields {
  return saved
    ? {
        siteUrl: saved.siteUrl,
        companyId: saved.companyId,
        publicKey: saved.publicKey,
        privateKey: '',
      }
    : emptyDraft;
}

/** Field-level checks with the contract's own rules, before anything goes over the network. */
function validate(draft: ConnectionFields, saved: ConnectionView | null): FieldErrors {
  const errors: FieldErrors = fieldErrors<ConnectionField>(ConnectionFields, draft);
  const unchanged =
    saved !== null &&
    draft.siteUrl.trim() === saved.siteUrl &&
    draft.companyId.trim() === saved.companyId &&
    draft.publicKey.trim() === saved.publicKey;
  if (!draft.privateKey && !unchanged && !errors.privateKey) {
    errors.privateKey = saved
      ? 'Enter the API Private Key again: it is needed whenever another field changes.'
      : 'Enter the API Private Key.';
  }
  return errors;
}

export const useAuthentication = create<AuthenticationState>((set, get) => ({
  saved: null,
  draft: emptyDraft,
  fieldErrors: {},
  busy: 'loading',
  outcome: null,
  loadError: null,

  async load() {
    try {
      const saved = await bridge().invoke('auth.current');
      set({
        saved,
        draft: draftOf(saved),
        fieldErrors: {},
        busy: null,
        outcome: null,
        loadError: null,
      });
    } catch (error) {
      set({
        busy: null,
        loadError: `The saved connection could not be read: ${problemFrom(error).message}`,
      });
    }
  },

  setField(field, value) {
    const { draft, fieldErrors } = get();
    set({
      draft: { ...draft, [field]: value },
      fieldErrors: { ...fieldErrors, [field]: undefined },
      outcome: null,
    });
  },

  async test() {
    const { draft, saved } = get();
    const fieldErrors = validate(draft, saved);
    set({ fieldErrors, outcome: null });
    if (Object.keys(fieldErrors).length > 0) return;
    set({ busy: 'testing' });
    try {
      const result = await bridge().invoke('auth.test', draft);
      set({
        outcome: result.ok
          ? { kind: 'test-passed', companyName: result.companyName, apiVersion: result.apiVersion }
          : { kind: 'test-failed', problem: result.problem },
        fieldErrors:
          !result.ok && result.problem.field
            ? { [result.problem.field]: result.problem.message }
            : {},
      });
    } catch (error) {
      set({ outcome: { kind: 'test-failed', problem: problemFrom(error) } });
    } finally {
      set({ busy: null });
    }
  },

  async save() {
    const { draft, saved } = get();
    const fieldErrors = validate(draft, saved);
    set({ fieldErrors, outcome: null });
    if (Object.keys(fieldErrors).length > 0) return;
    set({ busy: 'saving' });
    try {
      const result = await bridge().invoke('auth.save', draft);
      if (!result.ok) {
        set({
          outcome: { kind: 'save-failed', message: result.message, problem: result.problem },
          fieldErrors: result.problem.field
            ? { [result.problem.field]: result.problem.message }
            : {},
        });
        return;
      }
      set({ saved: result.connection, draft: draftOf(result.connection), outcome: null });
      await useAppStatus.getState().load();
      useNavigation.getState().go({ screen: 'mapping', tab: 'organizations' });
    } catch (error) {
      set({
        outcome: {
          kind: 'save-failed',
          message: 'Connection was not established. Please validate settings information.',
          problem: problemFrom(error),
        },
      });
    } finally {
      set({ busy: null });
    }
  },

  async disconnect() {
    set({ busy: 'disconnecting' });
    try {
      await bridge().invoke('auth.disconnect');
      set({ saved: null, draft: emptyDraft, fieldErrors: {}, outcome: null });
      await useAppStatus.getState().load();
      return true;
    } finally {
      set({ busy: null });
    }
  },
}));
