import { toConnectWiseDate } from '../../charge-dates';
import { dayBefore, laterDate } from './calendarDays';
import { compareText } from './lineOrder';
import type { Cancellation, VanishedSubscriptionsInput } from './planTypes';

/**
 * The recurring Additions to cancel because their Subscription vanished (posting-rules §4): it is
 * absent from the newest loaded month for its Contract, and its last Platform charge period
 * ended before that month began. The cancelled date is the day before the Contract's first
 * Charge Start Date of that month, or before the month's first day when the Contract has no line
 * then — but never before the last day already charged.
 */
export function vanishedSubscriptions(input: VanishedSubscriptionsInput): Cancellation[] {
  const month = input.newestMonth;
  if (month === null) return [];
  const firstDayOfMonth = `${month.period}-01`;

  const subscriptionsOfContract = new Map<string, Set<string>>();
  const firstStartOfContract = new Map<string, string>();
  for (const line of month.lines) {
    const subscriptions = subscriptionsOfContract.get(line.contractId) ?? new Set<string>();
    subscriptions.add(line.subscriptionId);
    subscriptionsOfContract.set(line.contractId, subscriptions);
    const firstStart = firstStartOfContract.get(line.contractId);
    if (firstStart === undefined || line.chargeStart < firstStart) {
      firstStartOfContract.set(line.contractId, line.chargeStart);
    }
  }

  return input.postedRecurring
    .filter(
      (addition) =>
        !subscriptionsOfContract.get(addition.contractId)?.has(addition.subscriptionId) &&
        addition.lastPlatformChargeEnd < firstDayOfMonth,
    )
    .map((addition) => {
      const cancelledDay = dayBefore(
        firstStartOfContract.get(addition.contractId) ?? firstDayOfMonth,
      );
      return {
        agreementId: addition.agreementId,
        additionId: addition.additionId,
        marker: addition.marker,
        cancelledDate: toConnectWiseDate(laterDate(cancelledDay, addition.lastPlatformChargeEnd)),
        subscriptionName: addition.subscriptionName,
      };
    })
    .sort(
      (left, right) =>
        left.agreementId - right.agreementId ||
        left.additionId - right.additionId ||
        compareText(left.marker, right.marker),
    );
}
