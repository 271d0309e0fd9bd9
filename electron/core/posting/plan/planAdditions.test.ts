import { describe, expect, it } from 'vitest';
import {
  type AdditionOperation,
  type AgreementTarget,
  additionValues,
  type FoundAddition,
  type LineToPost,
  markersToLookUp,
  monthDrivers,
  planAdditions,
  type RecurringChanges,
} from './index';
import { foundAddition, platformLine } from './planFixtures';

const onContoso: AgreementTarget = { kind: 'existing', agreementId: 900 };

function plan(
  lines: LineToPost[],
  found: FoundAddition[] = [],
  recurringChanges: RecurringChanges = 'update',
  target: AgreementTarget = onContoso,
): AdditionOperation[] {
  return planAdditions({
    lines,
    targets: new Map(lines.map((line) => [line.lineId, target])),
    found,
    options: { recurringChanges },
  });
}

const usage = (overrides: Partial<LineToPost> = {}) =>
  platformLine({
    lineId: '2001',
    chargeType: 'Usage Fee',
    chargeTypeName: 'Usage Fee',
    subscriptionId: 'sub-azure',
    subscriptionName: 'Azure plan',
    quantity: '1',
    unitPrice: '1234.56',
    ...overrides,
  });

describe('one-time lines', () => {
  it('a Usage Fee line becomes its own Addition, marked with its line id', () => {
    const line = usage();
    expect(plan([line])).toEqual([
      {
        op: 'create',
        target: onContoso,
        marker: 'PLT:L:2001',
        values: additionValues(line),
        lineIds: ['2001'],
      },
    ]);
  });

  it('two one-time lines of one Subscription in one month are two Additions', () => {
    const operations = plan([
      usage(),
      usage({ lineId: '2002', chargeType: 'Correction', chargeTypeName: 'Correction' }),
    ]);
    expect(operations.map((operation) => operation.marker)).toEqual(['PLT:L:2001', 'PLT:L:2002']);
  });

  it('found by its marker after a lost response, it is adopted and nothing is written', () => {
    const line = usage();
    const found = foundAddition({ id: 8100, marker: 'PLT:L:2001', ...additionValues(line) });
    expect(plan([line], [found])).toEqual([
      {
        op: 'adopt',
        agreementId: 900,
        additionId: 8100,
        marker: 'PLT:L:2001',
        values: additionValues(line),
        lineIds: ['2001'],
      },
    ]);
  });

  it('found with other values, it is still adopted as it is and never changed', () => {
    const line = usage();
    const found = foundAddition({
      id: 8100,
      marker: 'PLT:L:2001',
      ...additionValues(line),
      quantity: 2,
    });
    const [operation] = plan([line], [found]);
    expect(operation).toMatchObject({
      op: 'adopt',
      additionId: 8100,
      foundValues: { quantity: 2 },
    });
  });

  it('goes onto a new Agreement as a create: nothing can be found there yet', () => {
    const target: AgreementTarget = { kind: 'new', key: '42|C-100' };
    const [operation] = plan(
      [usage()],
      [foundAddition({ marker: 'PLT:L:2001' })],
      'update',
      target,
    );
    expect(operation).toMatchObject({ op: 'create', target });
  });
});

describe('recurring lines', () => {
  it('a Cycle Fee line creates the persistent Addition of its Subscription', () => {
    const line = platformLine();
    expect(plan([line])).toEqual([
      {
        op: 'create',
        target: onContoso,
        marker: 'PLT:S:sub-m365:CycleFee',
        values: additionValues(line),
        lineIds: ['1001'],
      },
    ]);
  });

  it('Cycle Fee and Purchase Fee of one Subscription keep separate Additions', () => {
    const operations = plan([
      platformLine({ lineId: '1' }),
      platformLine({ lineId: '2', chargeType: 'Purchase Fee', chargeTypeName: 'Purchase Fee' }),
    ]);
    expect(operations.map((operation) => operation.marker)).toEqual([
      'PLT:S:sub-m365:CycleFee',
      'PLT:S:sub-m365:PurchaseFee',
    ]);
  });

  it('an Addition found with the same values is adopted: "12.50" equals 12.5', () => {
    const line = platformLine({ period: '2026-01', unitPrice: '22.50' });
    const found = foundAddition({ unitPrice: 22.5 });
    expect(plan([line], [found])).toEqual([
      {
        op: 'adopt',
        agreementId: 900,
        additionId: 7001,
        marker: 'PLT:S:sub-m365:CycleFee',
        values: { ...additionValues(line), effectiveDate: '2025-11-01T00:00:00Z' },
        lineIds: ['1001'],
      },
    ]);
  });

  it('next month, 2 more seats update the Addition in place; its effective date stays', () => {
    const february = platformLine({
      lineId: '1101',
      period: '2026-02',
      quantity: '12',
      chargeStart: '2026-02-01',
      chargeEnd: '2026-02-28',
    });
    const found = foundAddition();
    expect(plan([february], [found])).toEqual([
      {
        op: 'update',
        agreementId: 900,
        additionId: 7001,
        marker: 'PLT:S:sub-m365:CycleFee',
        from: {
          productId: 501,
          quantity: 10,
          unitPrice: 22,
          unitCost: 18.7,
          effectiveDate: '2025-11-01T00:00:00Z',
          cancelledDate: '2026-01-31T00:00:00Z',
          invoiceDescription: 'Microsoft 365 Business Premium – Cycle Fee',
        },
        to: {
          productId: 501,
          quantity: 12,
          unitPrice: 22,
          unitCost: 18.7,
          effectiveDate: '2025-11-01T00:00:00Z',
          cancelledDate: '2026-02-28T00:00:00Z',
          invoiceDescription: 'Microsoft 365 Business Premium – Cycle Fee',
        },
        lineIds: ['1101'],
      },
    ]);
  });

  it('a renamed charge type updates the description, product and prices come from the line', () => {
    const line = platformLine({ chargeTypeName: 'Monthly subscription', unitPrice: '20.90' });
    const [operation] = plan([line], [foundAddition()]);
    expect(operation).toMatchObject({
      op: 'update',
      to: {
        invoiceDescription: 'Microsoft 365 Business Premium – Monthly subscription',
        unitPrice: 20.9,
      },
    });
  });

  it('an effective date read back without "Z" is written back as midnight UTC', () => {
    const line = platformLine({ quantity: '11' });
    const [operation] = plan([line], [foundAddition({ effectiveDate: '2025-11-01T00:00:00' })]);
    expect(operation).toMatchObject({
      op: 'update',
      to: { effectiveDate: '2025-11-01T00:00:00Z' },
    });
  });

  it('of duplicates with one marker, the oldest (lowest id) is the one kept up to date', () => {
    const line = platformLine({ quantity: '11' });
    const found = [
      foundAddition({ id: 7300 }),
      foundAddition({ id: 7001 }),
      foundAddition({ id: 7200 }),
    ];
    expect(plan([line], found)).toMatchObject([{ op: 'update', additionId: 7001 }]);
  });

  it("an Addition with the marker on another Agreement is not this Agreement's", () => {
    const [operation] = plan([platformLine()], [foundAddition({ agreementId: 999 })]);
    expect(operation).toMatchObject({ op: 'create', marker: 'PLT:S:sub-m365:CycleFee' });
  });

  it('the same Subscription posted to two Agreements keeps one Addition on each', () => {
    const lines = [
      platformLine({ lineId: '1' }),
      platformLine({
        lineId: '2',
        period: '2026-02',
        chargeStart: '2026-02-01',
        chargeEnd: '2026-02-28',
      }),
    ];
    const operations = planAdditions({
      lines,
      targets: new Map([
        ['1', onContoso],
        ['2', { kind: 'existing', agreementId: 901 }],
      ]),
      found: [],
      options: { recurringChanges: 'update' },
    });
    expect(operations.map((operation) => [operation.op, operation.lineIds])).toEqual([
      ['create', ['1']],
      ['create', ['2']],
    ]);
  });
});

describe('a mid-month change billed in two parts (§1.4)', () => {
  const before = platformLine({
    lineId: '1001',
    quantity: '10',
    chargeStart: '2026-01-01',
    chargeEnd: '2026-01-14',
  });
  const after = platformLine({
    lineId: '1002',
    quantity: '12',
    chargeStart: '2026-01-15',
    chargeEnd: '2026-01-31',
  });

  it('the part that ends last drives the recurring Addition; the other posts as one-time', () => {
    expect(plan([after, before])).toEqual([
      {
        op: 'create',
        target: onContoso,
        marker: 'PLT:L:1001',
        values: additionValues(before),
        lineIds: ['1001'],
      },
      {
        op: 'create',
        target: onContoso,
        marker: 'PLT:S:sub-m365:CycleFee',
        values: additionValues(after),
        lineIds: ['1002'],
      },
    ]);
  });

  it('the recurring part updates the Addition found; the earlier part is a new one-time Addition', () => {
    const operations = plan(
      [before, after],
      [foundAddition({ cancelledDate: '2025-12-31T00:00:00Z' })],
    );
    expect(operations).toMatchObject([
      { op: 'create', marker: 'PLT:L:1001' },
      {
        op: 'update',
        additionId: 7001,
        to: {
          quantity: 12,
          effectiveDate: '2025-11-01T00:00:00Z',
          cancelledDate: '2026-01-31T00:00:00Z',
        },
      },
    ]);
  });

  it('posted in two runs, the part that ends last still drives, whichever run sends it', () => {
    const drivers = monthDrivers([before, after]);
    expect(drivers).toEqual([
      { period: '2026-01', marker: 'PLT:S:sub-m365:CycleFee', lineId: '1002' },
    ]);
    const alone = (line: LineToPost) =>
      planAdditions({
        lines: [line],
        targets: new Map([[line.lineId, onContoso]]),
        found: [],
        options: { recurringChanges: 'update' },
        monthDrivers: drivers,
      }).map((operation) => [operation.marker, operation.lineIds]);
    expect(alone(before)).toEqual([['PLT:L:1001', ['1001']]]);
    expect(alone(after)).toEqual([['PLT:S:sub-m365:CycleFee', ['1002']]]);
  });

  it('of two parts ending the same day, the one covering the whole month drives', () => {
    const whole = platformLine({ lineId: '1003', quantity: '10' });
    const added = platformLine({ lineId: '1002', quantity: '2', chargeStart: '2026-01-20' });
    expect(plan([added, whole]).map((operation) => [operation.marker, operation.lineIds])).toEqual([
      ['PLT:L:1002', ['1002']],
      ['PLT:S:sub-m365:CycleFee', ['1003']],
    ]);
  });
});

describe('several months of one Subscription in one run', () => {
  const january = platformLine({ lineId: '1001', period: '2026-01', quantity: '10' });
  const february = platformLine({
    lineId: '1101',
    period: '2026-02',
    quantity: '12',
    chargeStart: '2026-02-01',
    chargeEnd: '2026-02-28',
  });

  it('make one Addition from January with the values of February', () => {
    expect(plan([february, january])).toEqual([
      {
        op: 'create',
        target: onContoso,
        marker: 'PLT:S:sub-m365:CycleFee',
        values: { ...additionValues(february), effectiveDate: '2026-01-01T00:00:00Z' },
        lineIds: ['1001', '1101'],
      },
    ]);
  });

  it('update the Addition found to the values of the last month', () => {
    expect(plan([january, february], [foundAddition()])).toMatchObject([
      {
        op: 'update',
        to: {
          quantity: 12,
          cancelledDate: '2026-02-28T00:00:00Z',
          effectiveDate: '2025-11-01T00:00:00Z',
        },
        lineIds: ['1001', '1101'],
      },
    ]);
  });
});

describe('"Keep history"', () => {
  const february = platformLine({
    lineId: '1101',
    period: '2026-02',
    quantity: '12',
    chargeStart: '2026-02-01',
    chargeEnd: '2026-02-28',
  });

  it('opens a new Addition with the same marker when the quantity changes, leaving the old one as it ended', () => {
    const found = foundAddition();
    expect(plan([february], [found], 'keepHistory')).toEqual([
      {
        op: 'adopt',
        agreementId: 900,
        additionId: 7001,
        marker: 'PLT:S:sub-m365:CycleFee',
        values: {
          productId: 501,
          quantity: 10,
          unitPrice: 22,
          unitCost: 18.7,
          effectiveDate: '2025-11-01T00:00:00Z',
          cancelledDate: '2026-01-31T00:00:00Z',
          invoiceDescription: 'Microsoft 365 Business Premium – Cycle Fee',
        },
        lineIds: ['1101'],
      },
      {
        op: 'create',
        target: onContoso,
        marker: 'PLT:S:sub-m365:CycleFee',
        values: additionValues(february),
        lineIds: ['1101'],
      },
    ]);
  });

  it('cuts an old Addition that still runs on', () => {
    const found = foundAddition({ cancelledDate: '2026-12-31T00:00:00Z' });
    expect(plan([february], [found], 'keepHistory')).toMatchObject([
      {
        op: 'update',
        additionId: 7001,
        to: { quantity: 10, cancelledDate: '2026-01-31T00:00:00Z' },
      },
      { op: 'create', values: { quantity: 12 } },
    ]);
  });

  it('extends the Addition in place when only the dates move on', () => {
    const sameSeats = { ...february, quantity: '10' };
    expect(plan([sameSeats], [foundAddition()], 'keepHistory')).toMatchObject([
      {
        op: 'update',
        to: {
          quantity: 10,
          effectiveDate: '2025-11-01T00:00:00Z',
          cancelledDate: '2026-02-28T00:00:00Z',
        },
      },
    ]);
  });

  it('follows the stretch that started last among those with the marker', () => {
    const history = [
      foundAddition({
        id: 7001,
        effectiveDate: '2025-11-01T00:00:00Z',
        cancelledDate: '2025-12-31T00:00:00Z',
        quantity: 8,
      }),
      foundAddition({
        id: 7050,
        effectiveDate: '2026-01-01T00:00:00Z',
        cancelledDate: '2026-01-31T00:00:00Z',
        quantity: 12,
      }),
    ];
    expect(plan([february], history, 'keepHistory')).toMatchObject([
      {
        op: 'update',
        additionId: 7050,
        to: { effectiveDate: '2026-01-01T00:00:00Z', cancelledDate: '2026-02-28T00:00:00Z' },
      },
    ]);
  });

  it('updates in place when ConnectWise did not return the old values in full', () => {
    const { quantity: _quantity, ...partial } = foundAddition();
    expect(plan([february], [partial], 'keepHistory')).toMatchObject([
      { op: 'update', additionId: 7001, to: { quantity: 12 } },
    ]);
  });

  it('keeps one stretch per quantity across the months of one run', () => {
    const january = platformLine({ lineId: '1001', period: '2026-01', quantity: '10' });
    expect(plan([february, january], [], 'keepHistory')).toMatchObject([
      {
        op: 'create',
        values: {
          quantity: 10,
          effectiveDate: '2026-01-01T00:00:00Z',
          cancelledDate: '2026-01-31T00:00:00Z',
        },
        lineIds: ['1001'],
      },
      {
        op: 'create',
        values: {
          quantity: 12,
          effectiveDate: '2026-02-01T00:00:00Z',
          cancelledDate: '2026-02-28T00:00:00Z',
        },
        lineIds: ['1101'],
      },
    ]);
  });
});

describe('the plan as a whole', () => {
  it('leaves out lines that have no target (they were skipped)', () => {
    const operations = planAdditions({
      lines: [usage(), platformLine()],
      targets: new Map([['2001', onContoso]]),
      found: [],
      options: { recurringChanges: 'update' },
    });
    expect(operations.flatMap((operation) => operation.lineIds)).toEqual(['2001']);
  });

  it('groups operations per Agreement: existing ones by id, then new ones', () => {
    const lines = [
      usage({ lineId: '1' }),
      usage({ lineId: '2' }),
      usage({ lineId: '3' }),
      usage({ lineId: '4' }),
    ];
    const targets = new Map<string, AgreementTarget>([
      ['1', { kind: 'new', key: '42|C-100' }],
      ['2', { kind: 'existing', agreementId: 950 }],
      ['3', { kind: 'existing', agreementId: 900 }],
      ['4', { kind: 'existing', agreementId: 950 }],
    ]);
    const operations = planAdditions({
      lines,
      targets,
      found: [],
      options: { recurringChanges: 'update' },
    });
    expect(operations.map((operation) => operation.lineIds[0])).toEqual(['3', '2', '4', '1']);
  });

  it('lists the markers to look up on each existing Agreement', () => {
    const lines = [
      usage({ lineId: '1' }),
      platformLine({ lineId: '2' }),
      platformLine({ lineId: '3', period: '2026-02' }),
      usage({ lineId: '4' }),
    ];
    const targets = new Map<string, AgreementTarget>([
      ['1', onContoso],
      ['2', onContoso],
      ['3', onContoso],
      ['4', { kind: 'new', key: '42|C-100' }],
    ]);
    expect(markersToLookUp({ lines, targets })).toEqual([
      { agreementId: 900, markers: ['PLT:L:1', 'PLT:S:sub-m365:CycleFee'] },
    ]);
  });
});
