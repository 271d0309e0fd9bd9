/**
 * The ConnectWise Manage simulator: start one per test (or from the CLI, `npm run sandbox`) and
 * point the app's ConnectWise client at `siteUrl` with `credentials`.
 */
export type {
  Addition,
  Agreement,
  AgreementType,
  BillingCycle,
  CatalogItem,
  Company,
  Contact,
  CustomField,
  SimulatorData,
} from './connectwiseRecords';
export type {
  FaultControls,
  FaultPlan,
  FaultRule,
  InjectedErrorStatus,
  ScriptedFault,
} from './faultInjection';
export { type PermissionArea, type PermissionLevel, permissionAreas } from './rolePermissions';
export {
  type ConnectWiseSimulator,
  type ConnectWiseSimulatorOptions,
  codebase,
  type RecordedRequest,
  type SimulatorCredentials,
  startConnectWiseSimulator,
} from './simulatorServer';
