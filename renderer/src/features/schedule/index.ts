export { AutomaticSyncPanel, NextAutomaticSync } from './AutomaticSyncPanel';
export { ScheduleNotices } from './ScheduleNotices';
export { useSchedule } from './scheduleStore';
