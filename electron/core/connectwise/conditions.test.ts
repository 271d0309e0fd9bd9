import { describe, expect, it } from 'vitest';
import { bracketDate, inConditionsWithin, quoteString, where } from './conditions';

describe('conditions builder', () => {
  it('quotes strings and escapes quotes and backslashes', () => {
    expect(quoteString('Smith & "Sons"')).toBe('"Smith & \\"Sons\\""');
    expect(quoteString('C:\\temp')).toBe('"C:\\\\temp"');
    expect(where.eq('name', 'Müller GmbH')).toBe('name = "Müller GmbH"');
  });

  it('formats dates in brackets, in UTC, to the second', () => {
    expect(bracketDate(new Date('2026-01-31T00:00:00.000Z'))).toBe('[2026-01-31T00:00:00Z]');
    expect(where.gt('_info/lastUpdated', new Date('2026-01-01T12:30:00Z'))).toBe(
      '_info/lastUpdated > [2026-01-01T12:30:00Z]',
    );
  });

  it('writes numbers, booleans, null and nested fields', () => {
    expect(where.eq('company/id', 42)).toBe('company/id = 42');
    expect(where.eq('inactiveFlag', false)).toBe('inactiveFlag = false');
    expect(where.ne('cancelledDate', null)).toBe('cancelledDate != null');
  });

  it('joins with and/or in parentheses and skips empty parts', () => {
    expect(
      where.and(where.eq('a', 1), undefined, where.or(where.eq('b', 'x'), where.like('c', 'y%'))),
    ).toBe('(a = 1) and ((b = "x") or (c like "y%"))');
    expect(where.and(where.eq('a', 1))).toBe('a = 1');
    expect(where.and()).toBe('');
  });

  it('refuses what cannot be a field name, so values never become syntax', () => {
    expect(() => where.eq('name = "x" or 1', 1)).toThrow(/Not a ConnectWise field name/);
    expect(() => where.in('id', [])).toThrow();
    expect(() => where.eq('x', Number.NaN)).toThrow();
  });

  it('splits a long in-list so each encoded condition stays under the limit', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => 100000 + i);
    const chunks = inConditionsWithin('id', ids, 1500, (c) =>
      where.and(where.eq('inactiveFlag', false), c),
    );
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(encodeURIComponent(chunk).length).toBeLessThanOrEqual(1500);
      expect(chunk.startsWith('(inactiveFlag = false) and (id in (')).toBe(true);
    }
    const back = chunks.flatMap((chunk) =>
      (/in \(([^)]*)\)/.exec(chunk)?.[1] ?? '').split(', ').map(Number),
    );
    expect(back).toEqual(ids);
  });
});
