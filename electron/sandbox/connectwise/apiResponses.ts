/** The ConnectWise error body: `{ code, message, errors: [{ code, message, resource, field }] }`. */
import { jsonResponse, type SimResponse } from '../httpResponses';

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
