/**
 * The Platform API simulator: start one per test (or from the CLI, `npm run sandbox:platform`)
 * and point the app's Platform connection at `baseUrl` with `token`. The API it serves is
 * `docs/platform-api.yaml`; `generateBillingHistory` gives the same data without a server (for
 * benchmarks and export-file fixtures).
 */
export { type AccountInfo, defaultLimit, maxLimit } from './billingApi';
export {
  type BillingHistory,
  type BillingHistoryOptions,
  generateBillingHistory,
} from './billingHistory';
export type {
  FaultControls,
  FaultPlan,
  FaultRule,
  InjectedErrorStatus,
  ScriptedFault,
} from './faultInjection';
export {
  type BillingCycle,
  billingCycles,
  type ChargeType,
  type Contract,
  type Currency,
  chargeTypes,
  currencies,
  type Invoice,
  type InvoiceLine,
  type Offer,
  type OfferCategory,
  type Organization,
  type PlatformData,
} from './platformRecords';
export {
  defaultToken,
  type PlatformSimulator,
  type PlatformSimulatorOptions,
  type RecordedRequest,
  startPlatformSimulator,
} from './simulatorServer';
