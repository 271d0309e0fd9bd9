export {
  additionValues,
  holdsValues,
  invoiceDescription,
  invoiceDescriptionMaxLength,
} from './additionValues';
export { isWholeBillingPeriod, spansMoreThanOneCycle } from './billingPeriods';
export {
  companyOfLine,
  type LineCheckOptions,
  reasonToBlockOnAgreement,
  reasonToSkipLine,
  sameCurrency,
  whyNotPosted,
} from './blocking';
export { decimalOfNumber, normalizeDecimal, sameDecimal } from './decimalString';
export { compareLineIds } from './lineOrder';
export {
  agreementMarker,
  isRecurring,
  lineMarker,
  markerMaxLength,
  recurringChargeTypes,
  recurringMarker,
} from './markers';
export { markersToLookUp, monthDrivers, planAdditions } from './planAdditions';
export {
  agreementNameMaxLength,
  newAgreementKey,
  newAgreementName,
  planTargets,
} from './planTargets';
export type * from './planTypes';
export * from './reasons';
export { vanishedSubscriptions } from './vanishedSubscriptions';
