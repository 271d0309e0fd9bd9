/**
 * Invoicing, as far as the app meets it: a test "runs an invoice" for an Agreement through a
 * date (`sim.invoice(agreementId, through)`), and from then on the Additions it billed cannot be
 * deleted, and on an Agreement that is not prorated no Addition may take effect inside the
 * invoiced periods (`docs/connectwise.md` §3.5). The API shows none of this except by refusing.
 */
import type { Addition, Agreement } from './connectwiseRecords';

export class Invoicing {
  private readonly throughByAgreement = new Map<number, string>();
  private readonly invoicedAdditions = new Set<number>();

  /**
   * Invoices the agreement's additions that take effect on or before `through` (an addition
   * without an effectiveDate counts from the agreement's billing start). Gives how many.
   */
  invoice(agreement: Agreement, additions: readonly Addition[], through: string): number {
    const until = Date.parse(through);
    const billingStart = agreement.billStartDate ?? agreement.startDate;
    let count = 0;
    for (const addition of additions) {
      if (Date.parse(addition.effectiveDate ?? billingStart) > until) continue;
      this.invoicedAdditions.add(addition.id);
      count++;
    }
    const previous = this.throughByAgreement.get(agreement.id);
    if (previous === undefined || Date.parse(previous) < until) {
      this.throughByAgreement.set(agreement.id, through);
    }
    return count;
  }

  /** The end of the last invoiced period, if the agreement was ever invoiced. */
  invoicedThrough(agreementId: number): string | undefined {
    return this.throughByAgreement.get(agreementId);
  }

  isInvoiced(additionId: number): boolean {
    return this.invoicedAdditions.has(additionId);
  }
}
