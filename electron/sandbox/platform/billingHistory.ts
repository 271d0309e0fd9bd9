/**
 * The Platform's billing history: organizations, their contracts and subscriptions, and one
 * invoice per organization per month with its lines, for the last `months` months by invoice
 * date (the current month included).
 *
 * History does not depend on when it is asked for: every subscription is drawn from a random
 * stream keyed by (seed, organization, month it started), so a month's invoice is the same
 * whichever window contains it. Subscriptions live up to `maxLifetimeMonths`, so looking that far
 * back before the window finds every one that is still billed inside it.
 *
 * How charges cover time (invoices are dated the 1st of the month, M):
 * - Cycle Fee, Monthly: the service month M, in advance; the first invoice also charges the
 *   activation month from the activation day; a seat increase during M-1 is charged for the rest
 *   of M-1 (another Cycle Fee), a decrease credited (a Correction with a negative quantity).
 * - Cycle Fee / Item Fee, Quarterly, Annual, Triennial: a term of 3, 12 or 36 months from the
 *   term's start, on the first invoice after the term starts.
 * - Usage Fee: the month before the invoice (from the activation day in the first month).
 * - Item Fee, Monthly: the service month M.
 * - Purchase Fee: once, the term bought (Annual 12 months, Triennial 36) or the purchase day
 *   (One Time). One Time Fee: once, the day of the service.
 * - Correction (credit): the month before the invoice, quantity 1 and a negative unit price.
 */

import { randomStream, type SeededRandom, streamSeed } from '../seededRandom';
import {
  addMonths,
  daysInMonth,
  firstDayOfMonth,
  isoDate,
  lastDayOfMonth,
  monthOf,
  monthOfDay,
  termEnd,
} from './calendarDays';
import { moneyText, proratedCents, quantityText, roundToHundredths } from './decimalAmounts';
import { type OfferPlan, offerCatalog, publicOffer, termMonths } from './offerCatalog';
import { organizationNames } from './organizationNames';
import type {
  ChargeType,
  Contract,
  Currency,
  Invoice,
  InvoiceLine,
  Organization,
  PlatformData,
} from './platformRecords';

export interface BillingHistoryOptions {
  /** Default 1. */
  seed?: number;
  /** Default 300. */
  organizations?: number;
  /** Months of invoices, the current month included; default 15. */
  months?: number;
  /** Decides the current month (UTC); default the system clock. */
  now?: () => Date;
  /** Average invoice lines per organization per month; default 4. */
  linesPerOrganizationPerMonth?: number;
}

export interface BillingHistory extends PlatformData {
  /** The first and last invoice month, `YYYY-MM`. */
  firstMonth: string;
  lastMonth: string;
}

const maxLifetimeMonths = 72;
/** Organizations became customers between these months, well before any window in use. */
const customerSinceFrom = 2012 * 12;
const customerSinceTo = 2019 * 12 + 11;
const subscriptionLabels = [
  'Sales',
  'Finance',
  'Head office',
  'Warehouse',
  'Contractors',
  'R&D',
  '"VIP" users',
  "Owner's devices",
  'Shared mailboxes',
  'Branch Malmö',
];

type Stream = 'organization' | 'arrivals' | 'quantity' | 'change' | 'credit' | 'usage';
const streamIds: Record<Stream, number> = {
  organization: 1,
  arrivals: 2,
  quantity: 3,
  change: 4,
  credit: 5,
  usage: 6,
};

interface OrganizationPlan {
  index: number;
  number: number;
  organization: Organization;
  contracts: { general: Contract; microsoft: Contract; google: Contract | null };
  customerSinceMonth: number;
  /** Relative size: scales how many subscriptions arrive. */
  size: number;
}

interface Subscription {
  id: string;
  name: string;
  offer: OfferPlan;
  contract: Contract;
  /** Distinguishes the subscription's random streams. */
  key: number;
  activationDay: number;
  activationMonth: number;
  /** Months of service (monthly, usage, item), or terms (quarterly, annual, triennial). */
  lifetime: number;
  /** Units at activation, in hundredths. */
  quantity: number;
}

interface Charge {
  chargeType: ChargeType;
  quantity: number;
  unitPriceCents: number;
  unitCostCents: number | null;
  chargeStart: number;
  chargeEnd: number;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function compactMonth(month: number): string {
  return `${Math.floor(month / 12)}${pad((month % 12) + 1, 2)}`;
}

function costOf(offer: OfferPlan, priceCents: number): number | null {
  return offer.costPercent === null ? null : Math.round((priceCents * offer.costPercent) / 100);
}

const europeanLegalForm =
  /\b(GmbH|G\.m\.b\.H\.|AG|AB|Aktiebolag|ApS|Oy|SARL|S\.A\.|SA|S\.A\.S\.|B\.V\.|BV|KG|S\.r\.l\.|Sp\. z o\.o\.)(\s|$)/;
const americanLegalForm = /\b(Inc\.?|LLC|L\.L\.C\.|Corp\.?|Incorporated|Corporation)$/;

function currencyFor(name: string, random: SeededRandom): Currency {
  if (europeanLegalForm.test(name)) return 'EUR';
  if (americanLegalForm.test(name)) return 'USD';
  return random.chance(0.5) ? 'EUR' : 'USD';
}

function planOrganizations(seed: number, count: number): OrganizationPlan[] {
  const names = organizationNames(seed, count);
  let number = 100_000;
  return names.map((name, index) => {
    const random = randomStream(seed, streamIds.organization, index);
    number += random.integer(1, 3);
    const id = `ORG-${number}`;
    const customerSinceMonth = random.integer(customerSinceFrom, customerSinceTo);
    const startDate = isoDate(firstDayOfMonth(customerSinceMonth) + random.integer(0, 27));
    const contract = (sequence: number, contractName: string): Contract => ({
      id: `CTR-${number}-${sequence}`,
      organizationId: id,
      name: contractName,
      startDate,
      endDate: null,
    });
    return {
      index,
      number,
      organization: { id, name, currency: currencyFor(name, random) },
      customerSinceMonth,
      size: random.weighted([
        [0.3, 3],
        [0.6, 3],
        [1, 2],
        [1.8, 1.5],
        [3.2, 0.5],
      ]),
      contracts: {
        general: contract(1, 'Cloud Services Agreement'),
        microsoft: contract(2, 'Microsoft Customer Agreement'),
        google: random.chance(0.3) ? contract(3, 'Google Workspace Reseller Agreement') : null,
      },
    };
  });
}

function subscriptionName(offer: OfferPlan, random: SeededRandom): string {
  return random.chance(0.25)
    ? `${offer.productName} - ${random.pick(subscriptionLabels)}`
    : offer.productName;
}

function newSubscription(
  seed: number,
  org: OrganizationPlan,
  offer: OfferPlan,
  activationDay: number,
  sequence: number,
  random: SeededRandom,
  openEnded: boolean,
): Subscription {
  const activationMonth = monthOfDay(activationDay);
  const term = termMonths[offer.billingCycle];
  const monthsLived =
    1 + Math.min(maxLifetimeMonths - 1, Math.floor(-Math.log(1 - random.next()) * 26));
  const lifetime = openEnded
    ? Number.MAX_SAFE_INTEGER
    : offer.billing === 'purchase' || offer.billing === 'oneTime'
      ? 1
      : term > 1
        ? Math.max(
            1,
            Math.min(Math.floor(maxLifetimeMonths / term), Math.round(monthsLived / term)),
          )
        : monthsLived;
  const units = random.integer(offer.quantity.min, offer.quantity.max);
  return {
    id: `SUB-${org.number}-${compactMonth(activationMonth)}-${sequence}`,
    name: subscriptionName(offer, random),
    offer,
    contract: org.contracts[offer.contract] ?? org.contracts.general,
    key: streamSeed(seed, org.index, activationMonth, sequence),
    activationDay,
    activationMonth,
    lifetime,
    quantity: offer.billing === 'meteredUsage' ? units * 10 : units * 100,
  };
}

/** The offers an organization may buy, by weight. */
function offerChoices(org: OrganizationPlan): Array<readonly [OfferPlan, number]> {
  return offerCatalog
    .filter((offer) => offer.contract !== 'google' || org.contracts.google !== null)
    .map((offer) => [offer, offer.weight] as const);
}

/** Every subscription of an organization that can be billed in months ≤ `lastMonth`. */
function subscriptionsOf(
  seed: number,
  org: OrganizationPlan,
  firstMonth: number,
  lastMonth: number,
  arrivalsPerMonth: number,
): Subscription[] {
  const subscriptions: Subscription[] = [];
  const foundationRandom = randomStream(seed, streamIds.arrivals, org.index, 0);
  const foundationOffers = offerCatalog.filter(
    (offer) => offer.foundation && (offer.contract !== 'google' || org.contracts.google !== null),
  );
  const foundationOffer = foundationRandom.pick(foundationOffers);
  const foundationDay = firstDayOfMonth(org.customerSinceMonth) + foundationRandom.integer(0, 27);
  subscriptions.push(
    newSubscription(seed, org, foundationOffer, foundationDay, 0, foundationRandom, true),
  );

  const choices = offerChoices(org);
  const rate = arrivalsPerMonth * org.size;
  const from = Math.max(org.customerSinceMonth, firstMonth - maxLifetimeMonths);
  for (let month = from; month < lastMonth; month++) {
    const random = randomStream(seed, streamIds.arrivals, org.index, month);
    // Poisson arrivals by inversion: small rates, a handful of draws.
    let arrivals = 0;
    const threshold = Math.exp(-rate);
    let product = random.next();
    while (product > threshold && arrivals < 20) {
      arrivals += 1;
      product *= random.next();
    }
    for (let sequence = 1; sequence <= arrivals; sequence++) {
      const offer = random.weighted(choices);
      const day = firstDayOfMonth(month) + random.integer(0, daysInMonth(month) - 1);
      const subscription = newSubscription(seed, org, offer, day, sequence, random, false);
      if (lastInvoiceMonth(subscription) >= firstMonth) subscriptions.push(subscription);
    }
  }
  return subscriptions;
}

/** The last month whose invoice carries a charge of the subscription. */
function lastInvoiceMonth(subscription: Subscription): number {
  const { offer, lifetime, activationMonth, activationDay } = subscription;
  if (lifetime === Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
  const term = termMonths[offer.billingCycle];
  if (offer.billing === 'purchase' || offer.billing === 'oneTime') return activationMonth + 1;
  if (term > 1) return monthOfDay(addMonths(activationDay, (lifetime - 1) * term)) + 1;
  return activationMonth + lifetime;
}

/** Units in month `month` (hundredths): steady for a few months at a time, never below 1. */
function quantityIn(subscription: Subscription, month: number): number {
  const offset = subscription.key % 4;
  const period = Math.floor((month + offset) / 4);
  const random = randomStream(subscription.key, streamIds.quantity, period);
  const units = subscription.quantity / 100;
  const span = Math.max(1, Math.round(units * 0.15));
  return Math.max(1, Math.round(units) + random.integer(-span, span)) * 100;
}

function chargesIn(subscription: Subscription, month: number, currency: Currency): Charge[] {
  const { offer, activationDay, activationMonth } = subscription;
  if (month <= activationMonth || month > lastInvoiceMonth(subscription)) return [];
  const price = offer.priceCents[currency];
  const charges: Charge[] = [];
  const charge = (
    chargeType: ChargeType,
    quantity: number,
    unitPriceCents: number,
    chargeStart: number,
    chargeEnd: number,
    unitCostCents = costOf(offer, unitPriceCents),
  ) => {
    charges.push({ chargeType, quantity, unitPriceCents, unitCostCents, chargeStart, chargeEnd });
  };
  const previous = month - 1;
  const term = termMonths[offer.billingCycle];

  switch (offer.billing) {
    case 'purchase':
    case 'oneTime': {
      const end = term === 0 ? activationDay : termEnd(activationDay, term);
      const type = offer.billing === 'purchase' ? 'Purchase Fee' : 'One Time Fee';
      charge(type, subscription.quantity, price, activationDay, end);
      return charges;
    }
    case 'usage':
    case 'meteredUsage': {
      const random = randomStream(subscription.key, streamIds.usage, month);
      const start = previous === activationMonth ? activationDay : firstDayOfMonth(previous);
      const share = (lastDayOfMonth(previous) - start + 1) / daysInMonth(previous);
      const swing = 0.6 + random.next() * 0.8;
      if (offer.billing === 'usage') {
        const consumption = Math.max(
          1,
          Math.round(((price * subscription.quantity) / 100) * swing * share),
        );
        charge('Usage Fee', 100, consumption, start, lastDayOfMonth(previous));
      } else {
        const used = Math.max(1, Math.round(subscription.quantity * swing * share));
        charge('Usage Fee', used, price, start, lastDayOfMonth(previous));
      }
      return charges;
    }
    default:
      break;
  }

  const chargeType: ChargeType = offer.billing === 'item' ? 'Item Fee' : 'Cycle Fee';
  if (term > 1) {
    // One charge per term, on the first invoice after the term starts.
    const elapsed = month - 1 - activationMonth;
    const terms = Math.floor(elapsed / term);
    const start = addMonths(activationDay, terms * term);
    if (monthOfDay(start) !== previous || terms >= subscription.lifetime) return charges;
    const quantity =
      offer.billing === 'item' ? subscription.quantity : quantityIn(subscription, month);
    charge(chargeType, quantity, price, start, termEnd(start, term));
    return charges;
  }

  const quantity =
    offer.billing === 'item' ? subscription.quantity : quantityIn(subscription, month);
  if (previous === activationMonth) {
    const days = lastDayOfMonth(previous) - activationDay + 1;
    charge(
      chargeType,
      quantity,
      proratedCents(price, days, daysInMonth(previous)),
      activationDay,
      lastDayOfMonth(previous),
    );
  } else if (offer.billing === 'seat') {
    const before = quantityIn(subscription, previous);
    const random = randomStream(subscription.key, streamIds.change, month);
    if (before !== quantity && random.chance(0.6)) {
      // The seat count changed during the previous month, not at its end.
      const changed = firstDayOfMonth(previous) + random.integer(1, daysInMonth(previous) - 1);
      const days = lastDayOfMonth(previous) - changed + 1;
      const prorated = proratedCents(price, days, daysInMonth(previous));
      const type = quantity > before ? 'Cycle Fee' : 'Correction';
      charge(type, quantity - before, prorated, changed, lastDayOfMonth(previous));
    }
  }
  charge(chargeType, quantity, price, firstDayOfMonth(month), lastDayOfMonth(month));

  const credit = randomStream(subscription.key, streamIds.credit, month);
  if (offer.billing === 'seat' && credit.chance(0.015)) {
    // A service credit for the previous month, a share of what that month cost.
    const percent = credit.integer(5, 25);
    const amount = Math.max(1, Math.round((((price * quantity) / 100) * percent) / 100));
    charge('Correction', 100, -amount, firstDayOfMonth(previous), lastDayOfMonth(previous), null);
  }
  return charges;
}

/** Arrivals per organization-size per month that give about `lines` lines per invoice. */
function arrivalRate(lines: number): number {
  return Math.max(0, (lines - 1.05) / 17.5);
}

export function generateBillingHistory(options: BillingHistoryOptions = {}): BillingHistory {
  const seed = options.seed ?? 1;
  const count = options.organizations ?? 300;
  const months = options.months ?? 15;
  const lines = options.linesPerOrganizationPerMonth ?? 4;
  if (!Number.isInteger(count) || count < 0)
    throw new Error('organizations must be a whole number ≥ 0.');
  if (!Number.isInteger(months) || months < 1)
    throw new Error('months must be a whole number ≥ 1.');
  if (!(lines >= 1)) throw new Error('linesPerOrganizationPerMonth must be at least 1.');
  const lastMonth = monthOf((options.now ?? (() => new Date()))());
  const firstMonth = lastMonth - months + 1;
  const rate = arrivalRate(lines);

  const plans = planOrganizations(seed, count);
  const invoices: Invoice[] = [];
  const invoiceLines: InvoiceLine[] = [];
  const contracts: Contract[] = [];
  // Month-major: invoice ids (and so line ids) sort by month, then organization.
  const subscriptionsByOrganization = plans.map((org) =>
    subscriptionsOf(seed, org, firstMonth, lastMonth, rate),
  );
  for (const org of plans) {
    for (const contract of [org.contracts.general, org.contracts.microsoft, org.contracts.google])
      if (contract) contracts.push(contract);
  }
  for (let month = firstMonth; month <= lastMonth; month++) {
    const invoiceDay = isoDate(firstDayOfMonth(month));
    for (const org of plans) {
      const { organization } = org;
      const invoiceId = `INV-${compactMonth(month)}-${org.number}`;
      let lineNumber = 0;
      let totalTenThousandths = 0;
      for (const subscription of subscriptionsByOrganization[org.index] ?? []) {
        for (const charge of chargesIn(subscription, month, organization.currency)) {
          lineNumber += 1;
          totalTenThousandths += charge.quantity * charge.unitPriceCents;
          invoiceLines.push({
            lineId: `${invoiceId}-${pad(lineNumber, 4)}`,
            invoiceId,
            invoiceDate: invoiceDay,
            organizationId: organization.id,
            organizationName: organization.name,
            contractId: subscription.contract.id,
            currency: organization.currency,
            subscriptionId: subscription.id,
            subscriptionName: subscription.name,
            offerId: subscription.offer.id,
            offerName: subscription.offer.name,
            vendor: subscription.offer.vendor,
            chargeType: charge.chargeType,
            billingCycle: subscription.offer.billingCycle,
            quantity: quantityText(charge.quantity),
            unitPrice: moneyText(charge.unitPriceCents),
            unitCost: charge.unitCostCents === null ? null : moneyText(charge.unitCostCents),
            chargeStart: isoDate(charge.chargeStart),
            chargeEnd: isoDate(charge.chargeEnd),
          });
        }
      }
      if (lineNumber === 0) continue;
      invoices.push({
        id: invoiceId,
        number: `${compactMonth(month)}${pad(org.index + 1, 6)}`,
        invoiceDate: invoiceDay,
        organizationId: organization.id,
        currency: organization.currency,
        total: moneyText(roundToHundredths(totalTenThousandths)),
      });
    }
  }
  return {
    organizations: plans.map((org) => org.organization),
    offers: offerCatalog.map(publicOffer),
    contracts,
    invoices,
    invoiceLines,
    firstMonth: isoDate(firstDayOfMonth(firstMonth)).slice(0, 7),
    lastMonth: isoDate(firstDayOfMonth(lastMonth)).slice(0, 7),
  };
}
