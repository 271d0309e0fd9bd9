import { describe, expect, it } from 'vitest';
import {
  agreementMarker,
  ambiguousCompanyReason,
  billedEveryCycleReason,
  chosenAgreementNotOfCompanyReason,
  currencyMismatchReason,
  type KnownAgreement,
  type LineToPost,
  noDefaultContactReason,
  notMappedReason,
  type PlanTargetsInput,
  planTargets,
} from './index';
import { knownAgreement, platformLine } from './planFixtures';

function plan(lines: LineToPost[], overrides: Partial<PlanTargetsInput> = {}) {
  return planTargets({
    lines,
    agreements: [],
    agreementType: { id: 3, billingCycle: 'Monthly' },
    companies: [{ id: 42, defaultContactId: 1200 }],
    ...overrides,
  });
}

describe('a new Agreement', () => {
  it('is planned per Company and Contract with its name, contact, type, start date, currency and marker', () => {
    const result = plan([
      platformLine({ lineId: '2', chargeStart: '2026-01-10', chargeEnd: '2026-01-31' }),
      platformLine({
        lineId: '1',
        chargeType: 'Usage Fee',
        chargeStart: '2026-01-03',
        chargeEnd: '2026-01-20',
      }),
    ]);
    expect(result.newAgreements).toEqual([
      {
        key: '42|C-100',
        companyId: 42,
        contactId: 1200,
        name: 'C-100 – Contoso Ltd',
        typeId: 3,
        startDate: '2026-01-03T00:00:00Z',
        currency: 'USD',
        marker: 'PLT:C:C-100',
      },
    ]);
    expect(result.targets).toEqual(
      new Map([
        ['1', { kind: 'new', key: '42|C-100' }],
        ['2', { kind: 'new', key: '42|C-100' }],
      ]),
    );
    expect(result.skipped).toEqual([]);
  });

  it('has its name cut to the 100 characters ConnectWise takes', () => {
    const organizationName =
      'Contoso International Holdings and Subsidiaries of the Northern Hemisphere Trading Company Limited';
    const [agreement] = plan([platformLine({ organizationName })]).newAgreements;
    expect(agreement?.name).toHaveLength(100);
    expect(agreement?.name.startsWith('C-100 – Contoso International')).toBe(true);
  });

  it('is one per Contract: two Contracts of one Company get two Agreements', () => {
    const result = plan([
      platformLine({ lineId: '1' }),
      platformLine({ lineId: '2', contractId: 'C-200', subscriptionId: 'sub-azure' }),
    ]);
    expect(result.newAgreements.map((agreement) => agreement.key)).toEqual([
      '42|C-100',
      '42|C-200',
    ]);
  });

  it('takes the currency of its first line by line id; a line in another currency is blocked', () => {
    const result = plan([
      platformLine({ lineId: '10', currency: 'USD' }),
      platformLine({ lineId: '9', currency: 'EUR', subscriptionId: 'sub-b' }),
      platformLine({ lineId: '11', currency: 'EUR', subscriptionId: 'sub-c' }),
    ]);
    expect(result.newAgreements.map((agreement) => agreement.currency)).toEqual(['EUR']);
    expect(result.skipped).toEqual([
      {
        lineId: '10',
        status: 'Needs attention',
        reason: currencyMismatchReason({
          lineCurrency: 'USD',
          agreementCurrency: 'EUR',
          agreementName: 'C-100 – Contoso Ltd',
          isNew: true,
        }),
      },
    ]);
    expect(result.skipped[0]?.reason).toBe(
      'This line is in USD, but the new Agreement "C-100 – Contoso Ltd" will be in EUR, the currency of its first line: choose a PSA Agreement in USD.',
    );
    expect([...result.targets.keys()]).toEqual(['9', '11']);
  });

  it('starts on the earliest Charge Start Date of the lines it will hold, not of blocked ones', () => {
    const result = plan([
      platformLine({
        lineId: '1',
        currency: 'USD',
        chargeStart: '2026-01-05',
        chargeEnd: '2026-01-31',
      }),
      platformLine({
        lineId: '2',
        currency: 'EUR',
        chargeStart: '2026-01-01',
        chargeEnd: '2026-01-31',
      }),
    ]);
    expect(result.newAgreements[0]?.startDate).toBe('2026-01-05T00:00:00Z');
  });

  it('an Annual line posted with its 12-month period onto a new monthly Agreement is blocked: billed every cycle', () => {
    const result = plan([
      platformLine({ billingCycle: 'Annual', chargeStart: '2026-01-01', chargeEnd: '2026-12-31' }),
    ]);
    expect(result.skipped).toEqual([
      {
        lineId: '1001',
        status: 'Needs attention',
        reason: billedEveryCycleReason({
          agreementName: 'C-100 – Contoso Ltd',
          billingCycle: 'Monthly',
          chargeType: 'Cycle Fee',
          chargeStart: '2026-01-01',
          chargeEnd: '2026-12-31',
        }),
      },
    ]);
    expect(result.newAgreements).toEqual([]);
  });

  it('is not prorated, so a partial month onto a new Agreement posts', () => {
    const result = plan([platformLine({ chargeStart: '2026-01-15', chargeEnd: '2026-01-31' })]);
    expect(result.skipped).toEqual([]);
  });

  it('takes the billing cycle of the Agreement Type: none known blocks no period', () => {
    const result = plan([platformLine({ chargeStart: '2026-01-01', chargeEnd: '2026-12-31' })], {
      agreementType: { id: 3, billingCycle: null },
    });
    expect(result.skipped).toEqual([]);
  });

  it('cannot be created for a Company without a default contact: the reason says to set one in ConnectWise', () => {
    const result = plan([platformLine()], { companies: [{ id: 42, defaultContactId: null }] });
    expect(result.skipped).toEqual([
      { lineId: '1001', status: 'Needs attention', reason: noDefaultContactReason(42) },
    ]);
    expect(noDefaultContactReason(42)).toMatch(/no default contact: set one in ConnectWise/);
    expect(result.newAgreements).toEqual([]);
  });

  it('is not needed when the line chose an existing Agreement, contact or not', () => {
    const result = plan([platformLine({ chosenAgreementId: 900 })], {
      agreements: [knownAgreement()],
      companies: [],
    });
    expect(result.targets.get('1001')).toEqual({ kind: 'existing', agreementId: 900 });
  });
});

describe('an existing Agreement', () => {
  const created: KnownAgreement = knownAgreement({
    id: 950,
    name: 'C-100 – Contoso Ltd',
    marker: agreementMarker('C-100'),
  });

  it('the Agreement this app created earlier for the Contract is found by its marker', () => {
    const result = plan([platformLine()], { agreements: [knownAgreement(), created] });
    expect(result.targets.get('1001')).toEqual({ kind: 'existing', agreementId: 950 });
    expect(result.newAgreements).toEqual([]);
  });

  it('of two Agreements with the same marker, the oldest is used', () => {
    const twin = { ...created, id: 960 };
    const result = plan([platformLine()], { agreements: [twin, created] });
    expect(result.targets.get('1001')).toEqual({ kind: 'existing', agreementId: 950 });
  });

  it('an Agreement of another Company with the marker is not used', () => {
    const result = plan([platformLine()], { agreements: [{ ...created, companyId: 77 }] });
    expect(result.targets.get('1001')).toEqual({ kind: 'new', key: '42|C-100' });
  });

  it('the chosen PSA Agreement wins over the one found by marker', () => {
    const result = plan([platformLine({ chosenAgreementId: 900 })], {
      agreements: [knownAgreement(), created],
    });
    expect(result.targets.get('1001')).toEqual({ kind: 'existing', agreementId: 900 });
  });

  it('a chosen PSA Agreement of another Company is refused', () => {
    const fabrikam = knownAgreement({ id: 901, companyId: 77, name: 'Fabrikam Support' });
    const result = plan([platformLine({ chosenAgreementId: 901 })], { agreements: [fabrikam] });
    expect(result.skipped).toEqual([
      {
        lineId: '1001',
        status: 'Needs attention',
        reason: chosenAgreementNotOfCompanyReason(901, 42),
      },
    ]);
    expect(result.targets.size).toBe(0);
  });

  it('the chosen PSA Organization decides which Company the Agreement is looked for in', () => {
    const fabrikamCreated = knownAgreement({ id: 970, companyId: 43, marker: 'PLT:C:C-100' });
    const line = platformLine({ companyIds: [42, 43], chosenCompanyId: 43 });
    const result = plan([line], { agreements: [created, fabrikamCreated] });
    expect(result.targets.get('1001')).toEqual({ kind: 'existing', agreementId: 970 });
  });

  it('a cancelled Agreement found by marker blocks its lines rather than creating another', () => {
    const result = plan([platformLine()], { agreements: [{ ...created, cancelledFlag: true }] });
    expect(result.skipped[0]?.reason).toMatch(/"C-100 – Contoso Ltd" is cancelled/);
    expect(result.newAgreements).toEqual([]);
  });

  it('a prorated Agreement blocks a partial month', () => {
    const line = platformLine({ chargeStart: '2026-01-15', chargeEnd: '2026-01-31' });
    const result = plan([line], { agreements: [{ ...created, prorateFlag: true }] });
    expect(result.skipped[0]?.reason).toMatch(/"Prorate Agreement" on/);
  });
});

describe('lines that are not posted', () => {
  it('are listed once each, in line id order, with their status', () => {
    const result = plan([
      platformLine({ lineId: '3', companyIds: [42, 43] }),
      platformLine({ lineId: '1', excluded: true }),
      platformLine({ lineId: '2', product: null }),
      platformLine({ lineId: '4' }),
    ]);
    expect(result.skipped).toEqual([
      {
        lineId: '1',
        status: 'Excluded',
        reason: 'The line or its Organization is excluded from posting.',
      },
      {
        lineId: '2',
        status: 'Not Mapped',
        reason: notMappedReason({ organization: false, offer: true, agreementType: false }),
      },
      { lineId: '3', status: 'Needs attention', reason: ambiguousCompanyReason(2) },
    ]);
    expect([...result.targets.keys()]).toEqual(['4']);
  });

  it('are all "Not Mapped" while no Agreement Type is configured', () => {
    const result = plan(
      [platformLine({ lineId: '1' }), platformLine({ lineId: '2', chosenAgreementId: 900 })],
      {
        agreementType: null,
        agreements: [knownAgreement()],
      },
    );
    expect(result.skipped.map((line) => line.status)).toEqual(['Not Mapped', 'Not Mapped']);
    expect(result.newAgreements).toEqual([]);
  });
});
