import { describe, expect, it } from 'vitest';
import {
  type AgreementToCheck,
  ambiguousCompanyReason,
  billedEveryCycleReason,
  billingNotStartedReason,
  bundleProductReason,
  cancelledAgreementReason,
  chosenCompanyNotMappedReason,
  currencyMismatchReason,
  doubleProrationReason,
  excludedReason,
  expiredAgreementReason,
  inactiveAgreementReason,
  inactiveProductReason,
  invalidValueReason,
  type LineToPost,
  notMappedReason,
  startAfterEndReason,
  whyNotPosted,
} from './index';
import { knownAgreement, platformLine } from './planFixtures';

const configured = { agreementTypeConfigured: true };

function onAgreement(overrides: Partial<AgreementToCheck> = {}): AgreementToCheck {
  return { ...knownAgreement(), isNew: false, ...overrides };
}

function reasonOn(line: LineToPost, agreement: AgreementToCheck | null = onAgreement()) {
  return whyNotPosted(line, agreement, configured);
}

describe('lines that are not posted, whatever their Agreement', () => {
  it('an excluded line is "Excluded"', () => {
    expect(reasonOn(platformLine({ excluded: true }))).toEqual({
      lineId: '1001',
      status: 'Excluded',
      reason: excludedReason,
    });
  });

  it.each([
    [{ companyIds: [] }, { organization: true, offer: false, agreementType: false }],
    [{ product: null }, { organization: false, offer: true, agreementType: false }],
    [
      { companyIds: [], product: null },
      { organization: true, offer: true, agreementType: false },
    ],
  ])('a line with %o is "Not Mapped", saying what is missing', (change, missing) => {
    expect(reasonOn(platformLine(change))).toMatchObject({
      status: 'Not Mapped',
      reason: notMappedReason(missing),
    });
  });

  it('says which mapping is missing in plain words', () => {
    expect(notMappedReason({ organization: true, offer: false, agreementType: false })).toBe(
      'Map the Organization to a Company.',
    );
    expect(notMappedReason({ organization: false, offer: true, agreementType: true })).toBe(
      'Map the Offer to a Product. Select an Agreement Type in Settings › Configuration.',
    );
  });

  it('no line is posted before an Agreement Type is configured', () => {
    expect(whyNotPosted(platformLine(), onAgreement(), { agreementTypeConfigured: false })).toEqual(
      {
        lineId: '1001',
        status: 'Not Mapped',
        reason: 'Select an Agreement Type in Settings › Configuration.',
      },
    );
  });

  it('an Organization mapped to several Companies needs a PSA Organization chosen on the line', () => {
    const line = platformLine({ companyIds: [42, 43] });
    expect(reasonOn(line)).toMatchObject({
      status: 'Needs attention',
      reason: ambiguousCompanyReason(2),
    });
    expect(ambiguousCompanyReason(2)).toBe(
      'The Organization is mapped to 2 Companies: choose the PSA Organization for this line.',
    );
    expect(reasonOn({ ...line, chosenCompanyId: 43 }, onAgreement())).toBeNull();
  });

  it('a chosen PSA Organization that is no longer mapped is refused', () => {
    const line = platformLine({ companyIds: [42, 43], chosenCompanyId: 44 });
    expect(reasonOn(line)?.reason).toBe(chosenCompanyNotMappedReason(44));
  });

  it('an Offer mapped to a Bundle is blocked: ConnectWise refuses bundles as Additions', () => {
    const line = platformLine({
      product: { id: 77, identifier: 'M365-KIT', productClass: 'Bundle', inactive: false },
    });
    expect(reasonOn(line)).toMatchObject({
      status: 'Needs attention',
      reason: bundleProductReason,
    });
    expect(bundleProductReason).toMatch(/map the Offer to another Product/);
  });

  it('an Offer mapped to an inactive product is blocked', () => {
    const line = platformLine({
      product: { id: 78, identifier: 'OLD-SKU', productClass: 'Service', inactive: true },
    });
    expect(reasonOn(line)?.reason).toBe(inactiveProductReason);
  });

  it('a quantity that is not a number is never sent', () => {
    expect(reasonOn(platformLine({ quantity: '1,5' }))?.reason).toBe(
      invalidValueReason('quantity', '1,5'),
    );
  });

  it('dates with the start after the end are never sent', () => {
    const line = platformLine({ chargeStart: '2026-02-01', chargeEnd: '2026-01-31' });
    expect(reasonOn(line)?.reason).toBe(startAfterEndReason('2026-02-01', '2026-01-31'));
  });

  it('a one-day charge is fine', () => {
    expect(
      reasonOn(platformLine({ chargeStart: '2026-01-31', chargeEnd: '2026-01-31' })),
    ).toBeNull();
  });
});

describe('lines blocked by their target Agreement', () => {
  it('a EUR line onto a USD Agreement is blocked, naming both currencies', () => {
    const skipped = reasonOn(platformLine({ currency: 'EUR' }));
    expect(skipped).toMatchObject({
      status: 'Needs attention',
      reason: currencyMismatchReason({
        lineCurrency: 'EUR',
        agreementCurrency: 'USD',
        agreementName: 'Contoso Managed Services',
        isNew: false,
      }),
    });
    expect(skipped?.reason).toBe(
      'This line is in EUR, but the Agreement "Contoso Managed Services" is in USD: choose a PSA Agreement in EUR.',
    );
  });

  it('currency codes compare without regard to case', () => {
    expect(reasonOn(platformLine({ currency: 'usd' }))).toBeNull();
  });

  it('an Agreement whose currency ConnectWise did not give blocks nothing', () => {
    expect(reasonOn(platformLine({ currency: 'EUR' }), onAgreement({ currency: null }))).toBeNull();
  });

  it.each([
    [{ cancelledFlag: true }, cancelledAgreementReason('Contoso Managed Services')],
    [{ status: 'Cancelled' }, cancelledAgreementReason('Contoso Managed Services')],
    [{ status: 'Expired' }, expiredAgreementReason('Contoso Managed Services')],
    [{ status: 'Inactive' }, inactiveAgreementReason('Contoso Managed Services', 'Inactive')],
    [{ status: 'On Hold' }, inactiveAgreementReason('Contoso Managed Services', 'On Hold')],
  ])('an Agreement with %o is unusable, and the reason names it', (state, reason) => {
    expect(reasonOn(platformLine(), onAgreement(state))?.reason).toBe(reason);
  });

  it('the reason for a cancelled Agreement reads in plain words', () => {
    expect(cancelledAgreementReason('Contoso Managed Services')).toBe(
      'The Agreement "Contoso Managed Services" is cancelled in ConnectWise: choose another PSA Agreement.',
    );
  });

  it('an Agreement whose billing starts after the Charge Start Date is unusable', () => {
    const agreement = onAgreement({ billingStart: '2026-02-01' });
    expect(reasonOn(platformLine(), agreement)?.reason).toBe(
      billingNotStartedReason('Contoso Managed Services', '2026-02-01', '2026-01-01'),
    );
    expect(
      reasonOn(platformLine({ chargeStart: '2026-02-01', chargeEnd: '2026-02-28' }), agreement),
    ).toBeNull();
  });

  it('a billing start read with a time still compares by day', () => {
    const agreement = onAgreement({ billingStart: '2026-01-01T00:00:00Z' });
    expect(reasonOn(platformLine(), agreement)).toBeNull();
  });

  it('a line without a known target is checked only for itself', () => {
    expect(reasonOn(platformLine({ currency: 'EUR' }), null)).toBeNull();
  });
});

describe('billed every cycle', () => {
  const monthly = onAgreement({ billingCycle: 'Monthly' });

  it('an Annual line posted with its 12-month period onto a monthly Agreement is blocked: billed every cycle', () => {
    const line = platformLine({
      billingCycle: 'Annual',
      chargeStart: '2026-01-01',
      chargeEnd: '2026-12-31',
    });
    const reason = billedEveryCycleReason({
      agreementName: 'Contoso Managed Services',
      billingCycle: 'Monthly',
      chargeType: 'Cycle Fee',
      chargeStart: '2026-01-01',
      chargeEnd: '2026-12-31',
    });
    expect(reasonOn(line, monthly)).toEqual({ lineId: '1001', status: 'Needs attention', reason });
    expect(reason).toContain('End Date rule "Last day of invoice month" for "Cycle Fee"');
    expect(reason).toContain('("User Updated")');
  });

  it('the reason names the Platform charge type even when a custom name is sent', () => {
    const line = platformLine({
      chargeType: 'Purchase Fee',
      chargeTypeName: 'Licence purchase',
      chargeEnd: '2026-12-31',
    });
    expect(reasonOn(line, monthly)?.reason).toContain('for "Purchase Fee"');
  });

  it('the same Annual line with the End Date rule "Last day of invoice month" posts', () => {
    const line = platformLine({
      billingCycle: 'Annual',
      chargeStart: '2026-01-01',
      chargeEnd: '2026-01-31',
    });
    expect(reasonOn(line, monthly)).toBeNull();
  });

  it('a Quarterly line with its 3-month period onto a monthly Agreement is blocked', () => {
    const line = platformLine({
      billingCycle: 'Quarterly',
      chargeStart: '2026-01-01',
      chargeEnd: '2026-03-31',
    });
    expect(reasonOn(line, monthly)?.reason).toMatch(/more than one Monthly billing cycle/);
  });

  it('a Triennial line with its 36-month period is blocked on a monthly and on a yearly Agreement', () => {
    const line = platformLine({
      billingCycle: 'Triennial',
      chargeStart: '2026-01-01',
      chargeEnd: '2028-12-31',
    });
    expect(reasonOn(line, monthly)?.reason).toMatch(/ConnectWise would bill it every cycle/);
    expect(reasonOn(line, onAgreement({ billingCycle: 'Yearly' }))?.reason).toMatch(
      /more than one Yearly billing cycle/,
    );
  });

  it('an Annual line onto a yearly Agreement is one cycle and posts', () => {
    const line = platformLine({
      billingCycle: 'Annual',
      chargeStart: '2026-03-15',
      chargeEnd: '2027-03-14',
    });
    expect(reasonOn(line, onAgreement({ billingCycle: 'Yearly' }))).toBeNull();
  });

  it.each([
    ['2026-01-01', '2026-01-31', false],
    ['2026-01-01', '2026-02-01', true],
    ['2026-01-15', '2026-02-14', false],
    ['2026-01-15', '2026-02-15', true],
    ['2026-02-01', '2026-02-28', false],
    ['2026-02-01', '2026-03-01', true],
  ])(
    'on a monthly Agreement, %s to %s is more than one cycle: %s',
    (chargeStart, chargeEnd, blocked) => {
      expect(reasonOn(platformLine({ chargeStart, chargeEnd }), monthly) !== null).toBe(blocked);
    },
  );

  it.each([
    ['Weekly', '2026-01-05', '2026-01-11', false],
    ['Weekly', '2026-01-05', '2026-01-12', true],
    ['BiWeekly', '2026-01-05', '2026-01-18', false],
    ['BiWeekly', '2026-01-05', '2026-01-19', true],
    ['BiMonthly', '2026-01-01', '2026-02-28', false],
    ['BiMonthly', '2026-01-01', '2026-03-01', true],
    ['Quarterly', '2026-01-01', '2026-03-31', false],
    ['SemiAnnual', '2026-01-01', '2026-06-30', false],
    ['SemiAnnual', '2026-01-01', '2026-07-01', true],
    ['NotRecurring', '2026-01-01', '2028-12-31', false],
    [null, '2026-01-01', '2028-12-31', false],
    ['Every 4 weeks', '2026-01-01', '2028-12-31', false],
  ] as const)(
    'on a %s Agreement, %s to %s is more than one cycle: %s',
    (billingCycle, chargeStart, chargeEnd, blocked) => {
      const agreement = onAgreement({
        billingCycle: billingCycle as AgreementToCheck['billingCycle'],
      });
      expect(reasonOn(platformLine({ chargeStart, chargeEnd }), agreement) !== null).toBe(blocked);
    },
  );
});

describe('double proration', () => {
  const prorated = onAgreement({ prorateFlag: true, billingCycle: 'Monthly' });

  it('a line the Platform prorated (Jan 15–31) onto a prorated Agreement is blocked, naming the Agreement', () => {
    const line = platformLine({ chargeStart: '2026-01-15', chargeEnd: '2026-01-31' });
    const reason = doubleProrationReason({
      agreementName: 'Contoso Managed Services',
      billingCycle: 'Monthly',
      chargeType: 'Cycle Fee',
      chargeStart: '2026-01-15',
      chargeEnd: '2026-01-31',
    });
    expect(reasonOn(line, prorated)).toEqual({ lineId: '1001', status: 'Needs attention', reason });
    expect(reason).toContain('"Contoso Managed Services"');
    expect(reason).toContain('Turn "Prorate Agreement" off');
    expect(reason).toContain('set the dates to the whole period');
  });

  it.each([
    ['2026-01-01', '2026-01-31'],
    ['2026-02-01', '2026-02-28'],
    ['2028-02-01', '2028-02-29'],
    ['2026-04-01', '2026-04-30'],
    ['2026-12-01', '2026-12-31'],
  ])(
    'a whole month %s to %s onto a prorated Agreement is NOT blocked',
    (chargeStart, chargeEnd) => {
      expect(reasonOn(platformLine({ chargeStart, chargeEnd }), prorated)).toBeNull();
    },
  );

  it.each([
    ['2026-01-01', '2026-01-30'],
    ['2026-01-02', '2026-01-31'],
    ['2026-01-15', '2026-02-14'],
    ['2026-02-01', '2026-02-27'],
  ])('a period %s to %s that is not a whole month is blocked', (chargeStart, chargeEnd) => {
    expect(reasonOn(platformLine({ chargeStart, chargeEnd }), prorated)?.reason).toMatch(
      /"Prorate Agreement" on/,
    );
  });

  it('a whole quarter starting on any 1st is one quarterly period; one month of it is not', () => {
    const quarterly = onAgreement({ prorateFlag: true, billingCycle: 'Quarterly' });
    expect(
      reasonOn(platformLine({ chargeStart: '2026-01-01', chargeEnd: '2026-03-31' }), quarterly),
    ).toBeNull();
    expect(
      reasonOn(platformLine({ chargeStart: '2026-02-01', chargeEnd: '2026-04-30' }), quarterly),
    ).toBeNull();
    expect(reasonOn(platformLine(), quarterly)?.reason).toMatch(
      /not one whole Quarterly billing period/,
    );
  });

  it('a weekly period is any 7 days', () => {
    const weekly = onAgreement({ prorateFlag: true, billingCycle: 'Weekly' });
    expect(
      reasonOn(platformLine({ chargeStart: '2026-01-07', chargeEnd: '2026-01-13' }), weekly),
    ).toBeNull();
    expect(
      reasonOn(platformLine({ chargeStart: '2026-01-07', chargeEnd: '2026-01-12' }), weekly),
    ).not.toBeNull();
  });

  it('the same prorated line onto an Agreement without "Prorate Agreement" posts', () => {
    const line = platformLine({ chargeStart: '2026-01-15', chargeEnd: '2026-01-31' });
    expect(reasonOn(line, onAgreement({ prorateFlag: false }))).toBeNull();
  });

  it('a prorated Agreement that does not recur prorates nothing', () => {
    const line = platformLine({ chargeStart: '2026-01-15', chargeEnd: '2026-01-31' });
    expect(
      reasonOn(line, onAgreement({ prorateFlag: true, billingCycle: 'NotRecurring' })),
    ).toBeNull();
  });
});
