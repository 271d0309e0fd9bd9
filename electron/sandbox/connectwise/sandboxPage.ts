/**
 * `GET /sandbox`: a read-only page listing agreements and their additions, so a person can see
 * what the app posted. Every value is HTML-escaped: company names and descriptions carry `&`,
 * `"`, `<` and apostrophes.
 */
import type { Addition, SimulatorData } from './connectwiseRecords';

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function customFieldsText(addition: Addition): string {
  return addition.customFields.map((field) => `${field.caption}: ${field.value ?? ''}`).join('; ');
}

function additionRows(additions: Addition[]): string {
  if (additions.length === 0) return '<tr><td colspan="10" class="none">No additions</td></tr>';
  return additions
    .map(
      (addition) => `<tr>
  <td>${escapeHtml(addition.id)}</td>
  <td>${escapeHtml(addition.product.identifier)}</td>
  <td>${escapeHtml(addition.description)}</td>
  <td class="n">${escapeHtml(addition.quantity)}</td>
  <td class="n">${escapeHtml(addition.unitPrice)}</td>
  <td class="n">${escapeHtml(addition.extPrice)}</td>
  <td>${escapeHtml(addition.billCustomer)}</td>
  <td>${escapeHtml(addition.effectiveDate)}</td>
  <td>${escapeHtml(addition.invoiceDescription)}</td>
  <td>${escapeHtml(customFieldsText(addition))}</td>
</tr>`,
    )
    .join('\n');
}

export function sandboxPageHtml(data: SimulatorData, siteUrl: string, companyId: string): string {
  const sections = [...data.agreements]
    .sort((a, b) => b.id - a.id)
    .map((agreement) => {
      const additions = data.additions.filter((addition) => addition.agreementId === agreement.id);
      return `<section>
<h2>${escapeHtml(agreement.name)} <small>#${escapeHtml(agreement.id)}</small></h2>
<p>${escapeHtml(agreement.company.name)} (${escapeHtml(agreement.company.identifier)}) · ${escapeHtml(agreement.type.name)} · ${escapeHtml(agreement.agreementStatus)} · from ${escapeHtml(agreement.startDate)}</p>
<table>
<thead><tr><th>Id</th><th>Product</th><th>Description</th><th>Qty</th><th>Unit price</th><th>Ext. price</th><th>Bill</th><th>Effective</th><th>Invoice description</th><th>Custom fields</th></tr></thead>
<tbody>
${additionRows(additions)}
</tbody>
</table>
</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ConnectWise sandbox</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d2733; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; font-size: 0.9rem; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f7; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.none { color: #6a737d; font-style: italic; }
small { color: #6a737d; font-weight: normal; }
</style>
</head>
<body>
<h1>ConnectWise Manage sandbox</h1>
<p>Site ${escapeHtml(siteUrl)} · company ${escapeHtml(companyId)} · ${escapeHtml(data.companies.length)} companies · ${escapeHtml(data.agreements.length)} agreements · ${escapeHtml(data.additions.length)} additions. Read-only: reload to see new posts.</p>
${sections || '<p>No agreements yet.</p>'}
</body>
</html>`;
}
