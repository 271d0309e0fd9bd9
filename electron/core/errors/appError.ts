import type { BridgeError, ErrorKind } from '@shared/contract';

/**
 * An error a user can act on. Capabilities throw it; the router turns it into
 * `{ ok: false, error: { kind, message, detail } }`. Build messages without secrets: they are
 * shown, logged and sent over IPC as they are.
 */
/**
 * The HTTP request behind an error and its answer, for System Logs' detail view. Never headers;
 * bodies have every known secret taken out by whoever builds it, and the log redacts again.
 */
export interface HttpExchange {
  method: string;
  path: string;
  status?: number;
  requestBody?: string;
  responseBody?: string;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly detail: string | undefined;
  exchange: HttpExchange | undefined;

  constructor(kind: ErrorKind, message: string, detail?: string) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.detail = detail;
  }

  toBridgeError(): BridgeError {
    return this.detail === undefined
      ? { kind: this.kind, message: this.message }
      : { kind: this.kind, message: this.message, detail: this.detail };
  }
}

/** True for the error a cancelled job or request throws. */
export function isCancellation(error: unknown): boolean {
  return error instanceof AppError && error.kind === 'Cancelled';
}
