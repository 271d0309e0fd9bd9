import { toConnectWiseDate } from '../../charge-dates';
import { calendarDayOf } from './calendarDays';
import { decimalToNumber, sameDecimal } from './decimalString';
import type { AdditionValues, FoundAddition, LineToPost } from './planTypes';

/** ConnectWise keeps at most 6000 characters of an Addition's `invoiceDescription`. */
export const invoiceDescriptionMaxLength = 6000;

/** Subscription name + " – " + the charge type's name to send (posting-rules §1.2). */
export function invoiceDescription(
  line: Pick<LineToPost, 'subscriptionName' | 'chargeTypeName'>,
): string {
  return cutToLength(
    `${line.subscriptionName} – ${line.chargeTypeName}`,
    invoiceDescriptionMaxLength,
  );
}

/**
 * The values a line's Addition carries (posting-rules §1.2). Throws when the line has no product
 * or a value that cannot be sent: such lines are skipped before they reach here.
 */
export function additionValues(line: LineToPost): AdditionValues {
  if (line.product === null) {
    throw new Error(`Line ${line.lineId} has no product: it cannot become an Addition.`);
  }
  return {
    productId: line.product.id,
    quantity: decimalToNumber(line.quantity, 'quantity'),
    unitPrice: decimalToNumber(line.unitPrice, 'unit price'),
    unitCost: line.unitCost === null ? null : decimalToNumber(line.unitCost, 'unit cost'),
    effectiveDate: toConnectWiseDate(line.chargeStart),
    cancelledDate: toConnectWiseDate(line.chargeEnd),
    invoiceDescription: invoiceDescription(line),
  };
}

/** The Addition values of a found Addition, without its identity. */
export function valuesOfFound(found: FoundAddition): Partial<AdditionValues> {
  const { id: _id, agreementId: _agreementId, marker: _marker, ...values } = found;
  return values;
}

/**
 * Whether ConnectWise already holds `values`. Amounts compare as decimals, dates by calendar day.
 * A line without a unit cost says nothing about the cost: ConnectWise's own value stands.
 */
export function holdsValues(found: Partial<AdditionValues>, values: AdditionValues): boolean {
  return (
    holdsQuantities(found, values) &&
    sameDay(found.effectiveDate, values.effectiveDate) &&
    sameDay(found.cancelledDate, values.cancelledDate) &&
    found.invoiceDescription === values.invoiceDescription
  );
}

/** Same product, quantity and prices: what "Keep history" keeps a history of. */
export function holdsQuantities(found: Partial<AdditionValues>, values: AdditionValues): boolean {
  return (
    found.productId === values.productId &&
    sameAmount(found.quantity, values.quantity) &&
    sameAmount(found.unitPrice, values.unitPrice) &&
    (values.unitCost === null || sameAmount(found.unitCost, values.unitCost))
  );
}

function sameAmount(found: number | null | undefined, sent: number): boolean {
  return typeof found === 'number' && sameDecimal(found, sent);
}

function sameDay(found: string | undefined, sent: string): boolean {
  return found !== undefined && calendarDayOf(found) === calendarDayOf(sent);
}

/** At most `length` UTF-16 units, never splitting a surrogate pair. */
export function cutToLength(text: string, length: number): string {
  if (text.length <= length) return text;
  const lastKept = text.charCodeAt(length - 1);
  const splitsPair = lastKept >= 0xd800 && lastKept <= 0xdbff;
  return text.slice(0, splitsPair ? length - 1 : length);
}
