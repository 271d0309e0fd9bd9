import { z } from 'zod';

/**
 * What the app reads from ConnectWise. Lenient on purpose: unknown fields are dropped, and
 * everything the app does not strictly need may be null or missing. What it needs (ids, names)
 * is required, so a response without it fails with a "Response Error" naming the field.
 */
const text = z.string().nullish();
const number = z.number().nullish();
const flag = z.boolean().nullish();

export const Reference = z.object({ id: z.number().int(), name: text, identifier: text });
export type Reference = z.infer<typeof Reference>;

const Info = z.object({ lastUpdated: text, dateEntered: text }).nullish();
const CustomField = z.object({ id: z.number().int(), caption: text, value: z.unknown() });

export const CompanyInfo = z.object({
  CompanyName: text,
  Codebase: z.string().min(1),
  VersionCode: text,
  VersionNumber: text,
  CompanyID: text,
  IsCloud: flag,
  SiteUrl: text,
});
export type CompanyInfo = z.infer<typeof CompanyInfo>;

export const SystemInfo = z.object({
  version: z.string(),
  isCloud: flag,
  serverTimeZone: text,
  cloudRegion: text,
});
export type SystemInfo = z.infer<typeof SystemInfo>;

export const Company = z.object({
  id: z.number().int(),
  identifier: text,
  // Legacy imports leave Companies without a name; the app shows them by id instead.
  name: text,
  status: Reference.nullish(),
  deletedFlag: flag,
  defaultContact: Reference.nullish(),
  addressLine1: text,
  city: text,
  country: Reference.nullish(),
  types: z.array(Reference).nullish(),
  _info: Info,
});
export type Company = z.infer<typeof Company>;

export const Contact = z.object({
  id: z.number().int(),
  firstName: text,
  lastName: text,
  company: Reference.nullish(),
});
export type Contact = z.infer<typeof Contact>;

export const AgreementType = z.object({
  id: z.number().int(),
  name: z.string(),
  defaultFlag: flag,
  inactiveFlag: flag,
  prorateFlag: flag,
  billingCycle: Reference.nullish(),
});
export type AgreementType = z.infer<typeof AgreementType>;

export const Agreement = z.object({
  id: z.number().int(),
  name: z.string(),
  type: Reference.nullish(),
  company: Reference.nullish(),
  contact: Reference.nullish(),
  startDate: text,
  endDate: text,
  noEndingDateFlag: flag,
  billingCycle: Reference.nullish(),
  agreementStatus: text,
  cancelledFlag: flag,
  currency: z.object({ id: number, currencyCode: text }).nullish(),
  /** "Prorate Agreement": ConnectWise prorates mid-period Additions itself. */
  prorateFlag: flag,
  billStartDate: text,
  internalNotes: text,
  customFields: z.array(CustomField).nullish(),
  _info: Info,
});
export type Agreement = z.infer<typeof Agreement>;

export const BillCustomer = z.enum(['Billable', 'DoNotBill', 'NoCharge']);
export type BillCustomer = z.infer<typeof BillCustomer>;

export const Addition = z.object({
  id: z.number().int(),
  product: z.object({ id: z.number().int().nullish(), identifier: text }).nullish(),
  billCustomer: text,
  quantity: number,
  lessIncluded: number,
  unitPrice: number,
  unitCost: number,
  effectiveDate: text,
  cancelledDate: text,
  taxableFlag: flag,
  description: text,
  invoiceDescription: text,
  serialNumber: text,
  agreementId: number,
  billedQuantity: number,
  extPrice: number,
  extCost: number,
  agreementStatus: text,
  customFields: z.array(CustomField).nullish(),
  _info: Info,
});
export type Addition = z.infer<typeof Addition>;

export const CatalogItem = z.object({
  id: z.number().int(),
  identifier: z.string(),
  description: text,
  customerDescription: text,
  price: number,
  cost: number,
  inactiveFlag: flag,
  recurringFlag: flag,
  subcategory: Reference.nullish(),
  type: Reference.nullish(),
  unitOfMeasure: Reference.nullish(),
  /** Agreement, Bundle, Inventory, NonInventory or Service: a Bundle cannot be an Addition. */
  productClass: text,
  vendorSku: text,
  integrationXRef: text,
  _info: Info,
});
export type CatalogItem = z.infer<typeof CatalogItem>;

export const BillingCycle = z.object({ id: z.number().int(), name: z.string() });
export type BillingCycle = z.infer<typeof BillingCycle>;

/** A currency the site knows: Agreements take it by id. */
export const Currency = z.object({ id: z.number().int(), currencyCode: z.string() });
export type Currency = z.infer<typeof Currency>;

/** A custom field definition (`/system/userDefinedFields`); the screen says which records carry it. */
export const UserDefinedField = z.object({
  id: z.number().int(),
  caption: z.string(),
  screenId: z.string().nullish(),
  fieldTypeIdentifier: z.string().nullish(),
  entryTypeIdentifier: z.string().nullish(),
});
export type UserDefinedField = z.infer<typeof UserDefinedField>;

export const Count = z.object({ count: z.number().int() });

/** What the app sends to create an Agreement. */
export interface AgreementDraft {
  name: string;
  type: { id: number };
  company: { id: number };
  contact: { id: number };
  startDate?: string;
  noEndingDateFlag?: boolean;
  billingCycle?: { id: number };
  currency?: { id: number };
  prorateFlag?: boolean;
  internalNotes?: string;
  customFields?: Array<{ id: number; value: unknown }>;
}

/** What the app sends to create or replace an Addition. */
export interface AdditionDraft {
  product: { id: number };
  billCustomer: BillCustomer;
  quantity: number;
  unitPrice?: number;
  unitCost?: number;
  effectiveDate?: string;
  cancelledDate?: string | null;
  description?: string;
  invoiceDescription?: string;
  serialNumber?: string;
  taxableFlag?: boolean;
  customFields?: Array<{ id: number; value: unknown }>;
}

/** ConnectWise PATCH bodies are JSON-Patch operations. */
export interface PatchOperation {
  op: 'replace' | 'add' | 'remove';
  path: string;
  value?: unknown;
}

export const BundleResult = z.object({
  sequenceNumber: z.number().int(),
  resourceType: text,
  entities: z.array(z.unknown()).nullish(),
  count: number,
  success: flag,
  statusCode: number,
  error: z.unknown().optional(),
});
export type BundleResult = z.infer<typeof BundleResult>;
