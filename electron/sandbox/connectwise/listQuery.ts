/**
 * The query parameters every ConnectWise list accepts: conditions, childConditions,
 * customFieldConditions, orderBy, fields, page, pageSize, pageId; and the two kinds of paging
 * with their `Link` headers (navigable `page=N`; forward-only with `pagination-type:
 * forward-only`, ordered by id, `pageId` meaning `id > pageId`).
 */
import { jsonResponse, type SimResponse } from '../httpResponses';
import { errorResponse, invalidParameter } from './apiResponses';
import { matchesCondition, valuesAtPath } from './conditionMatcher';
import {
  type ConditionNode,
  ConditionSyntaxError,
  fieldsOfCondition,
  parseConditions,
  renameConditionFields,
} from './conditionParser';
import { canonicalField, customFieldFields, type ResourceFields } from './resourceFields';

export const defaultPageSize = 25;
export const maxPageSize = 1000;

/** Query parameters by lower-cased name (the service binds them case-insensitively). */
export type QueryParameters = Map<string, string>;

export function queryParameters(search: URLSearchParams): QueryParameters {
  const parameters: QueryParameters = new Map();
  for (const [name, value] of search) {
    const key = name.toLowerCase();
    if (!parameters.has(key)) parameters.set(key, value);
  }
  return parameters;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; response: SimResponse };

const failed = (response: SimResponse): { ok: false; response: SimResponse } => ({
  ok: false,
  response,
});

function conditionFailure(parameter: string, detail: string): SimResponse {
  return errorResponse(400, 'InvalidObject', `${parameter} object is invalid: ${detail}`, [
    { code: 'InvalidCondition', message: detail, resource: parameter, field: parameter },
  ]);
}

function compileCondition(
  parameter: string,
  text: string | undefined,
  allowed: readonly string[],
  resource: string,
): Outcome<ConditionNode | null> {
  if (text === undefined) return { ok: true, value: null };
  let node: ConditionNode | null;
  try {
    node = parseConditions(text);
  } catch (error) {
    if (error instanceof ConditionSyntaxError)
      return failed(conditionFailure(parameter, error.message));
    throw error;
  }
  if (!node) return { ok: true, value: null };
  for (const field of fieldsOfCondition(node)) {
    if (!canonicalField(allowed, field)) {
      return failed(
        conditionFailure(parameter, `Unknown field "${field}" for ${resource} in ${parameter}`),
      );
    }
  }
  return {
    ok: true,
    value: renameConditionFields(node, (field) => canonicalField(allowed, field) ?? field),
  };
}

/** A predicate combining conditions, childConditions and customFieldConditions. */
export function compileFilter(
  parameters: QueryParameters,
  fields: ResourceFields,
): Outcome<(record: unknown) => boolean> {
  const conditions = compileCondition(
    'conditions',
    parameters.get('conditions'),
    fields.fields,
    fields.resource,
  );
  if (!conditions.ok) return conditions;
  const childConditions = compileCondition(
    'childConditions',
    parameters.get('childconditions'),
    [...fields.childFields, ...fields.fields],
    fields.resource,
  );
  if (!childConditions.ok) return childConditions;
  const customFieldConditions = compileCondition(
    'customFieldConditions',
    parameters.get('customfieldconditions'),
    customFieldFields.fields,
    fields.resource,
  );
  if (!customFieldConditions.ok) return customFieldConditions;
  const nodes = [conditions.value, childConditions.value].filter(
    (node): node is ConditionNode => node !== null,
  );
  const customNode = customFieldConditions.value;
  return {
    ok: true,
    value: (record) => {
      for (const node of nodes) if (!matchesCondition(node, record)) return false;
      if (customNode) {
        const customFields = valuesAtPath(record, 'customFields');
        if (
          !customFields.some((field) => field !== undefined && matchesCondition(customNode, field))
        )
          return false;
      }
      return true;
    },
  };
}

interface SortKey {
  field: string;
  descending: boolean;
}

function parseOrderBy(text: string | undefined, fields: ResourceFields): Outcome<SortKey[]> {
  if (text === undefined || text.trim() === '') return { ok: true, value: [] };
  const keys: SortKey[] = [];
  for (const part of text.split(',')) {
    const match = /^\s*([A-Za-z_]\w*(?:\/[A-Za-z_]\w*)*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!match) {
      return failed(
        invalidParameter(
          'orderBy',
          'InvalidField',
          `"${part.trim()}" is not "field asc" or "field desc".`,
        ),
      );
    }
    const field = canonicalField(fields.fields, match[1] as string);
    if (!field) {
      return failed(
        invalidParameter(
          'orderBy',
          'InvalidField',
          `Unknown field "${match[1]}" for ${fields.resource} in orderBy.`,
        ),
      );
    }
    keys.push({ field, descending: match[2]?.toLowerCase() === 'desc' });
  }
  return { ok: true, value: keys };
}

function sortValue(record: unknown, field: string): unknown {
  return valuesAtPath(record, field)[0];
}

function compareSortValues(a: unknown, b: unknown): number {
  const aAbsent = a === null || a === undefined;
  const bAbsent = b === null || b === undefined;
  if (aAbsent || bAbsent) return aAbsent === bAbsent ? 0 : aAbsent ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function sortRecords<T>(records: T[], keys: SortKey[]): T[] {
  const idOf = (record: T) => Number(sortValue(record, 'id') ?? 0);
  return [...records].sort((a, b) => {
    for (const key of keys) {
      const order = compareSortValues(sortValue(a, key.field), sortValue(b, key.field));
      if (order !== 0) return key.descending ? -order : order;
    }
    return idOf(a) - idOf(b);
  });
}

function parsePositiveInteger(
  parameters: QueryParameters,
  name: string,
  label: string,
): Outcome<number | undefined> {
  const raw = parameters.get(name);
  if (raw === undefined || raw.trim() === '') return { ok: true, value: undefined };
  if (!/^\d+$/.test(raw.trim())) {
    return failed(
      invalidParameter(label, 'InvalidField', `The value "${raw}" is not valid for ${label}.`),
    );
  }
  return { ok: true, value: Number(raw.trim()) };
}

export function parsePageSize(parameters: QueryParameters): Outcome<number> {
  const pageSize = parsePositiveInteger(parameters, 'pagesize', 'pageSize');
  if (!pageSize.ok) return pageSize;
  if (pageSize.value === undefined) return { ok: true, value: defaultPageSize };
  if (pageSize.value < 1 || pageSize.value > maxPageSize) {
    return failed(
      invalidParameter(
        'pageSize',
        'OutOfRange',
        `The field pageSize must be between 1 and ${maxPageSize}.`,
      ),
    );
  }
  return { ok: true, value: pageSize.value };
}

/** A copy of the record holding only the requested paths (`company` or `company/id`). */
export function projectFields(record: unknown, fields: string[] | null): unknown {
  if (!fields || fields.length === 0) return record;
  const projected: Record<string, unknown> = {};
  for (const path of fields) copyPath(projected, record, path.split('/'));
  return projected;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function copyPath(target: Record<string, unknown>, source: unknown, segments: string[]): void {
  if (!isPlainObject(source)) return;
  const [head, ...rest] = segments;
  if (head === undefined) return;
  const key = Object.keys(source).find(
    (candidate) => candidate.toLowerCase() === head.toLowerCase(),
  );
  if (key === undefined) return;
  const value = source[key];
  if (rest.length === 0 || value === null || value === undefined) {
    target[key] = structuredClone(value);
    return;
  }
  if (Array.isArray(value)) {
    const existing = Array.isArray(target[key]) ? (target[key] as unknown[]) : [];
    target[key] = value.map((item, index) => {
      const into = isPlainObject(existing[index])
        ? (existing[index] as Record<string, unknown>)
        : {};
      copyPath(into, item, rest);
      return into;
    });
    return;
  }
  if (isPlainObject(value)) {
    const into = isPlainObject(target[key]) ? (target[key] as Record<string, unknown>) : {};
    copyPath(into, value, rest);
    target[key] = into;
  }
}

export function parseFields(parameters: QueryParameters): string[] | null {
  const raw = parameters.get('fields');
  if (raw === undefined) return null;
  const fields = raw
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
  return fields.length > 0 ? fields : null;
}

export interface ListRequest {
  parameters: QueryParameters;
  /** The request's own query, to carry into Link URLs. */
  search: URLSearchParams;
  /** Absolute URL of the list without its query, for Link headers. */
  resourceUrl: string;
  forwardOnly: boolean;
}

function linkTo(
  request: ListRequest,
  pageSize: number,
  name: 'page' | 'pageId',
  value: number,
): string {
  const search = new URLSearchParams();
  for (const [key, parameter] of request.search) {
    if (!['page', 'pageid', 'pagesize'].includes(key.toLowerCase())) search.append(key, parameter);
  }
  search.append('pageSize', String(pageSize));
  search.append(name, String(value));
  return `${request.resourceUrl}?${search.toString()}`;
}

/** Runs a list request over the records: filter, order, page, project; answers with Link. */
export function listResponse<T>(
  records: readonly T[],
  fields: ResourceFields,
  request: ListRequest,
): SimResponse {
  const filter = compileFilter(request.parameters, fields);
  if (!filter.ok) return filter.response;
  const pageSize = parsePageSize(request.parameters);
  if (!pageSize.ok) return pageSize.response;
  const page = parsePositiveInteger(request.parameters, 'page', 'page');
  if (!page.ok) return page.response;
  const pageId = parsePositiveInteger(request.parameters, 'pageid', 'pageId');
  if (!pageId.ok) return pageId.response;
  const projection = parseFields(request.parameters);
  const idOf = (record: T) => Number(sortValue(record, 'id') ?? 0);

  if (request.forwardOnly) {
    if (page.value !== undefined) {
      return invalidParameter(
        'page',
        'InvalidField',
        'The page parameter cannot be used with forward-only pagination: follow the Link header (pageId) instead.',
      );
    }
    const orderBy = request.parameters.get('orderby');
    if (orderBy !== undefined && orderBy.trim() !== '' && !/^\s*id(\s+asc)?\s*$/i.test(orderBy)) {
      return invalidParameter(
        'orderBy',
        'InvalidField',
        'Forward-only pagination is always ordered by id ascending; orderBy cannot be used with it.',
      );
    }
    const after = pageId.value ?? 0;
    const matching: T[] = [];
    let more = false;
    for (const record of sortRecords([...records], [])) {
      if (idOf(record) <= after || !filter.value(record)) continue;
      if (matching.length === pageSize.value) {
        more = true;
        break;
      }
      matching.push(record);
    }
    const last = matching.at(-1);
    const headers: Record<string, string> = {};
    if (more && last !== undefined) {
      headers.Link = `<${linkTo(request, pageSize.value, 'pageId', idOf(last))}>; rel="next"`;
    }
    return jsonResponse(
      200,
      matching.map((record) => projectFields(record, projection)),
      headers,
    );
  }

  const orderBy = parseOrderBy(request.parameters.get('orderby'), fields);
  if (!orderBy.ok) return orderBy.response;
  const after = pageId.value;
  const filtered = records.filter(
    (record) => (after === undefined || idOf(record) > after) && filter.value(record),
  );
  const ordered = sortRecords(filtered, orderBy.value);
  const currentPage = Math.max(1, page.value ?? 1);
  const lastPage = Math.max(1, Math.ceil(ordered.length / pageSize.value));
  const slice = ordered.slice((currentPage - 1) * pageSize.value, currentPage * pageSize.value);
  const links: string[] = [];
  if (currentPage > 1) {
    links.push(`<${linkTo(request, pageSize.value, 'page', 1)}>; rel="first"`);
    links.push(
      `<${linkTo(request, pageSize.value, 'page', Math.min(currentPage - 1, lastPage))}>; rel="prev"`,
    );
  }
  if (currentPage < lastPage) {
    links.push(`<${linkTo(request, pageSize.value, 'page', currentPage + 1)}>; rel="next"`);
    links.push(`<${linkTo(request, pageSize.value, 'page', lastPage)}>; rel="last"`);
  }
  return jsonResponse(
    200,
    slice.map((record) => projectFields(record, projection)),
    links.length > 0 ? { Link: links.join(', ') } : {},
  );
}

/** `GET …/count`: `{ count }` after the conditions. */
export function countResponse<T>(
  records: readonly T[],
  fields: ResourceFields,
  parameters: QueryParameters,
): SimResponse {
  const filter = compileFilter(parameters, fields);
  if (!filter.ok) return filter.response;
  let count = 0;
  for (const record of records) if (filter.value(record)) count++;
  return jsonResponse(200, { count });
}
