/**
 * `POST /system/bundles`: several reads in one request. Each bundled request runs exactly like
 * the equivalent GET (permissions, conditions, paging) and gets its own statusCode, success and
 * error; the bundle itself answers 200. Property names are read case-insensitively
 * (`resourceType` or `ResourceType`).
 */
import { jsonResponse, type SimResponse } from '../httpResponses';
import { errorResponse } from './apiResponses';
import type { ApiCall } from './apiRoutes';
import { isInputObject } from './recordValidation';

/** ConnectWise resource type names → list paths (additions hang under their agreement). */
const resourcePaths: Record<string, (parentId: number | undefined) => string | null> = {
  company: () => '/company/companies',
  contact: () => '/company/contacts',
  agreement: () => '/finance/agreements',
  agreementtype: () => '/finance/agreements/types',
  addition: (parentId) =>
    parentId === undefined ? null : `/finance/agreements/${parentId}/additions`,
  agreementaddition: (parentId) =>
    parentId === undefined ? null : `/finance/agreements/${parentId}/additions`,
  catalogitem: () => '/procurement/catalog',
  productcatalog: () => '/procurement/catalog',
  billingcycle: () => '/finance/billingCycles',
};

function property(source: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(source).find(
    (candidate) => candidate.toLowerCase() === name.toLowerCase(),
  );
  return key === undefined ? undefined : source[key];
}

function objectProperty(source: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = property(source, name);
  return isInputObject(value) ? value : {};
}

function integerProperty(source: Record<string, unknown>, name: string): number | undefined {
  const value = property(source, name);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

interface BundleResult {
  sequenceNumber: number;
  resourceType: string;
  entities: unknown[];
  count: number;
  success: boolean;
  statusCode: number;
  error: unknown;
}

function failedResult(
  sequenceNumber: number,
  resourceType: string,
  response: SimResponse,
): BundleResult {
  let error: unknown = response.body;
  try {
    error = JSON.parse(response.body);
  } catch {
    // keep the text
  }
  return {
    sequenceNumber,
    resourceType,
    entities: [],
    count: 0,
    success: false,
    statusCode: response.status,
    error,
  };
}

function runOne(
  request: unknown,
  index: number,
  run: (call: ApiCall) => SimResponse,
): BundleResult {
  const source = isInputObject(request) ? request : {};
  const sequenceNumber = integerProperty(source, 'sequenceNumber') ?? index + 1;
  const typeValue = property(source, 'resourceType');
  const resourceType = typeof typeValue === 'string' ? typeValue : '';
  const apiRequest = objectProperty(source, 'apiRequest');
  const id = integerProperty(apiRequest, 'id');
  const parentId = integerProperty(apiRequest, 'parentId');
  const pathOf = resourcePaths[resourceType.replace(/[\s_]/g, '').toLowerCase()];
  if (!pathOf) {
    return failedResult(
      sequenceNumber,
      resourceType,
      errorResponse(
        400,
        'InvalidObject',
        `Unknown resourceType "${resourceType}" in bundle request ${sequenceNumber}.`,
      ),
    );
  }
  const listPath = pathOf(parentId);
  if (listPath === null) {
    return failedResult(
      sequenceNumber,
      resourceType,
      errorResponse(
        400,
        'InvalidObject',
        `Bundle request ${sequenceNumber}: ${resourceType} needs apiRequest.parentId (the agreement id).`,
      ),
    );
  }
  if (property(apiRequest, 'entity') !== undefined) {
    return failedResult(
      sequenceNumber,
      resourceType,
      errorResponse(
        400,
        'InvalidObject',
        `Bundle request ${sequenceNumber}: only reads can be bundled here (no entity).`,
      ),
    );
  }
  const search = new URLSearchParams();
  const filters = objectProperty(apiRequest, 'filters');
  for (const name of ['conditions', 'childConditions', 'customFieldConditions', 'orderBy']) {
    const value = property(filters, name);
    if (typeof value === 'string' && value !== '') search.set(name, value);
  }
  const page = objectProperty(apiRequest, 'page');
  const pageNumber = integerProperty(page, 'page');
  const pageSize = integerProperty(page, 'pageSize');
  if (pageNumber !== undefined) search.set('page', String(pageNumber));
  if (pageSize !== undefined) search.set('pageSize', String(pageSize));
  const fields = property(apiRequest, 'fields');
  if (typeof fields === 'string' && fields !== '') search.set('fields', fields);
  if (Array.isArray(fields))
    search.set('fields', fields.filter((f) => typeof f === 'string').join(','));

  const response = run({
    method: 'GET',
    resourcePath: id === undefined ? listPath : `${listPath}/${id}`,
    search,
    forwardOnly: false,
    body: { kind: 'none' },
  });
  if (response.status >= 300) return failedResult(sequenceNumber, resourceType, response);
  const parsed: unknown = JSON.parse(response.body);
  const entities = Array.isArray(parsed) ? parsed : [parsed];
  return {
    sequenceNumber,
    resourceType,
    entities,
    count: entities.length,
    success: true,
    statusCode: response.status,
    error: null,
  };
}

export function bundleResponse(body: unknown, run: (call: ApiCall) => SimResponse): SimResponse {
  const requests = isInputObject(body) ? property(body, 'requests') : undefined;
  if (!Array.isArray(requests)) {
    return errorResponse(400, 'InvalidObject', 'bundle object is invalid', [
      {
        code: 'MissingRequiredField',
        message: 'The field requests is required and must be a list.',
        resource: 'bundle',
        field: 'requests',
      },
    ]);
  }
  return jsonResponse(200, {
    results: requests.map((request, index) => runOne(request, index, run)),
  });
}
