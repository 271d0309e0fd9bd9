import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalOfNumber, normalizeDecimal, sameDecimal } from './index';

describe('amounts compared as decimals, never as floats', () => {
  it.each([
    ['12.50', '12.5'],
    ['0012.5000', '12.5'],
    ['10', '10'],
    ['10.000', '10'],
    ['-0.00', '0'],
    ['+3.25', '3.25'],
    ['.5', '0.5'],
    ['1e3', '1000'],
    ['1.5E-3', '0.0015'],
    ['-0.10', '-0.1'],
  ])('reads %s as %s', (value, canonical) => {
    expect(normalizeDecimal(value)).toBe(canonical);
  });

  it.each(['', '.', '-', 'abc', '1,50', '12.5.0', ' 12', '1e', 'Infinity', 'NaN'])(
    'refuses %j',
    (value) => {
      expect(normalizeDecimal(value)).toBeNull();
    },
  );

  it('a price of "12.50" on the line equals 12.5 read back from ConnectWise', () => {
    expect(sameDecimal('12.50', 12.5)).toBe(true);
    expect(sameDecimal('12.50', 12.51)).toBe(false);
  });

  it('tiny and huge numbers from ConnectWise are read without exponents', () => {
    expect(decimalOfNumber(1e-7)).toBe('0.0000001');
    expect(decimalOfNumber(1.5e21)).toBe('1500000000000000000000');
    expect(decimalOfNumber(-0)).toBe('0');
  });

  it('trailing zeros never make two amounts differ', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        (units, scale, zeros) => {
          const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
          const sign = units < 0n ? '-' : '';
          const decimal =
            scale === 0
              ? `${sign}${digits}`
              : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
          const padded = decimal.includes('.')
            ? decimal + '0'.repeat(zeros)
            : `${decimal}.${'0'.repeat(zeros)}`;
          expect(sameDecimal(decimal, zeros === 0 ? decimal : padded)).toBe(true);
          expect(sameDecimal(decimal, Number(decimal))).toBe(true);
        },
      ),
    );
  });
});
