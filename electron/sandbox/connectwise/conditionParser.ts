/**
 * Parses the `conditions` query language of the ConnectWise Manage REST API into a tree:
 *
 *   company/id = 42 and (name like "Contoso%" or name contains "Ltd")
 *   _info/lastUpdated > [2026-01-01T00:00:00Z] and not deletedFlag = true
 *   id in (1, 2, 3) and identifier not in ("A", "B")
 *
 * Comparisons `= != < <= > >=`, `contains`, `like` (`%` wildcard), `in (…)`, `not` (before an
 * expression or before contains/like/in), `and`/`or` (and binds tighter), parentheses. Strings
 * are in double quotes; a `"` inside is written `\"` and a backslash `\\`. Dates are in square
 * brackets. Keywords are case-insensitive. Anything else is a syntax error with its position.
 */

export type ConditionLiteral =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'date'; value: number; text: string };

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'like';

export type ConditionNode =
  | { kind: 'and' | 'or'; left: ConditionNode; right: ConditionNode }
  | { kind: 'not'; operand: ConditionNode }
  | { kind: 'comparison'; field: string; operator: ComparisonOperator; value: ConditionLiteral }
  | { kind: 'in'; field: string; values: ConditionLiteral[] };

export class ConditionSyntaxError extends Error {
  /** 1-based character position in the conditions text. */
  readonly position: number;
  constructor(message: string, position: number) {
    super(`${message} at position ${position}`);
    this.name = 'ConditionSyntaxError';
    this.position = position;
  }
}

type Token =
  | { type: 'word'; text: string; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'number'; value: number; text: string; at: number }
  | { type: 'date'; value: number; text: string; at: number }
  | { type: 'operator'; text: '=' | '!=' | '<' | '<=' | '>' | '>='; at: number }
  | { type: 'punctuation'; text: '(' | ')' | ','; at: number }
  | { type: 'end'; at: number };

const keywords = new Set(['and', 'or', 'not', 'like', 'contains', 'in', 'true', 'false', 'null']);
const datePattern =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function parseDateText(text: string, at: number): number {
  const trimmed = text.trim();
  if (!datePattern.test(trimmed)) {
    throw new ConditionSyntaxError(`"${trimmed}" is not a date like [2026-01-31T00:00:00Z]`, at);
  }
  const withTime = trimmed.length === 10 ? `${trimmed}T00:00:00` : trimmed.replace(' ', 'T');
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(withTime) ? withTime : `${withTime}Z`;
  const value = Date.parse(withZone);
  if (Number.isNaN(value)) throw new ConditionSyntaxError(`"${trimmed}" is not a valid date`, at);
  return value;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    const at = i + 1;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ type: 'punctuation', text: char, at });
      i++;
      continue;
    }
    if (char === '"') {
      let value = '';
      i++;
      let closed = false;
      while (i < text.length) {
        const c = text[i] as string;
        if (c === '\\') {
          const escaped = text[i + 1];
          if (escaped === undefined) break;
          value += escaped;
          i += 2;
          continue;
        }
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        value += c;
        i++;
      }
      if (!closed) throw new ConditionSyntaxError('Unterminated string', at);
      tokens.push({ type: 'string', value, at });
      continue;
    }
    if (char === "'") {
      throw new ConditionSyntaxError('Strings must be in double quotes, not single quotes', at);
    }
    if (char === '[') {
      const close = text.indexOf(']', i);
      if (close === -1) throw new ConditionSyntaxError('Unterminated date (missing "]")', at);
      const inner = text.slice(i + 1, close);
      tokens.push({ type: 'date', value: parseDateText(inner, at), text: inner.trim(), at });
      i = close + 1;
      continue;
    }
    const operator = /^(<=|>=|!=|=|<|>)/.exec(text.slice(i));
    if (operator) {
      tokens.push({
        type: 'operator',
        text: operator[1] as '=' | '!=' | '<' | '<=' | '>' | '>=',
        at,
      });
      i += (operator[1] as string).length;
      continue;
    }
    const number = /^-?\d+(?:\.\d+)?(?![A-Za-z_\d])/.exec(text.slice(i));
    if (number) {
      tokens.push({ type: 'number', value: Number(number[0]), text: number[0], at });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*/.exec(text.slice(i));
    if (word) {
      if (text[i + word[0].length] === '/') {
        throw new ConditionSyntaxError(`Incomplete field path "${word[0]}/"`, at);
      }
      tokens.push({ type: 'word', text: word[0], at });
      i += word[0].length;
      continue;
    }
    throw new ConditionSyntaxError(`Unexpected character "${char}"`, at);
  }
  tokens.push({ type: 'end', at: text.length + 1 });
  return tokens;
}

function describeToken(token: Token): string {
  switch (token.type) {
    case 'end':
      return 'the end of the conditions';
    case 'string':
      return `the string "${token.value}"`;
    case 'number':
      return `the number ${token.text}`;
    case 'date':
      return `the date [${token.text}]`;
    default:
      return `"${token.text}"`;
  }
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private take(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index++;
    return token;
  }

  private isKeyword(token: Token, keyword: string): boolean {
    return token.type === 'word' && token.text.toLowerCase() === keyword;
  }

  parseAll(): ConditionNode {
    const node = this.parseOr();
    const rest = this.peek();
    if (rest.type !== 'end') {
      throw new ConditionSyntaxError(
        `Expected "and", "or" or the end but found ${describeToken(rest)}`,
        rest.at,
      );
    }
    return node;
  }

  private parseOr(): ConditionNode {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), 'or')) {
      this.take();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): ConditionNode {
    let left = this.parseUnary();
    while (this.isKeyword(this.peek(), 'and')) {
      this.take();
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): ConditionNode {
    if (this.isKeyword(this.peek(), 'not')) {
      this.take();
      return { kind: 'not', operand: this.parseUnary() };
    }
    const token = this.peek();
    if (token.type === 'punctuation' && token.text === '(') {
      this.take();
      const inner = this.parseOr();
      const close = this.take();
      if (close.type !== 'punctuation' || close.text !== ')') {
        throw new ConditionSyntaxError(`Expected ")" but found ${describeToken(close)}`, close.at);
      }
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): ConditionNode {
    const fieldToken = this.take();
    if (fieldToken.type !== 'word' || keywords.has(fieldToken.text.toLowerCase())) {
      throw new ConditionSyntaxError(
        `Expected a field name but found ${describeToken(fieldToken)}`,
        fieldToken.at,
      );
    }
    const field = fieldToken.text;
    let negated = false;
    if (this.isKeyword(this.peek(), 'not')) {
      this.take();
      negated = true;
    }
    const operatorToken = this.take();
    let node: ConditionNode;
    if (operatorToken.type === 'operator') {
      if (negated) {
        throw new ConditionSyntaxError(
          `"not" can only come before contains, like or in, not before "${operatorToken.text}"`,
          operatorToken.at,
        );
      }
      node = {
        kind: 'comparison',
        field,
        operator: operatorToken.text,
        value: this.parseLiteral(operatorToken.text),
      };
    } else if (this.isKeyword(operatorToken, 'contains') || this.isKeyword(operatorToken, 'like')) {
      const operator = (operatorToken as { text: string }).text.toLowerCase() as
        | 'contains'
        | 'like';
      const value = this.parseLiteral(operator);
      if (value.kind !== 'string') {
        throw new ConditionSyntaxError(
          `"${operator}" needs a string in double quotes`,
          operatorToken.at,
        );
      }
      node = { kind: 'comparison', field, operator, value };
    } else if (this.isKeyword(operatorToken, 'in')) {
      node = { kind: 'in', field, values: this.parseList() };
    } else {
      throw new ConditionSyntaxError(
        `Expected an operator (=, !=, <, <=, >, >=, contains, like, in) after "${field}" but found ${describeToken(operatorToken)}`,
        operatorToken.at,
      );
    }
    return negated ? { kind: 'not', operand: node } : node;
  }

  private parseList(): ConditionLiteral[] {
    const open = this.take();
    if (open.type !== 'punctuation' || open.text !== '(') {
      throw new ConditionSyntaxError(
        `Expected "(" after "in" but found ${describeToken(open)}`,
        open.at,
      );
    }
    const values: ConditionLiteral[] = [this.parseLiteral('in')];
    for (;;) {
      const next = this.take();
      if (next.type === 'punctuation' && next.text === ')') return values;
      if (next.type !== 'punctuation' || next.text !== ',') {
        throw new ConditionSyntaxError(
          `Expected "," or ")" in the "in" list but found ${describeToken(next)}`,
          next.at,
        );
      }
      values.push(this.parseLiteral('in'));
    }
  }

  private parseLiteral(after: string): ConditionLiteral {
    const token = this.take();
    switch (token.type) {
      case 'string':
        return { kind: 'string', value: token.value };
      case 'number':
        return { kind: 'number', value: token.value };
      case 'date':
        return { kind: 'date', value: token.value, text: token.text };
      case 'word': {
        const word = token.text.toLowerCase();
        if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true' };
        if (word === 'null') return { kind: 'null' };
        throw new ConditionSyntaxError(
          `Expected a value after "${after}" but found ${describeToken(token)} (strings need double quotes)`,
          token.at,
        );
      }
      default:
        throw new ConditionSyntaxError(
          `Expected a value after "${after}" but found ${describeToken(token)}`,
          token.at,
        );
    }
  }
}

/** The parsed tree, or `null` for an empty condition. Throws ConditionSyntaxError. */
export function parseConditions(text: string): ConditionNode | null {
  if (text.trim() === '') return null;
  return new Parser(tokenize(text)).parseAll();
}

/** Every field path the tree mentions, as written. */
export function fieldsOfCondition(node: ConditionNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...fieldsOfCondition(node.left), ...fieldsOfCondition(node.right)];
    case 'not':
      return fieldsOfCondition(node.operand);
    default:
      return [node.field];
  }
}

/** The same tree with every field path replaced (e.g. by its canonical spelling). */
export function renameConditionFields(
  node: ConditionNode,
  rename: (field: string) => string,
): ConditionNode {
  switch (node.kind) {
    case 'and':
    case 'or':
      return {
        kind: node.kind,
        left: renameConditionFields(node.left, rename),
        right: renameConditionFields(node.right, rename),
      };
    case 'not':
      return { kind: 'not', operand: renameConditionFields(node.operand, rename) };
    default:
      return { ...node, field: rename(node.field) };
  }
}
