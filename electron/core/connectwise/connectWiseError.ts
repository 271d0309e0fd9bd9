import type { ErrorKind } from '@shared/contract';
import { AppError } from '../errors';

/** The error kinds a ConnectWise call can end with: a subset of the app's one list. */
export type ConnectWiseErrorKind = Extract<
  ErrorKind,
  | 'Authentication Error'
  | 'Permission Error'
  | 'Validation Error'
  | 'Not Found'
  | 'Rate Limited'
  | 'Response Error'
  | 'Site Unreachable'
  | 'Unknown Company'
  | 'Cancelled'
>;

export interface ConnectWiseErrorFacts {
  status?: number;
  /** ConnectWise's own `code`, e.g. "InvalidObject". */
  code?: string;
  /** The field a validation error names. */
  field?: string;
  /** The security-role permission a 403 names. */
  permission?: string;
  method?: string;
  /** Path and query of the request, never its headers. */
  path?: string;
  /**
   * True when a write may or may not have been applied (timeout, reset, 5xx or a redirect
   * after sending): the caller must look the record up before writing again.
   */
  outcomeUnknown?: boolean;
  /** What was sent and what came back, secrets taken out (System Logs' detail view). */
  requestBody?: string;
  responseBody?: string;
}

/**
 * One taxonomy for everything that can go wrong talking to ConnectWise. `message` is plain
 * language for the user; `detail` keeps what ConnectWise said. Both are built without secrets.
 */
export class ConnectWiseError extends AppError {
  readonly facts: ConnectWiseErrorFacts;

  constructor(
    kind: ConnectWiseErrorKind,
    message: string,
    detail?: string,
    facts: ConnectWiseErrorFacts = {},
  ) {
    super(kind, message, detail);
    this.name = 'ConnectWiseError';
    this.facts = facts;
    if (facts.method && facts.path) {
      this.exchange = {
        method: facts.method,
        path: facts.path,
        status: facts.status,
        requestBody: facts.requestBody,
        responseBody: facts.responseBody,
      };
    }
  }

  get connectWiseKind(): ConnectWiseErrorKind {
    return this.kind as ConnectWiseErrorKind;
  }

  get outcomeUnknown(): boolean {
    return this.facts.outcomeUnknown === true;
  }
}

export function isConnectWiseError(error: unknown): error is ConnectWiseError {
  return error instanceof ConnectWiseError;
}
