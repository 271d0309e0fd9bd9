import type { connectwiseConnectionChannels } from '@shared/contract';
import type { HandlersFor } from '../router';
import type { ConnectWiseConnection } from './connectwiseConnection';

export {
  type ConnectWiseConnection,
  type ConnectWiseConnectionDeps,
  type ConnectWiseConnector,
  createConnectWiseConnection,
  keychainAccount,
} from './connectwiseConnection';

export function connectwiseConnectionHandlers(
  connection: ConnectWiseConnection,
): HandlersFor<typeof connectwiseConnectionChannels> {
  return {
    'connectwiseConnection.current': () => connection.current(),
    'connectwiseConnection.test': (fields) => connection.test(fields),
    'connectwiseConnection.save': (fields) => connection.save(fields),
    'connectwiseConnection.disconnect': async () => {
      await connection.disconnect();
      return { disconnected: true } as const;
    },
  };
}
