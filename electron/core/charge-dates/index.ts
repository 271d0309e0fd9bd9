export {
  ChargeDateConfigurationSchema,
  maxCustomChargeTypeNameLength,
} from '@shared/chargeDateConfiguration';
export {
  type BillingCycle,
  billingCycles,
  type ChargeDateConfiguration,
  type ChargeType,
  chargeTypes,
  type EndDateRule,
  emptyChargeDateConfiguration,
  endDateRules,
  type StartDateRule,
  startDateRules,
} from '@shared/chargeDateVocabulary';
export {
  type CalendarDate,
  formatCalendarDate,
  InvalidCalendarDateError,
  isCalendarDate,
  parseCalendarDate,
  toConnectWiseDate,
} from './calendarDate';
export { chargeTypeNameToSend } from './chargeTypeNameToSend';
export {
  type ComputedChargeDates,
  type ComputedDate,
  computeChargeDates,
  type DateBadge,
  type DateOverrides,
} from './computeChargeDates';
export type { LineForDates } from './lineForDates';
