import { bridge } from '@renderer/bridge';
import type { AppInfo, AppStatus } from '@shared/contract';
import { create } from 'zustand';

interface AppStatusState {
  status: AppStatus | null;
  loadError: string | null;
  /** The version, the shell, and the demo's values when it runs as `npm run demo`. */
  info: AppInfo | null;
  load(): Promise<void>;
  loadInfo(): Promise<void>;
  /** Follows the core's `app.statusChanged` events; returns the unsubscribe function. */
  follow(): () => void;
}

export const useAppStatus = create<AppStatusState>((set) => ({
  status: null,
  loadError: null,
  info: null,
  async loadInfo() {
    try {
      set({ info: await bridge().invoke('app.info') });
    } catch {
      // Only the demo's extras depend on it; the app works without.
    }
  },
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
