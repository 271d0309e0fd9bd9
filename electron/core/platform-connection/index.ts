import type { platformConnectionChannels } from '@shared/contract';
import type { HandlersFor } from '../router';
import type { PlatformConnection } from './platformConnection';

export {
  createPlatformConnection,
  type PlatformConnection,
  type PlatformConnectionDeps,
} from './platformConnection';

export function platformConnectionHandlers(
  connection: PlatformConnection,
): HandlersFor<typeof platformConnectionChannels> {
  return {
    'platformConnection.current': () => connection.current(),
    'platformConnection.test': (fields) => connection.test(fields),
    'platformConnection.save': (fields) => connection.save(fields),
    'platformConnection.remove': async () => {
      await connection.remove();
      return { removed: true } as const;
    },
  };
}
