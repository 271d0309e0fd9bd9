import { z } from 'zod';
import {
  type BillingCycle,
  billingCycles,
  type ChargeType,
  chargeTypes,
  endDateRules,
  startDateRules,
} from './chargeDateVocabulary';

/**
 * Longest custom charge type name. The Addition's invoiceDescription (at most 6000 characters)
 * is the subscription name plus this name, so a bounded name keeps it valid.
 */
export const maxCustomChargeTypeNameLength = 100;

function oneOf(what: string, allowed: readonly string[]) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `Choose a ${what}.`
      : `Unknown ${what} ${JSON.stringify(issue.input)}: expected one of ${allowed.map((name) => `"${name}"`).join(', ')}.`;
}

const ChargeTypeSchema = z.enum(chargeTypes, { error: oneOf('charge type', chargeTypes) });
const BillingCycleSchema = z.enum(billingCycles, { error: oneOf('billing cycle', billingCycles) });

const EndDateRuleRow = z.object({
  chargeType: ChargeTypeSchema,
  rule: z.enum(endDateRules, { error: oneOf('charge end date rule', endDateRules) }),
});

const StartDateRuleRow = z.object({
  billingCycle: BillingCycleSchema,
  rule: z.enum(startDateRules, { error: oneOf('charge start date rule', startDateRules) }),
});

/** Adds an issue on every row after the first that repeats a key already used above it. */
function refuseRepeated<Row, Key extends string>(
  keyOf: (row: Row) => Key,
  field: string,
  message: (key: Key) => string,
) {
  return (rows: Row[], context: z.RefinementCtx) => {
    const seen = new Set<Key>();
    rows.forEach((row, index) => {
      const key = keyOf(row);
      if (seen.has(key))
        context.addIssue({ code: 'custom', path: [index, field], message: message(key) });
      seen.add(key);
    });
  };
}

const CustomChargeTypeName = z
  .string({ error: 'A custom charge type name must be text.' })
  .trim()
  .max(maxCustomChargeTypeNameLength, {
    error: `A custom charge type name can be at most ${maxCustomChargeTypeNameLength} characters.`,
  });

/**
 * The charge-date part of the Configuration tab as saved and as received from the screen.
 * Custom names come out trimmed; an empty name means the Platform name and is left out.
 */
export const ChargeDateConfigurationSchema = z.object({
  endDateRules: z.array(EndDateRuleRow).superRefine(
    refuseRepeated(
      (row: { chargeType: ChargeType }) => row.chargeType,
      'chargeType',
      (chargeType) =>
        `Charge type "${chargeType}" has more than one charge end date rule: a charge type can have only one rule at a time.`,
    ),
  ),
  startDateRules: z.array(StartDateRuleRow).superRefine(
    refuseRepeated(
      (row: { billingCycle: BillingCycle }) => row.billingCycle,
      'billingCycle',
      (billingCycle) =>
        `Billing cycle "${billingCycle}" has more than one charge start date rule: a billing cycle can have only one rule at a time.`,
    ),
  ),
  customChargeTypeNames: z
    .strictObject(
      {
        'Cycle Fee': CustomChargeTypeName.optional(),
        Correction: CustomChargeTypeName.optional(),
        'Usage Fee': CustomChargeTypeName.optional(),
        'Item Fee': CustomChargeTypeName.optional(),
        'Purchase Fee': CustomChargeTypeName.optional(),
        'One Time Fee': CustomChargeTypeName.optional(),
      } satisfies Record<ChargeType, unknown>,
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `Unknown charge type ${issue.keys.map((key) => JSON.stringify(key)).join(', ')} in the custom charge type names: expected ${chargeTypes.map((name) => `"${name}"`).join(', ')}.`
            : undefined,
      },
    )
    .transform((names) => {
      const inEffect: Partial<Record<ChargeType, string>> = {};
      for (const chargeType of chargeTypes) {
        const name = names[chargeType];
        if (name !== undefined && name !== '') inEffect[chargeType] = name;
      }
      return inEffect;
    }),
});
