/**
 * What the two connections (ConnectWise and the Platform) share: field checks, the problem a
 * failed test or save reports, and the shape of their test and save results.
 */
import { z } from 'zod';
import { ErrorKind } from './errors';

const noSpaces = (label: string) => (value: string) =>
  /\s/.test(value) ? `${label} cannot contain spaces.` : undefined;

/** A string schema with one extra check that returns its problem or undefined. */
export function checkedText(schema: z.ZodString, check: (value: string) => string | undefined) {
  return schema.superRefine((value, context) => {
    const problem = check(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
}

export const secretText = (max: number, label: string, tooLong = `At most ${max} characters.`) =>
  checkedText(z.string().max(max, tooLong), noSpaces(label));

export const requiredKeyText = (max: number, missing: string, label: string) =>
  checkedText(z.string().min(1, missing).max(max, `At most ${max} characters.`), noSpaces(label));

export const ConnectionProblem = z.object({
  kind: ErrorKind,
  message: z.string(),
  field: z.enum(['siteUrl', 'companyId', 'publicKey', 'privateKey', 'baseUrl', 'token']).optional(),
  permission: z.string().optional(),
});
export type ConnectionProblem = z.infer<typeof ConnectionProblem>;

export const saveFailedMessage =
  'Connection was not established. Please validate settings information.';

/** `{ ok: true, ...what the test learnt }` or `{ ok: false, problem }`. */
export function connectionTestResult<Passed extends z.ZodRawShape>(passed: Passed) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), ...passed }),
    z.object({ ok: z.literal(false), problem: ConnectionProblem }),
  ]);
}

/** `{ ok: true, connection }` (what was saved, without its secret) or the reason nothing was. */
export function connectionSaveResult<View extends z.ZodType>(view: View) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), connection: view }),
    z.object({ ok: z.literal(false), message: z.string(), problem: ConnectionProblem }),
  ]);
}
