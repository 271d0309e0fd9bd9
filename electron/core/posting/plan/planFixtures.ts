/** Real-world shaped test data for the plan's tests: a Contoso Microsoft 365 seat line. */
import type { FoundAddition, KnownAgreement, LineToPost } from './planTypes';

export const contosoCompanyId = 42;

export function platformLine(overrides: Partial<LineToPost> = {}): LineToPost {
  return {
    lineId: '1001',
    period: '2026-01',
    invoiceDate: '2026-01-05',
    organizationId: 'org-contoso',
    organizationName: 'Contoso Ltd',
    contractId: 'C-100',
    currency: 'USD',
    subscriptionId: 'sub-m365',
    subscriptionName: 'Microsoft 365 Business Premium',
    chargeType: 'Cycle Fee',
    chargeTypeName: 'Cycle Fee',
    billingCycle: 'Monthly',
    quantity: '10',
    unitPrice: '22.00',
    unitCost: '18.70',
    chargeStart: '2026-01-01',
    chargeEnd: '2026-01-31',
    companyIds: [contosoCompanyId],
    chosenCompanyId: null,
    chosenAgreementId: null,
    product: { id: 501, identifier: 'M365-BP', productClass: 'NonInventory', inactive: false },
    excluded: false,
    ...overrides,
  };
}

export function knownAgreement(overrides: Partial<KnownAgreement> = {}): KnownAgreement {
  return {
    id: 900,
    name: 'Contoso Managed Services',
    companyId: contosoCompanyId,
    status: 'Active',
    cancelledFlag: false,
    currency: 'USD',
    prorateFlag: false,
    billingCycle: 'Monthly',
    billingStart: '2025-01-01',
    marker: null,
    ...overrides,
  };
}

export function foundAddition(overrides: Partial<FoundAddition> = {}): FoundAddition {
  return {
    id: 7001,
    agreementId: 900,
    marker: 'PLT:S:sub-m365:CycleFee',
    productId: 501,
    quantity: 10,
    unitPrice: 22,
    unitCost: 18.7,
    effectiveDate: '2025-11-01T00:00:00Z',
    cancelledDate: '2026-01-31T00:00:00Z',
    invoiceDescription: 'Microsoft 365 Business Premium – Cycle Fee',
    ...overrides,
  };
}
