/**
 * The records the Platform simulator serves, exactly as `docs/platform-api.yaml` describes them:
 * ids are strings, money and quantities are decimal strings ("12.50", "-3", "2.75"), dates are
 * calendar dates `YYYY-MM-DD` in UTC.
 */

export const chargeTypes = [
  'Cycle Fee',
  'Correction',
  'Usage Fee',
  'Item Fee',
  'Purchase Fee',
  'One Time Fee',
] as const;
export type ChargeType = (typeof chargeTypes)[number];

export const billingCycles = ['Monthly', 'Quarterly', 'Annual', 'Triennial', 'One Time'] as const;
export type BillingCycle = (typeof billingCycles)[number];

export const currencies = ['EUR', 'USD'] as const;
export type Currency = (typeof currencies)[number];

export interface Organization {
  id: string;
  name: string;
  currency: Currency;
}

export type OfferCategory = 'Licensing' | 'Cloud' | 'Backup' | 'Security' | 'Services';

export interface Offer {
  /** The Offer/SKU id. */
  id: string;
  name: string;
  vendor: string | null;
  category: OfferCategory;
  billingCycle: BillingCycle;
}

export interface Contract {
  id: string;
  organizationId: string;
  name: string;
  startDate: string;
  endDate: string | null;
}

export interface Invoice {
  id: string;
  number: string;
  invoiceDate: string;
  organizationId: string;
  currency: Currency;
  /** Sum of quantity × unitPrice over the invoice's lines, rounded half away from zero. */
  total: string;
}

export interface InvoiceLine {
  lineId: string;
  invoiceId: string;
  invoiceDate: string;
  organizationId: string;
  organizationName: string;
  contractId: string;
  currency: Currency;
  subscriptionId: string;
  subscriptionName: string;
  offerId: string;
  offerName: string;
  vendor: string | null;
  chargeType: ChargeType;
  billingCycle: BillingCycle;
  quantity: string;
  unitPrice: string;
  unitCost: string | null;
  chargeStart: string;
  chargeEnd: string;
}

/** Every collection sorted by id (lines by lineId), the order the API pages in. */
export interface PlatformData {
  organizations: Organization[];
  offers: Offer[];
  contracts: Contract[];
  invoices: Invoice[];
  invoiceLines: InvoiceLine[];
}
