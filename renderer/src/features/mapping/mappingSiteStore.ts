import { bridge } from '@renderer/bridge';
import type { MappingSite } from '@shared/contract';
import { create } from 'zustand';
import { messageOf } from './messageOf';

interface MappingSiteState {
  site: MappingSite | null;
  error: string | null;
  load(): Promise<void>;
  decide(reuse: boolean): Promise<void>;
}

/** Whether the mappings were made for the ConnectWise site connected now. */
export const useMappingSite = create<MappingSiteState>((set) => ({
  site: null,
  error: null,
  async load() {
    try {
      set({ site: await bridge().invoke('mapping.site'), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  async decide(reuse) {
    try {
      set({ site: await bridge().invoke('mapping.decideSite', { reuse }), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
}));
