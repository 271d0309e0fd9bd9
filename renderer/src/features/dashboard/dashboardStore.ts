import { bridge } from '@renderer/bridge';
import type { DashboardSummary } from '@shared/contract';
import { create } from 'zustand';

interface DashboardState {
  summary: DashboardSummary | null;
  error: string | null;
  load(): Promise<void>;
}

export const useDashboard = create<DashboardState>((set) => ({
  summary: null,
  error: null,
  async load() {
    try {
      const summary = await bridge().invoke('dashboard.summary');
      set({ summary, error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
