/**
 * Every reason a line is not posted, in the words the Invoices tab shows
 * (docs/posting-rules.md §2.2, docs/product.md §4.3). Written once here so the UI and its tests
 * can use the same text.
 */

export const excludedReason = 'The line or its Organization is excluded from posting.';

export interface MissingMapping {
  organization: boolean;
  offer: boolean;
  agreementType: boolean;
}

export function notMappedReason(missing: MissingMapping): string {
  const sentences: string[] = [];
  if (missing.organization && missing.offer) sentences.push('Map the Organization and the Offer.');
  else if (missing.organization) sentences.push('Map the Organization to a Company.');
  else if (missing.offer) sentences.push('Map the Offer to a Product.');
  if (missing.agreementType) {
    sentences.push('Select an Agreement Type in Settings › Configuration.');
  }
  return sentences.join(' ');
}

export function ambiguousCompanyReason(companyCount: number): string {
  return `The Organization is mapped to ${companyCount} Companies: choose the PSA Organization for this line.`;
}

export function chosenCompanyNotMappedReason(companyId: number): string {
  return `The PSA Organization chosen for this line (Company #${companyId}) is no longer mapped to its Organization: choose the PSA Organization again.`;
}

export const bundleProductReason =
  'The Product is a Bundle, which ConnectWise cannot add to an Agreement: map the Offer to another Product.';

export const inactiveProductReason =
  'The Product is inactive in ConnectWise: map the Offer to an active Product.';

export function invalidValueReason(field: string, value: string): string {
  return `The ${field} ${JSON.stringify(value)} cannot be sent to ConnectWise: load the month again.`;
}

export function startAfterEndReason(chargeStart: string, chargeEnd: string): string {
  return `The Charge Start Date ${chargeStart} is after the Charge End Date ${chargeEnd}: correct the dates.`;
}

export function chosenAgreementNotOfCompanyReason(agreementId: number, companyId: number): string {
  return `The PSA Agreement chosen for this line (#${agreementId}) is not an Agreement of its PSA Organization (Company #${companyId}) in ConnectWise: choose the PSA Agreement again.`;
}

export function noDefaultContactReason(companyId: number): string {
  return `A new Agreement is needed, and Company #${companyId} has no default contact: set one in ConnectWise, or choose an existing PSA Agreement.`;
}

export interface CurrencyMismatch {
  lineCurrency: string;
  agreementCurrency: string;
  agreementName: string;
  /** The Agreement is one the run creates, in the currency of its first line. */
  isNew: boolean;
}

export function currencyMismatchReason(mismatch: CurrencyMismatch): string {
  const agreement = mismatch.isNew
    ? `the new Agreement "${mismatch.agreementName}" will be in ${mismatch.agreementCurrency}, the currency of its first line`
    : `the Agreement "${mismatch.agreementName}" is in ${mismatch.agreementCurrency}`;
  return `This line is in ${mismatch.lineCurrency}, but ${agreement}: choose a PSA Agreement in ${mismatch.lineCurrency}.`;
}

export function cancelledAgreementReason(agreementName: string): string {
  return `The Agreement "${agreementName}" is cancelled in ConnectWise: choose another PSA Agreement.`;
}

export function expiredAgreementReason(agreementName: string): string {
  return `The Agreement "${agreementName}" is expired in ConnectWise: choose another PSA Agreement.`;
}

export function inactiveAgreementReason(agreementName: string, status: string): string {
  return `The Agreement "${agreementName}" is not active in ConnectWise (status "${status}"): choose another PSA Agreement.`;
}

export function billingNotStartedReason(
  agreementName: string,
  billingStart: string,
  chargeStart: string,
): string {
  return `Billing of the Agreement "${agreementName}" starts on ${billingStart}, after this line's Charge Start Date ${chargeStart}: choose another PSA Agreement, or move its billing start in ConnectWise.`;
}

export interface ChargePeriodOnAgreement {
  agreementName: string;
  billingCycle: string;
  chargeType: string;
  chargeStart: string;
  chargeEnd: string;
}

export function billedEveryCycleReason(charge: ChargePeriodOnAgreement): string {
  return `This line's dates (${charge.chargeStart} to ${charge.chargeEnd}) span more than one ${charge.billingCycle} billing cycle of the Agreement "${charge.agreementName}", so ConnectWise would bill it every cycle: add the End Date rule "Last day of invoice month" for "${charge.chargeType}" in Settings › Configuration, or set the end date by hand ("User Updated").`;
}

export function doubleProrationReason(charge: ChargePeriodOnAgreement): string {
  return `The Agreement "${charge.agreementName}" has "Prorate Agreement" on, and this line's dates (${charge.chargeStart} to ${charge.chargeEnd}) are not one whole ${charge.billingCycle} billing period: the Platform prorated the charge already and ConnectWise would prorate it again. Turn "Prorate Agreement" off in ConnectWise, or set the dates to the whole period.`;
}
