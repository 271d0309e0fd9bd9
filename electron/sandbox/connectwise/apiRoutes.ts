/**
 * The REST resources under `/{codebase}apis/3.0` (`docs/connectwise.md`): one table of routes,
 * each with the security-role permission it needs, dispatching to the list, count, get and write
 * handlers. Authentication is checked before this (simulatorServer).
 */
import { emptyResponse, isSimResponse, jsonResponse, type SimResponse } from '../httpResponses';
import { errorResponse, invalidObject, notFound } from './apiResponses';
import { bundleResponse } from './bundleRequests';
import type { Addition, Agreement, Company, SimulatorData } from './connectwiseRecords';
import type { Invoicing } from './invoicing';
import { applyJsonPatch } from './jsonPatch';
import {
  countResponse,
  listResponse,
  parseFields,
  projectFields,
  queryParameters,
} from './listQuery';
import type { RecordIndex } from './recordIndex';
import {
  type AdditionWriteContext,
  isInputObject,
  validateAddition,
  validateAgreement,
  validateCompany,
  type WriteContext,
} from './recordValidation';
import {
  additionFields,
  agreementFields,
  agreementTypeFields,
  billingCycleFields,
  catalogItemFields,
  companyFields,
  contactFields,
  currencyFields,
  type ResourceFields,
  userDefinedFieldFields,
} from './resourceFields';
import {
  type DeniedPermissions,
  forbiddenResponse,
  type RequiredPermission,
} from './rolePermissions';

export type RequestBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'invalid'; status: 400 | 413 | 415; message: string };

export interface ApiCall {
  method: string;
  /** The path after `/apis/3.0`, as the client wrote it: `/finance/agreements/12/additions`. */
  resourcePath: string;
  search: URLSearchParams;
  forwardOnly: boolean;
  body: RequestBody;
}

export interface ApiContext {
  data: SimulatorData;
  now: () => Date;
  deniedPermissions: () => DeniedPermissions;
  /** Absolute URL of `/{codebase}apis/3.0`, for Link headers. */
  apiBaseUrl: () => string;
  nextId: (collection: keyof SimulatorData) => number;
  /** Agreements and additions by id, and each agreement's additions. */
  index: RecordIndex;
  invoicing: Invoicing;
}

type Handler = (context: ApiContext, call: ApiCall, ids: number[]) => SimResponse;

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  pattern: string[];
  permission: RequiredPermission | null;
  handle: Handler;
}

const companiesInquire: RequiredPermission = { area: 'Companies', level: 'Inquire' };
const agreementsInquire: RequiredPermission = { area: 'Finance › Agreements', level: 'Inquire' };
const tableSetupInquire: RequiredPermission = { area: 'System › Table Setup', level: 'Inquire' };
const catalogInquire: RequiredPermission = {
  area: 'Procurement › Product Catalog',
  level: 'Inquire',
};

function listOf<T>(
  records: (context: ApiContext, ids: number[]) => readonly T[] | SimResponse,
  fields: ResourceFields,
): Handler {
  return (context, call, ids) => {
    const found = records(context, ids);
    if (isSimResponse(found)) return found;
    return listResponse(found, fields, {
      parameters: queryParameters(call.search),
      search: call.search,
      resourceUrl: `${context.apiBaseUrl()}${call.resourcePath.replace(/\/+$/, '')}`,
      forwardOnly: call.forwardOnly,
    });
  };
}

function countOf<T>(
  records: (context: ApiContext, ids: number[]) => readonly T[] | SimResponse,
  fields: ResourceFields,
): Handler {
  return (context, call, ids) => {
    const found = records(context, ids);
    if (isSimResponse(found)) return found;
    return countResponse(found, fields, queryParameters(call.search));
  };
}

function oneOf<T extends { id: number }>(
  records: (context: ApiContext) => readonly T[],
  label: string,
): Handler {
  return (context, call, ids) => {
    const id = ids.at(-1) as number;
    const record = records(context).find((candidate) => candidate.id === id);
    if (!record) return notFound(`${label} with id ${id} was not found.`);
    return projected(record, call);
  };
}

function projected(record: unknown, call: ApiCall): SimResponse {
  return jsonResponse(200, projectFields(record, parseFields(queryParameters(call.search))));
}

function agreementOr404(context: ApiContext, id: number): Agreement | SimResponse {
  return context.index.agreement(id) ?? notFound(`Agreement with id ${id} was not found.`);
}

function additionsOf(context: ApiContext, ids: number[]): readonly Addition[] | SimResponse {
  const agreement = agreementOr404(context, ids[0] as number);
  if (isSimResponse(agreement)) return agreement;
  return context.index.additionsOf(agreement.id);
}

function jsonBody(
  call: ApiCall,
): { ok: true; value: unknown } | { ok: false; response: SimResponse } {
  if (call.body.kind === 'invalid') {
    return {
      ok: false,
      response: errorResponse(call.body.status, 'UnsupportedFormat', call.body.message),
    };
  }
  if (call.body.kind === 'none') {
    return {
      ok: false,
      response: errorResponse(400, 'UnsupportedFormat', 'The request needs a JSON body.'),
    };
  }
  return { ok: true, value: call.body.value };
}

function objectBody(
  call: ApiCall,
): { ok: true; value: Record<string, unknown> } | { ok: false; response: SimResponse } {
  const body = jsonBody(call);
  if (!body.ok) return body;
  if (!isInputObject(body.value)) {
    return {
      ok: false,
      response: errorResponse(400, 'UnsupportedFormat', 'The request body must be a JSON object.'),
    };
  }
  return { ok: true, value: body.value };
}

function writeContext(context: ApiContext, collection: keyof SimulatorData): WriteContext {
  return { data: context.data, now: context.now(), nextId: () => context.nextId(collection) };
}

const agreementWritable = [
  'name',
  'type',
  'company',
  'contact',
  'startDate',
  'endDate',
  'noEndingDateFlag',
  'billStartDate',
  'billingCycle',
  'agreementStatus',
  'cancelledFlag',
  'dateCancelled',
  'currency',
  'prorateFlag',
  'invoiceProratedAdditionsFlag',
  'internalNotes',
  'customerPO',
  'customFields',
];
const additionWritable = [
  'product',
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
  'uom',
  'sequenceNumber',
  'agreementStatus',
  'customFields',
];

function replaceRecord<T extends { id: number }>(records: T[], record: T): void {
  const index = records.findIndex((candidate) => candidate.id === record.id);
  if (index >= 0) records[index] = record;
}

const createCompany: Handler = (context, call) => {
  const body = objectBody(call);
  if (!body.ok) return body.response;
  const result = validateCompany(body.value, writeContext(context, 'companies'));
  if (!result.ok) return invalidObject('company', result.errors);
  context.data.companies.push(result.value);
  return jsonResponse(201, result.value);
};

const companyWritable = [
  'identifier',
  'name',
  'status',
  'deletedFlag',
  'types',
  'addressLine1',
  'addressLine2',
  'city',
  'state',
  'zip',
  'country',
  'phoneNumber',
  'website',
  'defaultContact',
  'customFields',
];

function companyOr404(context: ApiContext, id: number): Company | SimResponse {
  return (
    context.data.companies.find((company) => company.id === id) ??
    notFound(`Company with id ${id} was not found.`)
  );
}

/**
 * Other records show a company as `{ id, identifier, name }` read at answer time, so a rename
 * shows there at once; their own `_info/lastUpdated` does not change.
 */
function renameReferences(data: SimulatorData, company: Company): void {
  for (const record of [...data.contacts, ...data.agreements]) {
    if (record.company.id !== company.id) continue;
    record.company.identifier = company.identifier;
    record.company.name = company.name;
  }
}

const patchCompany: Handler = (context, call, ids) => {
  const existing = companyOr404(context, ids[0] as number);
  if (isSimResponse(existing)) return existing;
  const body = jsonBody(call);
  if (!body.ok) return body.response;
  const patched = applyJsonPatch(existing, body.value, 'company', companyWritable);
  if (!patched.ok) return invalidObject('company', patched.errors);
  const result = validateCompany(patched.value, writeContext(context, 'companies'), existing);
  if (!result.ok) return invalidObject('company', result.errors);
  replaceRecord(context.data.companies, result.value);
  renameReferences(context.data, result.value);
  return jsonResponse(200, result.value);
};

/**
 * ConnectWise keeps a deleted company, flagged `deletedFlag`, so its history stays readable.
 * Like a merge, the delete leaves `_info/lastUpdated` as it was (integrators report merged
 * companies turning deleted without a new lastUpdated), so a pull of "what changed since"
 * does not see it; only a full pull does.
 */
const deleteCompany: Handler = (context, _call, ids) => {
  const existing = companyOr404(context, ids[0] as number);
  if (isSimResponse(existing)) return existing;
  existing.deletedFlag = true;
  return emptyResponse(204);
};

const createAgreement: Handler = (context, call) => {
  const body = objectBody(call);
  if (!body.ok) return body.response;
  const result = validateAgreement(body.value, writeContext(context, 'agreements'));
  if (!result.ok) return invalidObject('agreement', result.errors);
  context.index.addAgreement(result.value);
  return jsonResponse(201, result.value);
};

const patchAgreement: Handler = (context, call, ids) => {
  const existing = agreementOr404(context, ids[0] as number);
  if (isSimResponse(existing)) return existing;
  const body = jsonBody(call);
  if (!body.ok) return body.response;
  const patched = applyJsonPatch(existing, body.value, 'agreement', agreementWritable);
  if (!patched.ok) return invalidObject('agreement', patched.errors);
  const result = validateAgreement(patched.value, writeContext(context, 'agreements'), existing);
  if (!result.ok) return invalidObject('agreement', result.errors);
  // Saved in place, so the record a test holds and the index stay the stored one.
  Object.assign(existing, result.value);
  for (const addition of context.index.additionsOf(existing.id)) {
    addition.agreementStatus = existing.agreementStatus;
  }
  return jsonResponse(200, existing);
};

function additionOr404(
  context: ApiContext,
  ids: number[],
): { agreement: Agreement; addition: Addition } | SimResponse {
  const agreement = agreementOr404(context, ids[0] as number);
  if (isSimResponse(agreement)) return agreement;
  const addition = context.index.addition(ids[1] as number);
  if (addition?.agreementId !== agreement.id)
    return notFound(`Addition with id ${ids[1]} was not found on agreement ${agreement.id}.`);
  return { agreement, addition: addition as Addition };
}

function additionContext(context: ApiContext, agreement: Agreement): AdditionWriteContext {
  const invoicedThrough = context.invoicing.invoicedThrough(agreement.id);
  return {
    ...writeContext(context, 'additions'),
    agreement,
    siblings: context.index.additionsOf(agreement.id).length,
    ...(invoicedThrough === undefined ? {} : { invoicedThrough }),
  };
}

const createAddition: Handler = (context, call, ids) => {
  const agreement = agreementOr404(context, ids[0] as number);
  if (isSimResponse(agreement)) return agreement;
  const body = objectBody(call);
  if (!body.ok) return body.response;
  const result = validateAddition(body.value, additionContext(context, agreement));
  if (!result.ok) return invalidObject('addition', result.errors);
  context.index.addAddition(result.value);
  return jsonResponse(201, result.value);
};

const putAddition: Handler = (context, call, ids) => {
  const found = additionOr404(context, ids);
  if (isSimResponse(found)) return found;
  const body = objectBody(call);
  if (!body.ok) return body.response;
  const result = validateAddition(
    body.value,
    additionContext(context, found.agreement),
    found.addition,
  );
  if (!result.ok) return invalidObject('addition', result.errors);
  Object.assign(found.addition, result.value);
  return jsonResponse(200, found.addition);
};

const patchAddition: Handler = (context, call, ids) => {
  const found = additionOr404(context, ids);
  if (isSimResponse(found)) return found;
  const body = jsonBody(call);
  if (!body.ok) return body.response;
  const patched = applyJsonPatch(found.addition, body.value, 'addition', additionWritable);
  if (!patched.ok) return invalidObject('addition', patched.errors);
  const result = validateAddition(
    patched.value,
    additionContext(context, found.agreement),
    found.addition,
  );
  if (!result.ok) return invalidObject('addition', result.errors);
  Object.assign(found.addition, result.value);
  return jsonResponse(200, found.addition);
};

/** An addition that has been invoiced (`sim.invoice`) stays: 400 naming its id. */
const deleteAddition: Handler = (context, _call, ids) => {
  const found = additionOr404(context, ids);
  if (isSimResponse(found)) return found;
  if (context.invoicing.isInvoiced(found.addition.id)) {
    return invalidObject('addition', [
      {
        code: 'InvalidField',
        message: `Addition ${found.addition.id} has been invoiced and cannot be deleted; cancel it with a cancelledDate instead.`,
        resource: 'addition',
        field: 'id',
      },
    ]);
  }
  context.index.removeAddition(found.addition);
  return emptyResponse(204);
};

const systemInfo: Handler = () =>
  jsonResponse(200, {
    version: 'v2025.1.12345',
    isCloud: false,
    serverTimeZone: 'Eastern Standard Time',
    licenseBits: [{ name: 'Manage', activeFlag: true }],
    cloudRegion: 'NA',
  });

const all =
  <K extends keyof SimulatorData>(collection: K) =>
  (context: ApiContext): SimulatorData[K] =>
    context.data[collection];

const route = (
  method: Route['method'],
  path: string,
  permission: RequiredPermission | null,
  handle: Handler,
): Route => ({ method, pattern: path.split('/').filter(Boolean), permission, handle });

const routes: Route[] = [
  route('GET', '/system/info', null, systemInfo),
  route('POST', '/system/bundles', null, (context, call) => {
    const body = jsonBody(call);
    if (!body.ok) return body.response;
    return bundleResponse(body.value, (inner) => handleApiCall(context, inner));
  }),
  route('GET', '/company/companies', companiesInquire, listOf(all('companies'), companyFields)),
  route('POST', '/company/companies', { area: 'Companies', level: 'Add' }, createCompany),
  route(
    'GET',
    '/company/companies/count',
    companiesInquire,
    countOf(all('companies'), companyFields),
  ),
  route('GET', '/company/companies/:id', companiesInquire, oneOf(all('companies'), 'Company')),
  route('PATCH', '/company/companies/:id', { area: 'Companies', level: 'Edit' }, patchCompany),
  route('DELETE', '/company/companies/:id', { area: 'Companies', level: 'Delete' }, deleteCompany),
  route('GET', '/company/contacts', companiesInquire, listOf(all('contacts'), contactFields)),
  route(
    'GET',
    '/company/contacts/count',
    companiesInquire,
    countOf(all('contacts'), contactFields),
  ),
  route('GET', '/company/contacts/:id', companiesInquire, oneOf(all('contacts'), 'Contact')),
  route(
    'GET',
    '/finance/agreements/types',
    tableSetupInquire,
    listOf(all('agreementTypes'), agreementTypeFields),
  ),
  route(
    'GET',
    '/finance/agreements/types/count',
    tableSetupInquire,
    countOf(all('agreementTypes'), agreementTypeFields),
  ),
  route(
    'GET',
    '/finance/agreements/types/:id',
    tableSetupInquire,
    oneOf(all('agreementTypes'), 'Agreement type'),
  ),
  route(
    'GET',
    '/finance/agreements',
    agreementsInquire,
    listOf(all('agreements'), agreementFields),
  ),
  route(
    'POST',
    '/finance/agreements',
    { area: 'Finance › Agreements', level: 'Add' },
    createAgreement,
  ),
  route(
    'GET',
    '/finance/agreements/count',
    agreementsInquire,
    countOf(all('agreements'), agreementFields),
  ),
  route('GET', '/finance/agreements/:id', agreementsInquire, (context, call, ids) => {
    const agreement = agreementOr404(context, ids[0] as number);
    if (isSimResponse(agreement)) return agreement;
    return projected(agreement, call);
  }),
  route(
    'PATCH',
    '/finance/agreements/:id',
    { area: 'Finance › Agreements', level: 'Edit' },
    patchAgreement,
  ),
  route(
    'GET',
    '/finance/agreements/:id/additions',
    agreementsInquire,
    listOf(additionsOf, additionFields),
  ),
  route(
    'POST',
    '/finance/agreements/:id/additions',
    { area: 'Finance › Agreements', level: 'Add' },
    createAddition,
  ),
  route(
    'GET',
    '/finance/agreements/:id/additions/count',
    agreementsInquire,
    countOf(additionsOf, additionFields),
  ),
  route('GET', '/finance/agreements/:id/additions/:id', agreementsInquire, (context, call, ids) => {
    const found = additionOr404(context, ids);
    if (isSimResponse(found)) return found;
    return projected(found.addition, call);
  }),
  route(
    'PUT',
    '/finance/agreements/:id/additions/:id',
    { area: 'Finance › Agreements', level: 'Edit' },
    putAddition,
  ),
  route(
    'PATCH',
    '/finance/agreements/:id/additions/:id',
    { area: 'Finance › Agreements', level: 'Edit' },
    patchAddition,
  ),
  route(
    'DELETE',
    '/finance/agreements/:id/additions/:id',
    { area: 'Finance › Agreements', level: 'Delete' },
    deleteAddition,
  ),
  route('GET', '/procurement/catalog', catalogInquire, listOf(all('catalog'), catalogItemFields)),
  route(
    'GET',
    '/procurement/catalog/count',
    catalogInquire,
    countOf(all('catalog'), catalogItemFields),
  ),
  route('GET', '/procurement/catalog/:id', catalogInquire, oneOf(all('catalog'), 'Catalog item')),
  route(
    'GET',
    '/finance/billingCycles',
    tableSetupInquire,
    listOf(all('billingCycles'), billingCycleFields),
  ),
  route(
    'GET',
    '/finance/billingCycles/count',
    tableSetupInquire,
    countOf(all('billingCycles'), billingCycleFields),
  ),
  route(
    'GET',
    '/finance/billingCycles/:id',
    tableSetupInquire,
    oneOf(all('billingCycles'), 'Billing cycle'),
  ),
  route('GET', '/finance/currencies', tableSetupInquire, listOf(all('currencies'), currencyFields)),
  route(
    'GET',
    '/finance/currencies/count',
    tableSetupInquire,
    countOf(all('currencies'), currencyFields),
  ),
  route('GET', '/finance/currencies/:id', tableSetupInquire, oneOf(all('currencies'), 'Currency')),
  route(
    'GET',
    '/system/userDefinedFields',
    tableSetupInquire,
    listOf(all('userDefinedFields'), userDefinedFieldFields),
  ),
  route(
    'GET',
    '/system/userDefinedFields/count',
    tableSetupInquire,
    countOf(all('userDefinedFields'), userDefinedFieldFields),
  ),
  route(
    'GET',
    '/system/userDefinedFields/:id',
    tableSetupInquire,
    oneOf(all('userDefinedFields'), 'Custom field'),
  ),
];

function matchPattern(pattern: string[], segments: string[]): number[] | null {
  if (pattern.length !== segments.length) return null;
  const ids: number[] = [];
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index] as string;
    if (part === ':id') {
      if (!/^\d+$/.test(segment)) return null;
      ids.push(Number(segment));
    } else if (part.toLowerCase() !== segment.toLowerCase()) {
      return null;
    }
  }
  return ids;
}

/** Finds the route for a call, checks the role's permission and runs it. */
export function handleApiCall(context: ApiContext, call: ApiCall): SimResponse {
  const segments = call.resourcePath.split('/').filter(Boolean);
  const method = call.method.toUpperCase();
  let pathMatched = false;
  for (const candidate of routes) {
    const ids = matchPattern(candidate.pattern, segments);
    if (!ids) continue;
    pathMatched = true;
    if (candidate.method !== method) continue;
    if (candidate.permission && context.deniedPermissions().denies(candidate.permission)) {
      return forbiddenResponse(candidate.permission);
    }
    return candidate.handle(context, call, ids);
  }
  if (pathMatched) {
    return errorResponse(
      405,
      'MethodNotAllowed',
      `The requested resource does not support http method '${method}'.`,
    );
  }
  return notFound(`No resource was found at ${call.resourcePath}.`);
}
