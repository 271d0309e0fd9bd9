/**
 * The ConnectWise Manage simulator: start one per test (or from the CLI, `npm run sandbox`) and
 * point the app's ConnectWise client at `siteUrl` with `credentials`.
 */
export type { RateLimitOptions, RateLimitSettings } from '../rateLimit';
export type {
  Addition,
  Agreement,
  AgreementStatus,
  AgreementType,
  BillingCycle,
  CatalogItem,
  Company,
  Contact,
  Currency,
  CurrencyRecord,
  CustomField,
  CustomFieldScreen,
  ProductClass,
  SimulatorData,
  UserDefinedField,
} from './connectwiseRecords';
export { agreementStatuses, customFieldScreens, productClasses } from './connectwiseRecords';
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
