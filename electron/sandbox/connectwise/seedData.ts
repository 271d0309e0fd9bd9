/**
 * Deterministic seed data: the same seed and size always give the same companies, contacts,
 * agreements and additions. Names are what an MSP's customer list looks like: near duplicates,
 * legal-suffix variants, `&`, `"`, apostrophes and non-Latin scripts.
 */

import { randomStream, type SeededRandom, seededRandom } from '../seededRandom';
import type {
  Addition,
  Agreement,
  AgreementType,
  BillingCycle,
  CatalogItem,
  Company,
  Contact,
  Currency,
  CurrencyRecord,
  CustomField,
  NamedReference,
  ProductClass,
  RecordInfo,
  SimulatorData,
  UserDefinedField,
} from './connectwiseRecords';

/** Seed timestamps count back from here, not from "now", so they never change between runs. */
const seedEpoch = Date.parse('2026-01-15T09:30:00Z');
const dayMs = 86_400_000;
export const apiMemberName = 'SandboxAPI';

/** ISO-8601 UTC without milliseconds, the way ConnectWise writes dates: 2026-01-31T00:00:00Z. */
export function connectwiseDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

export function recordInfo(lastUpdatedMs: number, dateEnteredMs = lastUpdatedMs): RecordInfo {
  return {
    lastUpdated: connectwiseDate(lastUpdatedMs),
    dateEntered: connectwiseDate(dateEnteredMs),
    updatedBy: apiMemberName,
    enteredBy: apiMemberName,
  };
}

/**
 * Marks a record as saved at `now`, as ConnectWise does on every save: `_info.lastUpdated` (and
 * `updatedBy`) change, `dateEntered` stays. For tests that change `sim.data` directly, e.g.
 * `touch(Object.assign(company, { name: 'Renamed' }), new Date('2026-02-01T08:00:00Z'))`.
 */
export function touch<T extends { _info: RecordInfo }>(
  record: T,
  now: Date | number,
  updatedBy: string = apiMemberName,
): T {
  record._info.lastUpdated = connectwiseDate(typeof now === 'number' ? now : now.getTime());
  record._info.updatedBy = updatedBy;
  return record;
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
/** The company statuses and types this site has set up (ConnectWise lets each site name its own). */
export const companyStatuses: readonly NamedReference[] = [
  { id: 1, name: 'Active' },
  { id: 2, name: 'Inactive' },
  { id: 3, name: 'Not-Approved' },
];
export const companyTypes: readonly NamedReference[] = [
  { id: 1, name: 'Client' },
  { id: 3, name: 'Prospect' },
  { id: 5, name: 'Partner' },
];
export const companyCountries: readonly NamedReference[] = countries.map(({ id, name }) => ({
  id,
  name,
}));

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

/**
 * `stem`, or `stem2`, `stem3`… when taken. `nextSuffix` remembers where each stem's search
 * stopped, so thousands of near-duplicates do not rescan from 2 (same result, linear time).
 */
function uniqueIdentifier(
  stem: string,
  taken: Set<string>,
  nextSuffix: Map<string, number>,
): string {
  const key = stem.toLowerCase();
  let candidate = stem;
  let n = nextSuffix.get(key) ?? 2;
  if (taken.has(candidate.toLowerCase())) {
    for (; taken.has(candidate.toLowerCase()); n++) {
      const digits = String(n);
      candidate = stem.slice(0, 30 - digits.length) + digits;
    }
    nextSuffix.set(key, n);
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** `identifierStem`, remembered: names and first/last names repeat thousands of times. */
function memoizedStem(): (text: string) => string {
  const stems = new Map<string, string>();
  return (text) => {
    let stem = stems.get(text);
    if (stem === undefined) {
      stem = identifierStem(text);
      stems.set(text, stem);
    }
    return stem;
  };
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
  const nextSuffix = new Map<string, number>();
  const stemOf = memoizedStem();
  const emailLocalPart = (text: string) => stemOf(text).toLowerCase() || 'contact';
  let companyId = 1;
  let contactId = 100;
  for (const name of names) {
    companyId += random.integer(1, 3);
    const identifier = uniqueIdentifier(stemOf(name), takenIdentifiers, nextSuffix);
    const domain = emailLocalPart(name);
    const country = random.pick(countries);
    const lastUpdated =
      seedEpoch - random.integer(0, 1000) * dayMs - random.integer(0, 86_399) * 1000;
    const dateEntered = lastUpdated - random.integer(0, 2000) * dayMs;
    const info = recordInfo(lastUpdated, dateEntered);
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
      website: `https://www.${domain}.example`,
      defaultContact: null,
      customFields: [],
      _info: {
        ...info,
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
            value: `${emailLocalPart(firstName)}.${emailLocalPart(lastName)}@${domain}.example`,
            defaultFlag: true,
            communicationType: 'Email',
          },
        ],
        _info: { ...info },
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
  const cycles: Record<string, NamedReference> = {
    Monthly: { id: 1, name: 'Monthly' },
    Quarterly: { id: 2, name: 'Quarterly' },
    Annual: { id: 3, name: 'Annual' },
  };
  return [
    {
      name: 'Managed Services',
      defaultFlag: true,
      inactive: false,
      cycle: 'Monthly',
      prorate: true,
    },
    {
      name: 'Cloud Marketplace',
      defaultFlag: false,
      inactive: false,
      cycle: 'Monthly',
      prorate: false,
    },
    { name: 'Block Time', defaultFlag: false, inactive: false, cycle: 'Quarterly', prorate: false },
    { name: 'Microsoft CSP', defaultFlag: false, inactive: false, cycle: 'Annual', prorate: true },
    {
      name: 'Legacy Break/Fix',
      defaultFlag: false,
      inactive: true,
      cycle: 'Monthly',
      prorate: false,
    },
  ].map((type, index) => ({
    id: index + 1,
    name: type.name,
    defaultFlag: type.defaultFlag,
    inactiveFlag: type.inactive,
    prePaymentFlag: type.name === 'Block Time',
    invoicingCycle: 'ContractYear',
    billingCycle: { ...(cycles[type.cycle] as NamedReference) },
    prorateFlag: type.prorate,
    invoiceProratedAdditionsFlag: type.prorate,
    _info: seedInfo(),
  }));
}

/** The site's currencies; an Agreement names none gets US Dollars (the site's default). */
export function currencies(): CurrencyRecord[] {
  return [
    { id: 7, currencyCode: 'USD', symbol: '$', name: 'US Dollars' },
    { id: 8, currencyCode: 'EUR', symbol: '€', name: 'Euro' },
    { id: 9, currencyCode: 'GBP', symbol: '£', name: 'British Pounds' },
    { id: 10, currencyCode: 'CAD', symbol: '$', name: 'Canadian Dollars' },
    { id: 11, currencyCode: 'AUD', symbol: '$', name: 'Australian Dollars' },
  ].map((currency) => ({
    ...currency,
    currencyIdentifier: currency.currencyCode,
    decimalSeparator: currency.currencyCode === 'EUR' ? ',' : '.',
    thousandsSeparator: currency.currencyCode === 'EUR' ? '.' : ',',
    numberOfDecimals: 2,
    displaySymbolFlag: true,
    _info: seedInfo(),
  }));
}

export const defaultCurrencyId = 7;

/** The reference an Agreement holds: `{ id, symbol, currencyCode, name }`. */
export function currencyReference(currency: Currency): Currency {
  return {
    id: currency.id,
    symbol: currency.symbol,
    currencyCode: currency.currencyCode,
    name: currency.name,
  };
}

/**
 * Custom field definitions: "Platform Line" on Additions and "Platform Contract" on Agreements
 * (what the app may be configured to write its markers into), and fields other tools use.
 */
function userDefinedFields(): UserDefinedField[] {
  const info = seedInfo();
  return (
    [
      [
        41,
        'Platform Line',
        'AgreementAddition',
        'Text',
        'Marker of the Platform line or subscription',
      ],
      [42, 'Platform Contract', 'Agreement', 'Text', 'Marker of the Platform contract'],
      [
        43,
        'Vendor Reference',
        'AgreementAddition',
        'Text',
        "Another billing tool's subscription id",
      ],
      [44, 'Seats Committed', 'AgreementAddition', 'Number', null],
      [45, 'Account Manager', 'Company', 'Text', null],
    ] as const
  ).map(([id, caption, screenId, fieldTypeIdentifier, helpText], index) => ({
    id,
    podId: screenId === 'Company' ? 1 : screenId === 'Agreement' ? 14 : 15,
    caption,
    sequenceNumber: index + 1,
    screenId,
    helpText,
    fieldTypeIdentifier,
    numberDecimals: 0,
    entryTypeIdentifier: 'EntryField',
    requiredFlag: false,
    displayOnScreenFlag: true,
    readOnlyFlag: false,
    listViewFlag: false,
    dateCreated: info.dateEntered,
    _info: { ...info },
  }));
}

type Subcategory =
  | 'Licensing'
  | 'Cloud'
  | 'Security'
  | 'Backup'
  | 'Services'
  | 'Hardware'
  | 'Networking'
  | 'Labor'
  | 'Bundles';
type ProductType =
  | 'Service'
  | 'Microsoft CSP'
  | 'Hardware'
  | 'Labor'
  | 'Software'
  | 'Bundle'
  | 'Agreement';
type Unit = 'Each' | 'Hour' | 'TB' | 'GB';
type RecurringCycle = 'Monthly' | 'Quarterly' | 'Annual';

/** What differs from the defaults of the item's subcategory. */
interface CatalogExtras {
  inactive?: boolean;
  vendorSku?: string;
  integrationXRef?: string;
  productClass?: ProductClass;
  type?: ProductType;
  unit?: Unit;
  /** How often it recurs; null for a one-time item. */
  cycle?: RecurringCycle | null;
}

type CatalogSeed = [
  identifier: string,
  description: string,
  price: number,
  cost: number,
  subcategory: Subcategory,
  extras?: CatalogExtras,
];

/*
 * Microsoft product SKUs, as a Microsoft CSP price list carries them (the part of an offer id
 * before the first ":"). Sites that fill `vendorSku` put the product SKU there, so a monthly and
 * an annual item share one. Written here as literals on purpose: the catalog is this site's own.
 */
const sku = {
  businessBasic: 'CFQ7TTC0LH18',
  businessStandard: 'CFQ7TTC0LDPB',
  businessPremium: 'CFQ7TTC0LCHC',
  e3: 'CFQ7TTC0LFLX',
  e5: 'CFQ7TTC0LFLZ',
  office365E1: 'CFQ7TTC0LF8Q',
  office365E3: 'CFQ7TTC0LF8R',
  exchangeOnlinePlan1: 'CFQ7TTC0LH16',
  teamsEssentials: 'CFQ7TTC0RM8K',
  copilot: 'CFQ7TTC0MM8R',
  entraIdP1: 'CFQ7TTC0LFK5',
  azurePlan: 'DZH318Z0BPS6',
  reservedD2sV5: 'DZH318Z0BQ3Q',
  windowsServer2022: 'DG7GMGF0D7FV',
} as const;

const annual: CatalogExtras = { cycle: 'Annual' };

/**
 * The site's product catalog. The first 29 rows keep ids 11–39 (tests and seeded additions rely on
 * them); rows are only ever appended. Some items carry a Microsoft SKU in `vendorSku` (monthly and
 * annual items share one, one retired item too, and one Bundle), one carries another tool's
 * offer id in `integrationXRef`, many carry neither. Defender for Business, extra file storage,
 * the D4s v5 reservation and Windows Server (only a retired item) have no active item with
 * their SKU.
 */
// biome-ignore format: one item per row reads as a price list
const catalogSeeds: CatalogSeed[] = [
  ['MS365-BB-M', 'Microsoft 365 Business Basic (Monthly)', 7.2, 6, 'Licensing', { vendorSku: sku.businessBasic }],
  ['MS365-BS-M', 'Microsoft 365 Business Standard (Monthly)', 15, 12.5, 'Licensing', { vendorSku: sku.businessStandard }],
  ['MS365-BP-M', 'Microsoft 365 Business Premium (Monthly)', 26.4, 22, 'Licensing', { vendorSku: sku.businessPremium }],
  ['MS365-BP-A', 'Microsoft 365 Business Premium (Annual)', 264, 220, 'Licensing', { ...annual, vendorSku: sku.businessPremium }],
  ['MS365-E3-M', 'Microsoft 365 E3 (Monthly)', 43.2, 36, 'Licensing', { vendorSku: sku.e3 }],
  ['MS365-E5-M', 'Microsoft 365 E5 (Monthly)', 68.4, 57, 'Licensing', { vendorSku: sku.e5 }],
  ['O365-E1-A', 'Office 365 E1 (Annual)', 120, 100, 'Licensing', { ...annual, vendorSku: sku.office365E1 }],
  ['EXO-P1-M', 'Exchange Online (Plan 1) (Monthly)', 4.8, 4, 'Licensing', { vendorSku: sku.exchangeOnlinePlan1 }],
  ['TEAMS-ESS-M', 'Microsoft Teams Essentials (Monthly)', 4.8, 4, 'Licensing', { vendorSku: sku.teamsEssentials }],
  ['M365-COPILOT-A', 'Microsoft 365 Copilot (Annual)', 360, 300, 'Licensing', { ...annual, vendorSku: sku.copilot }],
  ['DEF-EP-P2-M', 'Microsoft Defender for Endpoint P2 (Monthly)', 6.24, 5.2, 'Security', { type: 'Microsoft CSP', productClass: 'NonInventory' }],
  ['ENTRA-ID-P1-M', 'Microsoft Entra ID P1 (Monthly)', 7.2, 6, 'Security', { type: 'Microsoft CSP', productClass: 'NonInventory', vendorSku: sku.entraIdP1 }],
  ['INTUNE-P1-M', 'Microsoft Intune Plan 1 (Monthly)', 9.6, 8, 'Licensing'],
  ['AZURE-PLAN', 'Azure plan consumption', 1, 0.9, 'Cloud', { vendorSku: sku.azurePlan }],
  ['AZ-RI-D2SV5-1Y', 'Azure Reserved VM Instance D2s v5 (1 year)', 980, 890, 'Cloud', { ...annual, vendorSku: sku.reservedD2sV5 }],
  ['AZURE-SAVINGS-PLAN-COMPUTE-3YR-USD-MONTHLY-BILLING-DZH318Z0BQ3Q-0001', 'Azure savings plan for compute, 3 years, monthly billing', 1, 0.95, 'Cloud'],
  ['BKP-M365-SEAT', 'Cloud Backup for Microsoft 365 (per seat)', 3.5, 1.75, 'Backup'],
  ['BKP-SRV-TB', 'Server Backup & Recovery "Pro" (per TB)', 45, 20, 'Backup', { unit: 'TB' }],
  ['SEC-EDR-EP', 'Managed EDR (per endpoint)', 8, 4.5, 'Security'],
  ['SEC-MDR-USR', 'MDR Security Operations (per user)', 12, 7, 'Security'],
  ['SEC-SAT-USR', 'Security Awareness Training (per user)', 2.5, 1, 'Security'],
  ['DNS-FILTER', 'DNS Filtering (per user)', 2, 1, 'Security'],
  ['EMAIL-SEC-USR', 'Email Security Gateway (per user)', 3, 1.5, 'Security'],
  ['MSP-HELPDESK-USR', 'Managed Helpdesk (per user)', 45, 20, 'Services'],
  ['MSP-SERVER', 'Managed Server', 150, 60, 'Services'],
  ['ONBOARDING-FEE', 'Onboarding & Setup Fee', 500, 0, 'Services', { cycle: null }],
  ['SBS-2011-SUPPORT', 'Small Business Server 2011 Support', 99, 40, 'Services', { inactive: true }],
  ['O365-P1-LEGACY', 'Office 365 Plan P1 (retired)', 6, 5, 'Licensing', { inactive: true }],
  ['AV-LEGACY', 'Legacy Antivirus (per endpoint)', 3, 1, 'Security', { inactive: true }],
  // Appended from id 40 on.
  ['MS365-BB-A', 'Microsoft 365 Business Basic (Annual)', 72, 61.2, 'Licensing', { ...annual, vendorSku: sku.businessBasic }],
  ['MS365-BS-A', 'Microsoft 365 Business Standard (Annual)', 150, 127.5, 'Licensing', { ...annual, vendorSku: sku.businessStandard }],
  ['MS365-E3-A', 'Microsoft 365 E3 (Annual)', 432, 367.2, 'Licensing', { ...annual, vendorSku: sku.e3 }],
  ['MS365-E3-3Y', 'Microsoft 365 E3 (3 years, billed annually)', 432, 360, 'Licensing', { ...annual, vendorSku: sku.e3, integrationXRef: 'CFQ7TTC0LFLX:0001:P3Y' }],
  ['O365-E3-M', 'Office 365 E3 (Monthly)', 27.6, 23, 'Licensing', { vendorSku: sku.office365E3 }],
  ['M365-APPS-BUS-M', 'Microsoft 365 Apps for business (Monthly)', 9.9, 8.25, 'Licensing'],
  ['VISIO-P2-M', 'Visio Plan 2 (Monthly)', 18, 15, 'Licensing'],
  ['PROJECT-P3-M', 'Project Plan 3 (Monthly)', 36, 30, 'Licensing'],
  ['PBI-PRO-M', 'Power BI Pro (Monthly)', 16.8, 14, 'Licensing'],
  ['M365-COPILOT-M', 'Microsoft 365 Copilot (Monthly)', 37.8, 31.5, 'Licensing', { vendorSku: sku.copilot }],
  ['EXO-ARCHIVE-M', 'Exchange Online Archiving (Monthly)', 3.6, 3, 'Licensing'],
  ['WIN-SRV-2022-STD-16C', 'Windows Server 2022 Standard 16-core (2023 price)', 1025, 902, 'Licensing', { inactive: true, cycle: null, vendorSku: sku.windowsServer2022 }],
  ['MS365-BP-M-2023', 'Microsoft 365 Business Premium (Monthly) – 2023 price', 24, 20, 'Licensing', { inactive: true, vendorSku: sku.businessPremium }],
  ['AZ-BACKUP-GB', 'Azure Backup storage (per GB)', 0.05, 0.04, 'Cloud', { unit: 'GB' }],
  ['AZ-SAVINGS-1Y', 'Azure savings plan for compute, 1 year', 1, 0.93, 'Cloud'],
  ['GWS-STARTER', 'Google Workspace Business Starter', 8.4, 7, 'Licensing', { type: 'Software', vendorSku: '1010020027' }],
  ['GWS-STANDARD', 'Google Workspace Business Standard', 16.8, 14, 'Licensing', { type: 'Software', vendorSku: '1010020028' }],
  ['GWS-PLUS', 'Google Workspace Business Plus', 26.4, 22, 'Licensing', { type: 'Software', vendorSku: '1010020025' }],
  ['SEC-S1-COMPLETE', 'SentinelOne Singularity Complete (per endpoint)', 9, 6.3, 'Security', { integrationXRef: 'S1-COMPLETE-EP' }],
  ['SEC-BD-GZ-BS', 'Bitdefender GravityZone Business Security', 3.5, 2.5, 'Security', { cycle: 'Quarterly' }],
  ['SEC-PP-ESS-ADV', 'Proofpoint Essentials – Advanced (per user)', 4.5, 3.4, 'Security', { integrationXRef: 'LegacyPSA:4471' }],
  ['SEC-PWMGR-USR', 'Password Manager for Business (per user)', 4, 2.5, 'Security', annual],
  ['SEC-SIEM-DEV', 'SIEM Log Monitoring (per device)', 15, 8, 'Security'],
  ['SEC-VULN-ASSET', 'Vulnerability Scanning (per asset)', 3, 1.2, 'Security'],
  ['SEC-DARKWEB-DOM', 'Dark Web Monitoring (per domain)', 50, 20, 'Security'],
  ['BNDL-M365-SEC', 'Microsoft 365 Security Bundle', 39, 28, 'Bundles', { productClass: 'Bundle', vendorSku: sku.businessPremium }],
  ['BNDL-SECU-CONF', 'Sécurité & Conformité Pack', 29, 17, 'Bundles', { productClass: 'Bundle' }],
  ['BNDL-MODERN-WORK', 'Modern Workplace Bundle (M365 BP + Backup + EDR)', 49, 33, 'Bundles', { productClass: 'Bundle' }],
  ['BNDL-SBS-CARE', 'SBS Care Pack', 129, 60, 'Bundles', { productClass: 'Bundle', inactive: true }],
  ['Datto SaaS Protect M365', 'Datto SaaS Protection for Microsoft 365 (per seat)', 3, 1.6, 'Backup'],
  ['BKP-ACR-WKLD', 'Acronis Cyber Protect Cloud (per workload)', 12, 7.8, 'Backup'],
  ['BKP-VEEAM-365', 'Veeam Backup for Microsoft 365 (per user)', 6, 4.2, 'Backup', { cycle: 'Quarterly' }],
  ['BKP-SAUVEGARDE-USR', 'Sauvegarde Cloud – Données & Messagerie (par utilisateur)', 4, 2, 'Backup'],
  ['SVC-WARTUNG-SRV', 'Wartung & Überwachung Server (monatlich)', 120, 50, 'Services'],
  ['SVC-SOPORTE-REMOTO', 'Soporte Técnico Remoto – Plan Básico', 35, 15, 'Services'],
  ['MSP-WORKSTATION', 'Managed Workstation (per device)', 25, 9, 'Services'],
  ['MSP-NETWORK-SITE', 'Managed Network & Firewall (per site)', 95, 35, 'Services'],
  ['MSP-VCIO-Q', "vCIO Strategy Review (quarterly, owner's meeting)", 450, 150, 'Services', { cycle: 'Quarterly' }],
  ['MSP-PRINTER', 'Managed Print (per printer)', 12, 4, 'Services'],
  ['DOMAIN-COM-1Y', 'Domain Name Renewal (.com)', 20, 12, 'Services', annual],
  ['SSL-DV-1Y', 'SSL Certificate – Domain Validated (1 year)', 60, 25, 'Services', annual],
  ['HOSTING-WEB-BUS', 'Website Hosting "Business" Plan', 25, 8, 'Services'],
  ['AGR-MSP-BRONZE', 'Managed Services Agreement – Bronze', 1500, 600, 'Services', { productClass: 'Agreement', type: 'Agreement' }],
  ['AGR-MSP-SILVER', 'Managed Services Agreement – Silver', 2500, 1000, 'Services', { productClass: 'Agreement', type: 'Agreement' }],
  ['AGR-MSP-GOLD', 'Managed Services Agreement – Gold', 4000, 1600, 'Services', { productClass: 'Agreement', type: 'Agreement' }],
  ['AGR-BLOCK-10H', 'Block Time – 10 Hours', 1200, 500, 'Services', { productClass: 'Agreement', type: 'Agreement', cycle: null }],
  ['AGR-CLOUD-CSP', 'Cloud Marketplace Agreement Fee', 0, 0, 'Services', { productClass: 'Agreement', type: 'Agreement' }],
  ['LABOR-REMOTE', 'Remote Support (hourly)', 125, 45, 'Labor'],
  ['LABOR-ONSITE', 'Onsite Support (hourly)', 150, 55, 'Labor'],
  ['LABOR-AFTERHOURS', 'After-Hours Emergency Support (hourly)', 225, 80, 'Labor'],
  ['LABOR-PROJECT', 'Project Engineering (hourly)', 165, 60, 'Labor'],
  ['TRAVEL-ZONE1', 'Travel Charge – Zone 1', 45, 0, 'Labor', { unit: 'Each' }],
  ['PROJ-M365-MIGR', 'Microsoft 365 Migration (per mailbox)', 35, 10, 'Services', { cycle: null }],
  ['PROJ-AZ-ASSESS', 'Azure Readiness Assessment', 1800, 600, 'Services', { cycle: null }],
  ['HW-LAPTOP-14', 'Business Laptop 14" i5, 16 GB, 512 GB SSD', 1149, 930, 'Hardware', { vendorSku: 'LT14-I5-16-512' }],
  ['HW-DESKTOP-SFF', 'Small Form Factor Desktop i5', 899, 720, 'Hardware', { vendorSku: 'SFF-I5-16-256' }],
  ['HW-MONITOR-24', '24" Monitor, USB-C', 219, 160, 'Hardware', { vendorSku: 'MON24-USBC' }],
  ['HW-DOCK-USBC', 'USB-C Docking Station', 189, 140, 'Hardware'],
  ['HW-HEADSET-USB', 'Headset – Teams Certified, USB', 129, 90, 'Hardware'],
  ['HW-SECKEY-NFC', 'Security Key, USB-A & NFC', 55, 42, 'Hardware'],
  ['HW-LAPTOP-14-8GB', 'Business Laptop 14" i5, 8 GB (discontinued)', 949, 780, 'Hardware', { inactive: true }],
  ['HW-FW-60F', 'FortiGate 60F Firewall', 695, 540, 'Networking', { vendorSku: 'FG-60F' }],
  ['HW-FW-60F-UTP-1Y', 'FortiGate 60F UTP Protection (1 year)', 480, 370, 'Networking', { productClass: 'NonInventory', type: 'Software', cycle: 'Annual', vendorSku: 'FC-10-0060F-950-02-12' }],
  ['HW-SW-24-POE', 'Switch 24-Port PoE+', 379, 290, 'Networking', { vendorSku: 'USW-24-POE' }],
  ['HW-AP-WIFI6', 'Wi-Fi 6 Access Point', 189, 140, 'Networking', { vendorSku: 'U6-PRO' }],
  ['HW-UPS-1500', 'UPS 1500VA Rackmount', 899, 690, 'Networking', { vendorSku: 'SMT1500RM2UC' }],
];

const subcategoryIds: Record<Subcategory, number> = {
  Licensing: 1,
  Cloud: 2,
  Security: 3,
  Backup: 4,
  Services: 5,
  Hardware: 6,
  Networking: 7,
  Labor: 8,
  Bundles: 9,
};
const productTypeIds: Record<ProductType, number> = {
  Service: 1,
  'Microsoft CSP': 2,
  Hardware: 3,
  Labor: 4,
  Software: 5,
  Bundle: 6,
  Agreement: 7,
};
const unitIds: Record<Unit, number> = { Each: 1, Hour: 2, TB: 3, GB: 4 };
/** The ids `billingCycles()` gives these names. */
const recurringCycleIds: Record<RecurringCycle, number> = { Monthly: 1, Quarterly: 2, Annual: 3 };

interface CatalogDefaults {
  productClass: ProductClass;
  type: ProductType;
  unit: Unit;
  cycle: RecurringCycle | null;
}

function catalogDefaults(subcategory: Subcategory): CatalogDefaults {
  switch (subcategory) {
    case 'Licensing':
    case 'Cloud':
      return {
        productClass: 'NonInventory',
        type: 'Microsoft CSP',
        unit: 'Each',
        cycle: 'Monthly',
      };
    case 'Hardware':
    case 'Networking':
      return { productClass: 'Inventory', type: 'Hardware', unit: 'Each', cycle: null };
    case 'Labor':
      return { productClass: 'Service', type: 'Labor', unit: 'Hour', cycle: null };
    case 'Bundles':
      return { productClass: 'Bundle', type: 'Bundle', unit: 'Each', cycle: 'Monthly' };
    default:
      return { productClass: 'Service', type: 'Service', unit: 'Each', cycle: 'Monthly' };
  }
}

function catalog(): CatalogItem[] {
  return catalogSeeds.map(
    ([identifier, description, price, cost, subcategory, extras = {}], index) => {
      const defaults = catalogDefaults(subcategory);
      const productClass = extras.productClass ?? defaults.productClass;
      const type = extras.type ?? (productClass === 'Bundle' ? 'Bundle' : defaults.type);
      const unit = extras.unit ?? defaults.unit;
      const cycle = extras.cycle === undefined ? defaults.cycle : extras.cycle;
      return {
        id: 11 + index,
        identifier,
        description,
        customerDescription: description,
        inactiveFlag: extras.inactive === true,
        subcategory: { id: subcategoryIds[subcategory], name: subcategory },
        type: { id: productTypeIds[type], name: type },
        productClass,
        unitOfMeasure: { id: unitIds[unit], name: unit },
        price,
        cost,
        taxableFlag: type !== 'Microsoft CSP',
        recurringFlag: cycle !== null,
        recurringBillCycle: cycle === null ? null : { id: recurringCycleIds[cycle], name: cycle },
        vendorSku: extras.vendorSku ?? null,
        integrationXRef: extras.integrationXRef ?? null,
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

interface AgreementSeed {
  id: number;
  company: Company;
  type: AgreementType;
  start: number;
  info: RecordInfo;
  name?: string;
  endDate?: number;
  billStart?: number;
  status?: Agreement['agreementStatus'];
  currency?: Currency;
  internalNotes?: string | null;
}

function seededAgreement(seed: AgreementSeed): Agreement {
  const { id, company, type } = seed;
  const cancelled = seed.status === 'Cancelled';
  return {
    id,
    name: (seed.name ?? `${company.name} - ${type.name}`).slice(0, 100),
    type: { id: type.id, name: type.name },
    company: { id: company.id, identifier: company.identifier, name: company.name },
    contact: { ...(company.defaultContact as NamedReference) },
    startDate: connectwiseDate(seed.start),
    endDate: seed.endDate === undefined ? null : connectwiseDate(seed.endDate),
    noEndingDateFlag: seed.endDate === undefined,
    billStartDate: connectwiseDate(seed.billStart ?? seed.start),
    billingCycle: { ...type.billingCycle },
    agreementStatus: seed.status ?? 'Active',
    cancelledFlag: cancelled,
    dateCancelled: cancelled && seed.endDate !== undefined ? connectwiseDate(seed.endDate) : null,
    currency: currencyReference(seed.currency ?? (currencies()[0] as CurrencyRecord)),
    prorateFlag: type.prorateFlag,
    invoiceProratedAdditionsFlag: type.invoiceProratedAdditionsFlag,
    internalNotes: seed.internalNotes ?? null,
    customerPO: null,
    customFields: [],
    _info: { ...seed.info, additions_href: `/v2025_1/apis/3.0/finance/agreements/${id}/additions` },
  };
}

/** Serial numbers other tools and hardware put on Additions; none is a `PLT:` marker. */
const foreignSerialNumbers = [
  'PLT-4471-AX09',
  'SUB-7F3A2C19',
  'RHIPE:1187342',
  'PLTX:99812',
  'CSP 6a1f0c2e-90b1',
];

function seededAddition(
  seed: number,
  id: number,
  agreement: Agreement,
  product: CatalogItem,
  quantity: number,
  sequenceNumber: number,
  info: RecordInfo,
): Addition {
  // Extras come from a stream of their own, so they never shift the rest of the seed.
  const extras = randomStream(seed, 0xadd, id);
  const roll = extras.next();
  const serialNumber = roll < 0.15 ? extras.pick(foreignSerialNumbers) : null;
  const customFields: CustomField[] =
    roll > 0.85
      ? [
          {
            id: 43,
            caption: 'Vendor Reference',
            type: 'Text',
            entryMethod: 'EntryField',
            numberOfDecimals: 0,
            value: `VR-${extras.integer(100_000, 999_999)}`,
          },
        ]
      : [];
  return withDerivedAmounts({
    id,
    product: { id: product.id, identifier: product.identifier, description: product.description },
    quantity,
    lessIncluded: 0,
    unitPrice: product.price,
    unitCost: product.cost,
    billCustomer: 'Billable',
    effectiveDate: agreement.billStartDate ?? agreement.startDate,
    cancelledDate: agreement.agreementStatus === 'Cancelled' ? agreement.endDate : null,
    taxableFlag: product.taxableFlag,
    description: product.description,
    invoiceDescription: null,
    serialNumber,
    purchaseItemFlag: false,
    specialOrderFlag: false,
    agreementId: agreement.id,
    billedQuantity: 0,
    uom: product.unitOfMeasure.name,
    extPrice: 0,
    extCost: 0,
    margin: 0,
    sequenceNumber,
    agreementStatus: agreement.agreementStatus,
    customFields,
    _info: { ...info },
  });
}

const internalNoteSamples = [
  'Renewal reviewed with the customer in Q3.\nPrices locked until the end of the term.',
  'Billing contact changed — see the company notes.',
  'Migrated from the old PSA; do not edit the additions by hand.',
];

function agreementsWithAdditions(
  seed: number,
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
  // Recurring licences and services; a Bundle cannot be an addition (docs/connectwise.md §3.7).
  const activeProducts = data.catalog.filter(
    (item) =>
      !item.inactiveFlag &&
      item.recurringFlag &&
      (item.productClass === 'NonInventory' || item.productClass === 'Service'),
  );
  let additionId = 5000;
  let agreementId = 200;
  chosen.forEach((company, index) => {
    agreementId += random.integer(1, 3);
    const type = data.agreementTypes[index % 2] as AgreementType;
    const start = Date.UTC(2025, random.integer(0, 11), 1);
    const info = recordInfo(seedEpoch - random.integer(1, 90) * dayMs, start);
    const notes = randomStream(seed, 0xa6e, agreementId);
    const agreement = seededAgreement({
      id: agreementId,
      company,
      type,
      start,
      info,
      internalNotes: notes.chance(0.3) ? notes.pick(internalNoteSamples) : null,
    });
    agreements.push(agreement);
    const count = random.integer(1, 3);
    for (let n = 0; n < count; n++) {
      const product = random.pick(activeProducts);
      additionId += random.integer(1, 4);
      const quantity = random.integer(1, 40);
      additions.push(seededAddition(seed, additionId, agreement, product, quantity, n + 1, info));
    }
  });

  // Agreements the app must not post to, or must treat with care, after the ordinary ones.
  const special = randomStream(seed, 0x5bec1a1);
  const candidates = special.shuffle([...activeCompanies]);
  if (candidates.length === 0) return { agreements, additions };
  const companyAt = (index: number) => candidates[index % candidates.length] as Company;
  const european =
    activeCompanies.find((c) => /\b(GmbH|AG|SARL|ApS)\b/.test(c.name)) ?? companyAt(3);
  const type = (name: string) =>
    data.agreementTypes.find((candidate) => candidate.name === name) as AgreementType;
  const euro = currencies().find((currency) => currency.currencyCode === 'EUR') as CurrencyRecord;
  const specials: Array<Omit<AgreementSeed, 'id' | 'info'>> = [
    {
      company: companyAt(0),
      type: type('Managed Services'),
      name: `${companyAt(0).name} - Managed Services 2024`,
      start: Date.UTC(2024, 0, 1),
      endDate: Date.UTC(2025, 9, 31),
      status: 'Cancelled',
      internalNotes: 'Cancelled by the customer at the end of October 2025.',
    },
    {
      company: companyAt(1),
      type: type('Cloud Marketplace'),
      name: `${companyAt(1).name} - Cloud Marketplace 2025`,
      start: Date.UTC(2025, 0, 1),
      endDate: Date.UTC(2025, 11, 31),
      status: 'Expired',
    },
    {
      company: european,
      type: type('Cloud Marketplace'),
      name: `${european.name} - Cloud Marketplace (EUR)`,
      start: Date.UTC(2025, 5, 1),
      currency: euro,
    },
    {
      company: companyAt(2),
      type: type('Managed Services'),
      name: `${companyAt(2).name} - Managed Services 2030`,
      start: Date.UTC(2026, 0, 1),
      billStart: Date.UTC(2030, 0, 1),
      internalNotes: 'Signed early; billing starts on 1 January 2030.',
    },
    {
      company: companyAt(4),
      type: type('Microsoft CSP'),
      start: Date.UTC(2025, 2, 1),
    },
    {
      company: companyAt(5),
      type: type('Block Time'),
      name: `${companyAt(5).name} - Block Time (on hold)`,
      start: Date.UTC(2025, 3, 1),
      status: 'Inactive',
    },
  ];
  for (const each of specials) {
    agreementId += special.integer(1, 3);
    const info = recordInfo(seedEpoch - special.integer(1, 30) * dayMs, each.start);
    const agreement = seededAgreement({ ...each, id: agreementId, info });
    agreements.push(agreement);
    const count = special.integer(1, 2);
    for (let n = 0; n < count; n++) {
      const product = special.pick(activeProducts);
      additionId += special.integer(1, 4);
      const quantity = special.integer(1, 25);
      additions.push(seededAddition(seed, additionId, agreement, product, quantity, n + 1, info));
    }
  }
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
    currencies: currencies(),
    userDefinedFields: userDefinedFields(),
    catalog: catalog(),
  };
  const { agreements, additions } = agreementsWithAdditions(options.seed, random, {
    companies,
    contacts,
    agreementTypes: fixed.agreementTypes,
    catalog: fixed.catalog,
  });
  return { companies, contacts, ...fixed, agreements, additions };
}
