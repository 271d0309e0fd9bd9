import { z } from 'zod';

/**
 * Every kind of error the core may report, by the name System Logs and the UI show. The first six
 * are the troubleshooting names of docs/product.md §7; the rest are the app's own. Core,
 * bridge and renderer all use this one list: no error kind is ever a free string.
 */
export const errorKinds = [
  'Authentication Error',
  'Permission Error',
  'Validation Error',
  'Not Found',
  'Rate Limited',
  'Response Error',
  /** The site (ConnectWise or the Platform) could not be reached at all. */
  'Site Unreachable',
  /** ConnectWise does not know the company id, or cannot route to its codebase. */
  'Unknown Company',
  'Keychain Error',
  /** A connection the request needs is not saved. */
  'Not Connected',
  /** The request is refused by the app's own rules (e.g. a link to another site). */
  'Not Allowed',
  /** This window cannot do it (e.g. a native file dialog in the preview). */
  'Not Available',
  /** A job of the same kind is already running. */
  'Busy',
  'Cancelled',
  'Unknown Channel',
  /** The request did not come from the app's own window. */
  'Forbidden',
  'Internal Error',
] as const;
export const ErrorKind = z.enum(errorKinds);
export type ErrorKind = z.infer<typeof ErrorKind>;

export const BridgeError = z.object({
  kind: ErrorKind,
  message: z.string(),
  detail: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type BridgeError = z.infer<typeof BridgeError>;

export type BridgeResult<T = unknown> = { ok: true; value: T } | { ok: false; error: BridgeError };
