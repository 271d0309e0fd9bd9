import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typicalLine } from '../tests/support/exportRecords';
import { billingCycles, chargeTypes } from './chargeDateVocabulary';
import { isParsedInvoiceLine, PlatformInvoiceLine } from './platformInvoiceLine';

/** Text near each rule's edges: spaces the schema trims, empty, and one past a length limit. */
const text = (max: number) =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength: 8 }),
    fc.constantFrom('', ' ', 'Contoso', ' Contoso', 'Contoso\u00a0', '\tX', 'X\n', '\ufeffX'),
    fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1), `${'x'.repeat(max)} `),
    fc.constant(null),
    fc.constant(undefined),
    fc.integer(),
  );
const calendarDate = fc.oneof(
  fc.constantFrom(
    '2026-10-01',
    '2026-10-31',
    '2026-02-29',
    '2024-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-1-01',
    ' 2026-10-01',
    '2026-10-01T00:00',
    '10/01/2026',
    '',
  ),
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
);
const decimal = fc.oneof(
  fc.constantFrom('1', '-0', '12.50', '1.', '.5', '+1', '1e3', '1,5', ' 1', '0x10', ''),
  fc.constantFrom<unknown>(12, 1.5, Object('1')),
  fc.constantFrom('9'.repeat(15), '9'.repeat(16), `1.${'0'.repeat(10)}`, `1.${'0'.repeat(11)}`),
  fc.double({ noNaN: true }).map(String),
);
const chosen = (values: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...values),
    fc.constantFrom(...values).map((value) => value.toLowerCase()),
    fc.constantFrom(...values).map((value) => ` ${value}`),
  );

const validText = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter((value) => value.trim() === value && value !== '');
const validDate = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const validDecimal = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.nat({ max: 99 }))
  .map(([negative, whole, cents]) => `${negative ? '-' : ''}${whole}.${cents}`);

/** A line the schema takes, from the values each field may have. */
const validLine = fc.record({
  lineId: validText,
  invoiceId: validText,
  invoiceDate: validDate,
  organizationId: validText,
  organizationName: validText,
  contractId: validText,
  currency: fc.constantFrom('EUR', 'USD', 'GBP'),
  subscriptionId: validText,
  subscriptionName: validText,
  offerId: validText,
  offerName: validText,
  vendor: fc.oneof(validText, fc.constant(null), fc.constant('')),
  chargeType: fc.constantFrom(...chargeTypes),
  billingCycle: fc.constantFrom(...billingCycles),
  quantity: validDecimal,
  unitPrice: validDecimal,
  unitCost: fc.oneof(validDecimal, fc.constant(null)),
  chargeStart: fc.constant('2020-01-01'),
  chargeEnd: validDate,
});

/** For each field, values at and past the edges of its rules. */
const edgeValues: Record<string, fc.Arbitrary<unknown>> = {
  lineId: text(100),
  invoiceId: text(100),
  invoiceDate: calendarDate,
  organizationId: text(100),
  organizationName: text(200),
  contractId: text(100),
  currency: fc.constantFrom<unknown>(
    'EUR',
    'USD',
    'eur',
    'EURO',
    'EU',
    ' EUR',
    'ÉUR',
    '',
    null,
    123,
    Object('EUR'),
  ),
  subscriptionId: text(100),
  subscriptionName: text(500),
  offerId: text(100),
  offerName: text(500),
  vendor: text(200),
  chargeType: chosen(chargeTypes),
  billingCycle: chosen(billingCycles),
  quantity: decimal,
  unitPrice: decimal,
  unitCost: fc.oneof(decimal, fc.constant(null)),
  chargeStart: calendarDate,
  chargeEnd: calendarDate,
};

const shapes = [
  'as it is',
  'a key added',
  'a field left out',
  'a field inherited',
  'a field not enumerable',
  'a field not enumerable, a key added',
  'a symbol key',
  'no prototype',
  'an array',
  'a class instance',
] as const;

/** The candidate in one of the shapes an object may have beyond its values. */
function shaped(
  line: Record<string, unknown>,
  shape: (typeof shapes)[number],
  field: string,
): Record<string, unknown> {
  const { [field]: fieldValue, ...rest } = line;
  switch (shape) {
    case 'as it is':
      return line;
    case 'a key added':
      return { ...line, extra: 'x' };
    case 'a field left out':
      return rest;
    case 'a field inherited':
      return Object.assign(Object.create({ [field]: fieldValue }), rest, { extra: 'x' });
    case 'a field not enumerable':
      return Object.defineProperty({ ...rest }, field, { value: fieldValue });
    case 'a field not enumerable, a key added':
      return Object.defineProperty({ ...rest, extra: 'x' }, field, { value: fieldValue });
    case 'a symbol key':
      return { ...line, [Symbol('extra')]: 'x' };
    case 'no prototype':
      return Object.assign(Object.create(null), line);
    case 'an array':
      return Object.assign([], line);
    case 'a class instance':
      return Object.assign(new (class Line {})(), line);
  }
}

/** A line the schema takes with up to three fields changed, in one of those shapes. */
const candidate = fc
  .tuple(
    validLine,
    fc.record(edgeValues),
    fc.subarray(Object.keys(edgeValues), { maxLength: 3 }),
    fc.constantFrom(...shapes),
    fc.constantFrom(...Object.keys(edgeValues)),
  )
  .map(([line, edges, changed, shape, field]) => {
    const value: Record<string, unknown> = { ...line };
    for (const name of changed) value[name] = edges[name];
    return shaped(value, shape, field);
  });

/**
 * The schema returns the candidate as it is: a plain object, as its result is, with the same own
 * keys, each enumerable and a name (no symbol), and the same values.
 */
function parsedUnchanged(value: Record<string, unknown>): boolean {
  const parsed = PlatformInvoiceLine.safeParse(value);
  if (!parsed.success) return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const ownKeys = Reflect.ownKeys(value);
  const parsedLine = parsed.data as Record<string, unknown>;
  return (
    ownKeys.length === Object.keys(parsedLine).length &&
    ownKeys.every(
      (key) =>
        typeof key === 'string' &&
        Object.prototype.propertyIsEnumerable.call(value, key) &&
        Object.is(parsedLine[key], value[key]),
    )
  );
}

describe('checking an invoice line without the schema', () => {
  it('says a line is parsed exactly when the schema would return it unchanged', () => {
    const verdicts = new Set<boolean>();
    fc.assert(
      fc.property(candidate, (value) => {
        const verdict = parsedUnchanged(value);
        verdicts.add(verdict);
        expect(isParsedInvoiceLine(value)).toBe(verdict);
      }),
      { numRuns: 20_000 },
    );
    expect([...verdicts].sort()).toEqual([false, true]);
  });

  it('takes an ordinary line, and sends each broken rule to the schema', () => {
    const line = typicalLine('L1', '2026-10');
    expect(isParsedInvoiceLine(line)).toBe(true);
    for (const broken of [
      { lineId: ' L1' },
      { organizationName: 'x'.repeat(201) },
      { currency: 'eur' },
      { vendor: 'Microsoft ' },
      { chargeType: 'cycle fee' },
      { quantity: '1.' },
      { unitCost: '1'.repeat(16) },
      { chargeStart: '2026-02-30' },
      { chargeStart: '2026-10-02', chargeEnd: '2026-10-01' },
    ]) {
      const value = { ...line, ...broken };
      expect(isParsedInvoiceLine(value), JSON.stringify(broken)).toBe(false);
      expect(parsedUnchanged(value), JSON.stringify(broken)).toBe(false);
    }
  });
});
