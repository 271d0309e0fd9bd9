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
  ProductClass,
  SimulatorData,
} from './connectwiseRecords';
export { productClasses } from './connectwiseRecords';
export type {
  FaultControls,
  FaultPlan,
  FaultRule,
  InjectedErrorStatus,
  ScriptedFault,
} from './faultInjection';
export { type PermissionArea, type PermissionLevel, permissionAreas } from './rolePermissions';
export { connectwiseDate, touch } from './seedData';
export {
  type ConnectWiseSimulator,
  type ConnectWiseSimulatorOptions,
  codebase,
  type RecordedRequest,
  type SimulatorCredentials,
  startConnectWiseSimulator,
} from './simulatorServer';
