/**
 * Test data: Organizations and Companies, Offers and Products, with the near duplicates people
 * type (other case, legal form, umlauts spelled out, "&" for "and", shared words), from a seed.
 */
import type {
  CompanyCandidate,
  OfferToSuggestFor,
  OrganizationToSuggestFor,
  ProductCandidate,
} from '../../electron/core/mapping/suggestions';
import { type SeededRandom, seededRandom } from '../../electron/sandbox/seededRandom';

const brands = ['Contoso', 'Fabrikam', 'Müller', 'Nordic', 'Ørsted', 'Zürich', 'Smith & Jones'];
const places = ['North', 'Bristol', 'Malmö', ''];
const trades = ['Dental', 'Logistics', 'Holdings', 'Group', 'Bakery', 'Partners', ''];
const legalForms = ['Ltd', 'Ltd.', 'Limited', 'GmbH', 'AB (publ)', 'Inc.', 'LLC', 'A/S', ''];

/** A company name as one person typed it: one to five words, some in most names. */
function companyName(random: SeededRandom): string {
  const name = [
    random.pick(brands),
    random.chance(0.3) ? random.pick(places) : '',
    random.pick(trades),
    random.chance(0.2) ? random.pick(trades) : '',
    random.pick(legalForms),
  ]
    .filter((part) => part !== '')
    .join(' ');
  return retyped(name, random);
}

function retyped(name: string, random: SeededRandom): string {
  let typed = name;
  if (random.chance(0.2)) typed = typed.toUpperCase();
  if (random.chance(0.2)) typed = typed.replace(/ü/gi, 'ue').replace(/ø/gi, 'oe');
  if (random.chance(0.2)) typed = typed.replace(/ & /g, ' and ');
  if (random.chance(0.1)) typed = `The ${typed}`;
  if (random.chance(0.05)) typed = '';
  return typed;
}

const condensed = (name: string) => name.replace(/[^A-Za-z0-9]/g, '').slice(0, 30);

export function organizations(seed: number, count: number): OrganizationToSuggestFor[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => ({
    id: `ORG-${100_000 + index}`,
    name: companyName(random),
  }));
}

export function companies(seed: number, count: number): CompanyCandidate[] {
  const random = seededRandom(seed);
  let id = 0;
  return Array.from({ length: count }, () => {
    id += 1 + Math.floor(random.next() * 3);
    const name = companyName(random);
    const identifier = random.chance(0.1)
      ? `ORG-${100_000 + Math.floor(random.next() * count)}`
      : random.chance(0.1)
        ? null
        : condensed(random.chance(0.3) ? companyName(random) : name);
    return { id, name, identifier };
  });
}

const products = [
  'Microsoft 365 Business Basic',
  'Microsoft 365 Business Standard',
  'Microsoft 365 E3',
  'Exchange Online (Plan 1)',
  'Google Workspace Business Starter',
  'Cloud Backup',
];
const terms = ['(Monthly)', '(Annual)', 'Monthly', '- Annual', ''];
const skus = ['CFQ7TTC0LH18', 'CFQ7TTC0LDPB', 'CFQ7TTC0LF8R', 'GWS-STARTER', 'BACKUP'];

export function offers(seed: number, count: number): OfferToSuggestFor[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => ({
    id: `${random.pick(skus)}:000${Math.floor(random.next() * 3)}:${random.pick(['P1M', 'P1Y'])}`,
    name: `${random.pick(products)} ${random.pick(terms)}`.trim(),
    vendor: random.pick(['Microsoft', 'Google', null]),
  }));
}

export function catalogProducts(seed: number, count: number): ProductCandidate[] {
  const random = seededRandom(seed);
  let id = 0;
  return Array.from({ length: count }, () => {
    id += 1 + Math.floor(random.next() * 3);
    const description = `${random.pick(products)} ${random.pick(terms)}`.trim();
    const sku = random.pick(skus);
    return {
      id,
      identifier: random.chance(0.5) ? condensed(description).slice(0, 25) : `PRD-${id}`,
      description: random.chance(0.9) ? retyped(description, random) : null,
      vendorSku: random.chance(0.5) ? sku : random.chance(0.5) ? `${sku}:0001:P1M` : null,
      integrationXRef: random.chance(0.2) ? `${sku}:0002:P1Y` : null,
    };
  });
}
