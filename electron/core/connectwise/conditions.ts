/**
 * Builds ConnectWise `conditions` strings safely: strings quoted with `"` and `\` escaped,
 * dates in brackets, field names checked. Values never reach the query unquoted.
 */
export type ConditionValue = string | number | boolean | Date | null;

const fieldPattern = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*$/;

function field(name: string): string {
  if (!fieldPattern.test(name)) throw new Error(`Not a ConnectWise field name: ${name}`);
  return name;
}

export function quoteString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `[2026-01-31T00:00:00Z]`: UTC, whole seconds. */
export function bracketDate(value: Date): string {
  if (Number.isNaN(value.getTime())) throw new Error('Invalid date in a condition');
  return `[${value.toISOString().replace(/\.\d{3}Z$/, 'Z')}]`;
}

export function literal(value: ConditionValue): string {
  if (value === null) return 'null';
  if (value instanceof Date) return bracketDate(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('Invalid number in a condition');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return quoteString(value);
}

export const where = {
  eq: (name: string, value: ConditionValue) => `${field(name)} = ${literal(value)}`,
  ne: (name: string, value: ConditionValue) => `${field(name)} != ${literal(value)}`,
  lt: (name: string, value: ConditionValue) => `${field(name)} < ${literal(value)}`,
  le: (name: string, value: ConditionValue) => `${field(name)} <= ${literal(value)}`,
  gt: (name: string, value: ConditionValue) => `${field(name)} > ${literal(value)}`,
  ge: (name: string, value: ConditionValue) => `${field(name)} >= ${literal(value)}`,
  contains: (name: string, value: string) => `${field(name)} contains ${quoteString(value)}`,
  /** `pattern` may use `%` as the wildcard. */
  like: (name: string, pattern: string) => `${field(name)} like ${quoteString(pattern)}`,
  in: (name: string, values: readonly ConditionValue[]) => {
    if (values.length === 0) throw new Error('An "in" condition needs at least one value');
    return `${field(name)} in (${values.map(literal).join(', ')})`;
  },
  and: (...parts: Array<string | undefined | false>) => join('and', parts),
  or: (...parts: Array<string | undefined | false>) => join('or', parts),
};

function join(operator: 'and' | 'or', parts: Array<string | undefined | false>): string {
  const present = parts.filter(
    (part): part is string => typeof part === 'string' && part.length > 0,
  );
  if (present.length <= 1) return present[0] ?? '';
  return present.map((part) => `(${part})`).join(` ${operator} `);
}

/**
 * Splits a long `in (…)` list into several conditions, each short enough that its URL-encoded
 * form stays within `maxEncodedLength` (the whole URL must stay under ~2000 characters).
 * `wrap` adds the rest of the condition around each chunk.
 */
export function inConditionsWithin(
  name: string,
  values: readonly ConditionValue[],
  maxEncodedLength = 1500,
  wrap: (inCondition: string) => string = (c) => c,
): string[] {
  const chunks: string[] = [];
  let current: ConditionValue[] = [];
  const encodedLength = (list: ConditionValue[]) =>
    encodeURIComponent(wrap(where.in(name, list))).length;
  for (const value of values) {
    const candidate = [...current, value];
    if (current.length > 0 && encodedLength(candidate) > maxEncodedLength) {
      chunks.push(wrap(where.in(name, current)));
      current = [value];
    } else {
      current = candidate;
    }
    if (current.length === 1 && encodedLength(current) > maxEncodedLength) {
      throw new Error(`A single value is too long for a ConnectWise condition on ${name}`);
    }
  }
  if (current.length > 0) chunks.push(wrap(where.in(name, current)));
  return chunks;
}
