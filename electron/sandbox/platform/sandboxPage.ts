/**
 * `GET /sandbox`: a read-only page summarising what the simulator serves — invoices and lines
 * per month, charge types, billing cycles and every organization — so a person can check what
 * the app should load. No token needed.
 */
import { cell, escapeHtml, htmlPage, numberCell, table } from '../summaryPage';
import { moneyText } from './decimalAmounts';
import { billingCycles, chargeTypes, currencies, type PlatformData } from './platformRecords';

/** "12.50" → 1250, "-3" → -300: totals are added up in cents. */
function centsOf(decimal: string): number {
  const [whole = '0', fraction = ''] = decimal.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return decimal.startsWith('-') ? -cents : cents;
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

function monthsTable(data: PlatformData): string {
  const months = new Map<string, { invoices: number; lines: number; cents: Map<string, number> }>();
  const monthOf = (date: string) => {
    const key = date.slice(0, 7);
    let month = months.get(key);
    if (!month) {
      month = { invoices: 0, lines: 0, cents: new Map() };
      months.set(key, month);
    }
    return month;
  };
  for (const invoice of data.invoices) {
    const month = monthOf(invoice.invoiceDate);
    month.invoices += 1;
    month.cents.set(
      invoice.currency,
      (month.cents.get(invoice.currency) ?? 0) + centsOf(invoice.total),
    );
  }
  for (const line of data.invoiceLines) monthOf(line.invoiceDate).lines += 1;
  return table(
    ['Month', 'Invoices', 'Lines', ...currencies.map((currency) => `Total ${currency}`)],
    [...months.entries()]
      .sort(([a], [b]) => (a < b ? 1 : -1))
      .map(([key, month]) => [
        cell(key),
        numberCell(month.invoices),
        numberCell(month.lines),
        ...currencies.map((currency) => numberCell(moneyText(month.cents.get(currency) ?? 0))),
      ]),
    'No invoices',
  );
}

function countsTable(heading: string, labels: readonly string[], counts: Map<string, number>) {
  return table(
    [heading, 'Lines'],
    labels.map((label) => [cell(label), numberCell(counts.get(label) ?? 0)]),
    'None',
  );
}

function organizationsTable(data: PlatformData): string {
  const contracts = countBy(data.contracts, (contract) => contract.organizationId);
  const invoices = countBy(data.invoices, (invoice) => invoice.organizationId);
  const lines = countBy(data.invoiceLines, (line) => line.organizationId);
  return table(
    ['Id', 'Name', 'Currency', 'Contracts', 'Invoices', 'Lines'],
    data.organizations.map((organization) => [
      cell(organization.id),
      cell(organization.name),
      cell(organization.currency),
      numberCell(contracts.get(organization.id) ?? 0),
      numberCell(invoices.get(organization.id) ?? 0),
      numberCell(lines.get(organization.id) ?? 0),
    ]),
    'No organizations',
  );
}

export function sandboxPageHtml(data: PlatformData, baseUrl: string): string {
  return htmlPage(
    'Platform sandbox',
    `<h1>Platform sandbox</h1>
<p>API ${escapeHtml(baseUrl)}/v1 · ${data.organizations.length} organizations · ${data.offers.length} offers · ${data.contracts.length} contracts · ${data.invoices.length} invoices · ${data.invoiceLines.length} invoice lines. Read-only; the API needs the bearer token printed at start.</p>
<div class="columns">
<section>
<h2>Months (by invoice date)</h2>
${monthsTable(data)}
</section>
<section>
<h2>Charge types</h2>
${countsTable(
  'Charge type',
  chargeTypes,
  countBy(data.invoiceLines, (line) => line.chargeType),
)}
<h2>Billing cycles</h2>
${countsTable(
  'Billing cycle',
  billingCycles,
  countBy(data.invoiceLines, (line) => line.billingCycle),
)}
</section>
</div>
<h2>Organizations</h2>
${organizationsTable(data)}`,
    '.columns { display: flex; gap: 2rem; flex-wrap: wrap; align-items: flex-start; }',
  );
}
