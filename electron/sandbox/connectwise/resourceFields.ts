/**
 * The field paths each resource accepts in `conditions`, `childConditions`, `orderBy` and
 * `customFieldConditions`. A path the resource does not have is a 400, as on the service, so a
 * typo such as `compnay/id` fails loudly instead of silently matching nothing.
 */

export interface ResourceFields {
  /** Singular name used in error bodies ("company object is invalid"). */
  resource: string;
  /** Leaf paths usable in conditions and orderBy. */
  fields: string[];
  /** Leaf paths that run through a child list: usable in childConditions only. */
  childFields: string[];
}

const info = ['_info/lastUpdated', '_info/dateEntered', '_info/updatedBy', '_info/enteredBy'];
const reference = (name: string, ...keys: string[]) => keys.map((key) => `${name}/${key}`);

export const companyFields: ResourceFields = {
  resource: 'company',
  fields: [
    'id',
    'identifier',
    'name',
    ...reference('status', 'id', 'name'),
    'deletedFlag',
    'addressLine1',
    'addressLine2',
    'city',
    'state',
    'zip',
    ...reference('country', 'id', 'name'),
    'phoneNumber',
    'website',
    ...reference('defaultContact', 'id', 'name'),
    ...info,
  ],
  childFields: reference('types', 'id', 'name'),
};

export const contactFields: ResourceFields = {
  resource: 'contact',
  fields: [
    'id',
    'firstName',
    'lastName',
    ...reference('company', 'id', 'identifier', 'name'),
    'title',
    'defaultFlag',
    'inactiveFlag',
    ...info,
  ],
  childFields: [
    ...reference('communicationItems', 'value', 'communicationType', 'defaultFlag'),
    'communicationItems/type/id',
    'communicationItems/type/name',
  ],
};

export const agreementTypeFields: ResourceFields = {
  resource: 'agreementType',
  fields: [
    'id',
    'name',
    'defaultFlag',
    'inactiveFlag',
    'prePaymentFlag',
    'invoicingCycle',
    ...reference('billingCycle', 'id', 'name'),
    'prorateFlag',
    'invoiceProratedAdditionsFlag',
    ...info,
  ],
  childFields: [],
};

export const billingCycleFields: ResourceFields = {
  resource: 'billingCycle',
  fields: ['id', 'name', ...info],
  childFields: [],
};

export const catalogItemFields: ResourceFields = {
  resource: 'catalogItem',
  fields: [
    'id',
    'identifier',
    'description',
    'customerDescription',
    'inactiveFlag',
    ...reference('subcategory', 'id', 'name'),
    ...reference('type', 'id', 'name'),
    'productClass',
    ...reference('unitOfMeasure', 'id', 'name'),
    'price',
    'cost',
    'taxableFlag',
    'recurringFlag',
    ...reference('recurringBillCycle', 'id', 'name'),
    'vendorSku',
    'integrationXRef',
    ...info,
  ],
  childFields: [],
};

export const agreementFields: ResourceFields = {
  resource: 'agreement',
  fields: [
    'id',
    'name',
    ...reference('type', 'id', 'name'),
    ...reference('company', 'id', 'identifier', 'name'),
    ...reference('contact', 'id', 'name'),
    'startDate',
    'endDate',
    'noEndingDateFlag',
    'billStartDate',
    ...reference('billingCycle', 'id', 'name'),
    'agreementStatus',
    'cancelledFlag',
    'dateCancelled',
    ...reference('currency', 'id', 'currencyCode', 'symbol', 'name'),
    'prorateFlag',
    'invoiceProratedAdditionsFlag',
    'internalNotes',
    'customerPO',
    ...info,
  ],
  childFields: [],
};

export const additionFields: ResourceFields = {
  resource: 'addition',
  fields: [
    'id',
    ...reference('product', 'id', 'identifier', 'description'),
    'quantity',
    'lessIncluded',
    'unitPrice',
    'unitCost',
    'billCustomer',
    'effectiveDate',
    'cancelledDate',
    'taxableFlag',
    'description',
    'invoiceDescription',
    'serialNumber',
    'purchaseItemFlag',
    'specialOrderFlag',
    'agreementId',
    'billedQuantity',
    'uom',
    'extPrice',
    'extCost',
    'margin',
    'sequenceNumber',
    'agreementStatus',
    ...info,
  ],
  childFields: [],
};

export const currencyFields: ResourceFields = {
  resource: 'currency',
  fields: [
    'id',
    'currencyCode',
    'currencyIdentifier',
    'symbol',
    'name',
    'decimalSeparator',
    'thousandsSeparator',
    'numberOfDecimals',
    'displaySymbolFlag',
    ...info,
  ],
  childFields: [],
};

export const userDefinedFieldFields: ResourceFields = {
  resource: 'userDefinedField',
  fields: [
    'id',
    'podId',
    'caption',
    'sequenceNumber',
    'screenId',
    'helpText',
    'fieldTypeIdentifier',
    'numberDecimals',
    'entryTypeIdentifier',
    'requiredFlag',
    'displayOnScreenFlag',
    'readOnlyFlag',
    'listViewFlag',
    'dateCreated',
    ...info,
  ],
  childFields: [],
};

/** Fields of one element of `customFields`, for customFieldConditions. */
export const customFieldFields: ResourceFields = {
  resource: 'customField',
  fields: ['id', 'caption', 'type', 'entryMethod', 'numberOfDecimals', 'value'],
  childFields: [],
};

/** The canonical spelling of a path (field names are case-insensitive), or undefined. */
export function canonicalField(paths: readonly string[], path: string): string | undefined {
  const wanted = path.toLowerCase();
  return paths.find((candidate) => candidate.toLowerCase() === wanted);
}
