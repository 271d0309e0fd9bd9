import type { ScheduleStatus } from './contract/schedule';

/**
 * "Next automatic sync: Tue 01:00 (00:00 UTC)": the next daily run in the workstation's own
 * time and the UTC it stands for, or why there is none. The tray and the screens say the same.
 */
export function nextRunText(
  schedule: Pick<ScheduleStatus, 'state' | 'nextRunAt'> | null,
  timeZone?: string,
): string {
  switch (schedule?.state) {
    case undefined:
      return 'Next automatic sync: …';
    case 'off':
      return 'Automatic sync is off';
    case 'paused':
      return 'Automatic sync is paused';
    case 'not-ready':
      return 'Automatic sync: finish the set-up first';
    case 'scheduled': {
      if (!schedule.nextRunAt) return 'Next automatic sync: not scheduled';
      const local = new Date(schedule.nextRunAt).toLocaleString(undefined, {
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        ...(timeZone ? { timeZone } : {}),
      });
      return `Next automatic sync: ${local} (00:00 UTC)`;
    }
  }
}
