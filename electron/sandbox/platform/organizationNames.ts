/**
 * Organization names as an MSP sees them on both sides: most Platform organizations are also
 * ConnectWise companies, but typed by someone else. For the same seed, about 80% of the names
 * come from the ConnectWise simulator's company list (some exactly, some written differently:
 * "Contoso Ltd" → "Contoso Limited", "Müller GmbH" → "Mueller GmbH"), the rest have no
 * counterpart there.
 */
import { generateSeedData } from '../connectwise/seedData';
import { randomStream, type SeededRandom } from '../seededRandom';

/** The ConnectWise simulator's default size: its companies are the counterparts. */
const connectwiseDefaultCompanies = 250;
const shareWithCounterpart = 0.8;
const shareWrittenDifferently = 0.4;

const suffixRewrites: Array<[RegExp, string]> = [
  [/\bLtd\.?$/, 'Limited'],
  [/\bLimited$/, 'Ltd'],
  [/\bInc\.$/, 'Inc'],
  [/\bInc$/, 'Incorporated'],
  [/\bCorp\.$/, 'Corporation'],
  [/\bLLC$/, 'L.L.C.'],
  [/\bAB$/, 'Aktiebolag'],
  [/\bPty Ltd$/, 'Pty. Ltd.'],
  [/\bB\.V\.$/, 'BV'],
  [/\bS\.A\.$/, 'SA'],
  [/\bGmbH$/, 'G.m.b.H.'],
  [/\bPLC$/, 'plc'],
];
const legalSuffix =
  /\s+(Ltd\.?|Limited|LLC|Inc\.?|Corp\.?|GmbH|AG|AB|AS|ApS|Oy|SARL|S\.A\.|B\.V\.|Pty Ltd|PLC|LLP|KG|S\.r\.l\.)$/;
const foldedLetters: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
  å: 'aa',
  Å: 'Aa',
  ø: 'oe',
  Ø: 'Oe',
  é: 'e',
  è: 'e',
  á: 'a',
  ó: 'o',
  ł: 'l',
  Ł: 'L',
  ç: 'c',
  ã: 'a',
  ë: 'e',
};

/** The ways a person re-types a company name, by how often they happen; null when one does not apply. */
const rewrites: Array<[rewrite: (name: string) => string | null, weight: number]> = [
  [
    (name) => {
      for (const [pattern, replacement] of suffixRewrites) {
        if (pattern.test(name)) return name.replace(pattern, replacement);
      }
      return null;
    },
    5,
  ],
  [
    (name) => {
      const folded = name.replace(
        /[äöüÄÖÜßåÅøØéèáółŁçãë]/g,
        (letter) => foldedLetters[letter] ?? '',
      );
      return folded === name ? null : folded;
    },
    4,
  ],
  [(name) => (legalSuffix.test(name) ? name.replace(legalSuffix, '') : null), 3],
  [(name) => (name.includes(' & ') ? name.replace(/ & /g, ' and ') : null), 2],
  [(name) => (name.toUpperCase() === name ? null : name.toUpperCase()), 1],
  [(name) => `${name} (${['UK', 'EU', 'US', 'Nordics'][name.length % 4]})`, 1],
];

function rewritten(name: string, random: SeededRandom): string {
  const candidates: Array<readonly [string, number]> = [];
  for (const [rewrite, weight] of rewrites) {
    const candidate = rewrite(name);
    if (candidate && candidate !== name) candidates.push([candidate, weight]);
  }
  return random.weighted(candidates);
}

const ownBrands = [
  'Pinnacle',
  'Bluewave',
  'Ironbark',
  'Meridian',
  'Copperline',
  'Falcon Ridge',
  'Starling',
  'Juniper Bay',
  'Kestrel',
  'Granite Peak',
  'Aurora',
  'Cedar Point',
  'Harbor Light',
  'Brightwater',
  'Foxglove',
  'Nordlicht',
];
const ownTrades = [
  'Dental Clinic',
  'Law Office',
  'Freight',
  'Builders',
  'Accountants',
  'Health',
  'Design Studio',
  'Robotics',
  'Hotels',
  'Veterinary Care',
  'Outfitters',
  'Print & Copy',
];
const ownSuffixes = ['Ltd', 'LLC', 'Inc.', 'GmbH', 'AB', 'B.V.', 'Oy', 'S.A.S.', ''];

function ownName(random: SeededRandom): string {
  const suffix = random.pick(ownSuffixes);
  const core = `${random.pick(ownBrands)} ${random.pick(ownTrades)}`;
  return suffix ? `${core} ${suffix}` : core;
}

/**
 * `count` distinct organization names for `seed`. Deterministic; the same seed and count give
 * the same list.
 */
export function organizationNames(seed: number, count: number): string[] {
  const withCounterpart = Math.round(count * shareWithCounterpart);
  const source = generateSeedData({
    seed,
    companies: Math.max(connectwiseDefaultCompanies, withCounterpart),
  }).companies.map((company) => company.name);
  const random = randomStream(seed, 0x0a9e5);
  const taken = new Set<string>();
  const names: string[] = [];
  for (const name of source) {
    if (names.length >= withCounterpart) break;
    const candidate = random.chance(shareWrittenDifferently) ? rewritten(name, random) : name;
    const chosen = taken.has(candidate) ? name : candidate;
    if (taken.has(chosen)) continue;
    taken.add(chosen);
    names.push(chosen);
  }
  for (let attempt = 0; names.length < count; attempt++) {
    const base = ownName(random);
    const candidate = attempt < count * 4 ? base : `${base} ${attempt}`;
    if (taken.has(candidate)) continue;
    taken.add(candidate);
    names.push(candidate);
  }
  // Interleave: organization ids should not reveal which names have a counterpart.
  for (let i = names.length - 1; i > 0; i--) {
    const j = random.integer(0, i);
    [names[i], names[j]] = [names[j] as string, names[i] as string];
  }
  return names;
}
