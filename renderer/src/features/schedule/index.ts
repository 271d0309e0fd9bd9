export { AutomaticSyncPanel, NextAutomaticSync } from './AutomaticSyncPanel';
export { ScheduleNotices } from './ScheduleNotices';
