import type { BridgeError, ErrorKind } from '@shared/contract';

/**
 * An error a user can act on. Capabilities throw it; the router turns it into
 * `{ ok: false, error: { kind, message, detail } }`. Build messages without secrets: they are
 * shown, logged and sent over IPC as they are.
 */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly detail: string | undefined;

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
