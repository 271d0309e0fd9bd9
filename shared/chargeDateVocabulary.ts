/** The Platform's charge types, in the order the Configuration screen lists them. */
export const chargeTypes = [
  'Cycle Fee',
  'Correction',
  'Usage Fee',
  'Item Fee',
  'Purchase Fee',
  'One Time Fee',
] as const;
export type ChargeType = (typeof chargeTypes)[number];

export const billingCycles = ['Monthly', 'Quarterly', 'Annual', 'Triennial', 'One Time'] as const;
export type BillingCycle = (typeof billingCycles)[number];

/** Charge End Date rules, chosen per charge type. Both are computed from the invoice date. */
export const endDateRules = ['Last day of invoice month', 'First day of following month'] as const;
export type EndDateRule = (typeof endDateRules)[number];

/** Charge Start Date rules, chosen per billing cycle. Computed from the Platform's charge start. */
export const startDateRules = ['First day of next month'] as const;
export type StartDateRule = (typeof startDateRules)[number];

/** The charge-date part of the Configuration tab: at most one rule per charge type / cycle. */
export interface ChargeDateConfiguration {
  endDateRules: ReadonlyArray<{ chargeType: ChargeType; rule: EndDateRule }>;
  startDateRules: ReadonlyArray<{ billingCycle: BillingCycle; rule: StartDateRule }>;
  /** Name sent to ConnectWise instead of the Platform's; absent means the Platform name. */
  customChargeTypeNames: Partial<Record<ChargeType, string>>;
}

export const emptyChargeDateConfiguration: ChargeDateConfiguration = Object.freeze({
  endDateRules: Object.freeze([]),
  startDateRules: Object.freeze([]),
  customChargeTypeNames: Object.freeze({}),
});
