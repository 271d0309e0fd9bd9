import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformInvoiceLine } from '../../../shared/platformInvoiceLine';
import { jsonOf } from '../simulatorTesting';
import {
  billingCycles,
  chargeTypes,
  type Invoice,
  type InvoiceLine,
  type PlatformSimulator,
  startPlatformSimulator,
} from './index';
import { callApi, type ErrorBody, everyPage } from './platformRequests';

let sim: PlatformSimulator;
const now = () => new Date('2026-07-10T12:00:00Z');

beforeAll(async () => {
  sim = await startPlatformSimulator({ now });
});
afterAll(() => sim.close());

/** Exact decimal → ten-thousandths, for checking totals without floats. */
function tenThousandths(decimal: string): bigint {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = decimal.replace('-', '').split('.');
  const value = BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0'));
  return negative ? -value : value;
}

function roundedToCents(value: bigint): bigint {
  const magnitude = value < 0n ? -value : value;
  const cents = (magnitude + 50n) / 100n;
  return value < 0n ? -cents : cents;
}

describe('invoice-date ranges', () => {
  it('returns exactly the lines whose invoice date is in the inclusive range', async () => {
    const range = { invoiceDateFrom: '2026-06-01', invoiceDateTo: '2026-07-01' };
    const { records } = await everyPage<InvoiceLine>(sim, '/v1/invoice-lines', {
      ...range,
      limit: 1000,
    });
    const expected = sim.data.invoiceLines.filter(
      (line) =>
        line.invoiceDate >= range.invoiceDateFrom && line.invoiceDate <= range.invoiceDateTo,
    );
    expect(records.length).toBeGreaterThan(2000);
    expect(records).toEqual(expected);
    for (const line of records) {
      expect(
        line.invoiceDate >= range.invoiceDateFrom && line.invoiceDate <= range.invoiceDateTo,
      ).toBe(true);
    }
    expect(new Set(records.map((line) => line.invoiceDate))).toEqual(
      new Set(['2026-06-01', '2026-07-01']),
    );
  });

  it('selects the same invoices in /v1/invoices and /v1/invoice-lines', async () => {
    const range = { invoiceDateFrom: '2026-05-01', invoiceDateTo: '2026-05-31', limit: 1000 };
    const invoices = (await everyPage<Invoice>(sim, '/v1/invoices', range)).records;
    const lines = (await everyPage<InvoiceLine>(sim, '/v1/invoice-lines', range)).records;
    expect(invoices).toHaveLength(300);
    expect(new Set(lines.map((line) => line.invoiceId))).toEqual(
      new Set(invoices.map((invoice) => invoice.id)),
    );
    for (const invoice of invoices) expect(invoice.invoiceDate).toBe('2026-05-01');
  });

  it('refuses a missing, malformed or impossible date, naming the parameter', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ invoiceDateTo: '2026-07-31' }, 'invoiceDateFrom'],
      [{ invoiceDateFrom: '2026-07-01' }, 'invoiceDateTo'],
      [{ invoiceDateFrom: '2026-7-1', invoiceDateTo: '2026-07-31' }, 'invoiceDateFrom'],
      [{ invoiceDateFrom: '2026-07-01', invoiceDateTo: '2026-06-31' }, 'invoiceDateTo'],
      [{ invoiceDateFrom: '2026-02-29', invoiceDateTo: '2026-07-31' }, 'invoiceDateFrom'],
      [{ invoiceDateFrom: '01.07.2026', invoiceDateTo: '2026-07-31' }, 'invoiceDateFrom'],
      [{ invoiceDateFrom: '2026-07-01T00:00:00Z', invoiceDateTo: '2026-07-31' }, 'invoiceDateFrom'],
      [{ invoiceDateFrom: '2026-07-02', invoiceDateTo: '2026-07-01' }, 'invoiceDateFrom'],
    ];
    for (const path of ['/v1/invoices', '/v1/invoice-lines']) {
      for (const [query, parameter] of cases) {
        const response = await callApi(sim, path, query);
        expect(response.status, JSON.stringify(query)).toBe(400);
        const body = await jsonOf<ErrorBody>(response);
        expect(body.error.code).toBe('invalid_request');
        expect(body.error.parameter).toBe(parameter);
        expect(body.error.message).toContain(parameter);
      }
    }
    const leapDay = await callApi(sim, '/v1/invoices', {
      invoiceDateFrom: '2024-02-29',
      invoiceDateTo: '2024-02-29',
    });
    expect(leapDay.status).toBe(200);
    const oneDay = await callApi(sim, '/v1/invoices', {
      invoiceDateFrom: '2026-07-01',
      invoiceDateTo: '2026-07-01',
    });
    expect(oneDay.status).toBe(200);
  });
});

describe('invoice lines', () => {
  it('are all valid PlatformInvoiceLines, with decimals as strings of at most 2 decimals', async () => {
    const { records } = await everyPage<Record<string, unknown>>(sim, '/v1/invoice-lines', {
      invoiceDateFrom: '2025-01-01',
      invoiceDateTo: '2026-12-31',
      limit: 1000,
    });
    expect(records).toHaveLength(sim.data.invoiceLines.length);
    const fields = Object.keys(PlatformInvoiceLine.shape).sort();
    for (const line of records) {
      const parsed = PlatformInvoiceLine.safeParse(line);
      if (!parsed.success) throw new Error(`${JSON.stringify(line)}: ${parsed.error.message}`);
      expect(Object.keys(line).sort()).toEqual(fields);
      expect(line.quantity).toMatch(/^-?\d+(\.\d{1,2})?$/);
      expect(line.unitPrice).toMatch(/^-?\d+\.\d{2}$/);
      if (line.unitCost !== null) expect(line.unitCost).toMatch(/^-?\d+\.\d{2}$/);
    }
  });

  it('have unique line ids and totals that add up per invoice', () => {
    const lines = sim.data.invoiceLines;
    expect(new Set(lines.map((line) => line.lineId)).size).toBe(lines.length);
    const sums = new Map<string, bigint>();
    for (const line of lines) {
      const amount = (tenThousandths(line.quantity) * tenThousandths(line.unitPrice)) / 10_000n;
      sums.set(line.invoiceId, (sums.get(line.invoiceId) ?? 0n) + amount);
    }
    expect(sums.size).toBe(sim.data.invoices.length);
    for (const invoice of sim.data.invoices) {
      const cents = roundedToCents(sums.get(invoice.id) ?? 0n);
      expect(tenThousandths(invoice.total) / 100n, invoice.id).toBe(cents);
    }
  });

  it('carry their invoice, organization, contract and offer consistently', () => {
    const invoices = new Map(sim.data.invoices.map((invoice) => [invoice.id, invoice]));
    const organizations = new Map(sim.data.organizations.map((org) => [org.id, org]));
    const contracts = new Map(sim.data.contracts.map((contract) => [contract.id, contract]));
    const offers = new Map(sim.data.offers.map((offer) => [offer.id, offer]));
    for (const line of sim.data.invoiceLines) {
      const invoice = invoices.get(line.invoiceId);
      const organization = organizations.get(line.organizationId);
      expect(invoice?.invoiceDate).toBe(line.invoiceDate);
      expect(invoice?.organizationId).toBe(line.organizationId);
      expect(invoice?.currency).toBe(line.currency);
      expect(organization?.name).toBe(line.organizationName);
      expect(organization?.currency).toBe(line.currency);
      expect(contracts.get(line.contractId)?.organizationId).toBe(line.organizationId);
      const offer = offers.get(line.offerId);
      expect(offer?.name).toBe(line.offerName);
      expect(offer?.vendor).toBe(line.vendor);
      expect(offer?.billingCycle).toBe(line.billingCycle);
    }
  });

  it('cover all six charge types, all five billing cycles and two currencies over 15 months', () => {
    const lines = sim.data.invoiceLines;
    expect(new Set(lines.map((line) => line.chargeType))).toEqual(new Set(chargeTypes));
    expect(new Set(lines.map((line) => line.billingCycle))).toEqual(new Set(billingCycles));
    expect(new Set(lines.map((line) => line.currency))).toEqual(new Set(['EUR', 'USD']));
    const cycleFees = lines.filter((line) => line.chargeType === 'Cycle Fee').length;
    expect(cycleFees / lines.length).toBeGreaterThan(0.6);
    const corrections = lines.filter((line) => line.chargeType === 'Correction');
    expect(
      corrections.every((line) => line.quantity.startsWith('-') || line.unitPrice.startsWith('-')),
    ).toBe(true);
  });
});
