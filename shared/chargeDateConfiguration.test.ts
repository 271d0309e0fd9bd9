import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  ChargeDateConfigurationSchema,
  maxCustomChargeTypeNameLength,
} from './chargeDateConfiguration';
import { type ChargeDateConfiguration, emptyChargeDateConfiguration } from './chargeDateVocabulary';

function messagesFor(input: unknown): string[] {
  const result = ChargeDateConfigurationSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const valid = {
  endDateRules: [
    { chargeType: 'Cycle Fee', rule: 'Last day of invoice month' },
    { chargeType: 'Usage Fee', rule: 'First day of following month' },
  ],
  startDateRules: [{ billingCycle: 'Monthly', rule: 'First day of next month' }],
  customChargeTypeNames: { 'Item Fee': 'Hardware' },
};

describe('charge date configuration validation', () => {
  it('gives what the rules engine takes', () => {
    expectTypeOf<
      z.output<typeof ChargeDateConfigurationSchema>
    >().toExtend<ChargeDateConfiguration>();
  });

  it('accepts a configuration with one rule per charge type and billing cycle', () => {
    expect(ChargeDateConfigurationSchema.parse(valid)).toEqual(valid);
  });

  it('accepts the empty configuration', () => {
    expect(ChargeDateConfigurationSchema.parse(emptyChargeDateConfiguration)).toEqual(
      emptyChargeDateConfiguration,
    );
  });

  it('refuses an unknown charge type, naming it', () => {
    const messages = messagesFor({
      ...valid,
      endDateRules: [{ chargeType: 'Setup Fee', rule: 'Last day of invoice month' }],
    });
    expect(messages).toEqual([expect.stringMatching(/Unknown charge type "Setup Fee"/)]);
  });

  it('refuses the same charge type in two end date rules, naming it', () => {
    const messages = messagesFor({
      ...valid,
      endDateRules: [
        { chargeType: 'Correction', rule: 'Last day of invoice month' },
        { chargeType: 'Correction', rule: 'First day of following month' },
      ],
    });
    expect(messages).toEqual([
      expect.stringMatching(/Charge type "Correction" has more than one charge end date rule/),
    ]);
  });

  it('refuses the same billing cycle in two start date rules, naming it', () => {
    const messages = messagesFor({
      ...valid,
      startDateRules: [
        { billingCycle: 'Annual', rule: 'First day of next month' },
        { billingCycle: 'Monthly', rule: 'First day of next month' },
        { billingCycle: 'Annual', rule: 'First day of next month' },
      ],
    });
    expect(messages).toEqual([
      expect.stringMatching(/Billing cycle "Annual" has more than one charge start date rule/),
    ]);
  });

  it('refuses an unknown billing cycle, naming it', () => {
    const messages = messagesFor({
      ...valid,
      startDateRules: [{ billingCycle: 'Weekly', rule: 'First day of next month' }],
    });
    expect(messages).toEqual([expect.stringMatching(/Unknown billing cycle "Weekly"/)]);
  });

  it.each([
    [
      'end',
      { endDateRules: [{ chargeType: 'Cycle Fee', rule: 'Last business day' }] },
      /Unknown charge end date rule "Last business day"/,
    ],
    [
      'start',
      { startDateRules: [{ billingCycle: 'Monthly', rule: 'First day of this month' }] },
      /Unknown charge start date rule "First day of this month"/,
    ],
  ])('refuses an unknown %s date rule, naming it', (_kind, change, message) => {
    expect(messagesFor({ ...valid, ...change })).toEqual([expect.stringMatching(message)]);
  });

  it('asks for a charge type when a rule row has none', () => {
    const messages = messagesFor({
      ...valid,
      endDateRules: [{ rule: 'Last day of invoice month' }],
    });
    expect(messages).toEqual(['Choose a charge type.']);
  });

  it('refuses a custom name for an unknown charge type, naming it', () => {
    const messages = messagesFor({ ...valid, customChargeTypeNames: { 'Setup Fee': 'Setup' } });
    expect(messages).toEqual([expect.stringMatching(/Unknown charge type "Setup Fee"/)]);
  });

  it('trims custom names and leaves out empty ones, which mean the Platform name', () => {
    const parsed = ChargeDateConfigurationSchema.parse({
      ...valid,
      customChargeTypeNames: {
        'Cycle Fee': '  Subscription  ',
        'Usage Fee': '   ',
        Correction: '',
      },
    });
    expect(parsed.customChargeTypeNames).toEqual({ 'Cycle Fee': 'Subscription' });
  });

  it(`accepts custom names up to ${maxCustomChargeTypeNameLength} characters and refuses longer`, () => {
    const longest = 'n'.repeat(maxCustomChargeTypeNameLength);
    expect(
      ChargeDateConfigurationSchema.parse({
        ...valid,
        customChargeTypeNames: { 'Item Fee': ` ${longest} ` },
      }).customChargeTypeNames,
    ).toEqual({ 'Item Fee': longest });
    expect(messagesFor({ ...valid, customChargeTypeNames: { 'Item Fee': `${longest}n` } })).toEqual(
      [`A custom charge type name can be at most ${maxCustomChargeTypeNameLength} characters.`],
    );
  });
});
