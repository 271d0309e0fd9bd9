import { describe, expect, it } from 'vitest';
import { generateBillingHistory, type InvoiceLine } from './index';

const now = () => new Date('2026-07-10T12:00:00Z');
const dayMs = 86_400_000;

function day(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / dayMs;
}

/** First day of the month `offset` months after the month of `date`. */
function monthStart(date: string, offset = 0): string {
  const value = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  value.setUTCMonth(value.getUTCMonth() + offset);
  return value.toISOString().slice(0, 10);
}

function monthEnd(date: string, offset = 0): string {
  return new Date(Date.parse(`${monthStart(date, offset + 1)}T00:00:00Z`) - dayMs)
    .toISOString()
    .slice(0, 10);
}

/** The last day of a term of `months` months starting on `start`. */
function termEnd(start: string, months: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastOfTarget = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastOfTarget));
  return new Date(target.getTime() - dayMs).toISOString().slice(0, 10);
}

describe('billing history', () => {
  it('has one invoice per organization per month for the last 15 months, this month included', () => {
    const data = generateBillingHistory({ now });
    expect(data.organizations).toHaveLength(300);
    expect(data.invoices).toHaveLength(300 * 15);
    const months = new Set(data.invoices.map((invoice) => invoice.invoiceDate.slice(0, 7)));
    expect(months.size).toBe(15);
    expect(data.firstMonth).toBe('2025-05');
    expect(data.lastMonth).toBe('2026-07');
    expect([...months].sort()).toEqual(
      Array.from({ length: 15 }, (_, n) => monthStart('2025-05-01', n).slice(0, 7)),
    );
    const perOrganizationMonth = new Set(
      data.invoices.map((invoice) => `${invoice.organizationId} ${invoice.invoiceDate}`),
    );
    expect(perOrganizationMonth.size).toBe(data.invoices.length);
    const lines = data.invoiceLines.length / data.invoices.length;
    expect(lines).toBeGreaterThan(3.5);
    expect(lines).toBeLessThan(4.5);
  });

  it('reads "today" in UTC: 1 July 00:30 UTC is July, 30 June 23:30 UTC is June', () => {
    const july = generateBillingHistory({
      organizations: 3,
      months: 1,
      now: () => new Date('2026-07-01T00:30:00Z'),
    });
    expect(july.invoices.map((invoice) => invoice.invoiceDate)).toEqual([
      '2026-07-01',
      '2026-07-01',
      '2026-07-01',
    ]);
    const june = generateBillingHistory({
      organizations: 1,
      months: 1,
      now: () => new Date('2026-06-30T23:30:00Z'),
    });
    expect(june.invoices[0]?.invoiceDate).toBe('2026-06-01');
  });

  it('is identical for the same seed and size, and different for another seed', () => {
    const first = generateBillingHistory({ seed: 7, organizations: 80, now });
    const again = generateBillingHistory({ seed: 7, organizations: 80, now });
    expect(again).toEqual(first);
    const other = generateBillingHistory({ seed: 8, organizations: 80, now });
    expect(other.invoiceLines).not.toEqual(first.invoiceLines);
    expect(other.organizations.map((org) => org.name)).not.toEqual(
      first.organizations.map((org) => org.name),
    );
  });

  it('keeps past months unchanged when "today" moves on', () => {
    const before = generateBillingHistory({ seed: 3, organizations: 60, now });
    const later = generateBillingHistory({
      seed: 3,
      organizations: 60,
      now: () => new Date('2026-09-02T08:00:00Z'),
    });
    const shared = (lines: InvoiceLine[]) =>
      lines.filter((line) => line.invoiceDate >= '2025-07-01' && line.invoiceDate <= '2026-07-31');
    expect(shared(later.invoiceLines)).toEqual(shared(before.invoiceLines));
    expect(later.invoices.some((invoice) => invoice.invoiceDate === '2026-09-01')).toBe(true);
  });

  it('keeps subscriptions across months, with some ending and some new', () => {
    const data = generateBillingHistory({ now });
    const months = new Map<string, Set<string>>();
    for (const line of data.invoiceLines) {
      const monthly = line.billingCycle === 'Monthly' && line.chargeType === 'Cycle Fee';
      if (!monthly) continue;
      const set = months.get(line.invoiceDate) ?? new Set<string>();
      set.add(line.subscriptionId);
      months.set(line.invoiceDate, set);
    }
    const june = months.get('2026-06-01') ?? new Set();
    const july = months.get('2026-07-01') ?? new Set();
    const continuing = [...july].filter((id) => june.has(id)).length;
    expect(continuing / july.size).toBeGreaterThan(0.85);
    expect([...june].some((id) => !july.has(id))).toBe(true);
    expect([...july].some((id) => !june.has(id))).toBe(true);
    const names = new Map<string, string>();
    for (const line of data.invoiceLines) {
      const known = names.get(line.subscriptionId);
      if (known !== undefined) expect(line.subscriptionName).toBe(known);
      names.set(line.subscriptionId, line.subscriptionName);
    }
  });

  it('charges the period the billing cycle and charge type say', () => {
    const data = generateBillingHistory({ now });
    for (const line of data.invoiceLines) {
      const { chargeStart, chargeEnd, invoiceDate, chargeType, billingCycle } = line;
      const where = JSON.stringify(line);
      expect(chargeEnd >= chargeStart, where).toBe(true);
      const months = { Quarterly: 3, Annual: 12, Triennial: 36 } as const;
      if (chargeType === 'Usage Fee' || chargeType === 'Correction') {
        expect(chargeStart >= monthStart(invoiceDate, -1), where).toBe(true);
        expect(chargeEnd, where).toBe(monthEnd(invoiceDate, -1));
      } else if (chargeType === 'One Time Fee' || billingCycle === 'One Time') {
        expect(chargeEnd, where).toBe(chargeStart);
        expect(chargeStart < invoiceDate && chargeStart >= monthStart(invoiceDate, -1), where).toBe(
          true,
        );
      } else if (billingCycle === 'Monthly') {
        const serviceMonth = chargeStart === invoiceDate;
        if (serviceMonth) expect(chargeEnd, where).toBe(monthEnd(invoiceDate));
        else {
          // The rest of the previous month: the first month, or seats added during it.
          expect(chargeStart >= monthStart(invoiceDate, -1), where).toBe(true);
          expect(chargeEnd, where).toBe(monthEnd(invoiceDate, -1));
        }
      } else {
        expect(chargeStart >= monthStart(invoiceDate, -1) && chargeStart < invoiceDate, where).toBe(
          true,
        );
        expect(chargeEnd, where).toBe(termEnd(chargeStart, months[billingCycle]));
        expect(day(chargeEnd) - day(chargeStart) + 1).toBeGreaterThanOrEqual(
          months[billingCycle] * 28,
        );
      }
    }
  });

  it('generates 300 organizations × 15 months in well under a second', () => {
    generateBillingHistory({ organizations: 20, now });
    const started = performance.now();
    const data = generateBillingHistory({ organizations: 300, months: 15, now });
    const elapsed = performance.now() - started;
    expect(data.invoiceLines.length).toBeGreaterThan(15_000);
    expect(elapsed).toBeLessThan(600);
  });

  it('reaches 100,000 lines through either knob', () => {
    const started = performance.now();
    const dense = generateBillingHistory({ linesPerOrganizationPerMonth: 23, now });
    const denseMs = performance.now() - started;
    expect(dense.invoiceLines.length).toBeGreaterThan(100_000);
    expect(denseMs).toBeLessThan(3000);
    const wide = generateBillingHistory({ organizations: 1700, now });
    expect(wide.invoiceLines.length).toBeGreaterThan(100_000);
    expect(new Set(wide.invoiceLines.map((line) => line.lineId)).size).toBe(
      wide.invoiceLines.length,
    );
  });

  it('refuses sizes that make no sense', () => {
    expect(() => generateBillingHistory({ organizations: -1 })).toThrow(/organizations/);
    expect(() => generateBillingHistory({ months: 0 })).toThrow(/months/);
    expect(() => generateBillingHistory({ linesPerOrganizationPerMonth: 0.5 })).toThrow(/lines/);
  });
});
