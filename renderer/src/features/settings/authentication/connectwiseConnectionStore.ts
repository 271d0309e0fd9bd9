import { useAppStatus } from '@renderer/app/appStatusStore';
import { useNavigation } from '@renderer/app/navigationStore';
import { bridge } from '@renderer/bridge';
import {
  type ConnectWiseConnectionField,
  ConnectWiseConnectionFields,
  type ConnectWiseConnectionView,
} from '@shared/contract';
import { createConnectionStore } from './connectionStore';

const empty: ConnectWiseConnectionFields = {
  siteUrl: '',
  companyId: '',
  publicKey: '',
  privateKey: '',
};

/** Settings › Authentication, "Connection Credentials": the ConnectWise connection. */
export const useConnectWiseConnection = createConnectionStore<
  ConnectWiseConnectionField,
  ConnectWiseConnectionView
>({
  fields: ConnectWiseConnectionFields,
  draftOf: (saved) =>
    saved
      ? {
          siteUrl: saved.siteUrl,
          companyId: saved.companyId,
          publicKey: saved.publicKey,
          privateKey: '',
        }
      : empty,
  secretField: 'privateKey',
  sameAsSaved: (draft, saved) =>
    draft.siteUrl.trim() === saved.siteUrl &&
    draft.companyId.trim() === saved.companyId &&
    draft.publicKey.trim() === saved.publicKey,
  secretMissing: (saved) =>
    saved
      ? 'Enter the API Private Key again: it is needed whenever another field changes.'
      : 'Enter the API Private Key.',
  current: () => bridge().invoke('connectwiseConnection.current'),
  async test(draft) {
    const result = await bridge().invoke('connectwiseConnection.test', draft);
    return result.ok
      ? {
          ok: true,
          summary: `${result.companyName ? `${result.companyName}, ` : ''}ConnectWise ${result.apiVersion}`,
        }
      : result;
  },
  save: (draft) => bridge().invoke('connectwiseConnection.save', draft),
  async remove() {
    await bridge().invoke('connectwiseConnection.disconnect');
  },
  texts: {
    loadFailed: 'The saved connection could not be read.',
    removeFailed: 'The integration was not disconnected.',
  },
  savedOutcome: () => null,
  // A successful save lands on Mapping › Organizations.
  async afterSave() {
    await useAppStatus.getState().load();
    useNavigation.getState().go({ screen: 'mapping', tab: 'organizations' });
  },
  async afterRemove() {
    await useAppStatus.getState().load();
  },
});
