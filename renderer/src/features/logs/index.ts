export { SystemLogsPage } from './SystemLogsPage';
