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
  /** The billing cycle a new Agreement of this type gets when it names none. */
  billingCycle: NamedReference;
  /** "Prorate Agreement": the default of a new Agreement of this type. */
  prorateFlag: boolean;
  invoiceProratedAdditionsFlag: boolean;
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

/** How an Agreement refers to its currency. */
export interface Currency {
  id: number;
  symbol: string;
  currencyCode: string;
  name: string;
}

/** A currency of `GET /finance/currencies`. */
export interface CurrencyRecord extends Currency {
  currencyIdentifier: string;
  decimalSeparator: string;
  thousandsSeparator: string;
  numberOfDecimals: number;
  displaySymbolFlag: boolean;
  _info: RecordInfo;
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
  /** When billing starts; an Addition may not take effect before it. Null reads as startDate. */
  billStartDate: string | null;
  billingCycle: NamedReference;
  agreementStatus: AgreementStatus;
  cancelledFlag: boolean;
  dateCancelled: string | null;
  currency: Currency;
  /** "Prorate Agreement": Additions starting or ending mid-period are prorated. */
  prorateFlag: boolean;
  invoiceProratedAdditionsFlag: boolean;
  internalNotes: string | null;
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

/** Where a custom field shows; the simulator's own names (the real screen ids are not documented). */
export const customFieldScreens = ['Company', 'Agreement', 'AgreementAddition'] as const;
export type CustomFieldScreen = (typeof customFieldScreens)[number];

/** A custom field definition of `GET /system/userDefinedFields`. */
export interface UserDefinedField {
  id: number;
  podId: number;
  /** ≤ 25 characters. */
  caption: string;
  sequenceNumber: number;
  screenId: CustomFieldScreen;
  helpText: string | null;
  fieldTypeIdentifier: 'Text' | 'Number' | 'Date' | 'Checkbox';
  numberDecimals: number;
  entryTypeIdentifier: 'EntryField' | 'List' | 'Option';
  requiredFlag: boolean;
  displayOnScreenFlag: boolean;
  readOnlyFlag: boolean;
  listViewFlag: boolean;
  dateCreated: string;
  _info: RecordInfo;
}

/** Everything the simulator stores: live state, mutated by the API and read by tests. */
export interface SimulatorData {
  companies: Company[];
  contacts: Contact[];
  agreementTypes: AgreementType[];
  billingCycles: BillingCycle[];
  currencies: CurrencyRecord[];
  userDefinedFields: UserDefinedField[];
  catalog: CatalogItem[];
  agreements: Agreement[];
  additions: Addition[];
}
