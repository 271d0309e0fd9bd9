/** The one error body every failure uses: `{ "error": { "code", "message", "parameter"? } }`. */
import { jsonResponse, type SimResponse } from '../httpResponses';

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

export function errorResponse(
  status: number,
  code: ErrorCode,
  message: string,
  options: { parameter?: string; headers?: Record<string, string> } = {},
): SimResponse {
  const body: ErrorBody = {
    error:
      options.parameter === undefined
        ? { code, message }
        : { code, message, parameter: options.parameter },
  };
  return jsonResponse(status, body, options.headers);
}

/** 400 `invalid_request` about one query parameter. */
export function invalidParameter(parameter: string, message: string): SimResponse {
  return errorResponse(400, 'invalid_request', message, { parameter });
}
