import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapedSandboxPage, hostileText } from '../simulatorTesting';
import { escapeHtml } from '../summaryPage';
import { type ConnectWiseSimulator, startConnectWiseSimulator } from './index';
import { callApi } from './simulatorRequests';

let sim: ConnectWiseSimulator;

beforeAll(async () => {
  sim = await startConnectWiseSimulator({ companies: 10 });
});
afterAll(() => sim.close());

describe('sandbox page', () => {
  it('lists agreements and what was posted to them, escaped, without auth', async () => {
    const agreement = sim.data.agreements[0];
    const product = sim.data.catalog.find((item) => !item.inactiveFlag);
    const posted = await callApi(sim, `/finance/agreements/${agreement?.id}/additions`, {
      method: 'POST',
      json: {
        product: { id: product?.id },
        billCustomer: 'Billable',
        invoiceDescription: hostileText,
      },
    });
    expect(posted.status).toBe(201);
    const html = await escapedSandboxPage(sim.sandboxPageUrl);
    for (const each of sim.data.agreements) expect(html).toContain(`#${each.id}`);
  });
});

describe('sandbox page columns', () => {
  it('shows each agreement with company, currency, status and proration, and additions as the Additions tab does', async () => {
    const eur = sim.data.agreements.find((agreement) => agreement.currency.currencyCode === 'EUR');
    if (!eur) throw new Error('seed has no EUR agreement');
    const product = sim.data.catalog.find(
      (item) => !item.inactiveFlag && item.productClass !== 'Bundle',
    );
    const posted = await callApi(sim, `/finance/agreements/${eur.id}/additions`, {
      method: 'POST',
      json: {
        product: { id: product?.id },
        billCustomer: 'Billable',
        quantity: 4,
        unitPrice: 12.5,
        unitCost: 9.75,
        effectiveDate: '2026-02-01',
        cancelledDate: '2026-02-28',
        serialNumber: 'PLT:L:page-1',
        invoiceDescription: 'Page check',
      },
    });
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: number };
    sim.invoice(eur.id, '2026-02-28');
    const html = await (await fetch(sim.sandboxPageUrl)).text();
    for (const heading of [
      'Agreement',
      'Company',
      'Currency',
      'Status',
      'Prorate',
      'Billing start',
    ]) {
      expect(html).toContain(`<th>${heading}</th>`);
    }
    for (const heading of [
      'Product',
      'Qty',
      'Unit price',
      'Unit cost',
      'Effective',
      'Cancelled',
      'Serial number',
    ]) {
      expect(html).toContain(`<th>${heading}</th>`);
    }
    const section = html.slice(html.indexOf(`<section id="agreement-${eur.id}">`));
    const own = section.slice(0, section.indexOf('</section>'));
    expect(own).toContain('EUR (Euro)');
    expect(own).toContain('prorate No');
    expect(own).toContain('invoiced through 2026-02-28');
    const row = own.slice(own.indexOf(`<td>${id}</td>`));
    expect(row.slice(0, row.indexOf('</tr>'))).toBe(
      [
        `<td>${id}</td>`,
        `<td>${escapeHtml(product?.identifier)}</td>`,
        `<td>${escapeHtml(product?.description)}</td>`,
        '<td class="n">4</td>',
        '<td class="n">0</td>',
        '<td class="n">12.5</td>',
        '<td class="n">9.75</td>',
        '<td class="n">50</td>',
        '<td>Billable</td>',
        '<td>2026-02-01</td>',
        '<td>2026-02-28</td>',
        '<td>PLT:L:page-1</td>',
        '<td>Page check</td>',
        '<td></td>',
        '<td>Yes</td>',
      ].join(''),
    );
    const cancelled = sim.data.agreements.find(
      (agreement) => agreement.agreementStatus === 'Cancelled',
    );
    const summary = html.slice(0, html.indexOf('<section'));
    expect(summary).toContain(`<td>${cancelled?.id}</td>`);
    expect(summary).toMatch(/<td>Cancelled<\/td><td>USD<\/td><td>Yes<\/td>/);
  });
});
