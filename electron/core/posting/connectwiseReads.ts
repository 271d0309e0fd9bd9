import {
  Addition,
  type Agreement,
  type AgreementType,
  type BundleRequest,
  type ConnectWiseClient,
  ConnectWiseError,
  inConditionsWithin,
  where,
} from '../connectwise';
import type {
  AgreementBillingCycle,
  AgreementTypeDefaults,
  FoundAddition,
  KnownAgreement,
} from './plan';

const agreementFields = [
  'id',
  'name',
  'company',
  'agreementStatus',
  'cancelledFlag',
  'currency',
  'prorateFlag',
  'billingCycle',
  'billStartDate',
  'startDate',
  'internalNotes',
];

const additionFields = [
  'id',
  'agreementId',
  'product',
  'quantity',
  'unitPrice',
  'unitCost',
  'effectiveDate',
  'cancelledDate',
  'invoiceDescription',
  'serialNumber',
];

/** How many reads one bundle carries: fewer, wider calls (docs/connectwise.md). */
const bundleSize = 100;
/** Markers per look-up: a bundle's body is JSON, not a URL, so it may be long. */
const markersPerLookup = 500;

const cycleNames: Record<string, AgreementBillingCycle> = {
  weekly: 'Weekly',
  biweekly: 'BiWeekly',
  monthly: 'Monthly',
  bimonthly: 'BiMonthly',
  quarterly: 'Quarterly',
  semiannual: 'SemiAnnual',
  yearly: 'Yearly',
  annual: 'Yearly',
  notrecurring: 'NotRecurring',
};

export function billingCycleOf(name: string | null | undefined): AgreementBillingCycle | null {
  return name ? (cycleNames[name.replace(/[\s_-]/g, '').toLowerCase()] ?? null) : null;
}

/** `2026-01-31T00:00:00Z` → `2026-01-31`. */
const dayOf = (date: string | null | undefined) => (date ? date.slice(0, 10) : null);

/** An Agreement this app created carries its `PLT:C:` marker as the first line of its notes. */
export function agreementMarkerIn(notes: string | null | undefined): string | null {
  const first = notes?.split(/\r?\n/, 1)[0]?.trim() ?? '';
  return first.startsWith('PLT:C:') ? first : null;
}

export function knownAgreement(agreement: Agreement): KnownAgreement | null {
  const companyId = agreement.company?.id;
  if (companyId === undefined) return null;
  return {
    id: agreement.id,
    name: agreement.name,
    companyId,
    status: agreement.agreementStatus ?? null,
    cancelledFlag: agreement.cancelledFlag === true,
    currency: agreement.currency?.currencyCode ?? null,
    prorateFlag: agreement.prorateFlag === true,
    billingCycle: billingCycleOf(agreement.billingCycle?.name),
    billingStart: dayOf(agreement.billStartDate) ?? dayOf(agreement.startDate),
    marker: agreementMarkerIn(agreement.internalNotes),
  };
}

export function agreementTypeDefaults(type: AgreementType): AgreementTypeDefaults {
  return { id: type.id, billingCycle: billingCycleOf(type.billingCycle?.name) };
}

/** Every Agreement of these Companies, a few list calls for all of them. */
export async function agreementsOfCompanies(
  client: ConnectWiseClient,
  companyIds: readonly number[],
  signal: AbortSignal,
): Promise<Map<number, KnownAgreement[]>> {
  const byCompany = new Map<number, KnownAgreement[]>(companyIds.map((id) => [id, []]));
  if (companyIds.length === 0) return byCompany;
  for (const conditions of inConditionsWithin('company/id', [...companyIds])) {
    for await (const page of client.agreements.stream(
      { conditions, fields: agreementFields },
      { signal },
    )) {
      for (const agreement of page) {
        const known = knownAgreement(agreement);
        if (known) byCompany.get(known.companyId)?.push(known);
      }
    }
  }
  return byCompany;
}

/**
 * The Additions carrying these markers, per Agreement, read in bundles (one read per Agreement
 * and chunk of markers; a hundred reads a call).
 */
export async function additionsByMarker(
  client: ConnectWiseClient,
  markersByAgreement: ReadonlyMap<number, readonly string[]>,
  signal: AbortSignal,
): Promise<FoundAddition[]> {
  const reads: BundleRequest[] = [];
  for (const [agreementId, markers] of markersByAgreement) {
    for (let from = 0; from < markers.length; from += markersPerLookup) {
      reads.push({
        resourceType: 'addition',
        parentId: agreementId,
        conditions: where.in('serialNumber', markers.slice(from, from + markersPerLookup)),
        fields: additionFields,
        pageSize: 1000,
      });
    }
  }
  const found: FoundAddition[] = [];
  for (let from = 0; from < reads.length; from += bundleSize) {
    const batch = reads.slice(from, from + bundleSize);
    const results = await client.bundles.read(batch, { signal });
    for (const [index, result] of results.entries()) {
      const read = batch[index];
      if (!read || result.success === false || (result.statusCode ?? 200) >= 300) {
        throw new ConnectWiseError(
          'Response Error',
          `ConnectWise could not look up the app's Additions on Agreement ${read?.parentId ?? '?'}.`,
          JSON.stringify(result.error ?? null).slice(0, 300),
        );
      }
      for (const entity of result.entities ?? []) {
        const parsed = Addition.safeParse(entity);
        if (!parsed.success || !parsed.data.serialNumber) continue;
        const addition = parsed.data;
        found.push({
          id: addition.id,
          agreementId: addition.agreementId ?? read.parentId ?? 0,
          marker: addition.serialNumber as string,
          ...(addition.product?.id ? { productId: addition.product.id } : {}),
          ...(addition.quantity !== null && addition.quantity !== undefined
            ? { quantity: addition.quantity }
            : {}),
          ...(addition.unitPrice !== null && addition.unitPrice !== undefined
            ? { unitPrice: addition.unitPrice }
            : {}),
          ...(addition.unitCost !== undefined ? { unitCost: addition.unitCost } : {}),
          ...(addition.effectiveDate ? { effectiveDate: addition.effectiveDate } : {}),
          ...(addition.cancelledDate ? { cancelledDate: addition.cancelledDate } : {}),
          ...(addition.invoiceDescription
            ? { invoiceDescription: addition.invoiceDescription }
            : {}),
        });
      }
    }
  }
  return found;
}

/** The Additions on one Agreement carrying exactly this marker, oldest first. */
export async function additionsWithMarker(
  client: ConnectWiseClient,
  agreementId: number,
  marker: string,
  signal: AbortSignal,
): Promise<FoundAddition[]> {
  const found = await additionsByMarker(client, new Map([[agreementId, [marker]]]), signal);
  return found.filter((addition) => addition.marker === marker).sort((a, b) => a.id - b.id);
}

/** The oldest Agreement of a Company carrying this `PLT:C:` marker, or null. */
export async function agreementWithMarker(
  client: ConnectWiseClient,
  companyId: number,
  marker: string,
  signal: AbortSignal,
): Promise<KnownAgreement | null> {
  const agreements = (await agreementsOfCompanies(client, [companyId], signal)).get(companyId);
  return oldestWithMarker(agreements ?? [], marker);
}

export function oldestWithMarker(
  agreements: readonly KnownAgreement[],
  marker: string,
): KnownAgreement | null {
  return (
    agreements.filter((agreement) => agreement.marker === marker).sort((a, b) => a.id - b.id)[0] ??
    null
  );
}
