export { AutomaticSyncPanel, NextAutomaticSync } from './AutomaticSyncPanel';
