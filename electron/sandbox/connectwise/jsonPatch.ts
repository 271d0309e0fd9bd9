/**
 * PATCH bodies as ConnectWise takes them: a JSON Patch array,
 * `[{ "op": "replace", "path": "quantity", "value": 3 }]`. Paths may start with `/` and may go
 * into a reference (`company/id`). Supported ops: add, replace, remove.
 */
import { type FieldError, fieldError } from './apiResponses';
import { isInputObject } from './recordValidation';

export type PatchOutcome =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; errors: FieldError[] };

/** Applies the operations to a copy of `record`; only fields in `writable` may be touched. */
export function applyJsonPatch(
  record: unknown,
  operations: unknown,
  resource: string,
  writable: readonly string[],
): PatchOutcome {
  const fail = (field: string, message: string): PatchOutcome => ({
    ok: false,
    errors: [fieldError('InvalidField', resource, field, message)],
  });
  if (!Array.isArray(operations)) {
    return fail(
      'body',
      'A PATCH body must be a JSON Patch array like [{"op":"replace","path":"name","value":"x"}].',
    );
  }
  if (operations.length === 0) return fail('body', 'The JSON Patch array is empty.');
  const copy = structuredClone(record) as Record<string, unknown>;
  for (const [index, operation] of operations.entries()) {
    if (!isInputObject(operation)) return fail(`${index}`, `Operation ${index} is not an object.`);
    const op = typeof operation.op === 'string' ? operation.op.toLowerCase() : '';
    const path = typeof operation.path === 'string' ? operation.path.replace(/^\//, '') : '';
    if (!['add', 'replace', 'remove'].includes(op)) {
      return fail(`${index}/op`, `Operation ${index}: op must be add, replace or remove.`);
    }
    const segments = path.split('/').filter((segment) => segment !== '');
    const head = segments[0];
    const field = head
      ? writable.find((candidate) => candidate.toLowerCase() === head.toLowerCase())
      : undefined;
    if (!field)
      return fail(
        path || `${index}/path`,
        `Operation ${index}: "${path}" is not a field that can be changed.`,
      );
    if (op !== 'remove' && !('value' in operation)) {
      return fail(path, `Operation ${index}: ${op} needs a value.`);
    }
    segments[0] = field;
    let target: Record<string, unknown> | undefined = copy;
    for (const segment of segments.slice(0, -1)) {
      if (!target) break;
      if (!isInputObject(target[segment])) {
        if (op === 'remove') {
          target = undefined;
          break;
        }
        target[segment] = {};
      }
      target = target[segment] as Record<string, unknown>;
    }
    const last = segments.at(-1) as string;
    if (!target) continue;
    if (op === 'remove') delete target[last];
    else target[last] = structuredClone(operation.value);
  }
  return { ok: true, value: copy };
}
