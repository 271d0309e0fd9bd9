export { computeAppStatus } from './appStatus';
