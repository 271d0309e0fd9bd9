import { describe, expect, it } from 'vitest';
import { type NewestMonthLine, type PostedRecurringAddition, vanishedSubscriptions } from './index';

function posted(overrides: Partial<PostedRecurringAddition> = {}): PostedRecurringAddition {
  return {
    marker: 'PLT:S:sub-m365:CycleFee',
    agreementId: 900,
    additionId: 7001,
    contractId: 'C-100',
    subscriptionId: 'sub-m365',
    chargeType: 'Cycle Fee',
    subscriptionName: 'Microsoft 365 Business Premium',
    lastPlatformChargeEnd: '2026-01-31',
    ...overrides,
  };
}

function line(overrides: Partial<NewestMonthLine> = {}): NewestMonthLine {
  return {
    contractId: 'C-100',
    subscriptionId: 'sub-azure',
    chargeStart: '2026-02-01',
    ...overrides,
  };
}

describe('vanished subscriptions', () => {
  it("a monthly Subscription missing from February is cancelled the day before the Contract's first charge", () => {
    expect(
      vanishedSubscriptions({
        postedRecurring: [posted()],
        newestMonth: {
          period: '2026-02',
          lines: [line({ chargeStart: '2026-02-10' }), line({ chargeStart: '2026-02-03' })],
        },
      }),
    ).toEqual([
      {
        agreementId: 900,
        additionId: 7001,
        marker: 'PLT:S:sub-m365:CycleFee',
        cancelledDate: '2026-02-02T00:00:00Z',
        subscriptionName: 'Microsoft 365 Business Premium',
      },
    ]);
  });

  it('a Contract with no line in the newest month cancels the day before the month began', () => {
    const cancellations = vanishedSubscriptions({
      postedRecurring: [posted()],
      newestMonth: {
        period: '2026-02',
        lines: [line({ contractId: 'C-200', chargeStart: '2026-02-05' })],
      },
    });
    expect(cancellations.map((cancellation) => cancellation.cancelledDate)).toEqual([
      '2026-01-31T00:00:00Z',
    ]);
  });

  it('an Annual subscription billed in January has not vanished in February', () => {
    const annual = posted({ lastPlatformChargeEnd: '2026-12-31' });
    expect(
      vanishedSubscriptions({
        postedRecurring: [annual],
        newestMonth: { period: '2026-02', lines: [] },
      }),
    ).toEqual([]);
  });

  it('an Annual subscription billed last January has vanished when it is missing this January', () => {
    const annual = posted({ lastPlatformChargeEnd: '2025-12-31' });
    expect(
      vanishedSubscriptions({
        postedRecurring: [annual],
        newestMonth: { period: '2026-01', lines: [] },
      }),
    ).toMatchObject([{ cancelledDate: '2025-12-31T00:00:00Z' }]);
  });

  it('a Subscription still billed in the month, under any charge type, is kept', () => {
    const purchaseFee = posted({
      chargeType: 'Purchase Fee',
      marker: 'PLT:S:sub-m365:PurchaseFee',
    });
    expect(
      vanishedSubscriptions({
        postedRecurring: [purchaseFee],
        newestMonth: { period: '2026-02', lines: [line({ subscriptionId: 'sub-m365' })] },
      }),
    ).toEqual([]);
  });

  it('a Subscription that moved to another Contract has vanished from its old one', () => {
    expect(
      vanishedSubscriptions({
        postedRecurring: [posted()],
        newestMonth: {
          period: '2026-02',
          lines: [line({ contractId: 'C-200', subscriptionId: 'sub-m365' })],
        },
      }),
    ).toHaveLength(1);
  });

  it('never cancels before the last day already charged', () => {
    const lateStart = vanishedSubscriptions({
      postedRecurring: [posted({ lastPlatformChargeEnd: '2026-01-20' })],
      newestMonth: { period: '2026-02', lines: [line({ chargeStart: '2026-01-15' })] },
    });
    expect(lateStart.map((cancellation) => cancellation.cancelledDate)).toEqual([
      '2026-01-20T00:00:00Z',
    ]);
  });

  it('nothing is cancelled when no month is loaded', () => {
    expect(vanishedSubscriptions({ postedRecurring: [posted()], newestMonth: null })).toEqual([]);
  });

  it('lists the cancellations per Agreement and Addition', () => {
    const cancellations = vanishedSubscriptions({
      postedRecurring: [
        posted({ agreementId: 901, additionId: 1 }),
        posted({ agreementId: 900, additionId: 9, subscriptionId: 'sub-b' }),
        posted({ agreementId: 900, additionId: 3, subscriptionId: 'sub-c' }),
      ],
      newestMonth: { period: '2026-02', lines: [] },
    });
    expect(
      cancellations.map((cancellation) => [cancellation.agreementId, cancellation.additionId]),
    ).toEqual([
      [900, 3],
      [900, 9],
      [901, 1],
    ]);
  });
});
