/**
 * Turns a write body (POST, PUT, or a record after a JSON Patch) into a stored record, or into
 * the list of field errors the service would answer with. Like the service (Newtonsoft JSON),
 * numbers and booleans may arrive as strings ("26.40", "true") and unknown properties are
 * ignored; required fields, lengths, enums, dates and references are checked.
 */
import { type FieldError, fieldError } from './apiResponses';
import {
  type Addition,
  type Agreement,
  type AgreementStatus,
  agreementStatuses,
  type BillCustomer,
  billCustomerOptions,
  type CatalogItem,
  type Company,
  type Currency,
  type CustomField,
  type CustomFieldScreen,
  type NamedReference,
  type SimulatorData,
  type UserDefinedField,
} from './connectwiseRecords';
import {
  apiMemberName,
  companyCountries,
  companyStatuses,
  companyTypes,
  connectwiseDate,
  currencyReference,
  defaultCurrencyId,
  withDerivedAmounts,
} from './seedData';

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

type Input = Record<string, unknown>;

export function isInputObject(value: unknown): value is Input {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reads fields of one body, collecting errors against one resource name. */
class FieldReader {
  readonly errors: FieldError[] = [];
  constructor(
    private readonly input: Input,
    private readonly resource: string,
  ) {}

  has(field: string): boolean {
    return this.input[field] !== undefined && this.input[field] !== null;
  }

  raw(field: string): unknown {
    return this.input[field];
  }

  fail(code: string, field: string, message: string): void {
    this.errors.push(fieldError(code, this.resource, field, message));
  }

  required(field: string): void {
    this.fail('MissingRequiredField', field, `The field ${field} is required.`);
  }

  string(field: string, options: { required?: boolean; maxLength?: number } = {}): string | null {
    const value = this.input[field];
    const blank = typeof value === 'string' && value.trim() === '';
    if (value === undefined || value === null || (options.required && blank)) {
      if (options.required) this.required(field);
      return null;
    }
    if (typeof value !== 'string') {
      this.fail('InvalidField', field, `The field ${field} must be a string.`);
      return null;
    }
    if (options.maxLength !== undefined && value.length > options.maxLength) {
      this.fail(
        'MaxLengthField',
        field,
        `The field ${field} must be a string with a maximum length of ${options.maxLength}.`,
      );
      return null;
    }
    return value;
  }

  number(field: string): number | null {
    const value = this.input[field];
    if (value === undefined || value === null) return null;
    const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof parsed !== 'number' || !Number.isFinite(parsed)) {
      this.fail('InvalidField', field, `The field ${field} must be a number.`);
      return null;
    }
    return parsed;
  }

  boolean(field: string): boolean | null {
    const value = this.input[field];
    if (value === undefined || value === null) return null;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && /^(true|false)$/i.test(value))
      return value.toLowerCase() === 'true';
    this.fail('InvalidField', field, `The field ${field} must be true or false.`);
    return null;
  }

  date(field: string): string | null {
    const value = this.input[field];
    if (value === undefined || value === null || value === '') return null;
    const normalized = typeof value === 'string' ? normalizedDate(value) : null;
    if (normalized === null) {
      this.fail(
        'InvalidField',
        field,
        `The field ${field} must be a date like 2026-01-31T00:00:00Z.`,
      );
    }
    return normalized;
  }

  choice<T extends string>(field: string, options: readonly T[], required: boolean): T | null {
    const value = this.input[field];
    if (value === undefined || value === null || value === '') {
      if (required) this.required(field);
      return null;
    }
    const match = options.find(
      (option) => typeof value === 'string' && option.toLowerCase() === value.toLowerCase(),
    );
    if (!match) {
      this.fail('InvalidField', field, `The field ${field} must be one of ${options.join(', ')}.`);
      return null;
    }
    return match;
  }

  /** `{ id }` (or `{ identifier }` / `{ name }`): undefined when absent, null when malformed. */
  reference(field: string, required: boolean): { id?: number; key?: string } | undefined | null {
    const value = this.input[field];
    if (value === undefined || value === null) {
      if (required) this.required(field);
      return undefined;
    }
    if (!isInputObject(value)) {
      this.fail('InvalidField', field, `The field ${field} must be an object like { "id": 1 }.`);
      return null;
    }
    const rawId = value.id;
    const id = typeof rawId === 'string' && /^\d+$/.test(rawId) ? Number(rawId) : rawId;
    if (typeof id === 'number' && Number.isInteger(id)) return { id };
    const key = value.identifier ?? value.name;
    if (typeof key === 'string' && key !== '') return { key };
    if (required) {
      this.fail('MissingRequiredField', `${field}/id`, `The field ${field}/id is required.`);
    } else {
      this.fail('InvalidField', `${field}/id`, `The field ${field} needs an id.`);
    }
    return null;
  }

  /**
   * `customFields: [{ id, value }, …]`. A field defined for the record's screen takes its
   * caption, type and entry method from its definition, whatever the body says; another id keeps
   * what the body says (the simulator does not refuse ids it has no definition for).
   */
  customFields(definitions: readonly UserDefinedField[]): CustomField[] | null {
    const value = this.input.customFields;
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) {
      this.fail('InvalidField', 'customFields', 'The field customFields must be a list.');
      return null;
    }
    const fields: CustomField[] = [];
    value.forEach((item, index) => {
      const id = isInputObject(item) ? item.id : undefined;
      if (!isInputObject(item) || typeof id !== 'number' || !Number.isInteger(id)) {
        this.fail(
          'InvalidField',
          `customFields/${index}/id`,
          'Each custom field needs a numeric id.',
        );
        return;
      }
      const raw = item.value;
      if (
        raw !== null &&
        raw !== undefined &&
        !['string', 'number', 'boolean'].includes(typeof raw)
      ) {
        this.fail(
          'InvalidField',
          `customFields/${index}/value`,
          'A custom field value must be text, a number or a boolean.',
        );
        return;
      }
      const definition = definitions.find((candidate) => candidate.id === id);
      if (definition) {
        fields.push({
          id,
          caption: definition.caption,
          type: definition.fieldTypeIdentifier,
          entryMethod: definition.entryTypeIdentifier,
          numberOfDecimals: definition.numberDecimals,
          value: (raw ?? null) as string | number | boolean | null,
        });
        return;
      }
      fields.push({
        id,
        caption: typeof item.caption === 'string' ? item.caption : `Custom Field ${id}`,
        type: typeof item.type === 'string' ? item.type : 'Text',
        entryMethod: typeof item.entryMethod === 'string' ? item.entryMethod : 'EntryField',
        numberOfDecimals: typeof item.numberOfDecimals === 'number' ? item.numberOfDecimals : 0,
        value: (raw ?? null) as string | number | boolean | null,
      });
    });
    return fields;
  }
}

function definitionsFor(data: SimulatorData, screen: CustomFieldScreen): UserDefinedField[] {
  return data.userDefinedFields.filter((definition) => definition.screenId === screen);
}

const isoDate =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** `2026-01-31`, `2026-01-31T00:00:00Z`, `…+02:00` → `2026-01-31T00:00:00Z` (UTC); else null. */
export function normalizedDate(text: string): string | null {
  const match = isoDate.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00', zone = 'Z'] = match;
  const ms = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`);
  if (Number.isNaN(ms)) return null;
  const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) return null;
  return connectwiseDate(ms);
}

export interface WriteContext {
  data: SimulatorData;
  now: Date;
  nextId: () => number;
}

function touchedInfo<T extends { lastUpdated: string; dateEntered: string }>(
  existing: T | undefined,
  now: Date,
): { lastUpdated: string; dateEntered: string; updatedBy: string; enteredBy: string } {
  const stamp = connectwiseDate(now.getTime());
  return {
    lastUpdated: stamp,
    dateEntered: existing?.dateEntered ?? stamp,
    updatedBy: apiMemberName,
    enteredBy: apiMemberName,
  };
}

function findByReference<T extends { id: number }>(
  records: readonly T[],
  reference: { id?: number; key?: string },
  keyOf: (record: T) => string,
): T | undefined {
  if (reference.id !== undefined) return records.find((record) => record.id === reference.id);
  const key = reference.key?.toLowerCase();
  return records.find((record) => keyOf(record).toLowerCase() === key);
}

function describeReference(reference: { id?: number; key?: string }): string {
  return reference.id !== undefined ? `id ${reference.id}` : `"${reference.key}"`;
}

/** A list of references such as `types: [{ id: 1 }, { name: "Prospect" }]`, each one known. */
function namedReferences(
  read: FieldReader,
  field: string,
  known: readonly NamedReference[],
  label: string,
): NamedReference[] | null {
  const value = read.raw(field);
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) {
    read.fail('InvalidField', field, `The field ${field} must be a list like [{ "id": 1 }].`);
    return null;
  }
  const found: NamedReference[] = [];
  value.forEach((item, index) => {
    const rawId = isInputObject(item) ? item.id : undefined;
    const id = typeof rawId === 'string' && /^\d+$/.test(rawId) ? Number(rawId) : rawId;
    const key = isInputObject(item) && typeof item.name === 'string' ? item.name : undefined;
    const reference =
      typeof id === 'number' && Number.isInteger(id) ? { id } : key ? { key } : undefined;
    const match = reference ? findByReference(known, reference, (r) => r.name) : undefined;
    if (!reference) {
      read.fail('InvalidField', `${field}/${index}/id`, `Each of ${field} needs an id.`);
    } else if (!match) {
      read.fail(
        'NotFound',
        `${field}/${index}/id`,
        `${label} ${describeReference(reference)} was not found.`,
      );
    } else if (!found.some((other) => other.id === match.id)) {
      found.push({ ...match });
    }
  });
  return found;
}

/**
 * A new company (POST), or `existing` changed (a PATCHed copy). `identifier` is required, at most
 * 30 characters and unique among companies (case-insensitively); `name` is required, at most 50.
 * Empty or blank texts count as missing, as .NET's [Required] treats them.
 */
export function validateCompany(
  input: Input,
  context: WriteContext,
  existing?: Company,
): Validated<Company> {
  const read = new FieldReader(input, 'company');
  const { data } = context;
  const name = read.string('name', { required: true, maxLength: 50 });
  const identifier = read.string('identifier', { required: true, maxLength: 30 });
  if (
    identifier !== null &&
    data.companies.some(
      (c) => c.id !== existing?.id && c.identifier.toLowerCase() === identifier.toLowerCase(),
    )
  ) {
    read.fail(
      'ObjectExists',
      'identifier',
      `The identifier "${identifier}" is already used by another company.`,
    );
  }
  const statusReference = read.reference('status', false);
  let status = companyStatuses[0] as NamedReference;
  if (statusReference) {
    const found = findByReference(companyStatuses, statusReference, (s) => s.name);
    if (found) status = found;
    else
      read.fail(
        'NotFound',
        'status/id',
        `Company status ${describeReference(statusReference)} was not found.`,
      );
  }
  const types = namedReferences(read, 'types', companyTypes, 'Company type');
  const countryReference = read.reference('country', false);
  let country = companyCountries[0] as NamedReference;
  if (countryReference) {
    const found = findByReference(companyCountries, countryReference, (c) => c.name);
    if (found) country = found;
    else
      read.fail(
        'NotFound',
        'country/id',
        `Country ${describeReference(countryReference)} was not found.`,
      );
  }
  // On a PATCH the input is the whole record after the patch: an absent contact was removed.
  const contactReference = read.reference('defaultContact', false);
  let defaultContact: NamedReference | null = null;
  if (contactReference) {
    const contact =
      contactReference.id !== undefined
        ? data.contacts.find((c) => c.id === contactReference.id)
        : undefined;
    if (!contact) {
      read.fail(
        'NotFound',
        'defaultContact/id',
        `Contact ${describeReference(contactReference)} was not found.`,
      );
    } else if (contact.company.id !== existing?.id) {
      read.fail(
        'InvalidField',
        'defaultContact/id',
        `Contact ${contact.id} does not belong to this company.`,
      );
    } else {
      defaultContact = { id: contact.id, name: `${contact.firstName} ${contact.lastName}` };
    }
  }
  const deletedFlag = read.boolean('deletedFlag');
  const addressLine1 = read.string('addressLine1', { maxLength: 50 });
  const addressLine2 = read.string('addressLine2', { maxLength: 50 });
  const city = read.string('city', { maxLength: 50 });
  const state = read.string('state', { maxLength: 50 });
  const zip = read.string('zip', { maxLength: 12 });
  const phoneNumber = read.string('phoneNumber', { maxLength: 30 });
  const website = read.string('website', { maxLength: 255 });
  const customFields = read.customFields(definitionsFor(data, 'Company'));
  if (read.errors.length > 0 || name === null || identifier === null)
    return { ok: false, errors: read.errors };
  const id = existing?.id ?? context.nextId();
  return {
    ok: true,
    value: {
      id,
      identifier,
      name,
      status: { ...status },
      deletedFlag: deletedFlag ?? false,
      types: types ?? [{ ...(companyTypes[0] as NamedReference) }],
      addressLine1: addressLine1 ?? '',
      addressLine2,
      city: city ?? '',
      state,
      zip: zip ?? '',
      country: { ...country },
      phoneNumber: phoneNumber ?? '',
      website: website ?? '',
      defaultContact,
      customFields: customFields ?? [],
      _info: {
        ...touchedInfo(existing?._info, context.now),
        contacts_href: `/v2025_1/apis/3.0/company/contacts?conditions=company/id=${id}`,
      },
    },
  };
}

/**
 * `currency: { id }`. The id is what counts: a reference by `currencyCode` alone is refused
 * (whether ConnectWise would resolve it is not known, and a currency it silently ignored would
 * leave the Agreement in US Dollars). On a create, a `currencyCode` beside the id must agree.
 */
function currencyOf(
  read: FieldReader,
  data: SimulatorData,
  checkCode: boolean,
): Currency | null | undefined {
  const value = read.raw('currency');
  if (value === undefined || value === null) return undefined;
  if (!isInputObject(value)) {
    read.fail('InvalidField', 'currency', 'The field currency must be an object like { "id": 7 }.');
    return null;
  }
  const rawId = value.id;
  const id = typeof rawId === 'string' && /^\d+$/.test(rawId) ? Number(rawId) : rawId;
  if (typeof id !== 'number' || !Number.isInteger(id)) {
    read.fail(
      'InvalidField',
      'currency/id',
      'The field currency needs an id; GET /finance/currencies lists them.',
    );
    return null;
  }
  const currency = data.currencies.find((candidate) => candidate.id === id);
  if (!currency) {
    read.fail('NotFound', 'currency/id', `Currency id ${id} was not found.`);
    return null;
  }
  const code = value.currencyCode;
  if (
    checkCode &&
    typeof code === 'string' &&
    code.toLowerCase() !== currency.currencyCode.toLowerCase()
  ) {
    read.fail(
      'InvalidField',
      'currency/currencyCode',
      `Currency id ${id} is ${currency.currencyCode}, not ${code}.`,
    );
    return null;
  }
  return currencyReference(currency);
}

/** What an Agreement that names no currency gets: the site's default, US Dollars. */
function siteCurrency(data: SimulatorData): Currency {
  const currency =
    data.currencies.find((candidate) => candidate.id === defaultCurrencyId) ?? data.currencies[0];
  return currency
    ? currencyReference(currency)
    : { id: defaultCurrencyId, symbol: '$', currencyCode: 'USD', name: 'US Dollars' };
}

function startOfDay(now: Date): string {
  return connectwiseDate(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * `cancelledFlag` and `agreementStatus` Cancelled go together: whichever the write changed
 * decides the other. Cancelling stamps `dateCancelled` (today unless given); reinstating clears it.
 */
function cancellation(
  status: AgreementStatus | null,
  flag: boolean | null,
  dateCancelled: string | null,
  existing: Agreement | undefined,
  now: Date,
): { agreementStatus: AgreementStatus; cancelledFlag: boolean; dateCancelled: string | null } {
  const previousStatus = existing?.agreementStatus ?? 'Active';
  const previousFlag = existing?.cancelledFlag ?? false;
  let agreementStatus = status ?? previousStatus;
  let cancelledFlag = flag ?? previousFlag;
  if (cancelledFlag !== previousFlag) {
    if (cancelledFlag) agreementStatus = 'Cancelled';
    else if (agreementStatus === 'Cancelled') agreementStatus = 'Active';
  } else if (agreementStatus !== previousStatus) {
    cancelledFlag = agreementStatus === 'Cancelled';
  } else if (cancelledFlag) {
    agreementStatus = 'Cancelled';
  }
  if (agreementStatus === 'Cancelled') cancelledFlag = true;
  return {
    agreementStatus,
    cancelledFlag,
    dateCancelled: cancelledFlag
      ? (dateCancelled ?? existing?.dateCancelled ?? startOfDay(now))
      : null,
  };
}

/**
 * A new agreement (POST), or `existing` changed (a PATCHed copy). `name` (≤ 100), `type`,
 * `company` and, on a create, `contact` are required. What the body leaves out comes from the
 * Agreement Type (billing cycle, proration) or the site (US Dollars); `billStartDate` defaults
 * to `startDate`, which defaults to today.
 */
export function validateAgreement(
  input: Input,
  context: WriteContext,
  existing?: Agreement,
): Validated<Agreement> {
  const read = new FieldReader(input, 'agreement');
  const { data } = context;
  const name = read.string('name', { required: true, maxLength: 100 });

  const typeReference = read.reference('type', true);
  const type = typeReference
    ? findByReference(data.agreementTypes, typeReference, (t) => t.name)
    : undefined;
  if (typeReference && !type) {
    read.fail(
      'NotFound',
      'type/id',
      `Agreement type ${describeReference(typeReference)} was not found.`,
    );
  } else if (type?.inactiveFlag && type.id !== existing?.type.id) {
    read.fail('InvalidField', 'type/id', `Agreement type "${type.name}" is inactive.`);
  }

  const companyReference = read.reference('company', true);
  const company = companyReference
    ? findByReference(data.companies, companyReference, (c) => c.identifier)
    : undefined;
  if (companyReference && !company) {
    read.fail(
      'NotFound',
      'company/id',
      `Company ${describeReference(companyReference)} was not found.`,
    );
  }

  const contactReference = read.reference('contact', existing === undefined);
  const contact =
    contactReference?.id !== undefined
      ? data.contacts.find((c) => c.id === contactReference.id)
      : undefined;
  if (contactReference && !contact) {
    read.fail(
      'NotFound',
      'contact/id',
      `Contact ${describeReference(contactReference)} was not found.`,
    );
  } else if (contact && company && contact.company.id !== company.id) {
    read.fail(
      'InvalidField',
      'contact/id',
      `Contact ${contact.id} does not belong to company ${company.id}.`,
    );
  }

  const startDate = read.date('startDate');
  const endDate = read.date('endDate');
  const billStartDate = read.date('billStartDate');
  const noEndingDateFlag = read.boolean('noEndingDateFlag');
  const billingCycleReference = read.reference('billingCycle', false);
  const billingCycle = billingCycleReference
    ? findByReference(data.billingCycles, billingCycleReference, (b) => b.name)
    : undefined;
  if (billingCycleReference && !billingCycle) {
    read.fail(
      'NotFound',
      'billingCycle/id',
      `Billing cycle ${describeReference(billingCycleReference)} was not found.`,
    );
  }
  const agreementStatus = read.choice<AgreementStatus>('agreementStatus', agreementStatuses, false);
  const cancelledFlag = read.boolean('cancelledFlag');
  const dateCancelled = read.date('dateCancelled');
  const currency = currencyOf(read, data, existing === undefined);
  const prorateFlag = read.boolean('prorateFlag');
  const invoiceProratedAdditionsFlag = read.boolean('invoiceProratedAdditionsFlag');
  const internalNotes = read.string('internalNotes');
  const customerPO = read.string('customerPO', { maxLength: 50 });
  const customFields = read.customFields(definitionsFor(data, 'Agreement'));
  if (startDate && endDate && endDate < startDate) {
    read.fail('InvalidField', 'endDate', 'The field endDate must be on or after startDate.');
  }

  if (read.errors.length > 0 || name === null || !type || !company)
    return { ok: false, errors: read.errors };
  const chosenContact = contact
    ? { id: contact.id, name: `${contact.firstName} ${contact.lastName}` }
    : existing?.contact;
  if (!chosenContact) return { ok: false, errors: read.errors };
  const id = existing?.id ?? context.nextId();
  const start = startDate ?? existing?.startDate ?? startOfDay(context.now);
  return {
    ok: true,
    value: {
      id,
      name,
      type: { id: type.id, name: type.name },
      company: { id: company.id, identifier: company.identifier, name: company.name },
      contact: chosenContact,
      startDate: start,
      endDate,
      noEndingDateFlag: noEndingDateFlag ?? endDate === null,
      billStartDate: billStartDate ?? (existing ? existing.billStartDate : start),
      billingCycle: billingCycle
        ? { id: billingCycle.id, name: billingCycle.name }
        : (existing?.billingCycle ?? { ...type.billingCycle }),
      ...cancellation(agreementStatus, cancelledFlag, dateCancelled, existing, context.now),
      currency: currency ?? existing?.currency ?? siteCurrency(data),
      prorateFlag: prorateFlag ?? existing?.prorateFlag ?? type.prorateFlag,
      invoiceProratedAdditionsFlag:
        invoiceProratedAdditionsFlag ??
        existing?.invoiceProratedAdditionsFlag ??
        type.invoiceProratedAdditionsFlag,
      internalNotes,
      customerPO,
      customFields: customFields ?? [],
      _info: {
        ...touchedInfo(existing?._info, context.now),
        additions_href: `/v2025_1/apis/3.0/finance/agreements/${id}/additions`,
      },
    },
  };
}

/** What an addition write needs to know about where it goes. */
export interface AdditionWriteContext extends WriteContext {
  agreement: Agreement;
  /** How many additions the agreement holds, for a new one's sequenceNumber. */
  siblings: number;
  /** The end of the agreement's last invoiced period, when it was ever invoiced. */
  invoicedThrough?: string;
}

/** Agreements that take no new additions. */
const closedStatuses: readonly AgreementStatus[] = ['Cancelled', 'Expired'];

function dateOnly(date: string): string {
  return date.slice(0, 10);
}

/**
 * A new addition (POST), or `existing` changed (PUT, or a PATCHed copy). Refused: a missing,
 * unknown, inactive or Bundle product; a new addition on a Cancelled or Expired agreement; an
 * `effectiveDate` before the agreement's billing start or, on an agreement that is not
 * prorated, inside a period already invoiced (a date a write leaves as it was is not checked
 * again).
 */
export function validateAddition(
  input: Input,
  context: AdditionWriteContext,
  existing?: Addition,
): Validated<Addition> {
  const read = new FieldReader(input, 'addition');
  const { agreement } = context;
  if (!existing && closedStatuses.includes(agreement.agreementStatus)) {
    read.fail(
      'InvalidField',
      'agreementId',
      `Agreement ${agreement.id} is ${agreement.agreementStatus}: additions cannot be added to it.`,
    );
  }
  const productReference = read.reference('product', true);
  let product: CatalogItem | undefined;
  if (productReference) {
    product = findByReference(context.data.catalog, productReference, (item) => item.identifier);
    if (!product) {
      read.fail(
        'NotFound',
        'product/id',
        `Product ${describeReference(productReference)} was not found.`,
      );
    } else if (product.inactiveFlag && product.id !== existing?.product.id) {
      read.fail('InvalidField', 'product/id', `Product "${product.identifier}" is inactive.`);
    } else if (product.productClass === 'Bundle') {
      read.fail(
        'InvalidField',
        'product/id',
        `Product "${product.identifier}" is a bundle; a bundle cannot be an agreement addition.`,
      );
    }
  }
  const billCustomer = read.choice<BillCustomer>('billCustomer', billCustomerOptions, true);
  const quantity = read.number('quantity');
  const lessIncluded = read.number('lessIncluded');
  const unitPrice = read.number('unitPrice');
  const unitCost = read.number('unitCost');
  const effectiveDate = read.date('effectiveDate');
  if (effectiveDate !== null && effectiveDate !== existing?.effectiveDate) {
    const billingStart = agreement.billStartDate ?? agreement.startDate;
    const invoicedThrough = context.invoicedThrough;
    if (Date.parse(effectiveDate) < Date.parse(billingStart)) {
      read.fail(
        'InvalidField',
        'effectiveDate',
        `The effective date ${dateOnly(effectiveDate)} is before the agreement's billing start date ${dateOnly(billingStart)}.`,
      );
    } else if (
      !agreement.prorateFlag &&
      invoicedThrough !== undefined &&
      Date.parse(effectiveDate) <= Date.parse(invoicedThrough)
    ) {
      read.fail(
        'InvalidField',
        'effectiveDate',
        `The effective date ${dateOnly(effectiveDate)} falls in a period already invoiced (through ${dateOnly(invoicedThrough)}) on an agreement that is not prorated.`,
      );
    }
  }
  const cancelledDate = read.date('cancelledDate');
  const taxableFlag = read.boolean('taxableFlag');
  const description = read.string('description', { maxLength: 6000 });
  const invoiceDescription = read.string('invoiceDescription', { maxLength: 6000 });
  const serialNumber = read.string('serialNumber', { maxLength: 50 });
  const purchaseItemFlag = read.boolean('purchaseItemFlag');
  const specialOrderFlag = read.boolean('specialOrderFlag');
  const uom = read.string('uom', { maxLength: 30 });
  const sequenceNumber = read.number('sequenceNumber');
  const agreementStatus = read.choice<AgreementStatus>('agreementStatus', agreementStatuses, false);
  const customFields = read.customFields(definitionsFor(context.data, 'AgreementAddition'));
  if (read.errors.length > 0 || !product || billCustomer === null)
    return { ok: false, errors: read.errors };
  return {
    ok: true,
    value: withDerivedAmounts({
      id: existing?.id ?? context.nextId(),
      product: { id: product.id, identifier: product.identifier, description: product.description },
      quantity: quantity ?? 1,
      lessIncluded: lessIncluded ?? 0,
      unitPrice: unitPrice ?? product.price,
      unitCost: unitCost ?? product.cost,
      billCustomer,
      effectiveDate,
      cancelledDate,
      taxableFlag: taxableFlag ?? product.taxableFlag,
      description: description ?? product.description,
      invoiceDescription,
      serialNumber,
      purchaseItemFlag: purchaseItemFlag ?? false,
      specialOrderFlag: specialOrderFlag ?? false,
      agreementId: context.agreement.id,
      billedQuantity: 0,
      uom: uom ?? product.unitOfMeasure.name,
      extPrice: 0,
      extCost: 0,
      margin: 0,
      sequenceNumber: sequenceNumber ?? existing?.sequenceNumber ?? context.siblings + 1,
      agreementStatus: agreementStatus ?? context.agreement.agreementStatus,
      customFields: customFields ?? [],
      _info: touchedInfo(existing?._info, context.now),
    }),
  };
}
