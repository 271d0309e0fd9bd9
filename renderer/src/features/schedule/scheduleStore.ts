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

/** "Tue, 01:00 (00:00 UTC)": the next run in the user's own time, and the UTC it stands for. */
export function nextRunText(status: ScheduleStatus | null): string {
  switch (status?.state) {
    case undefined:
      return 'Next automatic sync: …';
    case 'off':
      return 'Automatic sync is off';
    case 'paused':
      return 'Automatic sync is paused';
    case 'not-ready':
      return 'Automatic sync: finish the set-up first';
    case 'scheduled': {
      if (!status.nextRunAt) return 'Next automatic sync: not scheduled';
      const local = new Date(status.nextRunAt).toLocaleString(undefined, {
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
      });
      return `Next automatic sync: ${local} (00:00 UTC)`;
    }
  }
}

/** "3 posted, 1 updated, 0 failed" over every month of a run. */
export function runCounts(result: DailyRunResult): string {
  const total = (key: 'posted' | 'updated' | 'failed') =>
    result.months.reduce((sum, month) => sum + month[key], 0);
  return `${total('posted')} posted, ${total('updated')} updated, ${total('failed')} failed`;
}
