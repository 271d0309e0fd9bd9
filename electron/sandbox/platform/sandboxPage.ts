/**
 * `GET /sandbox`: a read-only page summarising what the simulator serves — invoices and lines
 * per month, charge types, billing cycles and every organization — so a person can check what
 * the app should load. No token needed; every value is HTML-escaped (organization and
 * subscription names carry `&`, `"`, `<` and apostrophes).
 */
import { moneyText } from './decimalAmounts';
import { billingCycles, chargeTypes, currencies, type PlatformData } from './platformRecords';

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

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

function monthRows(data: PlatformData): string {
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
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(
      ([key, month]) =>
        `<tr><td>${escapeHtml(key)}</td><td class="n">${month.invoices}</td><td class="n">${month.lines}</td>${currencies
          .map(
            (currency) =>
              `<td class="n">${escapeHtml(moneyText(month.cents.get(currency) ?? 0))}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
}

function countRows(labels: readonly string[], counts: Map<string, number>): string {
  return labels
    .map(
      (label) =>
        `<tr><td>${escapeHtml(label)}</td><td class="n">${counts.get(label) ?? 0}</td></tr>`,
    )
    .join('\n');
}

function organizationRows(data: PlatformData): string {
  const contracts = countBy(data.contracts, (contract) => contract.organizationId);
  const invoices = countBy(data.invoices, (invoice) => invoice.organizationId);
  const lines = countBy(data.invoiceLines, (line) => line.organizationId);
  return data.organizations
    .map(
      (organization) =>
        `<tr><td>${escapeHtml(organization.id)}</td><td>${escapeHtml(organization.name)}</td><td>${escapeHtml(organization.currency)}</td><td class="n">${contracts.get(organization.id) ?? 0}</td><td class="n">${invoices.get(organization.id) ?? 0}</td><td class="n">${lines.get(organization.id) ?? 0}</td></tr>`,
    )
    .join('\n');
}

export function sandboxPageHtml(data: PlatformData, baseUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Platform sandbox</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d2733; }
table { border-collapse: collapse; margin-bottom: 1.5rem; font-size: 0.9rem; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f7; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.columns { display: flex; gap: 2rem; flex-wrap: wrap; align-items: flex-start; }
</style>
</head>
<body>
<h1>Platform sandbox</h1>
<p>API ${escapeHtml(baseUrl)}/v1 · ${data.organizations.length} organizations · ${data.offers.length} offers · ${data.contracts.length} contracts · ${data.invoices.length} invoices · ${data.invoiceLines.length} invoice lines. Read-only; the API needs the bearer token printed at start.</p>
<div class="columns">
<section>
<h2>Months (by invoice date)</h2>
<table>
<thead><tr><th>Month</th><th>Invoices</th><th>Lines</th>${currencies.map((currency) => `<th>Total ${currency}</th>`).join('')}</tr></thead>
<tbody>
${monthRows(data) || '<tr><td colspan="5">No invoices</td></tr>'}
</tbody>
</table>
</section>
<section>
<h2>Charge types</h2>
<table><thead><tr><th>Charge type</th><th>Lines</th></tr></thead><tbody>
${countRows(
  chargeTypes,
  countBy(data.invoiceLines, (line) => line.chargeType),
)}
</tbody></table>
<h2>Billing cycles</h2>
<table><thead><tr><th>Billing cycle</th><th>Lines</th></tr></thead><tbody>
${countRows(
  billingCycles,
  countBy(data.invoiceLines, (line) => line.billingCycle),
)}
</tbody></table>
</section>
</div>
<h2>Organizations</h2>
<table>
<thead><tr><th>Id</th><th>Name</th><th>Currency</th><th>Contracts</th><th>Invoices</th><th>Lines</th></tr></thead>
<tbody>
${organizationRows(data) || '<tr><td colspan="6">No organizations</td></tr>'}
</tbody>
</table>
</body>
</html>`;
}
