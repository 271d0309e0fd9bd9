import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chargeTypes } from '../../charge-dates';
import {
  type AdditionOperation,
  type AgreementTarget,
  type FoundAddition,
  type KnownAgreement,
  type LineToPost,
  markerMaxLength,
  type PlanTargetsInput,
  planAdditions,
  planTargets,
  type RecurringChanges,
} from './index';

const lastDayOfPeriod: Record<string, string> = {
  '2026-01': '31',
  '2026-02': '28',
  '2026-03': '31',
};

/** Mostly null: most lines leave the choice to the rules. */
function rarely<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary, weight: 1 });
}

/** Mostly `usual`, sometimes one of the `unusual` values. */
function mostly<T>(usual: T, ...unusual: T[]): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: fc.constant(usual), weight: 12 }, fc.constantFrom(...unusual));
}

// Small pools, so lines collide on Subscriptions, Contracts, Companies, Agreements and markers.
const lineArbitrary: fc.Arbitrary<LineToPost> = fc
  .record({
    lineId: fc.oneof(fc.integer({ min: 1, max: 40 }).map(String), fc.stringMatching(/^[A-C]-\d$/)),
    period: fc.constantFrom('2026-01', '2026-02', '2026-03'),
    startDay: mostly('01', '15'),
    endKind: mostly<'monthEnd' | 'mid' | 'early' | 'nextYear'>(
      'monthEnd',
      'mid',
      'early',
      'nextYear',
    ),
    contractId: fc.constantFrom('C-1', 'C-2'),
    organizationName: fc.constantFrom('Contoso Ltd', 'Fabrikam GmbH'),
    currency: mostly('USD', 'EUR'),
    subscriptionId: fc.constantFrom('s1', 's2', 's3'),
    chargeType: fc.oneof(fc.constant('Cycle Fee' as const), fc.constantFrom(...chargeTypes)),
    quantity: fc.constantFrom('1', '10', '10.00', '12', '2.5'),
    unitPrice: fc.constantFrom('10', '10.0', '12.5'),
    unitCost: fc.option(fc.constantFrom('8', '8.00'), { nil: null }),
    companyIds: mostly([42], [43], [42, 43], []),
    chosenCompanyId: rarely(fc.constantFrom(42, 43, 44)),
    chosenAgreementId: rarely(fc.constantFrom(900, 901, 902)),
    product: fc.option(
      fc.record({
        id: fc.constantFrom(501, 502),
        identifier: fc.constant('SKU'),
        productClass: mostly<string | null>('NonInventory', 'Service', null, 'Bundle'),
        inactive: mostly(false, true),
      }),
      { nil: null, freq: 12 },
    ),
    excluded: mostly(false, true),
  })
  .map(({ startDay, endKind, period, ...line }) => {
    const ends = {
      monthEnd: `${period}-${lastDayOfPeriod[period]}`,
      mid: `${period}-20`,
      early: `${period}-05`,
      nextYear: `2027-${period.slice(5)}-01`,
    };
    return {
      ...line,
      period,
      invoiceDate: `${period}-05`,
      organizationId: line.organizationName,
      subscriptionName: `Subscription ${line.subscriptionId}`,
      chargeTypeName: line.chargeType,
      billingCycle: 'Monthly' as const,
      chargeStart: `${period}-${startDay}`,
      chargeEnd: ends[endKind],
    };
  });

const agreementArbitrary: fc.Arbitrary<KnownAgreement> = fc.record({
  id: fc.constantFrom(900, 901, 902, 903),
  name: fc.constantFrom('Managed Services', 'C-1 – Contoso Ltd'),
  companyId: mostly(42, 43),
  status: mostly<string | null>('Active', 'Cancelled', null),
  cancelledFlag: mostly(false, true),
  currency: mostly<string | null>('USD', 'EUR', null),
  prorateFlag: mostly(false, true),
  billingCycle: mostly<KnownAgreement['billingCycle']>('Monthly', 'Quarterly', 'Yearly', null),
  billingStart: mostly<string | null>('2025-01-01', '2026-02-01', null),
  marker: fc.constantFrom('PLT:C:C-1', 'PLT:C:C-2', null),
});

const foundArbitrary: fc.Arbitrary<Omit<FoundAddition, 'id'>> = fc.record({
  agreementId: fc.constantFrom(900, 901, 902, 903),
  marker: fc.constantFrom(
    'PLT:S:s1:CycleFee',
    'PLT:S:s1:PurchaseFee',
    'PLT:S:s2:CycleFee',
    'PLT:S:s3:CycleFee',
    'PLT:L:1',
    'PLT:L:2',
    'PLT:L:3',
    'PLT:L:A-1',
  ),
  productId: fc.constantFrom(501, 502),
  quantity: fc.constantFrom(1, 10, 12),
  unitPrice: fc.constantFrom(10, 12.5),
  unitCost: fc.constantFrom(8, null),
  effectiveDate: fc.constantFrom(
    '2025-11-01T00:00:00Z',
    '2026-01-01T00:00:00Z',
    '2026-02-15T00:00:00Z',
  ),
  cancelledDate: fc.constantFrom('2026-01-31T00:00:00Z', '2026-12-31T00:00:00Z'),
  invoiceDescription: fc.constantFrom('Subscription s1 – Cycle Fee', 'old text'),
});

interface Scenario {
  targets: PlanTargetsInput;
  found: FoundAddition[];
  recurringChanges: RecurringChanges;
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record({
  targets: fc.record({
    lines: fc.uniqueArray(lineArbitrary, { selector: (line) => line.lineId, maxLength: 30 }),
    agreements: fc.uniqueArray(agreementArbitrary, { selector: (agreement) => agreement.id }),
    agreementType: fc.option(
      fc.record({ id: fc.constant(3), billingCycle: fc.constantFrom('Monthly', 'Yearly', null) }),
      { nil: null, freq: 8 },
    ),
    companies: fc.constantFrom(
      [{ id: 42, defaultContactId: 1200 }],
      [
        { id: 42, defaultContactId: 1200 },
        { id: 43, defaultContactId: null },
      ],
    ),
  }),
  found: fc
    .array(foundArbitrary, { maxLength: 8 })
    .map((found) => found.map((addition, index) => ({ ...addition, id: 7000 + index }))),
  recurringChanges: fc.constantFrom('update', 'keepHistory'),
});

function runPlan(scenario: Scenario) {
  const targetPlan = planTargets(scenario.targets);
  const operations = planAdditions({
    lines: scenario.targets.lines,
    targets: targetPlan.targets,
    found: scenario.found,
    options: { recurringChanges: scenario.recurringChanges },
  });
  return { ...targetPlan, operations };
}

function targetOf(operation: AdditionOperation): string {
  if (operation.op !== 'create') return `existing:${operation.agreementId}`;
  const target: AgreementTarget = operation.target;
  return target.kind === 'existing' ? `existing:${target.agreementId}` : `new:${target.key}`;
}

function rangeOf(operation: AdditionOperation): [string, string] {
  const values = operation.op === 'update' ? operation.to : operation.values;
  return [values.effectiveDate.slice(0, 10), values.cancelledDate.slice(0, 10)];
}

function countBy<T>(items: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

const inUpdateMode = scenarioArbitrary.map((scenario) => ({
  ...scenario,
  recurringChanges: 'update' as const,
}));

describe('the posting plan, over random runs', () => {
  it('never creates two Additions with the same marker on one Agreement in one run', () => {
    fc.assert(
      fc.property(inUpdateMode, (scenario) => {
        const { operations } = runPlan(scenario);
        const creates = operations
          .filter((operation) => operation.op === 'create')
          .map((operation) => `${targetOf(operation)} ${operation.marker}`);
        expect(new Set(creates).size).toBe(creates.length);
        const touched = operations.map((operation) => `${targetOf(operation)} ${operation.marker}`);
        expect(new Set(touched).size).toBe(touched.length);
      }),
      { numRuns: 300 },
    );
  });

  it('settles every line in exactly one operation or skips it exactly once', () => {
    fc.assert(
      fc.property(inUpdateMode, (scenario) => {
        const { operations, skipped } = runPlan(scenario);
        const settled = operations.flatMap((operation) => operation.lineIds);
        const accounted = [...settled, ...skipped.map((line) => line.lineId)];
        expect([...countBy(accounted).values()].every((count) => count === 1)).toBe(true);
        expect(new Set(accounted)).toEqual(
          new Set(scenario.targets.lines.map((line) => line.lineId)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the input lines, Agreements or found Additions', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary.chain((scenario) =>
          fc.record({
            scenario: fc.constant(scenario),
            lines: fc.shuffledSubarray([...scenario.targets.lines], {
              minLength: scenario.targets.lines.length,
            }),
            agreements: fc.shuffledSubarray([...scenario.targets.agreements], {
              minLength: scenario.targets.agreements.length,
            }),
            found: fc.shuffledSubarray(scenario.found, { minLength: scenario.found.length }),
          }),
        ),
        ({ scenario, lines, agreements, found }) => {
          const shuffled = {
            ...scenario,
            targets: { ...scenario.targets, lines, agreements },
            found,
          };
          const original = runPlan(scenario);
          const reordered = runPlan(shuffled);
          expect(reordered).toEqual(original);
          expect([...reordered.targets]).toEqual([...original.targets]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('plans a new Agreement exactly for the new targets, and only creates on it', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const { targets, newAgreements, operations } = runPlan(scenario);
        const newKeys = new Set(
          [...targets.values()].flatMap((target) => (target.kind === 'new' ? [target.key] : [])),
        );
        expect(new Set(newAgreements.map((agreement) => agreement.key))).toEqual(newKeys);
        for (const operation of operations) {
          if (targetOf(operation).startsWith('new:')) expect(operation.op).toBe('create');
          expect(operation.marker.length).toBeLessThanOrEqual(markerMaxLength);
          expect(operation.lineIds.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with "Keep history", settles every line and never lets two stretches of one marker overlap', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary.map((scenario) => ({
          ...scenario,
          recurringChanges: 'keepHistory' as const,
        })),
        (scenario) => {
          const { operations, skipped } = runPlan(scenario);
          const settled = new Set(operations.flatMap((operation) => operation.lineIds));
          const skippedIds = skipped.map((line) => line.lineId);
          expect(skippedIds.some((lineId) => settled.has(lineId))).toBe(false);
          expect(settled.size + skippedIds.length).toBe(scenario.targets.lines.length);

          const stretches = new Map<string, Array<[string, string]>>();
          for (const operation of operations) {
            const key = `${targetOf(operation)} ${operation.marker}`;
            stretches.set(key, [...(stretches.get(key) ?? []), rangeOf(operation)]);
          }
          for (const ranges of stretches.values()) {
            const sorted = [...ranges].sort(([left], [right]) => (left < right ? -1 : 1));
            for (let index = 1; index < sorted.length; index += 1) {
              const previousEnd = sorted[index - 1]?.[1] ?? '';
              expect(previousEnd < (sorted[index]?.[0] ?? '')).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
