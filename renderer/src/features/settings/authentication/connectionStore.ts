import { BridgeCallError } from '@renderer/bridge';
import { type ConnectionProblem, saveFailedMessage } from '@shared/contract';
import type { z } from 'zod';
import { create } from 'zustand';

/** What the card shows after an action: a green or red alert. */
export interface Outcome {
  tone: 'success' | 'failure';
  title: string;
  text: string;
}

export type Draft<Field extends string> = Record<Field, string>;

export interface ConnectionState<Field extends string, View> {
  saved: View | null;
  draft: Draft<Field>;
  errors: Partial<Record<Field, string>>;
  busy: 'loading' | 'testing' | 'saving' | 'removing' | null;
  outcome: Outcome | null;
  load(): Promise<void>;
  setField(field: Field, value: string): void;
  test(): Promise<void>;
  save(): Promise<void>;
  /** Resolves true when the connection is gone; a failure shows in the card and resolves false. */
  remove(): Promise<boolean>;
}

/** What differs between the ConnectWise and the Platform connection cards. */
export interface ConnectionStoreSpec<Field extends string, View> {
  /** The contract's own field checks, run before anything goes over the network. */
  fields: z.ZodType;
  draftOf(saved: View | null): Draft<Field>;
  secretField: Field;
  /** True when every field but the secret is as saved: the saved secret serves then. */
  sameAsSaved(draft: Draft<Field>, saved: View): boolean;
  secretMissing(saved: View | null): string;
  current(): Promise<View | null>;
  test(
    draft: Draft<Field>,
  ): Promise<{ ok: true; summary: string } | { ok: false; problem: ConnectionProblem }>;
  save(
    draft: Draft<Field>,
  ): Promise<
    { ok: true; connection: View } | { ok: false; message: string; problem: ConnectionProblem }
  >;
  remove(): Promise<void>;
  texts: { loadFailed: string; removeFailed: string };
  /** The alert after a save; none when the app moves on (ConnectWise goes to Mapping). */
  savedOutcome(view: View): Outcome | null;
  afterSave?(): Promise<void>;
  afterRemove?(): Promise<void>;
}

/** The contract's field checks, as one message per field. */
function fieldErrors<Field extends string>(
  schema: z.ZodType,
  draft: Draft<Field>,
): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  const parsed = schema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as Field | undefined;
      if (field !== undefined && !errors[field]) errors[field] = issue.message;
    }
  }
  return errors;
}

/** Any failure of a bridge call, as the problem a connection card shows. */
export function problemFrom(error: unknown): ConnectionProblem {
  if (error instanceof BridgeCallError) return { kind: error.kind, message: error.message };
  return {
    kind: 'Internal Error',
    message: error instanceof Error ? error.message : String(error),
  };
}

const failure = (title: string, problem: ConnectionProblem): Outcome => ({
  tone: 'failure',
  title,
  text: `${problem.kind}: ${problem.message}`,
});

/** One store per connection card, both made the same way. */
export function createConnectionStore<Field extends string, View>(
  spec: ConnectionStoreSpec<Field, View>,
) {
  function validate(draft: Draft<Field>, saved: View | null): Partial<Record<Field, string>> {
    const errors = fieldErrors<Field>(spec.fields, draft);
    const unchanged = saved !== null && spec.sameAsSaved(draft, saved);
    if (!draft[spec.secretField] && !unchanged && !errors[spec.secretField]) {
      errors[spec.secretField] = spec.secretMissing(saved);
    }
    return errors;
  }

  const problemErrors = (problem: ConnectionProblem): Partial<Record<Field, string>> =>
    problem.field ? ({ [problem.field]: problem.message } as Partial<Record<Field, string>>) : {};

  return create<ConnectionState<Field, View>>((set, get) => ({
    saved: null,
    draft: spec.draftOf(null),
    errors: {},
    busy: 'loading',
    outcome: null,

    async load() {
      const before = get().draft;
      try {
        const saved = await spec.current();
        // What the user typed while the saved values were read is kept.
        if (get().draft !== before) set({ saved, busy: null });
        else set({ saved, draft: spec.draftOf(saved), errors: {}, busy: null, outcome: null });
      } catch (error) {
        set({ busy: null, outcome: failure(spec.texts.loadFailed, problemFrom(error)) });
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
        const result = await spec.test(draft);
        set(
          result.ok
            ? { outcome: { tone: 'success', title: 'Test is successful.', text: result.summary } }
            : {
                outcome: failure('Test is not successful.', result.problem),
                errors: problemErrors(result.problem),
              },
        );
      } catch (error) {
        set({ outcome: failure('Test is not successful.', problemFrom(error)) });
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
        const result = await spec.save(draft);
        if (!result.ok) {
          set({
            outcome: failure(result.message, result.problem),
            errors: problemErrors(result.problem),
          });
          return;
        }
        set({
          saved: result.connection,
          draft: spec.draftOf(result.connection),
          outcome: spec.savedOutcome(result.connection),
        });
        await spec.afterSave?.();
      } catch (error) {
        set({ outcome: failure(saveFailedMessage, problemFrom(error)) });
      } finally {
        set({ busy: null });
      }
    },

    async remove() {
      set({ busy: 'removing' });
      try {
        await spec.remove();
        set({ saved: null, draft: spec.draftOf(null), errors: {}, outcome: null });
        await spec.afterRemove?.();
        return true;
      } catch (error) {
        set({ outcome: failure(spec.texts.removeFailed, problemFrom(error)) });
        return false;
      } finally {
        set({ busy: null });
      }
    },
  }));
}

export type ConnectionStore<Field extends string, View> = ReturnType<
  typeof createConnectionStore<Field, View>
>;
