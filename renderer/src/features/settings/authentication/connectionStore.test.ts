import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createConnectionStore } from './connectionStore';

type Field = 'baseUrl' | 'token';
interface View {
  baseUrl: string;
}

/** A card whose saved values arrive when the test says. */
function card() {
  let answer: (view: View | null) => void = () => {};
  const store = createConnectionStore<Field, View>({
    fields: z.object({ baseUrl: z.string(), token: z.string() }),
    draftOf: (saved) => ({ baseUrl: saved?.baseUrl ?? '', token: '' }),
    secretField: 'token',
    sameAsSaved: (draft, saved) => draft.baseUrl === saved.baseUrl,
    secretMissing: () => 'Enter the token.',
    current: () =>
      new Promise<View | null>((resolve) => {
        answer = resolve;
      }),
    test: async () => ({ ok: true, summary: '' }),
    save: async (draft) => ({ ok: true, connection: { baseUrl: draft.baseUrl } }),
    remove: async () => {},
    texts: { loadFailed: 'not read', removeFailed: 'not removed' },
    savedOutcome: () => null,
  });
  return { store, answer: (view: View | null) => answer(view) };
}

describe('a connection card', () => {
  it('keeps what the user typed while the saved values were still being read', async () => {
    const { store, answer } = card();
    const loading = store.getState().load();
    store.getState().setField('baseUrl', 'http://127.0.0.1:4010');
    store.getState().setField('token', 'typed');
    answer(null);
    await loading;
    expect(store.getState().draft).toEqual({ baseUrl: 'http://127.0.0.1:4010', token: 'typed' });
    expect(store.getState().busy).toBeNull();
  });

  it('shows the saved values when the user has typed nothing', async () => {
    const { store, answer } = card();
    const loading = store.getState().load();
    answer({ baseUrl: 'https://api.platform.example' });
    await loading;
    expect(store.getState().draft).toEqual({ baseUrl: 'https://api.platform.example', token: '' });
  });
});
