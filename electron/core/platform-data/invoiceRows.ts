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
 * charge-type name a sync would send now, with their badges.
 */
export function invoiceLineRow(
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
    psaAgreementName: null,
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
  };
}
