import { bridge } from '@renderer/bridge';
import type { DailyRunResult, ScheduleStatus } from '@shared/contract';
import { create } from 'zustand';

interface ScheduleState {
  status: ScheduleStatus | null;
  busy: boolean;
  error: string | null;
  /** The result of the "Sync now" started here. */
  result: DailyRunResult | null;
  load(): Promise<void>;
  /** Follows the core's `schedule.changed` events; returns the unsubscribe function. */
  follow(): () => void;
  syncNow(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** "Automated Daily Invoice Line Sync" as the Dashboard and Configuration show it. */
export const useSchedule = create<ScheduleState>((set, get) => ({
  status: null,
  busy: false,
  error: null,
  result: null,

  async load() {
    try {
      set({ status: await bridge().invoke('schedule.status') });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },

  follow() {
    return bridge().on('schedule.changed', (status) => set({ status }));
  },

  async syncNow() {
    set({ busy: true, error: null, result: null });
    try {
      const result = await bridge().invoke('schedule.syncNow');
      set({ result });
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      set({ busy: false });
      await get().load();
    }
  },

  async pause() {
    set({ status: await bridge().invoke('schedule.pause') });
  },

  async resume() {
    set({ status: await bridge().invoke('schedule.resume') });
  },
}));

/** "3 posted, 1 updated, 0 failed" over every month of a run. */
export function runCounts(result: DailyRunResult): string {
  const total = (key: 'posted' | 'updated' | 'failed') =>
    result.months.reduce((sum, month) => sum + month[key], 0);
  return `${total('posted')} posted, ${total('updated')} updated, ${total('failed')} failed`;
}
