import type { BillingCycle, ChargeType } from '@shared/chargeDateVocabulary';
import type { InvoiceLineRow, SavedConfiguration } from '@shared/contract';
import {
  type ChargeDateConfiguration,
  chargeTypeNameToSend,
  computeChargeDates,
  emptyChargeDateConfiguration,
} from '../charge-dates';
import type { StoredLine } from './invoiceLineQueries';

function rulesOf(configuration: SavedConfiguration | null): ChargeDateConfiguration {
  return configuration
    ? {
        endDateRules: configuration.endDateRules,
        startDateRules: configuration.startDateRules,
        customChargeTypeNames: configuration.customChargeTypeNames,
      }
    : emptyChargeDateConfiguration;
}

/**
 * A stored line as the Invoices grid shows it: for an unsynced line, exactly the dates and
 * charge-type name a sync would send now, with their badges; for a synced one, those it was sent
 * with, whatever the rules say today.
 */
export function invoiceLineRow(
  line: StoredLine,
  configuration: SavedConfiguration | null,
): InvoiceLineRow {
  const sent = line.synced ? sentLineIn(line.sent_values) : null;
  if (sent) return { ...rowAsComputedNow(line, configuration), ...sent };
  return rowAsComputedNow(line, configuration);
}

function rowAsComputedNow(
  line: StoredLine,
  configuration: SavedConfiguration | null,
): InvoiceLineRow {
  const rules = rulesOf(configuration);
  const dates = computeChargeDates(
    {
      chargeType: line.charge_type,
      billingCycle: line.billing_cycle,
      invoiceDate: line.invoice_date,
      chargeStart: line.charge_start_date,
      chargeEnd: line.charge_end_date,
    },
    rules,
    { chargeStart: line.override_charge_start, chargeEnd: line.override_charge_end },
  );
  const name = chargeTypeNameToSend(line.charge_type, rules);
  return {
    lineId: line.line_id,
    invoiceId: line.invoice_id,
    invoiceDate: line.invoice_date,
    organizationId: line.organization_id,
    organizationName: line.organization_name,
    psaOrganizationName: line.psa_organization_name,
    contractId: line.contract_id,
    psaAgreementName: line.psa_agreement_name,
    subscriptionName: line.subscription_name,
    offerId: line.offer_id,
    offerName: line.offer_name,
    psaProductName: line.psa_product_name,
    chargeType: { platformName: line.charge_type, name: name.name, badge: name.badge },
    billingCycle: line.billing_cycle,
    quantity: line.quantity,
    unitPrice: line.unit_price,
    unitCost: line.unit_cost,
    currency: line.currency,
    chargeStart: dates.start,
    chargeEnd: dates.end,
    status: line.status,
    statusDetail: line.status_detail,
    editable: !line.synced,
    included: line.override_included !== 0,
    chosenCompanyId: line.override_company_id,
    chosenAgreementId: line.override_agreement_id,
    changedSinceSync: line.synced === 1 && line.changed_since_sync_at !== null,
    synced:
      line.status === 'Synced' && line.addition_id !== null
        ? {
            additionId: line.addition_id,
            agreementId: agreementIdIn(line.sent_values),
            at: line.synced_at ?? '',
            sent: sentValuesIn(line.sent_values),
          }
        : null,
  };
}

/** What a synced line was sent with; null for a line synced before this was recorded. */
function sentLineIn(sentValues: string | null): ShownLine | null {
  if (!sentValues) return null;
  try {
    const line = (JSON.parse(sentValues) as { line?: ShownLine }).line;
    return line?.chargeStart && line.chargeEnd && line.chargeType ? line : null;
  } catch {
    return null;
  }
}

/** "17 × 15.00 from 2026-11-01 to 2026-11-30": what the Addition was sent with. */
function sentValuesIn(sentValues: string | null): string | null {
  if (!sentValues) return null;
  try {
    const { values } = JSON.parse(sentValues) as {
      values?: {
        quantity?: number;
        unitPrice?: number;
        effectiveDate?: string;
        cancelledDate?: string;
      };
    };
    if (values?.quantity === undefined || values.unitPrice === undefined) return null;
    const day = (date: string | undefined) => date?.slice(0, 10) ?? '…';
    return `${values.quantity} × ${values.unitPrice.toFixed(2)} from ${day(values.effectiveDate)} to ${day(values.cancelledDate)}`;
  } catch {
    return null;
  }
}

function agreementIdIn(sentValues: string | null): number | null {
  if (!sentValues) return null;
  try {
    const id = (JSON.parse(sentValues) as { agreement?: { id?: unknown } }).agreement?.id;
    return typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

/** A line's dates and charge-type name as the grid shows them, badges included. */
export type ShownLine = Pick<InvoiceLineRow, 'chargeStart' | 'chargeEnd' | 'chargeType'>;

/** An unsynced line as a posting run sends it: the dates and charge-type name the grid shows. */
export interface PostableLine {
  lineId: string;
  period: string;
  invoiceDate: string;
  organizationId: string;
  organizationName: string;
  contractId: string;
  currency: string;
  subscriptionId: string;
  subscriptionName: string;
  offerId: string;
  chargeType: ChargeType;
  chargeTypeName: string;
  billingCycle: BillingCycle;
  quantity: string;
  unitPrice: string;
  unitCost: string | null;
  chargeStart: string;
  chargeEnd: string;
  /** The Platform's own Charge End Date, before rules and edits. */
  platformChargeEnd: string;
  /** Mapped and included? (A failed line is retried when it is Ready.) */
  readiness: StoredLine['mapping_readiness'];
  readinessDetail: string | null;
  chosenCompanyId: number | null;
  chosenAgreementId: number | null;
  /** Kept with the sync result, so a synced line keeps showing what was sent. */
  shown: ShownLine;
}

export function postableLine(
  line: StoredLine,
  configuration: SavedConfiguration | null,
): PostableLine {
  const row = invoiceLineRow(line, configuration);
  return {
    lineId: line.line_id,
    period: line.period,
    invoiceDate: line.invoice_date,
    organizationId: line.organization_id,
    organizationName: line.organization_name,
    contractId: line.contract_id,
    currency: line.currency,
    subscriptionId: line.subscription_id,
    subscriptionName: line.subscription_name,
    offerId: line.offer_id,
    chargeType: line.charge_type,
    chargeTypeName: row.chargeType.name,
    billingCycle: line.billing_cycle,
    quantity: line.quantity,
    unitPrice: line.unit_price,
    unitCost: line.unit_cost,
    chargeStart: row.chargeStart.date,
    chargeEnd: row.chargeEnd.date,
    platformChargeEnd: line.charge_end_date,
    readiness: line.mapping_readiness,
    readinessDetail: line.mapping_readiness_detail,
    chosenCompanyId: line.override_company_id,
    chosenAgreementId: line.override_agreement_id,
    shown: { chargeStart: row.chargeStart, chargeEnd: row.chargeEnd, chargeType: row.chargeType },
  };
}
