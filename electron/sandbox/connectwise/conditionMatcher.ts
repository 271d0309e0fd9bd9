/**
 * Evaluates a parsed condition against a record the way the service's SQL would: string
 * comparisons ignore case, a null field fails every comparison except `= null`, and a path that
 * runs through a list (childConditions, customFieldConditions) matches when any element does.
 */
import type { ConditionLiteral, ConditionNode } from './conditionParser';

/** The values at a `/`-separated path; lists along the way are flattened. */
export function valuesAtPath(record: unknown, path: string): unknown[] {
  let current: unknown[] = [record];
  for (const segment of path.split('/')) {
    const next: unknown[] = [];
    for (const value of current) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
          next.push((item as Record<string, unknown>)[segment]);
        } else {
          next.push(undefined);
        }
      }
    }
    current = next;
  }
  const flattened = current.flatMap((value) => (Array.isArray(value) ? value : [value]));
  return flattened.length > 0 ? flattened : [undefined];
}

function lower(text: string): string {
  return text.toLowerCase();
}

function compareText(a: string, b: string): number {
  const x = lower(a);
  const y = lower(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** -1, 0 or 1; undefined when the two cannot be compared (SQL would not match them). */
function compareToLiteral(value: unknown, literal: ConditionLiteral): number | undefined {
  switch (literal.kind) {
    case 'string':
      if (typeof value === 'string') return compareText(value, literal.value);
      if (typeof value === 'number') {
        const asNumber = Number(literal.value);
        return literal.value.trim() !== '' && Number.isFinite(asNumber)
          ? compareNumbers(value, asNumber)
          : undefined;
      }
      if (typeof value === 'boolean') {
        const text = lower(literal.value);
        return text === 'true' || text === 'false' ? compareText(String(value), text) : undefined;
      }
      return undefined;
    case 'number':
      if (typeof value === 'number') return compareNumbers(value, literal.value);
      if (typeof value === 'string') {
        const asNumber = Number(value);
        return value.trim() !== '' && Number.isFinite(asNumber)
          ? compareNumbers(asNumber, literal.value)
          : compareText(value, String(literal.value));
      }
      if (typeof value === 'boolean') return compareNumbers(value ? 1 : 0, literal.value);
      return undefined;
    case 'boolean':
      return typeof value === 'boolean'
        ? compareNumbers(value ? 1 : 0, literal.value ? 1 : 0)
        : undefined;
    case 'date': {
      if (typeof value !== 'string') return undefined;
      const ms = Date.parse(value);
      return Number.isNaN(ms) ? undefined : compareNumbers(ms, literal.value);
    }
    case 'null':
      return undefined;
  }
}

const likeCache = new Map<string, RegExp>();

function likePattern(pattern: string): RegExp {
  let regex = likeCache.get(pattern);
  if (!regex) {
    const body = pattern
      .split('%')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    regex = new RegExp(`^${body}$`, 'is');
    if (likeCache.size > 500) likeCache.clear();
    likeCache.set(pattern, regex);
  }
  return regex;
}

function isAbsent(value: unknown): boolean {
  return value === null || value === undefined;
}

function scalarMatches(
  value: unknown,
  operator: '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'like',
  literal: ConditionLiteral,
): boolean {
  if (literal.kind === 'null') {
    if (operator === '=') return isAbsent(value);
    if (operator === '!=') return !isAbsent(value);
    return false;
  }
  if (isAbsent(value) || (typeof value === 'object' && value !== null)) return false;
  if (operator === 'contains' || operator === 'like') {
    if (literal.kind !== 'string') return false;
    const text = String(value);
    return operator === 'contains'
      ? lower(text).includes(lower(literal.value))
      : likePattern(literal.value).test(text);
  }
  const order = compareToLiteral(value, literal);
  if (order === undefined) return false;
  switch (operator) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

export function matchesCondition(node: ConditionNode, record: unknown): boolean {
  switch (node.kind) {
    case 'and':
      return matchesCondition(node.left, record) && matchesCondition(node.right, record);
    case 'or':
      return matchesCondition(node.left, record) || matchesCondition(node.right, record);
    case 'not':
      return !matchesCondition(node.operand, record);
    case 'comparison': {
      const values = valuesAtPath(record, node.field);
      return values.some((value) => scalarMatches(value, node.operator, node.value));
    }
    case 'in': {
      const values = valuesAtPath(record, node.field);
      return values.some((value) =>
        node.values.some((literal) => scalarMatches(value, '=', literal)),
      );
    }
  }
}
