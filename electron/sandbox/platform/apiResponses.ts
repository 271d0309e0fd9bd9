/**
 * What a handler answers, before the server writes it (or a fault drops it), and the one error
 * body every failure uses: `{ "error": { "code", "message", "parameter"? } }`.
 */

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type ErrorCode =
  | 'unauthorized'
  | 'invalid_request'
  | 'not_found'
  | 'method_not_allowed'
  | 'rate_limited'
  | 'internal_error'
  | 'service_unavailable';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; parameter?: string };
}

export const jsonContentType = 'application/json; charset=utf-8';

export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): ApiResponse {
  return {
    status,
    headers: { 'Content-Type': jsonContentType, ...headers },
    body: JSON.stringify(value),
  };
}

export function errorResponse(
  status: number,
  code: ErrorCode,
  message: string,
  options: { parameter?: string; headers?: Record<string, string> } = {},
): ApiResponse {
  const body: ErrorBody = {
    error:
      options.parameter === undefined
        ? { code, message }
        : { code, message, parameter: options.parameter },
  };
  return jsonResponse(status, body, options.headers);
}

/** 400 `invalid_request` about one query parameter. */
export function invalidParameter(parameter: string, message: string): ApiResponse {
  return errorResponse(400, 'invalid_request', message, { parameter });
}
