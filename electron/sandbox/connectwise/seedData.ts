/**
 * Deterministic seed data: the same seed and size always give the same companies, contacts,
 * agreements and additions. Names are what an MSP's customer list looks like: near duplicates,
 * legal-suffix variants, `&`, `"`, apostrophes and non-Latin scripts.
 */

import { type SeededRandom, seededRandom } from '../seededRandom';
import type {
  Addition,
  Agreement,
  AgreementType,
  BillingCycle,
  CatalogItem,
  Company,
  Contact,
  NamedReference,
  RecordInfo,
  SimulatorData,
} from './connectwiseRecords';

/** Seed timestamps count back from here, not from "now", so they never change between runs. */
const seedEpoch = Date.parse('2026-01-15T09:30:00Z');
const dayMs = 86_400_000;
export const apiMemberName = 'SandboxAPI';

/** ISO-8601 UTC without milliseconds, the way ConnectWise writes dates: 2026-01-31T00:00:00Z. */
export function connectwiseDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function recordInfo(lastUpdatedMs: number, dateEnteredMs = lastUpdatedMs): RecordInfo {
  return {
    lastUpdated: connectwiseDate(lastUpdatedMs),
    dateEntered: connectwiseDate(dateEnteredMs),
    updatedBy: apiMemberName,
    enteredBy: apiMemberName,
  };
}

const nearDuplicateNames = [
  'Contoso Ltd',
  'Contoso Ltd.',
  'CONTOSO LIMITED',
  'Contoso Limited (UK)',
  'Contoso Holdings Ltd',
  'Müller GmbH',
  'Mueller GmbH',
  'MÜLLER GMBH & CO. KG',
  'Nordic AB',
  'Nordic AB (publ)',
  'Nordic Aktiebolag',
  'Fabrikam, Inc.',
  'Fabrikam Inc',
  'Fabrikam Incorporated',
  'Northwind Traders',
  'Northwind Traders LLC',
  'NORTHWIND TRADERS, LLC',
  'A. Datum Corporation',
  'A Datum Corp.',
  'The "Smith & Jones" Partnership',
  'Smith & Sons Plumbing',
  "O'Brien's Pub & Grill",
  "Margie's Travel",
  'Ørsted Consulting ApS',
  'Café Zürich AG',
  'Société Générale de Nettoyage SARL',
  '東京トレーディング株式会社',
  'Łódź Logistics Sp. z o.o.',
  'São Paulo Importadora Ltda.',
  'Åkerlund & Rausing AB',
  "Zoë's Café & Bakery",
  'Tailspin Toys Pty Ltd',
  'Tailspin Toys Pty. Ltd.',
];

const brandWords = [
  'Adventure Works',
  'Alpine Ski House',
  'Blue Yonder',
  'Coho',
  'Fourth Coffee',
  'Graphic Design',
  'Humongous',
  'Litware',
  'Lucerne',
  'Proseware',
  'Relecloud',
  'Southridge',
  'Trey Research',
  'VanArsdel',
  'Wide World',
  'Wingtip',
  'Woodgrove',
  'Tailwind',
  'Bellows',
  'Consolidated',
  'Northern Lights',
  'Red Rock',
  'Silver Birch',
  'Harbour View',
  'Evergreen',
  'Summit',
  'Oakridge',
  'Lakeside',
  'Greenfield',
  'Riverbend',
];
const surnames = [
  'Smith',
  'Jones',
  'Hansen',
  'Berg',
  'Schäfer',
  'Kowalski',
  'Novák',
  'García',
  'Müller',
  'Johansson',
  'Nakamura',
  "O'Connor",
  'MacDonald',
  'Dubois',
  'Rossi',
  'Van der Berg',
  'Lindqvist',
  'Jørgensen',
  'Patel',
  'Nguyen',
];
const places = [
  'Zürich',
  'Malmö',
  'Kraków',
  'Aarhus',
  'Bristol',
  'Leeds',
  'Austin',
  'Denver',
  'Perth',
  'Cape Town',
  'Köln',
  'Göteborg',
  'Montréal',
  'Sevilla',
  'Porto',
  'Tromsø',
];
const industries = [
  'Dental',
  'Legal',
  'Logistics',
  'Construction',
  'Accounting',
  'Medical',
  'Engineering',
  'Consulting',
  'Architects',
  'Veterinary',
  'Realty',
  'Insurance',
  'Manufacturing',
  'Brewing',
  'Bakery',
  'Plumbing',
  'Electric',
  'Solutions',
  'Partners',
  'Group',
  'Holdings',
  'Services',
  'Systems',
  'Technologies',
  'Marine',
  'Foods',
];
const legalSuffixes = [
  'Ltd',
  'Ltd.',
  'Limited',
  'LLC',
  'Inc',
  'Inc.',
  'Corp.',
  'GmbH',
  'AG',
  'AB',
  'AS',
  'ApS',
  'Oy',
  'SARL',
  'S.A.',
  'B.V.',
  'Pty Ltd',
  'PLC',
  'LLP',
  'KG',
  'S.r.l.',
  '',
  '',
  '',
];

const countries: Array<NamedReference & { cities: string[]; phonePrefix: string }> = [
  { id: 1, name: 'United States', cities: ['Austin', 'Denver', 'Tampa'], phonePrefix: '+1' },
  { id: 2, name: 'United Kingdom', cities: ['Bristol', 'Leeds', 'London'], phonePrefix: '+44' },
  { id: 3, name: 'Germany', cities: ['Köln', 'München', 'Hamburg'], phonePrefix: '+49' },
  { id: 4, name: 'Sweden', cities: ['Malmö', 'Göteborg', 'Umeå'], phonePrefix: '+46' },
  { id: 5, name: 'Denmark', cities: ['Aarhus', 'København', 'Odense'], phonePrefix: '+45' },
  { id: 6, name: 'France', cities: ['Lyon', 'Montréal-la-Cluse', 'Nantes'], phonePrefix: '+33' },
  { id: 7, name: 'Australia', cities: ['Perth', 'Brisbane', 'Hobart'], phonePrefix: '+61' },
  { id: 8, name: 'Japan', cities: ['東京', '大阪', 'Sapporo'], phonePrefix: '+81' },
  { id: 9, name: 'Poland', cities: ['Kraków', 'Łódź', 'Gdańsk'], phonePrefix: '+48' },
];
const streets = ['Main Street', 'Hauptstraße', 'Storgatan', 'Rue de la Paix', 'King’s Road'];
const firstNames = [
  'Alex',
  'Maria',
  'José',
  'Zoë',
  'Søren',
  'Björn',
  'Siobhán',
  'Priya',
  'Hiroshi',
  'Anna',
  'Liam',
  'Fatima',
  'Jürgen',
  'Chloé',
  'Mateusz',
  'Grace',
];
const lastNames = [
  'Andersson',
  "O'Neill",
  'Kowalczyk',
  'Schmidt',
  'Tanaka',
  'Fernández',
  'Nielsen',
  'Brown',
  'Dupont',
  'Rossi',
  'Khan',
  'Virtanen',
];
const companyStatuses: NamedReference[] = [
  { id: 1, name: 'Active' },
  { id: 2, name: 'Inactive' },
  { id: 3, name: 'Not-Approved' },
];
const companyTypes: NamedReference[] = [
  { id: 1, name: 'Client' },
  { id: 3, name: 'Prospect' },
  { id: 5, name: 'Partner' },
];

function generatedCompanyName(random: SeededRandom): string {
  const suffix = random.pick(legalSuffixes);
  const pattern = random.integer(0, 3);
  const core =
    pattern === 0
      ? `${random.pick(brandWords)} ${random.pick(industries)}`
      : pattern === 1
        ? `${random.pick(surnames)} & ${random.pick(surnames)}`
        : pattern === 2
          ? `${random.pick(surnames)} ${random.pick(industries)}`
          : `${random.pick(places)} ${random.pick(industries)}`;
  const name = suffix ? `${core} ${suffix}` : core;
  return name.length <= 50 ? name : core.slice(0, 50).trim();
}

/** Letters and digits only, accents folded: "Müller GmbH" → "MullerGmbH". */
function identifierStem(name: string): string {
  const stem = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ØøŁł]/g, (letter) => ({ Ø: 'O', ø: 'o', Ł: 'L', ł: 'l' })[letter] ?? '')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 24);
  return stem || 'Company';
}

function uniqueIdentifier(name: string, taken: Set<string>): string {
  const stem = identifierStem(name);
  let candidate = stem;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const digits = String(n);
    candidate = stem.slice(0, 30 - digits.length) + digits;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function emailLocalPart(text: string): string {
  return identifierStem(text).toLowerCase() || 'contact';
}

function generateCompaniesAndContacts(
  random: SeededRandom,
  count: number,
): { companies: Company[]; contacts: Contact[] } {
  const names = nearDuplicateNames.slice(0, count);
  while (names.length < count) names.push(generatedCompanyName(random));
  random.shuffle(names);

  const companies: Company[] = [];
  const contacts: Contact[] = [];
  const takenIdentifiers = new Set<string>();
  let companyId = 1;
  let contactId = 100;
  for (const name of names) {
    companyId += random.integer(1, 3);
    const identifier = uniqueIdentifier(name, takenIdentifiers);
    const country = random.pick(countries);
    const lastUpdated =
      seedEpoch - random.integer(0, 1000) * dayMs - random.integer(0, 86_399) * 1000;
    const dateEntered = lastUpdated - random.integer(0, 2000) * dayMs;
    const statusRoll = random.next();
    const status =
      statusRoll < 0.9
        ? companyStatuses[0]
        : statusRoll < 0.96
          ? companyStatuses[1]
          : companyStatuses[2];
    const company: Company = {
      id: companyId,
      identifier,
      name,
      status: { ...(status as NamedReference) },
      deletedFlag: random.chance(0.01),
      types: random.chance(0.1)
        ? [{ ...(companyTypes[0] as NamedReference) }, { ...random.pick(companyTypes.slice(1)) }]
        : [{ ...(companyTypes[0] as NamedReference) }],
      addressLine1: `${random.integer(1, 250)} ${random.pick(streets)}`,
      addressLine2: random.chance(0.2) ? `Suite ${random.integer(100, 900)}` : null,
      city: random.pick(country.cities),
      state: country.id === 1 ? random.pick(['TX', 'CO', 'FL']) : null,
      zip: String(random.integer(10000, 99999)),
      country: { id: country.id, name: country.name },
      phoneNumber: `${country.phonePrefix} ${random.integer(100, 999)} ${random.integer(1000, 9999)}`,
      website: `https://www.${emailLocalPart(name)}.example`,
      defaultContact: null,
      customFields: [],
      _info: {
        ...recordInfo(lastUpdated, dateEntered),
        contacts_href: `/v2025_1/apis/3.0/company/contacts?conditions=company/id=${companyId}`,
      },
    };
    const contactCount = random.chance(0.2) ? 2 : 1;
    for (let n = 0; n < contactCount; n++) {
      contactId += 1;
      const firstName = random.pick(firstNames);
      const lastName = random.pick(lastNames);
      const contact: Contact = {
        id: contactId,
        firstName,
        lastName,
        company: { id: company.id, identifier: company.identifier, name: company.name },
        title: n === 0 ? 'Office Manager' : random.pick(['IT Lead', 'Finance', null]),
        defaultFlag: n === 0,
        inactiveFlag: false,
        communicationItems: [
          {
            id: contactId * 10,
            type: { id: 1, name: 'Email' },
            value: `${emailLocalPart(firstName)}.${emailLocalPart(lastName)}@${emailLocalPart(name)}.example`,
            defaultFlag: true,
            communicationType: 'Email',
          },
        ],
        _info: recordInfo(lastUpdated, dateEntered),
      };
      contacts.push(contact);
      if (n === 0) company.defaultContact = { id: contact.id, name: `${firstName} ${lastName}` };
    }
    companies.push(company);
  }
  return { companies, contacts };
}

const seedInfo = () => recordInfo(seedEpoch - 400 * dayMs, seedEpoch - 2000 * dayMs);

function billingCycles(): BillingCycle[] {
  return ['Monthly', 'Quarterly', 'Annual', 'Triennial', 'One Time', 'Semi-Annual'].map(
    (name, index) => ({ id: index + 1, name, _info: seedInfo() }),
  );
}

function agreementTypes(): AgreementType[] {
  const monthly = { id: 1, name: 'Monthly' };
  return [
    { name: 'Managed Services', defaultFlag: true, inactiveFlag: false },
    { name: 'Cloud Marketplace', defaultFlag: false, inactiveFlag: false },
    { name: 'Block Time', defaultFlag: false, inactiveFlag: false },
    { name: 'Microsoft CSP', defaultFlag: false, inactiveFlag: false },
    { name: 'Legacy Break/Fix', defaultFlag: false, inactiveFlag: true },
  ].map((type, index) => ({
    id: index + 1,
    ...type,
    prePaymentFlag: type.name === 'Block Time',
    invoicingCycle: 'ContractYear',
    billingCycle: { ...monthly },
    _info: seedInfo(),
  }));
}

type CatalogSeed = [
  identifier: string,
  description: string,
  price: number,
  cost: number,
  subcategory: string,
  inactive?: boolean,
];

const catalogSeeds: CatalogSeed[] = [
  ['MS365-BB-M', 'Microsoft 365 Business Basic (Monthly)', 7.2, 6, 'Licensing'],
  ['MS365-BS-M', 'Microsoft 365 Business Standard (Monthly)', 15, 12.5, 'Licensing'],
  ['MS365-BP-M', 'Microsoft 365 Business Premium (Monthly)', 26.4, 22, 'Licensing'],
  ['MS365-BP-A', 'Microsoft 365 Business Premium (Annual)', 264, 220, 'Licensing'],
  ['MS365-E3-M', 'Microsoft 365 E3 (Monthly)', 43.2, 36, 'Licensing'],
  ['MS365-E5-M', 'Microsoft 365 E5 (Monthly)', 68.4, 57, 'Licensing'],
  ['O365-E1-A', 'Office 365 E1 (Annual)', 120, 100, 'Licensing'],
  ['EXO-P1-M', 'Exchange Online (Plan 1) (Monthly)', 4.8, 4, 'Licensing'],
  ['TEAMS-ESS-M', 'Microsoft Teams Essentials (Monthly)', 4.8, 4, 'Licensing'],
  ['M365-COPILOT-A', 'Microsoft 365 Copilot (Annual)', 360, 300, 'Licensing'],
  ['DEF-EP-P2-M', 'Microsoft Defender for Endpoint P2 (Monthly)', 6.24, 5.2, 'Security'],
  ['ENTRA-ID-P1-M', 'Microsoft Entra ID P1 (Monthly)', 7.2, 6, 'Security'],
  ['INTUNE-P1-M', 'Microsoft Intune Plan 1 (Monthly)', 9.6, 8, 'Licensing'],
  ['AZURE-PLAN', 'Azure plan consumption', 1, 0.9, 'Cloud'],
  ['AZ-RI-D2SV5-1Y', 'Azure Reserved VM Instance D2s v5 (1 year)', 980, 890, 'Cloud'],
  [
    'AZURE-SAVINGS-PLAN-COMPUTE-3YR-USD-MONTHLY-BILLING-DZH318Z0BQ3Q-0001',
    'Azure savings plan for compute, 3 years, monthly billing',
    1,
    0.95,
    'Cloud',
  ],
  ['BKP-M365-SEAT', 'Cloud Backup for Microsoft 365 (per seat)', 3.5, 1.75, 'Backup'],
  ['BKP-SRV-TB', 'Server Backup & Recovery "Pro" (per TB)', 45, 20, 'Backup'],
  ['SEC-EDR-EP', 'Managed EDR (per endpoint)', 8, 4.5, 'Security'],
  ['SEC-MDR-USR', 'MDR Security Operations (per user)', 12, 7, 'Security'],
  ['SEC-SAT-USR', 'Security Awareness Training (per user)', 2.5, 1, 'Security'],
  ['DNS-FILTER', 'DNS Filtering (per user)', 2, 1, 'Security'],
  ['EMAIL-SEC-USR', 'Email Security Gateway (per user)', 3, 1.5, 'Security'],
  ['MSP-HELPDESK-USR', 'Managed Helpdesk (per user)', 45, 20, 'Services'],
  ['MSP-SERVER', 'Managed Server', 150, 60, 'Services'],
  ['ONBOARDING-FEE', 'Onboarding & Setup Fee', 500, 0, 'Services'],
  ['SBS-2011-SUPPORT', 'Small Business Server 2011 Support', 99, 40, 'Services', true],
  ['O365-P1-LEGACY', 'Office 365 Plan P1 (retired)', 6, 5, 'Licensing', true],
  ['AV-LEGACY', 'Legacy Antivirus (per endpoint)', 3, 1, 'Security', true],
];

const subcategoryIds: Record<string, number> = {
  Licensing: 1,
  Cloud: 2,
  Security: 3,
  Backup: 4,
  Services: 5,
};

function catalog(): CatalogItem[] {
  return catalogSeeds.map(
    ([identifier, description, price, cost, subcategory, inactive], index) => {
      const isMicrosoft = subcategory === 'Licensing' || subcategory === 'Cloud';
      const oneTime = identifier === 'ONBOARDING-FEE';
      return {
        id: 11 + index,
        identifier,
        description,
        customerDescription: description,
        inactiveFlag: inactive === true,
        subcategory: { id: subcategoryIds[subcategory] ?? 0, name: subcategory },
        type: isMicrosoft ? { id: 2, name: 'Microsoft CSP' } : { id: 1, name: 'Service' },
        productClass: isMicrosoft ? 'NonInventory' : 'Service',
        unitOfMeasure: identifier.endsWith('-TB') ? { id: 3, name: 'TB' } : { id: 1, name: 'Each' },
        price,
        cost,
        taxableFlag: !isMicrosoft,
        recurringFlag: !oneTime,
        recurringBillCycle: oneTime ? null : { id: 1, name: 'Monthly' },
        _info: seedInfo(),
      };
    },
  );
}

export function roundMoney(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/** extPrice/extCost and billedQuantity as the service derives them from the inputs. */
export function withDerivedAmounts<T extends Addition>(addition: T): T {
  const billedQuantity = Math.max(0, addition.quantity - addition.lessIncluded);
  addition.billedQuantity = billedQuantity;
  addition.extPrice = roundMoney(billedQuantity * addition.unitPrice);
  addition.extCost = roundMoney(billedQuantity * addition.unitCost);
  addition.margin = roundMoney(addition.extPrice - addition.extCost);
  return addition;
}

function agreementsWithAdditions(
  random: SeededRandom,
  data: Pick<SimulatorData, 'companies' | 'contacts' | 'agreementTypes' | 'catalog'>,
): { agreements: Agreement[]; additions: Addition[] } {
  const agreements: Agreement[] = [];
  const additions: Addition[] = [];
  const activeCompanies = data.companies.filter(
    (c) => c.status.name === 'Active' && c.defaultContact,
  );
  const wanted = Math.min(
    activeCompanies.length,
    Math.max(3, Math.min(12, Math.floor(data.companies.length / 20))),
  );
  const chosen = random.shuffle([...activeCompanies]).slice(0, wanted);
  chosen.sort((a, b) => a.id - b.id);
  const activeProducts = data.catalog.filter((item) => !item.inactiveFlag);
  let additionId = 5000;
  let agreementId = 200;
  chosen.forEach((company, index) => {
    agreementId += random.integer(1, 3);
    const type = data.agreementTypes[index % 2] as AgreementType;
    const start = Date.UTC(2025, random.integer(0, 11), 1);
    const info = recordInfo(seedEpoch - random.integer(1, 90) * dayMs, start);
    const agreement: Agreement = {
      id: agreementId,
      name: `${company.name} - ${type.name}`.slice(0, 100),
      type: { id: type.id, name: type.name },
      company: { id: company.id, identifier: company.identifier, name: company.name },
      contact: { ...(company.defaultContact as NamedReference) },
      startDate: connectwiseDate(start),
      endDate: null,
      noEndingDateFlag: true,
      billingCycle: { id: 1, name: 'Monthly' },
      agreementStatus: 'Active',
      cancelledFlag: false,
      currency: { id: 7, symbol: '$', currencyCode: 'USD', name: 'US Dollars' },
      customerPO: null,
      customFields: [],
      _info: { ...info, additions_href: '' },
    };
    agreement._info.additions_href = `/v2025_1/apis/3.0/finance/agreements/${agreement.id}/additions`;
    agreements.push(agreement);
    const count = random.integer(1, 3);
    for (let n = 0; n < count; n++) {
      const product = random.pick(activeProducts);
      additionId += random.integer(1, 4);
      additions.push(
        withDerivedAmounts({
          id: additionId,
          product: {
            id: product.id,
            identifier: product.identifier,
            description: product.description,
          },
          quantity: random.integer(1, 40),
          lessIncluded: 0,
          unitPrice: product.price,
          unitCost: product.cost,
          billCustomer: 'Billable',
          effectiveDate: agreement.startDate,
          cancelledDate: null,
          taxableFlag: product.taxableFlag,
          description: product.description,
          invoiceDescription: null,
          serialNumber: null,
          purchaseItemFlag: false,
          specialOrderFlag: false,
          agreementId: agreement.id,
          billedQuantity: 0,
          uom: product.unitOfMeasure.name,
          extPrice: 0,
          extCost: 0,
          margin: 0,
          sequenceNumber: n + 1,
          agreementStatus: 'Active',
          customFields: [],
          _info: { ...info },
        }),
      );
    }
  });
  return { agreements, additions };
}

export interface SeedOptions {
  seed: number;
  companies: number;
}

export function generateSeedData(options: SeedOptions): SimulatorData {
  const random = seededRandom(options.seed);
  const { companies, contacts } = generateCompaniesAndContacts(
    random,
    Math.max(0, options.companies),
  );
  const fixed = {
    agreementTypes: agreementTypes(),
    billingCycles: billingCycles(),
    catalog: catalog(),
  };
  const { agreements, additions } = agreementsWithAdditions(random, {
    companies,
    contacts,
    agreementTypes: fixed.agreementTypes,
    catalog: fixed.catalog,
  });
  return { companies, contacts, ...fixed, agreements, additions };
}
