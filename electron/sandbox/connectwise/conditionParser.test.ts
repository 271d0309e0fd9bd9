import { describe, expect, it } from 'vitest';
import { matchesCondition } from './conditionMatcher';
import { type ConditionNode, ConditionSyntaxError, parseConditions } from './conditionParser';

function parse(text: string): ConditionNode {
  const node = parseConditions(text);
  if (!node) throw new Error('expected a condition');
  return node;
}

function matches(text: string, record: unknown): boolean {
  return matchesCondition(parse(text), record);
}

function syntaxError(text: string): ConditionSyntaxError {
  try {
    parseConditions(text);
  } catch (error) {
    if (error instanceof ConditionSyntaxError) return error;
    throw error;
  }
  throw new Error(`"${text}" parsed but should not have`);
}

describe('conditions parser', () => {
  it('reads every comparison operator', () => {
    for (const operator of ['=', '!=', '<', '<=', '>', '>=']) {
      expect(parse(`id ${operator} 5`)).toEqual({
        kind: 'comparison',
        field: 'id',
        operator,
        value: { kind: 'number', value: 5 },
      });
    }
    expect(parse('id=5')).toEqual(parse('id = 5'));
  });

  it('reads strings with escaped quotes and backslashes', () => {
    expect(parse('name = "The \\"Smith & Jones\\" Partnership"')).toEqual({
      kind: 'comparison',
      field: 'name',
      operator: '=',
      value: { kind: 'string', value: 'The "Smith & Jones" Partnership' },
    });
    expect(parse('name = "back\\\\slash"')).toMatchObject({ value: { value: 'back\\slash' } });
    expect(parse('name = "O\'Brien\'s"')).toMatchObject({ value: { value: "O'Brien's" } });
  });

  it('reads numbers, booleans, null and bracketed dates', () => {
    expect(parse('unitPrice >= -12.5')).toMatchObject({ value: { kind: 'number', value: -12.5 } });
    expect(parse('deletedFlag = TRUE')).toMatchObject({ value: { kind: 'boolean', value: true } });
    expect(parse('endDate = null')).toMatchObject({ value: { kind: 'null' } });
    expect(parse('_info/lastUpdated > [2026-01-01T00:00:00Z]')).toMatchObject({
      field: '_info/lastUpdated',
      value: { kind: 'date', value: Date.parse('2026-01-01T00:00:00Z') },
    });
    expect(parse('startDate < [2026-02-01]')).toMatchObject({
      value: { kind: 'date', value: Date.parse('2026-02-01T00:00:00Z') },
    });
  });

  it('binds and tighter than or, and honours parentheses', () => {
    expect(parse('a = 1 or b = 2 and c = 3')).toMatchObject({
      kind: 'or',
      right: { kind: 'and' },
    });
    expect(parse('(a = 1 or b = 2) and c = 3')).toMatchObject({
      kind: 'and',
      left: { kind: 'or' },
    });
  });

  it('reads keywords in any case, not before an expression and before contains/like/in', () => {
    expect(parse('NOT name LIKE "a%" AND id IN (1, 2)')).toMatchObject({
      kind: 'and',
      left: { kind: 'not', operand: { kind: 'comparison', operator: 'like' } },
      right: { kind: 'in', values: [{ value: 1 }, { value: 2 }] },
    });
    expect(parse('name not contains "x"')).toMatchObject({
      kind: 'not',
      operand: { operator: 'contains' },
    });
    expect(parse('identifier Not In ("A", "B")')).toMatchObject({
      kind: 'not',
      operand: { kind: 'in' },
    });
  });

  it('treats an empty condition as no condition', () => {
    expect(parseConditions('   ')).toBeNull();
  });

  it('rejects what it cannot read, naming the problem and its position', () => {
    expect(syntaxError('name = "unterminated').message).toMatch(
      /Unterminated string at position 8/,
    );
    expect(syntaxError('name =').message).toMatch(/Expected a value after "=".*end/);
    expect(syntaxError("name = 'single'").message).toMatch(/double quotes/);
    expect(syntaxError('name == "x"').message).toMatch(/Expected a value/);
    expect(syntaxError('name = Contoso').message).toMatch(/strings need double quotes/);
    expect(syntaxError('id = 1 id = 2').message).toMatch(/Expected "and", "or" or the end/);
    expect(syntaxError('(id = 1').message).toMatch(/Expected "\)"/);
    expect(syntaxError('id in ()').message).toMatch(/Expected a value after "in"/);
    expect(syntaxError('id in (1 2)').message).toMatch(/Expected "," or "\)"/);
    expect(syntaxError('name like 5').message).toMatch(/"like" needs a string/);
    expect(syntaxError('lastUpdated > [yesterday]').message).toMatch(/not a date/);
    expect(syntaxError('name not = "x"').message).toMatch(/"not" can only come before/);
    expect(syntaxError('company/ = 1').message).toMatch(/Incomplete field path/);
    expect(syntaxError('id = 1 & id = 2').message).toMatch(/Unexpected character "&"/);
    expect(syntaxError('and = 1').message).toMatch(/Expected a field name/);
    expect(syntaxError('id = 1 )').position).toBe(8);
  });
});

describe('conditions matcher', () => {
  const company = {
    id: 42,
    name: 'The "Smith & Jones" Partnership',
    identifier: 'SmithJones',
    deletedFlag: false,
    addressLine2: null,
    company: { id: 7, name: 'Parent' },
    types: [
      { id: 1, name: 'Client' },
      { id: 5, name: 'Partner' },
    ],
    _info: { lastUpdated: '2026-01-10T08:00:00Z' },
  };

  it('compares strings without regard to case', () => {
    expect(matches('name = "the \\"smith & jones\\" partnership"', company)).toBe(true);
    expect(matches('identifier != "SMITHJONES"', company)).toBe(false);
    expect(matches('identifier > "Smith"', company)).toBe(true);
  });

  it('matches like with % wildcards and contains as a substring', () => {
    expect(matches('name like "%jones%"', company)).toBe(true);
    expect(matches('name like "The%"', company)).toBe(true);
    expect(matches('name like "Smith%"', company)).toBe(false);
    expect(matches('name like "The \\"Smith & Jones\\" Partnership"', company)).toBe(true);
    expect(matches('name contains "& JONES"', company)).toBe(true);
  });

  it('matches in lists, nested fields, dates and booleans', () => {
    expect(matches('id in (1, 42, 99)', company)).toBe(true);
    expect(matches('id not in (1, 42)', company)).toBe(false);
    expect(matches('company/id = 7', company)).toBe(true);
    expect(matches('_info/lastUpdated > [2026-01-01T00:00:00Z]', company)).toBe(true);
    expect(matches('_info/lastUpdated < [2026-01-10T08:00:00Z]', company)).toBe(false);
    expect(matches('deletedFlag = false', company)).toBe(true);
  });

  it('gives null the SQL meaning: only "= null" matches it', () => {
    expect(matches('addressLine2 = null', company)).toBe(true);
    expect(matches('addressLine2 != null', company)).toBe(false);
    expect(matches('addressLine2 != "x"', company)).toBe(false);
    expect(matches('identifier != null', company)).toBe(true);
  });

  it('combines and, or, not and parentheses', () => {
    expect(matches('(id = 1 or id = 42) and not deletedFlag = true', company)).toBe(true);
    expect(matches('id = 1 or id = 2 and id = 42', company)).toBe(false);
    expect(matches('not (id = 1 or name contains "jones")', company)).toBe(false);
  });

  it('matches a path through a list when any element matches', () => {
    expect(matches('types/name = "Partner"', company)).toBe(true);
    expect(matches('types/id = 3', company)).toBe(false);
  });
});
