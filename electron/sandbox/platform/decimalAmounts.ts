/**
 * Money and quantities are generated as whole hundredths (cents, hundredths of a unit) and only
 * turned into decimal strings at the edge, so no float ever touches an amount.
 */

function hundredthsParts(hundredths: number): { sign: string; whole: number; fraction: number } {
  if (!Number.isSafeInteger(hundredths)) throw new Error(`Not whole hundredths: ${hundredths}`);
  const magnitude = Math.abs(hundredths);
  return {
    sign: hundredths < 0 ? '-' : '',
    whole: Math.floor(magnitude / 100),
    fraction: magnitude % 100,
  };
}

/** Money with exactly two decimals: 1250 → "12.50", -5 → "-0.05". */
export function moneyText(cents: number): string {
  const { sign, whole, fraction } = hundredthsParts(cents);
  return `${sign}${whole}.${String(fraction).padStart(2, '0')}`;
}

/** A quantity with 0–2 decimals: 300 → "3", 250 → "2.5", 275 → "2.75", -100 → "-1". */
export function quantityText(hundredths: number): string {
  const { sign, whole, fraction } = hundredthsParts(hundredths);
  if (fraction === 0) return `${sign}${whole}`;
  if (fraction % 10 === 0) return `${sign}${whole}.${fraction / 10}`;
  return `${sign}${whole}.${String(fraction).padStart(2, '0')}`;
}

/** Rounds a value given in ten-thousandths to whole hundredths, half away from zero. */
export function roundToHundredths(tenThousandths: number): number {
  const rounded = Math.floor((Math.abs(tenThousandths) + 50) / 100);
  return tenThousandths < 0 ? -rounded : rounded;
}

/** `cents × part / whole`, rounded half away from zero: a price for part of a period. */
export function proratedCents(cents: number, part: number, whole: number): number {
  const magnitude = Math.round((Math.abs(cents) * part) / whole);
  return cents < 0 ? -magnitude : magnitude;
}
