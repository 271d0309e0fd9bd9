/**
 * `GET /sandbox`: a read-only page listing agreements and their additions, so a person can see
 * what the app posted.
 */
import { cell, escapeHtml, htmlPage, numberCell, table } from '../summaryPage';
import type { Addition, SimulatorData } from './connectwiseRecords';

function customFieldsText(addition: Addition): string {
  return addition.customFields.map((field) => `${field.caption}: ${field.value ?? ''}`).join('; ');
}

function additionsTable(additions: Addition[]): string {
  return table(
    [
      'Id',
      'Product',
      'Description',
      'Qty',
      'Unit price',
      'Ext. price',
      'Bill',
      'Effective',
      'Invoice description',
      'Custom fields',
    ],
    additions.map((addition) => [
      cell(addition.id),
      cell(addition.product.identifier),
      cell(addition.description),
      numberCell(addition.quantity),
      numberCell(addition.unitPrice),
      numberCell(addition.extPrice),
      cell(addition.billCustomer),
      cell(addition.effectiveDate),
      cell(addition.invoiceDescription),
      cell(customFieldsText(addition)),
    ]),
    'No additions',
  );
}

export function sandboxPageHtml(data: SimulatorData, siteUrl: string, companyId: string): string {
  const sections = [...data.agreements]
    .sort((a, b) => b.id - a.id)
    .map((agreement) => {
      const additions = data.additions.filter((addition) => addition.agreementId === agreement.id);
      return `<section>
<h2>${escapeHtml(agreement.name)} <small>#${escapeHtml(agreement.id)}</small></h2>
<p>${escapeHtml(agreement.company.name)} (${escapeHtml(agreement.company.identifier)}) · ${escapeHtml(agreement.type.name)} · ${escapeHtml(agreement.agreementStatus)} · from ${escapeHtml(agreement.startDate)}</p>
${additionsTable(additions)}
</section>`;
    })
    .join('\n');
  return htmlPage(
    'ConnectWise sandbox',
    `<h1>ConnectWise Manage sandbox</h1>
<p>Site ${escapeHtml(siteUrl)} · company ${escapeHtml(companyId)} · ${escapeHtml(data.companies.length)} companies · ${escapeHtml(data.agreements.length)} agreements · ${escapeHtml(data.additions.length)} additions. Read-only: reload to see new posts.</p>
${sections || '<p>No agreements yet.</p>'}`,
    `table { width: 100%; }
small { color: #6a737d; font-weight: normal; }`,
  );
}
