/**
 * What a handler answers, before the server writes it (or a fault drops it), and the
 * ConnectWise error body: `{ code, message, errors: [{ code, message, resource, field }] }`.
 */

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface FieldError {
  code: string;
  message: string;
  resource: string;
  field: string;
}

export interface ConnectWiseErrorBody {
  code: string;
  message: string;
  errors?: FieldError[];
}

/** Tells a handler's early answer apart from the record it was looking for. */
export function isSimResponse(value: unknown): value is SimResponse {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const candidate = value as Partial<SimResponse>;
  return (
    typeof candidate.status === 'number' &&
    typeof candidate.body === 'string' &&
    typeof candidate.headers === 'object'
  );
}

export const jsonContentType = 'application/json; charset=utf-8';

export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): SimResponse {
  return {
    status,
    headers: { 'Content-Type': jsonContentType, ...headers },
    body: JSON.stringify(value),
  };
}

export function textResponse(
  status: number,
  text: string,
  contentType = 'text/plain; charset=utf-8',
  headers: Record<string, string> = {},
): SimResponse {
  return { status, headers: { 'Content-Type': contentType, ...headers }, body: text };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): SimResponse {
  return { status, headers, body: '' };
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  errors?: FieldError[],
): SimResponse {
  const body: ConnectWiseErrorBody = errors ? { code, message, errors } : { code, message };
  return jsonResponse(status, body);
}

/** 400 `InvalidObject` naming every field that failed, like the service's validation. */
export function invalidObject(resource: string, errors: FieldError[]): SimResponse {
  return errorResponse(400, 'InvalidObject', `${resource} object is invalid`, errors);
}

/** 400 for a bad query parameter, e.g. `pageSize object is invalid` with `OutOfRange`. */
export function invalidParameter(parameter: string, code: string, detail: string): SimResponse {
  return errorResponse(400, 'InvalidObject', `${parameter} object is invalid`, [
    { code, message: detail, resource: parameter, field: parameter },
  ]);
}

export function notFound(message: string): SimResponse {
  return errorResponse(404, 'NotFound', message);
}

export function fieldError(
  code: string,
  resource: string,
  field: string,
  message: string,
): FieldError {
  return { code, message, resource, field };
}
