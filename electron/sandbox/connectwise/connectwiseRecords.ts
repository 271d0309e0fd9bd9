/**
 * The records the simulator keeps, shaped like ConnectWise Manage 2025.1 REST resources
 * (`docs/connectwise.md`). Real responses carry more fields than the app needs; a few extra ones
 * (`types`, `customFields`, `_info` hrefs) are here on purpose so a client must parse leniently.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface NamedReference {
  id: number;
  name: string;
}

export interface CompanyReference {
  id: number;
  identifier: string;
  name: string;
}

export interface RecordInfo {
  lastUpdated: string;
  dateEntered: string;
  updatedBy: string;
  enteredBy: string;
}

export interface CustomField {
  id: number;
  caption: string;
  type: string;
  entryMethod: string;
  numberOfDecimals: number;
  value: string | number | boolean | null;
}

export interface Company {
  id: number;
  identifier: string;
  name: string;
  status: NamedReference;
  deletedFlag: boolean;
  types: NamedReference[];
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  state: string | null;
  zip: string;
  country: NamedReference;
  phoneNumber: string;
  website: string;
  defaultContact: NamedReference | null;
  customFields: CustomField[];
  _info: RecordInfo & { contacts_href: string };
}

export interface CommunicationItem {
  id: number;
  type: NamedReference;
  value: string;
  defaultFlag: boolean;
  communicationType: 'Email' | 'Phone';
}

export interface Contact {
  id: number;
  firstName: string;
  lastName: string;
  company: CompanyReference;
  title: string | null;
  defaultFlag: boolean;
  inactiveFlag: boolean;
  communicationItems: CommunicationItem[];
  _info: RecordInfo;
}

export interface AgreementType {
  id: number;
  name: string;
  defaultFlag: boolean;
  inactiveFlag: boolean;
  prePaymentFlag: boolean;
  invoicingCycle: 'CalendarYear' | 'ContractYear';
  billingCycle: NamedReference;
  _info: RecordInfo;
}

export interface BillingCycle {
  id: number;
  name: string;
  _info: RecordInfo;
}

/** What kind of product a catalog item is; a `Bundle` cannot be an agreement addition. */
export const productClasses = [
  'Agreement',
  'Bundle',
  'Inventory',
  'NonInventory',
  'Service',
] as const;
export type ProductClass = (typeof productClasses)[number];

export interface CatalogItem {
  id: number;
  identifier: string;
  description: string;
  customerDescription: string;
  inactiveFlag: boolean;
  subcategory: NamedReference;
  type: NamedReference;
  productClass: ProductClass;
  unitOfMeasure: NamedReference;
  price: number;
  cost: number;
  taxableFlag: boolean;
  recurringFlag: boolean;
  recurringBillCycle: NamedReference | null;
  /** The vendor's part number, ≤ 50; for Microsoft CSP items the product SKU (`CFQ7TTC0LH18`). */
  vendorSku: string | null;
  /** A cross-reference other tools write, ≤ 50. */
  integrationXRef: string | null;
  _info: RecordInfo;
}

export const agreementStatuses = ['Active', 'Cancelled', 'Expired', 'Inactive'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export interface Currency {
  id: number;
  symbol: string;
  currencyCode: string;
  name: string;
}

export interface Agreement {
  id: number;
  name: string;
  type: NamedReference;
  company: CompanyReference;
  contact: NamedReference;
  startDate: string;
  endDate: string | null;
  noEndingDateFlag: boolean;
  billingCycle: NamedReference;
  agreementStatus: AgreementStatus;
  cancelledFlag: boolean;
  currency: Currency;
  customerPO: string | null;
  customFields: CustomField[];
  _info: RecordInfo & { additions_href: string };
}

export const billCustomerOptions = ['Billable', 'DoNotBill', 'NoCharge'] as const;
export type BillCustomer = (typeof billCustomerOptions)[number];

export interface ProductReference {
  id: number;
  identifier: string;
  description: string;
}

export interface Addition {
  id: number;
  product: ProductReference;
  quantity: number;
  lessIncluded: number;
  unitPrice: number;
  unitCost: number;
  billCustomer: BillCustomer;
  effectiveDate: string | null;
  cancelledDate: string | null;
  taxableFlag: boolean;
  description: string;
  invoiceDescription: string | null;
  serialNumber: string | null;
  purchaseItemFlag: boolean;
  specialOrderFlag: boolean;
  agreementId: number;
  billedQuantity: number;
  uom: string;
  extPrice: number;
  extCost: number;
  margin: number;
  sequenceNumber: number;
  agreementStatus: AgreementStatus;
  customFields: CustomField[];
  _info: RecordInfo;
}

/** Everything the simulator stores: live state, mutated by the API and read by tests. */
export interface SimulatorData {
  companies: Company[];
  contacts: Contact[];
  agreementTypes: AgreementType[];
  billingCycles: BillingCycle[];
  catalog: CatalogItem[];
  agreements: Agreement[];
  additions: Addition[];
}
