import type { BillingCycle, ChargeType } from '../../../shared/chargeDateVocabulary';
import type { InvoiceLineRow, SavedConfiguration } from '../../../shared/contract';
import {
  type ChargeDateConfiguration,
  chargeTypeNameToSend,
  computeChargeDates,
  emptyChargeDateConfiguration,
} from '../charge-dates';
import type { StoredLine } from './invoiceStore';

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
  const chargeType = line.charge_type as ChargeType;
  const dates = computeChargeDates(
    {
      chargeType,
      billingCycle: line.billing_cycle as BillingCycle,
      invoiceDate: line.invoice_date,
      chargeStart: line.charge_start,
      chargeEnd: line.charge_end,
    },
    rules,
    { chargeStart: line.override_charge_start, chargeEnd: line.override_charge_end },
  );
  const name = chargeTypeNameToSend(chargeType, rules);
  const status =
    line.sync_status === 'synced'
      ? {
          status: 'Synced' as const,
          statusDetail: `Addition ${line.cw_addition_id ?? '?'} at ${line.synced_at ?? '?'}`,
        }
      : line.sync_status === 'failed'
        ? { status: 'Failed' as const, statusDetail: null }
        : line.sync_status === 'cancelled'
          ? { status: 'Cancelled' as const, statusDetail: null }
          : {
              status: 'Not Mapped' as const,
              statusDetail: 'Organization and product are not mapped yet.',
            };
  return {
    lineId: line.line_id,
    invoiceId: line.invoice_id,
    invoiceDate: line.invoice_date,
    organizationId: line.organization_id,
    organizationName: line.organization_name,
    psaOrganizationName: null,
    contractId: line.contract_id,
    psaAgreementName: null,
    subscriptionName: line.subscription_name,
    offerId: line.offer_id,
    offerName: line.offer_name,
    psaProductName: null,
    chargeType: { platformName: chargeType, name: name.name, badge: name.badge },
    billingCycle: line.billing_cycle as BillingCycle,
    quantity: line.quantity,
    unitPrice: line.unit_price,
    unitCost: line.unit_cost,
    currency: line.currency,
    chargeStart: dates.start,
    chargeEnd: dates.end,
    ...status,
  };
}
