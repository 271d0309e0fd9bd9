/**
 * Amounts travel as decimal strings and are compared as such, so "12.50" equals "12.5" and no
 * float arithmetic ever touches money. Number() is applied only to the value about to be sent.
 */

const decimalPattern = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

/** The canonical form of a decimal ("-012.500" → "-12.5", "1e-3" → "0.001"); null: not a decimal. */
export function normalizeDecimal(value: string): string | null {
  const parts = decimalPattern.exec(value);
  if (parts === null) return null;
  const [, sign = '', integerDigits = '', fractionDigits = '', exponent = '0'] = parts;
  if (integerDigits === '' && fractionDigits === '') return null;

  const digits = integerDigits + fractionDigits;
  const pointAt = integerDigits.length + Number(exponent);
  const padded =
    pointAt < 0
      ? '0'.repeat(-pointAt) + digits
      : digits + '0'.repeat(Math.max(0, pointAt - digits.length));
  const pointInPadded = Math.max(pointAt, 0);
  const integerPart = padded.slice(0, pointInPadded).replace(/^0+/, '') || '0';
  const fractionPart = padded.slice(pointInPadded).replace(/0+$/, '');
  const magnitude = fractionPart === '' ? integerPart : `${integerPart}.${fractionPart}`;
  return magnitude === '0' || sign !== '-' ? magnitude : `-${magnitude}`;
}

export function isDecimal(value: string): boolean {
  return normalizeDecimal(value) !== null;
}

/** The canonical decimal of a JSON number as ConnectWise returned it. */
export function decimalOfNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number.`);
  // String() gives the shortest form that reads back as the same number, sometimes with an exponent.
  return normalizeDecimal(String(value)) ?? '0';
}

export function sameDecimal(left: string | number, right: string | number): boolean {
  const canonical = (value: string | number) =>
    typeof value === 'number' ? decimalOfNumber(value) : normalizeDecimal(value);
  const leftDecimal = canonical(left);
  return leftDecimal !== null && leftDecimal === canonical(right);
}

/** The number to send for a decimal string; throws naming `what` when it is not a decimal. */
export function decimalToNumber(value: string, what: string): number {
  const canonical = normalizeDecimal(value);
  const sent = canonical === null ? Number.NaN : Number(canonical);
  if (!Number.isFinite(sent)) {
    throw new RangeError(`The ${what} ${JSON.stringify(value)} is not a decimal number.`);
  }
  return sent;
}
