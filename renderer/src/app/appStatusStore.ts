import { bridge } from '@renderer/bridge';
import type { AppStatus } from '@shared/contract';
import { create } from 'zustand';

interface AppStatusState {
  status: AppStatus | null;
  loadError: string | null;
  load(): Promise<void>;
  /** Follows the core's `app.statusChanged` events; returns the unsubscribe function. */
  follow(): () => void;
}

export const useAppStatus = create<AppStatusState>((set) => ({
  status: null,
  loadError: null,
  async load() {
    try {
      set({ status: await bridge().invoke('app.status'), loadError: null });
    } catch (error) {
      set({ loadError: error instanceof Error ? error.message : String(error) });
    }
  },
  follow() {
    return bridge().on('app.statusChanged', (status) => set({ status }));
  },
}));
