import { bridge } from '@renderer/bridge';
import {
  type PlatformConnectionField,
  PlatformConnectionFields,
  type PlatformConnectionView,
} from '@shared/contract';
import { createConnectionStore } from './connectionStore';

/** Settings › Authentication, "Platform Connection". */
export const usePlatformConnection = createConnectionStore<
  PlatformConnectionField,
  PlatformConnectionView
>({
  fields: PlatformConnectionFields,
  draftOf: (saved) => ({ baseUrl: saved?.baseUrl ?? '', token: '' }),
  secretField: 'token',
  sameAsSaved: (draft, saved) => draft.baseUrl.trim().replace(/\/+$/, '') === saved.baseUrl,
  secretMissing: (saved) =>
    saved
      ? 'Enter the API token again: it is needed when the base URL changes.'
      : 'Enter the API token.',
  current: () => bridge().invoke('platformConnection.current'),
  async test(draft) {
    const result = await bridge().invoke('platformConnection.test', draft);
    return result.ok
      ? { ok: true, summary: `${result.platformName}, account ${result.accountName}` }
      : result;
  },
  save: (draft) => bridge().invoke('platformConnection.save', draft),
  async remove() {
    await bridge().invoke('platformConnection.remove');
  },
  texts: {
    loadFailed: 'The Platform connection could not be read.',
    removeFailed: 'The Platform connection was not removed.',
  },
  savedOutcome: (saved) => ({
    tone: 'success',
    title: 'Platform connection saved.',
    text: `${saved.platformName}, account ${saved.accountName}`,
  }),
});
