import type { BillingCycle, ChargeType } from '@shared/chargeDateVocabulary';
import type { CalendarDate } from './calendarDate';

/** What the rules need of an invoice line: the Platform's values as they came. */
export interface LineForDates {
  chargeType: ChargeType;
  billingCycle: BillingCycle;
  invoiceDate: CalendarDate;
  chargeStart: CalendarDate;
  /** The last day covered, inclusive. */
  chargeEnd: CalendarDate;
}
