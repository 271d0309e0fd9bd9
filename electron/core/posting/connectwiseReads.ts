import type { AdditionMarkerField } from '@shared/contract';
import {
  Addition,
  type AdditionDraft,
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
  'customFields',
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
  'customFields',
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
    // Written in both places when an Agreement custom field is configured (docs/posting-rules.md
    // §3.2), so a later change of that setting still finds it.
    marker:
      agreementMarkerIn(agreement.internalNotes) ??
      agreementMarkerIn(
        agreement.customFields?.find(
          (field) => typeof field.value === 'string' && field.value.startsWith('PLT:C:'),
        )?.value as string | undefined,
      ),
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
  markerField: AdditionMarkerField = serialNumber,
): Promise<FoundAddition[]> {
  const reads: BundleRequest[] = [];
  for (const [agreementId, markers] of markersByAgreement) {
    for (let from = 0; from < markers.length; from += markersPerLookup) {
      const chunk = markers.slice(from, from + markersPerLookup);
      reads.push({
        resourceType: 'addition',
        parentId: agreementId,
        ...(markerField.kind === 'serialNumber'
          ? { conditions: where.in('serialNumber', chunk) }
          : {
              customFieldConditions: `${where.eq('caption', markerField.field.caption)} AND ${where.in('value', chunk)}`,
            }),
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
        const marker = parsed.success ? markerOf(parsed.data, markerField) : null;
        if (!parsed.success || !marker) continue;
        const addition = parsed.data;
        found.push({
          id: addition.id,
          agreementId: addition.agreementId ?? read.parentId ?? 0,
          marker,
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

const serialNumber: AdditionMarkerField = { kind: 'serialNumber' };

/** The marker an Addition carries in the configured field, if any. */
function markerOf(addition: Addition, markerField: AdditionMarkerField): string | null {
  if (markerField.kind === 'serialNumber') return addition.serialNumber ?? null;
  const { id, caption } = markerField.field;
  const value = addition.customFields?.find(
    (field) => field.id === id || field.caption === caption,
  )?.value;
  return typeof value === 'string' && value !== '' ? value : null;
}

/** What an Addition carries to be found again: its marker, in the configured field (§3.2). */
export function markerFieldsOf(
  marker: string,
  markerField: AdditionMarkerField,
): Pick<AdditionDraft, 'serialNumber' | 'customFields'> {
  return markerField.kind === 'serialNumber'
    ? { serialNumber: marker }
    : { customFields: [{ id: markerField.field.id, value: marker }] };
}

/** The Additions on one Agreement carrying exactly this marker, oldest first. */
export async function additionsWithMarker(
  client: ConnectWiseClient,
  agreementId: number,
  marker: string,
  signal: AbortSignal,
  markerField: AdditionMarkerField = serialNumber,
): Promise<FoundAddition[]> {
  const found = await additionsByMarker(
    client,
    new Map([[agreementId, [marker]]]),
    signal,
    markerField,
  );
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
