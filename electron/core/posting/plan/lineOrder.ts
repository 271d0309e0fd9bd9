const digitsOnly = /^\d+$/;

/**
 * A total order on line ids: numeric ids first, in numeric order ("9" before "10"), then every
 * other id by its UTF-16 code units. Used wherever the rules say "by line id order".
 */
export function compareLineIds(left: string, right: string): number {
  const leftNumeric = digitsOnly.test(left);
  const rightNumeric = digitsOnly.test(right);
  if (leftNumeric !== rightNumeric) return leftNumeric ? -1 : 1;
  if (leftNumeric && left.length !== right.length) return left.length - right.length;
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

export function byLineId<T extends { lineId: string }>(lines: readonly T[]): T[] {
  return [...lines].sort((left, right) => compareLineIds(left.lineId, right.lineId));
}

/** Plain UTF-16 order, the same on every machine (no locale). */
export function compareText(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
