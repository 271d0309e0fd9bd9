/**
 * What the posting plan works on and what it produces (docs/posting-rules.md). The plan is pure:
 * the engine gathers these inputs (from the app's tables and from ConnectWise), asks the plan
 * what to do, and the preview shows exactly the same plan, so the two can never disagree.
 */
import type { BillingCycle, ChargeType } from '@shared/chargeDateVocabulary';

/** A line as a run sees it: its values to send, and what Mapping and the Invoices tab decided. */
export interface LineToPost {
  lineId: string;
  /** `YYYY-MM`: the invoice month. */
  period: string;
  invoiceDate: string;
  organizationId: string;
  organizationName: string;
  contractId: string;
  /** ISO 4217 code. */
  currency: string;
  subscriptionId: string;
  subscriptionName: string;
  chargeType: ChargeType;
  /** The charge type's name to send: its custom name when one is configured. */
  chargeTypeName: string;
  billingCycle: BillingCycle;
  /** Decimal strings with "." (never floats). */
  quantity: string;
  unitPrice: string;
  unitCost: string | null;
  /** The dates to send, as the Invoices tab shows them (rules, then the user's edits). */
  chargeStart: string;
  chargeEnd: string;
  /** The Companies the line's Organization is mapped to (empty: not mapped). */
  companyIds: number[];
  /** The line's "PSA Organization", chosen on the Invoices tab; null: not chosen. */
  chosenCompanyId: number | null;
  /** The line's "PSA Agreement", chosen on the Invoices tab; null: found or created by the rules. */
  chosenAgreementId: number | null;
  /** The catalog item its Offer is mapped to; null: not mapped. */
  product: {
    id: number;
    identifier: string;
    productClass: string | null;
    inactive: boolean;
  } | null;
  /** The Organization or the line is excluded from posting. */
  excluded: boolean;
}

/** ConnectWise billing cycles (docs/connectwise.md): there is no three-year cycle. */
export type AgreementBillingCycle =
  | 'Weekly'
  | 'BiWeekly'
  | 'Monthly'
  | 'BiMonthly'
  | 'Quarterly'
  | 'SemiAnnual'
  | 'Yearly'
  | 'NotRecurring';

/** An Agreement as read from ConnectWise (or as the plan would create it). */
export interface KnownAgreement {
  id: number;
  name: string;
  companyId: number;
  /** `Active`, `Cancelled`, `Expired`, `Inactive` (other values: treat as not active). */
  status: string | null;
  cancelledFlag: boolean;
  /** ISO 4217 code; null when ConnectWise did not say. */
  currency: string | null;
  prorateFlag: boolean;
  billingCycle: AgreementBillingCycle | null;
  /** The day its billing starts (`YYYY-MM-DD`); null when unknown. */
  billingStart: string | null;
  /** Its `PLT:C:` marker when this app created it; null otherwise. */
  marker: string | null;
}

/** What a new Agreement takes from the configured Agreement Type. */
export interface AgreementTypeDefaults {
  id: number;
  billingCycle: AgreementBillingCycle | null;
}

/** The Company facts a new Agreement needs. */
export interface CompanyForAgreement {
  id: number;
  defaultContactId: number | null;
}

/** The values an Addition carries, as sent (numbers as ConnectWise takes them). */
export interface AdditionValues {
  productId: number;
  quantity: number;
  unitPrice: number;
  unitCost: number | null;
  /** `YYYY-MM-DDT00:00:00Z` */
  effectiveDate: string;
  cancelledDate: string;
  invoiceDescription: string;
}

/** An Addition found in ConnectWise by its marker. */
export interface FoundAddition extends Partial<AdditionValues> {
  id: number;
  agreementId: number;
  marker: string;
}

/** Where a line's Addition goes: an Agreement that exists, or one the run will create. */
export type AgreementTarget =
  | { kind: 'existing'; agreementId: number }
  | { kind: 'new'; key: string };

export interface NewAgreement {
  /** `<company id>|<contract id>`: one new Agreement per Company and Contract. */
  key: string;
  companyId: number;
  contactId: number;
  name: string;
  typeId: number;
  /** The earliest Charge Start Date of its lines, `YYYY-MM-DDT00:00:00Z`. */
  startDate: string;
  currency: string;
  marker: string;
}

/** Why a line is not sent, in the words the Invoices tab shows. */
export interface SkippedLine {
  lineId: string;
  status: 'Not Mapped' | 'Needs attention' | 'Excluded';
  reason: string;
}

export type AdditionOperation =
  | {
      op: 'create';
      target: AgreementTarget;
      marker: string;
      values: AdditionValues;
      lineIds: string[];
    }
  | {
      op: 'update';
      agreementId: number;
      additionId: number;
      marker: string;
      from: Partial<AdditionValues>;
      to: AdditionValues;
      lineIds: string[];
    }
  | {
      /** Found in ConnectWise with the values the run would send: recorded, nothing written. */
      op: 'adopt';
      agreementId: number;
      additionId: number;
      marker: string;
      values: AdditionValues;
      lineIds: string[];
      /**
       * Set when a one-time Addition was found with other values than the line's: it is adopted
       * as it is (posting-rules §3.4, §3.7), and these are its values in ConnectWise.
       */
      foundValues?: Partial<AdditionValues>;
    };

/** A recurring Addition this app created whose Subscription vanished (docs/posting-rules.md §4). */
export interface Cancellation {
  agreementId: number;
  additionId: number;
  marker: string;
  /** `YYYY-MM-DDT00:00:00Z` */
  cancelledDate: string;
  subscriptionName: string;
}

/** The charge types that keep one persistent Addition per Subscription (posting-rules §1.1). */
export type RecurringChargeType = Extract<ChargeType, 'Cycle Fee' | 'Purchase Fee'>;

/** Configuration "Recurring changes" (posting-rules §1.3). */
export type RecurringChanges = 'update' | 'keepHistory';

/** What the blocking rules need of a target Agreement, existing or about to be created. */
export interface AgreementToCheck
  extends Pick<
    KnownAgreement,
    | 'name'
    | 'status'
    | 'cancelledFlag'
    | 'currency'
    | 'prorateFlag'
    | 'billingCycle'
    | 'billingStart'
  > {
  /** The plan would create it: the reasons then speak of "the new Agreement". */
  isNew: boolean;
}

export interface PlanTargetsInput {
  /** The lines the run considers (any order). */
  lines: readonly LineToPost[];
  /** The Agreements read from ConnectWise for the lines' Companies. */
  agreements: readonly KnownAgreement[];
  /** The configured Agreement Type; null: none configured, so no line can be posted. */
  agreementType: AgreementTypeDefaults | null;
  /** The Companies a new Agreement may be created for; a Company not listed has no contact. */
  companies: readonly CompanyForAgreement[];
}

export interface PlanTargetsResult {
  /** Every line that will be posted, with its Agreement. */
  targets: Map<string, AgreementTarget>;
  /** The Agreements to create first, one per Company and Contract, in key order. */
  newAgreements: NewAgreement[];
  /** Every line that will not be posted, once, in line id order. */
  skipped: SkippedLine[];
}

export interface PlanAdditionsInput {
  /** Lines without a target (skipped by planTargets) are left out of the plan. */
  lines: readonly LineToPost[];
  targets: ReadonlyMap<string, AgreementTarget>;
  /** The Additions found by marker on the existing target Agreements. */
  found: readonly FoundAddition[];
  options: { recurringChanges: RecurringChanges };
  /**
   * The line that drives each month's recurring Addition (§1.4), decided over the whole month:
   * the synced line that drove it, else the winner among all of the month's unsynced lines. A
   * run that sends only some lines of a month (a selection, or the rest of a run cut short) then
   * posts the others as one-time, and never lets one of them overwrite the Addition. Months not
   * named: the driver is chosen among `lines`.
   */
  monthDrivers?: readonly MonthDriver[];
}

/** The line driving the recurring Addition of `marker` in the invoice month `period`. */
export interface MonthDriver {
  /** `YYYY-MM` */
  period: string;
  marker: string;
  lineId: string;
}

/** Where the engine looks markers up before it writes (posting-rules §3.4): one list per Agreement. */
export interface MarkersToLookUp {
  agreementId: number;
  markers: string[];
}

/** A recurring Addition this app created, as the journal remembers it. */
export interface PostedRecurringAddition {
  marker: string;
  agreementId: number;
  additionId: number;
  contractId: string;
  subscriptionId: string;
  chargeType: RecurringChargeType;
  subscriptionName: string;
  /**
   * The Platform's own Charge End Date (`YYYY-MM-DD`, before rules and user edits) of the last
   * line posted to it: an Annual line posted as one month still covers its whole year (§4).
   */
  lastPlatformChargeEnd: string;
}

/** A line of the newest loaded month, as far as §4 needs it. */
export interface NewestMonthLine {
  contractId: string;
  subscriptionId: string;
  /** The Charge Start Date to send, `YYYY-MM-DD`. */
  chargeStart: string;
}

export interface VanishedSubscriptionsInput {
  postedRecurring: readonly PostedRecurringAddition[];
  /** The newest loaded month (`YYYY-MM`) and all of its lines; null: no month loaded. */
  newestMonth: { period: string; lines: readonly NewestMonthLine[] } | null;
}
