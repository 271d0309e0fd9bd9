import type { z } from 'zod';
import type { ConnectionProblem } from '../../../../../shared/contract';
import { BridgeCallError } from '../../../bridge';

/** The contract's own field checks, as one message per field, before anything goes over the network. */
export function fieldErrors<Field extends string>(
  schema: z.ZodType,
  draft: Record<Field, string>,
): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  const parsed = schema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as Field | undefined;
      if (field !== undefined && !errors[field]) errors[field] = issue.message;
    }
  }
  return errors;
}

/** Any failure of a bridge call, as the problem a connection form shows. */
export function problemFrom(error: unknown): ConnectionProblem {
  if (error instanceof BridgeCallError) return { kind: error.kind, message: error.message };
  return {
    kind: 'Internal Error',
    message: error instanceof Error ? error.message : String(error),
  };
}
