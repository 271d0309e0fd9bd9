/**
 * What the Platform sells: Microsoft 365 and Azure, Google Workspace, security, backup and the
 * Platform's own services, each offer with its SKU id, term and list prices in both currencies.
 * How an offer is billed (`billing`) decides its charge type:
 * seat → Cycle Fee, usage → Usage Fee, item → Item Fee, purchase → Purchase Fee,
 * oneTime → One Time Fee; seat count drops and credits give Corrections.
 */
import type { BillingCycle, Currency, Offer, OfferCategory } from './platformRecords';

export type OfferBilling = 'seat' | 'usage' | 'meteredUsage' | 'item' | 'purchase' | 'oneTime';
export type ContractKind = 'microsoft' | 'google' | 'general';

export interface OfferPlan extends Offer {
  billing: OfferBilling;
  /** The subscription name without the term, e.g. "Microsoft 365 Business Premium". */
  productName: string;
  /** List price per unit in cents, per currency. For usage: a typical month's consumption. */
  priceCents: Record<Currency, number>;
  /** Cost as a share of the price in percent; null when the Platform reports no cost. */
  costPercent: number | null;
  contract: ContractKind;
  /** Relative chance of being picked for a new subscription. */
  weight: number;
  /** Quantity range of a new subscription (whole units; metered usage in hundredths). */
  quantity: { min: number; max: number };
  /** May be an organization's first, never-ending subscription. */
  foundation?: boolean;
}

/** Months one charge covers, by billing cycle; One Time covers a single day. */
export const termMonths: Record<BillingCycle, number> = {
  Monthly: 1,
  Quarterly: 3,
  Annual: 12,
  Triennial: 36,
  'One Time': 0,
};

type Row = [
  id: string,
  productName: string,
  term: string,
  vendor: string | null,
  category: OfferCategory,
  billingCycle: BillingCycle,
  billing: OfferBilling,
  usdCents: number,
  eurCents: number,
  costPercent: number | null,
  weight: number,
  quantity: [number, number],
];

// biome-ignore format: one offer per row reads as a price list
const rows: Row[] = [
  ['CFQ7TTC0LH18:0001:P1M', 'Microsoft 365 Business Basic', 'Monthly', 'Microsoft', 'Licensing', 'Monthly', 'seat', 720, 670, 85, 6, [1, 40]],
  ['CFQ7TTC0LH18:0001:P1Y', 'Microsoft 365 Business Basic', 'Annual', 'Microsoft', 'Licensing', 'Annual', 'seat', 7200, 6720, 85, 3, [1, 40]],
  ['CFQ7TTC0LDPB:0001:P1M', 'Microsoft 365 Business Standard', 'Monthly', 'Microsoft', 'Licensing', 'Monthly', 'seat', 1500, 1410, 85, 6, [1, 30]],
  ['CFQ7TTC0LDPB:0001:P1Y', 'Microsoft 365 Business Standard', 'Annual', 'Microsoft', 'Licensing', 'Annual', 'seat', 15000, 14040, 85, 3, [1, 30]],
  ['CFQ7TTC0LCHC:0002:P1M', 'Microsoft 365 Business Premium', 'Monthly', 'Microsoft', 'Licensing', 'Monthly', 'seat', 2640, 2470, 85, 6, [1, 30]],
  ['CFQ7TTC0LCHC:0002:P1Y', 'Microsoft 365 Business Premium', 'Annual', 'Microsoft', 'Licensing', 'Annual', 'seat', 26400, 24720, 85, 3, [1, 30]],
  ['CFQ7TTC0LFLX:0001:P1Y', 'Microsoft 365 E3', 'Annual', 'Microsoft', 'Licensing', 'Annual', 'seat', 43200, 40440, 85, 1.5, [5, 60]],
  ['CFQ7TTC0LFLX:0001:P3Y', 'Microsoft 365 E3', 'Triennial', 'Microsoft', 'Licensing', 'Triennial', 'seat', 129600, 121320, 85, 0.8, [5, 60]],
  ['CFQ7TTC0LFLZ:0002:P1M', 'Microsoft 365 E5', 'Monthly', 'Microsoft', 'Licensing', 'Monthly', 'seat', 6840, 6400, 85, 1, [1, 20]],
  ['CFQ7TTC0LH16:0001:P1M', 'Exchange Online (Plan 1)', 'Monthly', 'Microsoft', 'Licensing', 'Monthly', 'seat', 480, 450, 85, 3, [1, 25]],
  ['CFQ7TTC0RM8K:0001:P1M', 'Microsoft Teams Essentials', 'Monthly', 'Microsoft', 'Licensing', 'Monthly', 'seat', 480, 450, 85, 2, [1, 25]],
  ['CFQ7TTC0MM8R:0001:P1Y', 'Microsoft 365 Copilot', 'Annual', 'Microsoft', 'Licensing', 'Annual', 'seat', 36000, 33700, 85, 1, [1, 10]],
  ['CFQ7TTC0LHSF:0001:P1M', 'Microsoft Defender for Business', 'Monthly', 'Microsoft', 'Security', 'Monthly', 'seat', 360, 340, 85, 2, [1, 40]],
  ['CFQ7TTC0LFK5:0001:P1M', 'Microsoft Entra ID P1', 'Monthly', 'Microsoft', 'Security', 'Monthly', 'seat', 720, 670, 85, 2, [1, 40]],
  ['CFQ7TTC0LHS5:0001:P1M', 'Microsoft 365 Extra File Storage (per GB)', 'Monthly', 'Microsoft', 'Licensing', 'Monthly', 'item', 20, 19, 85, 1.2, [10, 500]],
  ['DZH318Z0BPS6:0001', 'Azure plan', '', 'Microsoft', 'Cloud', 'Monthly', 'usage', 60000, 56000, 90, 3, [1, 1]],
  ['DZH318Z0BQ3Q:0001:P1Y', 'Azure Reserved VM Instance D2s v5 (1 year)', '', 'Microsoft', 'Cloud', 'Annual', 'purchase', 98000, 91700, 92, 1.2, [1, 4]],
  ['DZH318Z0BQ4T:0002:P3Y', 'Azure Reserved VM Instance D4s v5 (3 years)', '', 'Microsoft', 'Cloud', 'Triennial', 'purchase', 412000, 385000, 92, 0.8, [1, 2]],
  ['DG7GMGF0D7FV:0006', 'Windows Server 2022 Standard - 16 Core License', 'Perpetual', 'Microsoft', 'Licensing', 'One Time', 'purchase', 110000, 103000, 88, 1, [1, 3]],
  ['GWS-BSTARTER-FLEX', 'Google Workspace Business Starter', 'Flexible', 'Google', 'Licensing', 'Monthly', 'seat', 840, 780, 80, 2.5, [1, 30]],
  ['GWS-BSTANDARD-ANNUAL', 'Google Workspace Business Standard', 'Annual', 'Google', 'Licensing', 'Annual', 'seat', 14400, 13440, 80, 1.5, [1, 30]],
  ['GWS-BPLUS-FLEX', 'Google Workspace Business Plus', 'Flexible', 'Google', 'Licensing', 'Monthly', 'seat', 2640, 2460, 80, 1, [1, 20]],
  ['GWS-STORAGE-10TB', 'Google Workspace Additional Storage (10 TB)', 'Monthly', 'Google', 'Licensing', 'Monthly', 'item', 30000, 28000, 80, 0.5, [1, 2]],
  ['S1-COMPLETE-EP', 'SentinelOne Singularity Complete (per endpoint)', 'Monthly', 'SentinelOne', 'Security', 'Monthly', 'seat', 900, 840, 70, 2, [3, 80]],
  ['BD-GZ-BS-Q', 'Bitdefender GravityZone Business Security', 'Quarterly', 'Bitdefender', 'Security', 'Quarterly', 'seat', 1050, 990, 72, 1.5, [3, 80]],
  ['PP-ESS-ADV', 'Proofpoint Essentials Advanced (per user)', 'Monthly', 'Proofpoint', 'Security', 'Monthly', 'seat', 450, 420, 75, 1.5, [1, 40]],
  ['KB4-SAT-1Y', 'KnowBe4 Security Awareness Training', 'Annual', 'KnowBe4', 'Security', 'Annual', 'seat', 2400, 2240, 70, 1, [5, 60]],
  ['KEEPER-BIZ-1Y', 'Keeper Business', 'Annual', 'Keeper Security', 'Security', 'Annual', 'seat', 4500, 4200, 70, 0.8, [1, 30]],
  ['ACR-CP-WKLD', 'Acronis Cyber Protect Cloud (per workload)', 'Monthly', 'Acronis', 'Backup', 'Monthly', 'seat', 1200, 1120, 65, 2, [1, 30]],
  ['ACR-CP-STOR-TB', 'Acronis Cloud Storage "Hot" (per TB)', 'Monthly', 'Acronis', 'Backup', 'Monthly', 'meteredUsage', 4500, 4200, 60, 1.2, [10, 2000]],
  ['VEEAM-VBM365-Q', 'Veeam Backup for Microsoft 365 (per user)', 'Quarterly', 'Veeam', 'Backup', 'Quarterly', 'seat', 600, 560, 70, 1, [5, 60]],
  ['DROPSUITE-M365', 'Dropsuite Microsoft 365 Backup (per mailbox)', 'Monthly', 'Dropsuite', 'Backup', 'Monthly', 'seat', 300, 280, 70, 1, [1, 40]],
  ['PLT-ONBOARD', 'Onboarding & Migration Service', 'One Time', null, 'Services', 'One Time', 'oneTime', 50000, 47000, null, 2, [1, 1]],
  ['PLT-SUPPORT-PREM', 'Premium Support Plan (per tenant)', 'Monthly', null, 'Services', 'Monthly', 'item', 9900, 9200, null, 0.8, [1, 1]],
  ['PLT-DOMAIN-COM', 'Domain Registration (.com)', 'Annual', 'Tucows', 'Services', 'Annual', 'item', 1800, 1700, 60, 0.8, [1, 3]],
  ['PLT-SSL-DV-3Y', 'SSL Certificate DV', 'Triennial', 'Sectigo', 'Security', 'Triennial', 'item', 12000, 11200, 55, 0.4, [1, 2]],
];

const foundationOfferIds = new Set([
  'CFQ7TTC0LH18:0001:P1M',
  'CFQ7TTC0LDPB:0001:P1M',
  'CFQ7TTC0LCHC:0002:P1M',
  'CFQ7TTC0LH16:0001:P1M',
  'GWS-BSTARTER-FLEX',
]);

function contractKind(vendor: string | null): ContractKind {
  if (vendor === 'Microsoft') return 'microsoft';
  if (vendor === 'Google') return 'google';
  return 'general';
}

/** Every offer, sorted by id (the order `GET /v1/offers` pages in). */
export const offerCatalog: readonly OfferPlan[] = rows
  .map(
    ([
      id,
      productName,
      term,
      vendor,
      category,
      billingCycle,
      billing,
      usdCents,
      eurCents,
      costPercent,
      weight,
      [min, max],
    ]): OfferPlan => ({
      id,
      name: term ? `${productName} (${term})` : productName,
      vendor,
      category,
      billingCycle,
      billing,
      productName,
      priceCents: { USD: usdCents, EUR: eurCents },
      costPercent,
      contract: contractKind(vendor),
      weight,
      quantity: { min, max },
      foundation: foundationOfferIds.has(id),
    }),
  )
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The public part of an offer, as the API serves it. */
export function publicOffer(plan: OfferPlan): Offer {
  return {
    id: plan.id,
    name: plan.name,
    vendor: plan.vendor,
    category: plan.category,
    billingCycle: plan.billingCycle,
  };
}
