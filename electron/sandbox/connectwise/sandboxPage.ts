/**
 * `GET /sandbox`: a read-only page listing agreements and their additions the way ConnectWise's
 * Agreement screen and its Additions tab show them, so a person can see what the app posted.
 */
import { cell, escapeHtml, htmlPage, numberCell, table } from '../summaryPage';
import type { Addition, Agreement, SimulatorData } from './connectwiseRecords';

/** What the page needs besides the data: the index of additions, and invoicing. */
export interface SandboxPageSources {
  additionsOf(agreementId: number): readonly Addition[];
  invoicedThrough(agreementId: number): string | undefined;
  isInvoiced(additionId: number): boolean;
}

/** `2026-01-31T00:00:00Z` → `2026-01-31`; empty for none. */
function day(date: string | null | undefined): string {
  return date ? date.slice(0, 10) : '';
}

function yesNo(flag: boolean): string {
  return flag ? 'Yes' : 'No';
}

function customFieldsText(fields: Addition['customFields']): string {
  return fields.map((field) => `${field.caption}: ${field.value ?? ''}`).join('; ');
}

function agreementsTable(agreements: readonly Agreement[], sources: SandboxPageSources): string {
  return table(
    [
      'Id',
      'Agreement',
      'Company',
      'Type',
      'Status',
      'Currency',
      'Prorate',
      'Billing cycle',
      'Start',
      'Billing start',
      'End',
      'Additions',
    ],
    agreements.map((agreement) => [
      cell(agreement.id),
      cell(agreement.name),
      cell(agreement.company.name),
      cell(agreement.type.name),
      cell(agreement.agreementStatus),
      cell(agreement.currency.currencyCode),
      cell(yesNo(agreement.prorateFlag)),
      cell(agreement.billingCycle.name),
      cell(day(agreement.startDate)),
      cell(day(agreement.billStartDate ?? agreement.startDate)),
      cell(day(agreement.endDate)),
      numberCell(sources.additionsOf(agreement.id).length),
    ]),
    'No agreements',
  );
}

function additionsTable(additions: readonly Addition[], sources: SandboxPageSources): string {
  return table(
    [
      'Id',
      'Product',
      'Description',
      'Qty',
      'Less incl.',
      'Unit price',
      'Unit cost',
      'Ext. price',
      'Bill',
      'Effective',
      'Cancelled',
      'Serial number',
      'Invoice description',
      'Custom fields',
      'Invoiced',
    ],
    additions.map((addition) => [
      cell(addition.id),
      cell(addition.product.identifier),
      cell(addition.description),
      numberCell(addition.quantity),
      numberCell(addition.lessIncluded),
      numberCell(addition.unitPrice),
      numberCell(addition.unitCost),
      numberCell(addition.extPrice),
      cell(addition.billCustomer),
      cell(day(addition.effectiveDate)),
      cell(day(addition.cancelledDate)),
      cell(addition.serialNumber),
      cell(addition.invoiceDescription),
      cell(customFieldsText(addition.customFields)),
      cell(sources.isInvoiced(addition.id) ? 'Yes' : ''),
    ]),
    'No additions',
  );
}

function agreementSection(agreement: Agreement, sources: SandboxPageSources): string {
  const invoiced = sources.invoicedThrough(agreement.id);
  const facts = [
    `${agreement.company.name} (${agreement.company.identifier})`,
    agreement.type.name,
    agreement.agreementStatus,
    `${agreement.currency.currencyCode} (${agreement.currency.name})`,
    `prorate ${yesNo(agreement.prorateFlag)}`,
    `billed ${agreement.billingCycle.name}`,
    `from ${day(agreement.startDate)}`,
    `billing from ${day(agreement.billStartDate ?? agreement.startDate)}`,
    ...(agreement.endDate ? [`ends ${day(agreement.endDate)}`] : []),
    ...(invoiced ? [`invoiced through ${day(invoiced)}`] : []),
  ];
  const notes = agreement.internalNotes
    ? `<p class="notes">Internal notes: ${escapeHtml(agreement.internalNotes)}</p>`
    : '';
  const customFields =
    agreement.customFields.length > 0
      ? `<p>Custom fields: ${escapeHtml(customFieldsText(agreement.customFields))}</p>`
      : '';
  return `<section id="agreement-${escapeHtml(agreement.id)}">
<h2>${escapeHtml(agreement.name)} <small>#${escapeHtml(agreement.id)}</small></h2>
<p>${facts.map(escapeHtml).join(' · ')}</p>
${notes}${customFields}
${additionsTable(sources.additionsOf(agreement.id), sources)}
</section>`;
}

export function sandboxPageHtml(
  data: SimulatorData,
  siteUrl: string,
  companyId: string,
  sources: SandboxPageSources,
): string {
  const agreements = [...data.agreements].sort((a, b) => b.id - a.id);
  const sections = agreements.map((agreement) => agreementSection(agreement, sources)).join('\n');
  return htmlPage(
    'ConnectWise sandbox',
    `<h1>ConnectWise Manage sandbox</h1>
<p>Site ${escapeHtml(siteUrl)} · company ${escapeHtml(companyId)} · ${escapeHtml(data.companies.length)} companies · ${escapeHtml(data.agreements.length)} agreements · ${escapeHtml(data.additions.length)} additions. Read-only: reload to see new posts. Newest agreements first.</p>
<h2>Agreements</h2>
${agreementsTable(agreements, sources)}
${sections || '<p>No agreements yet.</p>'}`,
    `table { width: 100%; }
small { color: #6a737d; font-weight: normal; }
p.notes { white-space: pre-line; color: #444d56; }`,
  );
}
