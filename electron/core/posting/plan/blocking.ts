import { isCalendarDate } from '../../charge-dates';
import { isWholeBillingPeriod, spansMoreThanOneCycle } from './billingPeriods';
import { calendarDayOf } from './calendarDays';
import { isDecimal } from './decimalString';
import type { AgreementToCheck, LineToPost, SkippedLine } from './planTypes';
import {
  ambiguousCompanyReason,
  billedEveryCycleReason,
  billingNotStartedReason,
  bundleProductReason,
  cancelledAgreementReason,
  chosenCompanyNotMappedReason,
  currencyMismatchReason,
  doubleProrationReason,
  excludedReason,
  expiredAgreementReason,
  inactiveAgreementReason,
  inactiveProductReason,
  invalidValueReason,
  notMappedReason,
  startAfterEndReason,
} from './reasons';

export interface LineCheckOptions {
  /** No line can be posted before an Agreement Type is configured (product.md §2.2). */
  agreementTypeConfigured: boolean;
}

/** The Company a line bills: its chosen PSA Organization, or the only Company it is mapped to. */
export function companyOfLine(line: LineToPost): number | null {
  if (line.chosenCompanyId !== null) {
    return line.companyIds.includes(line.chosenCompanyId) ? line.chosenCompanyId : null;
  }
  return line.companyIds.length === 1 ? (line.companyIds[0] ?? null) : null;
}

/**
 * Why a line cannot be posted whatever its target: excluded, not mapped, ambiguous Company,
 * unusable product, or values that cannot be sent. Null: the line may go on to its Agreement.
 */
export function reasonToSkipLine(line: LineToPost, options: LineCheckOptions): SkippedLine | null {
  const skip = (status: SkippedLine['status'], reason: string): SkippedLine => ({
    lineId: line.lineId,
    status,
    reason,
  });
  if (line.excluded) return skip('Excluded', excludedReason);

  const missing = {
    organization: line.companyIds.length === 0,
    offer: line.product === null,
    agreementType: !options.agreementTypeConfigured,
  };
  if (missing.organization || missing.offer || missing.agreementType) {
    return skip('Not Mapped', notMappedReason(missing));
  }

  if (line.chosenCompanyId !== null && !line.companyIds.includes(line.chosenCompanyId)) {
    return skip('Needs attention', chosenCompanyNotMappedReason(line.chosenCompanyId));
  }
  if (line.chosenCompanyId === null && line.companyIds.length > 1) {
    return skip('Needs attention', ambiguousCompanyReason(line.companyIds.length));
  }
  if (line.product?.productClass === 'Bundle') return skip('Needs attention', bundleProductReason);
  if (line.product?.inactive) return skip('Needs attention', inactiveProductReason);

  const valueProblem = reasonValuesCannotBeSent(line);
  return valueProblem === null ? null : skip('Needs attention', valueProblem);
}

function reasonValuesCannotBeSent(line: LineToPost): string | null {
  const amounts: Array<[string, string | null]> = [
    ['quantity', line.quantity],
    ['unit price', line.unitPrice],
    ['unit cost', line.unitCost],
  ];
  for (const [field, value] of amounts) {
    if (value !== null && !isDecimal(value)) return invalidValueReason(field, value);
  }
  if (!isCalendarDate(line.chargeStart)) {
    return invalidValueReason('Charge Start Date', line.chargeStart);
  }
  if (!isCalendarDate(line.chargeEnd)) return invalidValueReason('Charge End Date', line.chargeEnd);
  if (line.chargeStart > line.chargeEnd) {
    return startAfterEndReason(line.chargeStart, line.chargeEnd);
  }
  return null;
}

/**
 * Why a line (that passed reasonToSkipLine) cannot be posted onto this Agreement
 * (posting-rules §2.2); null when it can. A null status or currency means ConnectWise did not
 * say, and blocks nothing.
 */
export function reasonToBlockOnAgreement(
  line: LineToPost,
  agreement: AgreementToCheck,
): string | null {
  const name = agreement.name;
  if (agreement.cancelledFlag || agreement.status === 'Cancelled') {
    return cancelledAgreementReason(name);
  }
  if (agreement.status === 'Expired') return expiredAgreementReason(name);
  if (agreement.status !== null && agreement.status !== 'Active') {
    return inactiveAgreementReason(name, agreement.status);
  }
  const billingStart =
    agreement.billingStart === null ? null : calendarDayOf(agreement.billingStart);
  if (billingStart !== null && billingStart > line.chargeStart) {
    return billingNotStartedReason(name, billingStart, line.chargeStart);
  }

  if (agreement.currency !== null && !sameCurrency(agreement.currency, line.currency)) {
    return currencyMismatchReason({
      lineCurrency: line.currency,
      agreementCurrency: agreement.currency,
      agreementName: name,
      isNew: agreement.isNew,
    });
  }

  const charge = {
    agreementName: name,
    billingCycle: agreement.billingCycle ?? '',
    // The End Date rules are chosen per Platform charge type, whatever name is sent.
    chargeType: line.chargeType,
    chargeStart: line.chargeStart,
    chargeEnd: line.chargeEnd,
  };
  if (spansMoreThanOneCycle(line.chargeStart, line.chargeEnd, agreement.billingCycle)) {
    return billedEveryCycleReason(charge);
  }
  if (
    agreement.prorateFlag &&
    !isWholeBillingPeriod(line.chargeStart, line.chargeEnd, agreement.billingCycle)
  ) {
    return doubleProrationReason(charge);
  }
  return null;
}

/** Both checks: the line's own, then those against its target Agreement (null: not known yet). */
export function whyNotPosted(
  line: LineToPost,
  agreement: AgreementToCheck | null,
  options: LineCheckOptions,
): SkippedLine | null {
  const skipped = reasonToSkipLine(line, options);
  if (skipped !== null || agreement === null) return skipped;
  const reason = reasonToBlockOnAgreement(line, agreement);
  return reason === null ? null : { lineId: line.lineId, status: 'Needs attention', reason };
}

export function sameCurrency(left: string, right: string): boolean {
  return left.trim().toUpperCase() === right.trim().toUpperCase();
}
