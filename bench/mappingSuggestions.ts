import { performance } from 'node:perf_hooks';
import {
  bestSuggestions,
  type CompanyCandidate,
  createOrganizationSuggester,
  type OrganizationToSuggestFor,
  type Suggestion,
  scoreOrganization,
} from '../electron/core/mapping/suggestions';
import { startConnectWiseSimulator } from '../electron/sandbox/connectwise';
import { generateBillingHistory } from '../electron/sandbox/platform';
import { type Benchmark, type BenchRow, seconds } from './benchTable';

const seed = 5;
const organizationCount = 10_000;
const companyCount = 20_000;
/** The Platform's organization names take their counterparts from this many seed Companies. */
const counterpartCount = Math.round(organizationCount * 0.8);
const sampleEvery = 10;
const runs = 3;

async function seedCompanies(
  companySeed: number,
  count: number,
  idOffset: number,
): Promise<CompanyCandidate[]> {
  const sim = await startConnectWiseSimulator({ seed: companySeed, companies: count });
  try {
    return sim.data.companies.map(({ id, name, identifier }) => ({
      id: id + idOffset,
      name,
      identifier,
    }));
  } finally {
    await sim.close();
  }
}

/**
 * 10,000 Organizations whose names are, for 80%, the simulator's Company names as someone else
 * typed them ("Contoso Ltd" → "Contoso Limited", "Müller GmbH" → "Mueller GmbH"), against those
 * 8,000 Companies and 12,000 more from another seed: the same vocabulary, so many near misses.
 */
async function records(): Promise<{
  organizations: OrganizationToSuggestFor[];
  companies: CompanyCandidate[];
}> {
  const history = generateBillingHistory({
    seed,
    organizations: organizationCount,
    months: 1,
    now: () => new Date('2026-10-15T00:00:00Z'),
  });
  const companies = [
    ...(await seedCompanies(seed, counterpartCount, 0)),
    ...(await seedCompanies(seed + 1000, companyCount - counterpartCount, 10_000_000)),
  ];
  return { organizations: history.organizations.map(({ id, name }) => ({ id, name })), companies };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function scoreEveryCompany(
  organization: OrganizationToSuggestFor,
  companies: readonly CompanyCandidate[],
): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const company of companies) {
    const suggestion = scoreOrganization(organization, company);
    if (suggestion) suggestions.push(suggestion);
  }
  return bestSuggestions(suggestions, 3);
}

/**
 * Suggest Companies for every Organization with the indexed suggester, against scoring every
 * pair with the same pairwise scorer on a 1,000 × 2,000 sample, scaled ×100 to the full size.
 */
export const suggestCompanies: Benchmark = {
  name: 'mapping suggestions: 10,000 Organizations × 20,000 Companies',
  async run(): Promise<BenchRow[]> {
    const { organizations, companies } = await records();
    if (organizations.length !== organizationCount || companies.length !== companyCount)
      throw new Error(`generated ${organizations.length} × ${companies.length} records`);

    const indexMs: number[] = [];
    const suggestMs: number[] = [];
    let results: Suggestion[][] = [];
    for (let run = 0; run < runs; run++) {
      let began = performance.now();
      const suggester = createOrganizationSuggester(companies);
      indexMs.push(performance.now() - began);
      began = performance.now();
      results = organizations.map((organization) => suggester.suggest(organization));
      suggestMs.push(performance.now() - began);
    }
    const suggesterMs = median(indexMs) + median(suggestMs);
    const suggested = results.filter((suggestions) => suggestions.length > 0).length;
    const confident = results.filter(([best]) => best && best.confidence >= 0.9).length;

    const sampleOrganizations = organizations.filter((_, i) => i % sampleEvery === 0);
    const sampleCompanies = companies.filter((_, i) => i % sampleEvery === 0);
    const allPairsMs: number[] = [];
    let allPairs: Suggestion[][] = [];
    for (let run = 0; run < runs; run++) {
      const began = performance.now();
      allPairs = sampleOrganizations.map((organization) =>
        scoreEveryCompany(organization, sampleCompanies),
      );
      allPairsMs.push(performance.now() - began);
    }
    const sampleSuggester = createOrganizationSuggester(sampleCompanies);
    sampleOrganizations.forEach((organization, i) => {
      const indexed = JSON.stringify(sampleSuggester.suggest(organization));
      if (indexed !== JSON.stringify(allPairs[i]))
        throw new Error(`suggester and all pairs differ for ${organization.id}`);
    });
    const scaledAllPairsMs = median(allPairsMs) * sampleEvery * sampleEvery;

    const label = `${this.name} (target ≤ 1 s)`;
    return [
      {
        benchmark: label,
        variant: 'suggester: index the Companies',
        figures: { seconds: seconds(median(indexMs)) },
      },
      {
        benchmark: label,
        variant: 'suggester: suggest for every Organization',
        figures: {
          seconds: seconds(median(suggestMs)),
          'with a suggestion': `${suggested} (${confident} ≥ 0.9)`,
        },
      },
      {
        benchmark: label,
        variant: 'suggester: index + suggest',
        figures: { seconds: seconds(suggesterMs), 'all pairs ÷ suggester': '1.0' },
      },
      {
        benchmark: label,
        variant: `all pairs: ${sampleOrganizations.length} × ${sampleCompanies.length} sample, ×100`,
        figures: {
          seconds: seconds(scaledAllPairsMs),
          'all pairs ÷ suggester': (scaledAllPairsMs / suggesterMs).toFixed(0),
        },
      },
    ];
  },
};
