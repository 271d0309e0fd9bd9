import type { scheduleChannels } from '@shared/contract';
import type { HandlersFor } from '../router';
import type { Scheduler } from './scheduler';

export {
  currentAndPreviousMonth,
  isMonthComplete,
  latestMidnightUtc,
  nextMidnightUtc,
} from './dailyTimes';
export { createScheduler, type Scheduler, type SchedulerDeps } from './scheduler';

export function scheduleHandlers(scheduler: Scheduler): HandlersFor<typeof scheduleChannels> {
  return {
    'schedule.status': () => scheduler.status(),
    'schedule.pause': () => scheduler.pause(),
    'schedule.resume': () => scheduler.resume(),
    'schedule.syncNow': () => scheduler.syncNow(),
  };
}
