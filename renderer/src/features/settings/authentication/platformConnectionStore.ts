import { create } from 'zustand';
import {
  type ConnectionProblem,
  PlatformConnectionFields,
  type PlatformConnectionView,
} from '../../../../../shared/contract';
import { bridge } from '../../../bridge';
import { fieldErrors, problemFrom } from './connectionForm';

type Field = 'baseUrl' | 'token';
type Outcome =
  | { kind: 'test-passed'; platformName: string; accountName: string }
  | { kind: 'failed'; title: string; problem: ConnectionProblem }
  | { kind: 'saved' }
  | null;

interface PlatformConnectionState {
  saved: PlatformConnectionView | null;
  draft: { baseUrl: string; token: string };
  errors: Partial<Record<Field, string>>;
  busy: 'testing' | 'saving' | 'removing' | null;
  outcome: Outcome;
  load(): Promise<void>;
  setField(field: Field, value: string): void;
  test(): Promise<void>;
  save(): Promise<void>;
  remove(): Promise<void>;
}

function validate(draft: { baseUrl: string; token: string }, saved: PlatformConnectionView | null) {
  const errors = fieldErrors<Field>(PlatformConnectionFields, draft);
  if (
    !draft.token &&
    saved?.baseUrl !== draft.baseUrl.trim().replace(/\/+$/, '') &&
    !errors.token
  ) {
    errors.token = saved
      ? 'Enter the API token again: it is needed when the base URL changes.'
      : 'Enter the API token.';
  }
  return errors;
}

export const usePlatformConnection = create<PlatformConnectionState>((set, get) => ({
  saved: null,
  draft: { baseUrl: '', token: '' },
  errors: {},
  busy: null,
  outcome: null,

  async load() {
    try {
      const saved = await bridge().invoke('platform.current');
      set({
        saved,
        draft: { baseUrl: saved?.baseUrl ?? '', token: '' },
        errors: {},
        outcome: null,
      });
    } catch (error) {
      set({
        outcome: {
          kind: 'failed',
          title: 'The Platform connection could not be read.',
          problem: problemFrom(error),
        },
      });
    }
  },

  setField(field, value) {
    set((state) => ({
      draft: { ...state.draft, [field]: value },
      errors: { ...state.errors, [field]: undefined },
      outcome: null,
    }));
  },

  async test() {
    const { draft, saved } = get();
    const errors = validate(draft, saved);
    set({ errors, outcome: null });
    if (Object.keys(errors).length > 0) return;
    set({ busy: 'testing' });
    try {
      const result = await bridge().invoke('platform.test', draft);
      set(
        result.ok
          ? {
              outcome: {
                kind: 'test-passed',
                platformName: result.platformName,
                accountName: result.accountName,
              },
            }
          : {
              outcome: {
                kind: 'failed',
                title: 'Test is not successful.',
                problem: result.problem,
              },
              errors: result.problem.field
                ? { [result.problem.field]: result.problem.message }
                : {},
            },
      );
    } catch (error) {
      set({
        outcome: { kind: 'failed', title: 'Test is not successful.', problem: problemFrom(error) },
      });
    } finally {
      set({ busy: null });
    }
  },

  async save() {
    const { draft, saved } = get();
    const errors = validate(draft, saved);
    set({ errors, outcome: null });
    if (Object.keys(errors).length > 0) return;
    set({ busy: 'saving' });
    try {
      const result = await bridge().invoke('platform.save', draft);
      if (result.ok) {
        set({
          saved: result.connection,
          draft: { baseUrl: result.connection.baseUrl, token: '' },
          outcome: { kind: 'saved' },
        });
      } else {
        set({
          outcome: { kind: 'failed', title: result.message, problem: result.problem },
          errors: result.problem.field ? { [result.problem.field]: result.problem.message } : {},
        });
      }
    } catch (error) {
      set({
        outcome: {
          kind: 'failed',
          title: 'The Platform connection was not saved.',
          problem: problemFrom(error),
        },
      });
    } finally {
      set({ busy: null });
    }
  },

  async remove() {
    set({ busy: 'removing' });
    try {
      await bridge().invoke('platform.remove');
      set({ saved: null, draft: { baseUrl: '', token: '' }, errors: {}, outcome: null });
    } catch (error) {
      set({
        outcome: {
          kind: 'failed',
          title: 'The Platform connection was not removed.',
          problem: problemFrom(error),
        },
      });
    } finally {
      set({ busy: null });
    }
  },
}));
