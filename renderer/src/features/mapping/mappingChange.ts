import { messageOf } from './messageOf';

export type Notice = { text: string; error: boolean } | null;

/**
 * Runs one change of the mappings: busy meanwhile, then the notice it ends with (what changed, or
 * why not), and the grid reloaded so it shows the new statuses. Resolves whether it worked.
 */
export async function runMappingChange(
  set: (state: { busy?: boolean; notice?: Notice }) => void,
  reloadGrid: () => void,
  change: () => Promise<string>,
): Promise<boolean> {
  set({ busy: true, notice: null });
  try {
    set({ notice: { text: await change(), error: false } });
    reloadGrid();
    return true;
  } catch (error) {
    set({ notice: { text: messageOf(error), error: true } });
    return false;
  } finally {
    set({ busy: false });
  }
}
