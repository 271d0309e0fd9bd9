import { Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type BillingCycle,
  billingCycles,
  type ChargeDateConfiguration,
  type ChargeType,
  chargeTypes,
  computeChargeDates,
  type EndDateRule,
  emptyChargeDateConfiguration,
  endDateRules,
  InvalidCalendarDateError,
  type LineForDates,
} from './index';

const platformLine: LineForDates = {
  chargeType: 'Cycle Fee',
  billingCycle: 'Monthly',
  invoiceDate: '2026-03-10',
  chargeStart: '2026-02-15',
  chargeEnd: '2026-03-14',
};

function withEndRule(chargeType: ChargeType, rule: EndDateRule): ChargeDateConfiguration {
  return { ...emptyChargeDateConfiguration, endDateRules: [{ chargeType, rule }] };
}

function withStartRule(billingCycle: BillingCycle): ChargeDateConfiguration {
  return {
    ...emptyChargeDateConfiguration,
    startDateRules: [{ billingCycle, rule: 'First day of next month' }],
  };
}

describe('charge end date rules', () => {
  const expectedEnd: Record<EndDateRule, string> = {
    'Last day of invoice month': '2026-03-31',
    'First day of following month': '2026-04-01',
  };

  describe.each(chargeTypes)('for a %s line', (chargeType) => {
    it.each(endDateRules)('"%s" sets the end date from the invoice date', (rule) => {
      const dates = computeChargeDates(
        { ...platformLine, chargeType },
        withEndRule(chargeType, rule),
      );
      expect(dates.end).toEqual({
        date: expectedEnd[rule],
        badge: 'System Updated',
        platformDate: '2026-03-14',
      });
      expect(dates.start).toEqual({
        date: '2026-02-15',
        badge: 'none',
        platformDate: '2026-02-15',
      });
    });
  });

  it('leaves lines of other charge types with the Platform end date', () => {
    for (const chargeType of chargeTypes.filter((type) => type !== 'Usage Fee')) {
      const dates = computeChargeDates(
        { ...platformLine, chargeType },
        withEndRule('Usage Fee', 'Last day of invoice month'),
      );
      expect(dates.end).toEqual({ date: '2026-03-14', badge: 'none', platformDate: '2026-03-14' });
    }
  });

  it.each([
    // [invoice date, last day of invoice month, first day of following month]
    ['2026-02-01', '2026-02-28', '2026-03-01'], // 28-day month, first day
    ['2026-02-28', '2026-02-28', '2026-03-01'], // 28-day month, last day
    ['2028-02-01', '2028-02-29', '2028-03-01'], // 29-day month, first day
    ['2028-02-29', '2028-02-29', '2028-03-01'], // 29 Feb 2028
    ['2026-04-01', '2026-04-30', '2026-05-01'], // 30-day month, first day
    ['2026-04-30', '2026-04-30', '2026-05-01'], // 30-day month, last day
    ['2026-01-01', '2026-01-31', '2026-02-01'], // 31-day month, first day
    ['2026-01-31', '2026-01-31', '2026-02-01'], // 31-day month, last day
    ['2026-12-01', '2026-12-31', '2027-01-01'], // December → January, first day
    ['2026-12-31', '2026-12-31', '2027-01-01'], // December → January, last day
    ['2100-02-15', '2100-02-28', '2100-03-01'], // 2100 is not a leap year
    ['2000-02-15', '2000-02-29', '2000-03-01'], // 2000 is
  ])(
    'invoiced %s: ends %s on "Last day of invoice month", %s on "First day of following month"',
    (invoiceDate, lastDay, firstDayAfter) => {
      const line = { ...platformLine, invoiceDate, chargeEnd: '1999-01-01' };
      expect(
        computeChargeDates(line, withEndRule('Cycle Fee', 'Last day of invoice month')).end.date,
      ).toBe(lastDay);
      expect(
        computeChargeDates(line, withEndRule('Cycle Fee', 'First day of following month')).end.date,
      ).toBe(firstDayAfter);
    },
  );

  it('shows no badge when the rule gives the Platform its own end date', () => {
    const line = { ...platformLine, invoiceDate: '2026-03-10', chargeEnd: '2026-03-31' };
    const dates = computeChargeDates(line, withEndRule('Cycle Fee', 'Last day of invoice month'));
    expect(dates.end).toEqual({ date: '2026-03-31', badge: 'none', platformDate: '2026-03-31' });
  });
});

describe('charge start date rule "First day of next month"', () => {
  it('moves a charge starting on Jan 15 to Feb 1, as the help text says', () => {
    const line = { ...platformLine, chargeStart: '2026-01-15' };
    expect(computeChargeDates(line, withStartRule('Monthly')).start).toEqual({
      date: '2026-02-01',
      badge: 'System Updated',
      platformDate: '2026-01-15',
    });
  });

  describe.each(billingCycles)('for a %s line', (billingCycle) => {
    const line = { ...platformLine, billingCycle, chargeStart: '2026-01-15' };

    it('moves the start to the first day of the next month with the rule', () => {
      expect(computeChargeDates(line, withStartRule(billingCycle)).start).toEqual({
        date: '2026-02-01',
        badge: 'System Updated',
        platformDate: '2026-01-15',
      });
    });

    it('keeps the Platform start without the rule', () => {
      expect(computeChargeDates(line, emptyChargeDateConfiguration).start).toEqual({
        date: '2026-01-15',
        badge: 'none',
        platformDate: '2026-01-15',
      });
    });

    it('keeps the Platform start when only other billing cycles have the rule', () => {
      const others: ChargeDateConfiguration = {
        ...emptyChargeDateConfiguration,
        startDateRules: billingCycles
          .filter((cycle) => cycle !== billingCycle)
          .map((cycle) => ({ billingCycle: cycle, rule: 'First day of next month' as const })),
      };
      expect(computeChargeDates(line, others).start.date).toBe('2026-01-15');
    });
  });

  it.each([
    // [Platform charge start, rule's start]
    ['2026-01-01', '2026-02-01'], // already a 1st: still moves a month on
    ['2026-01-31', '2026-02-01'],
    ['2026-02-01', '2026-03-01'], // 28-day month
    ['2026-02-28', '2026-03-01'],
    ['2028-02-01', '2028-03-01'], // 29-day month
    ['2028-02-29', '2028-03-01'], // 29 Feb 2028
    ['2026-04-01', '2026-05-01'], // 30-day month
    ['2026-04-30', '2026-05-01'],
    ['2026-12-01', '2027-01-01'], // December → January
    ['2026-12-31', '2027-01-01'],
  ])('moves a start of %s to %s', (chargeStart, movedStart) => {
    const line = { ...platformLine, chargeStart };
    expect(computeChargeDates(line, withStartRule('Monthly')).start.date).toBe(movedStart);
  });
});

describe('user overrides', () => {
  const everyRule: ChargeDateConfiguration = {
    endDateRules: [{ chargeType: 'Cycle Fee', rule: 'First day of following month' }],
    startDateRules: [{ billingCycle: 'Monthly', rule: 'First day of next month' }],
    customChargeTypeNames: {},
  };

  it('beat the start and end date rules and show "User Updated"', () => {
    const dates = computeChargeDates(platformLine, everyRule, {
      chargeStart: '2026-02-20',
      chargeEnd: '2026-03-20',
    });
    expect(dates.start).toEqual({
      date: '2026-02-20',
      badge: 'User Updated',
      platformDate: '2026-02-15',
    });
    expect(dates.end).toEqual({
      date: '2026-03-20',
      badge: 'User Updated',
      platformDate: '2026-03-14',
    });
  });

  it('show "User Updated" even when the user typed the Platform date', () => {
    const dates = computeChargeDates(platformLine, everyRule, { chargeEnd: '2026-03-14' });
    expect(dates.end.badge).toBe('User Updated');
    expect(dates.end.date).toBe('2026-03-14');
  });

  it('apply to one date only, leaving the rule in charge of the other', () => {
    const dates = computeChargeDates(platformLine, everyRule, { chargeStart: '2026-02-20' });
    expect(dates.start.badge).toBe('User Updated');
    expect(dates.end).toEqual({
      date: '2026-04-01',
      badge: 'System Updated',
      platformDate: '2026-03-14',
    });
  });

  it('null or missing mean no override', () => {
    const computed = computeChargeDates(platformLine, everyRule, {
      chargeStart: null,
      chargeEnd: undefined,
    });
    expect(computed).toEqual(computeChargeDates(platformLine, everyRule));
    expect(computed.start.badge).toBe('System Updated');
  });
});

describe('removing a rule', () => {
  it('brings back the Platform dates with no badge', () => {
    const withRules: ChargeDateConfiguration = {
      endDateRules: [{ chargeType: 'Cycle Fee', rule: 'Last day of invoice month' }],
      startDateRules: [{ billingCycle: 'Monthly', rule: 'First day of next month' }],
      customChargeTypeNames: {},
    };
    const before = computeChargeDates(platformLine, withRules);
    expect([before.start.badge, before.end.badge]).toEqual(['System Updated', 'System Updated']);

    const withoutRules = { ...withRules, endDateRules: [], startDateRules: [] };
    expect(computeChargeDates(platformLine, withoutRules)).toEqual({
      start: { date: '2026-02-15', badge: 'none', platformDate: '2026-02-15' },
      end: { date: '2026-03-14', badge: 'none', platformDate: '2026-03-14' },
      startAfterEnd: false,
    });
  });
});

describe('start after end', () => {
  it('is flagged when the dates to send have the start after the end', () => {
    const line = { ...platformLine, chargeStart: '2026-03-15', invoiceDate: '2026-03-01' };
    const rules: ChargeDateConfiguration = {
      ...emptyChargeDateConfiguration,
      endDateRules: [{ chargeType: 'Cycle Fee', rule: 'Last day of invoice month' }],
      startDateRules: [{ billingCycle: 'Monthly', rule: 'First day of next month' }],
    };
    const dates = computeChargeDates(line, rules);
    expect([dates.start.date, dates.end.date]).toEqual(['2026-04-01', '2026-03-31']);
    expect(dates.startAfterEnd).toBe(true);
  });

  it('is not flagged for a one-day charge (start equals end)', () => {
    const line = { ...platformLine, chargeStart: '2026-03-14', chargeEnd: '2026-03-14' };
    expect(computeChargeDates(line, emptyChargeDateConfiguration).startAfterEnd).toBe(false);
  });

  it('follows the user overrides', () => {
    const dates = computeChargeDates(platformLine, emptyChargeDateConfiguration, {
      chargeEnd: '2026-01-01',
    });
    expect(dates.startAfterEnd).toBe(true);
  });
});

describe('invalid dates are refused with a message naming the field', () => {
  it.each([
    [{ invoiceDate: '2026-02-30' }, /invoice date "2026-02-30"/],
    [{ chargeStart: '2027-02-29' }, /charge start date "2027-02-29"/],
    [{ chargeEnd: '2026-3-14' }, /charge end date "2026-3-14"/],
    [{ chargeEnd: '2026-03-14T00:00:00Z' }, /charge end date/],
    [{ invoiceDate: '' }, /invoice date ""/],
  ])('refuses a line with %o', (change, message) => {
    expect(() =>
      computeChargeDates({ ...platformLine, ...change }, emptyChargeDateConfiguration),
    ).toThrow(message);
  });

  it('refuses an override that is not a real date', () => {
    const compute = () =>
      computeChargeDates(platformLine, emptyChargeDateConfiguration, { chargeEnd: '2026-04-31' });
    expect(compute).toThrow(InvalidCalendarDateError);
    expect(compute).toThrow(/charge end date override "2026-04-31"/);
  });

  it('refuses a rule that would send a date after 9999-12-31', () => {
    const line = { ...platformLine, invoiceDate: '9999-12-15' };
    expect(() =>
      computeChargeDates(line, withEndRule('Cycle Fee', 'First day of following month')),
    ).toThrow(/outside 0001-01-01 to 9999-12-31/);
  });

  it('refuses an unknown rule from an old or hand-edited configuration', () => {
    const configuration = {
      ...emptyChargeDateConfiguration,
      endDateRules: [{ chargeType: 'Cycle Fee', rule: 'Last Friday' }],
    } as unknown as ChargeDateConfiguration;
    expect(() => computeChargeDates(platformLine, configuration)).toThrow(/"Last Friday"/);
  });
});

describe("the workstation's time zone", () => {
  const defaultZone = Settings.defaultZone;
  afterEach(() => {
    Settings.defaultZone = defaultZone;
  });

  const everyRule: ChargeDateConfiguration = {
    endDateRules: [
      { chargeType: 'Cycle Fee', rule: 'Last day of invoice month' },
      { chargeType: 'Usage Fee', rule: 'First day of following month' },
    ],
    startDateRules: [{ billingCycle: 'Monthly', rule: 'First day of next month' }],
    customChargeTypeNames: {},
  };
  const lines: LineForDates[] = ['2026-01-01', '2026-02-28', '2028-02-29', '2026-12-31'].flatMap(
    (date) =>
      (['Cycle Fee', 'Usage Fee'] as const).map((chargeType) => ({
        chargeType,
        billingCycle: 'Monthly' as const,
        invoiceDate: date,
        chargeStart: date,
        chargeEnd: date,
      })),
  );

  it.each(['Pacific/Kiritimati', 'America/Adak', 'Pacific/Pago_Pago', 'Asia/Kathmandu'])(
    'never shifts a date, even with luxon set to %s',
    (zone) => {
      Settings.defaultZone = 'utc';
      const inUtc = lines.map((line) => computeChargeDates(line, everyRule));
      Settings.defaultZone = zone;
      expect(lines.map((line) => computeChargeDates(line, everyRule))).toEqual(inUtc);
    },
  );
});
