import { bridge } from '@renderer/bridge';
import type { DashboardSummary } from '@shared/contract';
import { create } from 'zustand';

interface DashboardState {
  summary: DashboardSummary | null;
  error: string | null;
  /** When the figures were last read; the relative times are computed against it. */
  readAt: Date;
  load(): Promise<void>;
}

export const useDashboard = create<DashboardState>((set) => ({
  summary: null,
  error: null,
  readAt: new Date(),
  async load() {
    try {
      const summary = await bridge().invoke('dashboard.summary');
      set({ summary, error: null, readAt: new Date() });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
