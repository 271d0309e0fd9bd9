import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  catalogProducts,
  companies,
  offers,
  organizations,
} from '../../../../tests/support/suggestionRecords';
import {
  createOfferSuggester,
  createOrganizationSuggester,
  type Suggestion,
  scoreOffer,
  scoreOrganization,
} from './index';
import { scoreEveryCandidate } from './indexedSuggester';

describe('organization suggester', () => {
  const subjects = organizations(1, 400);
  const candidates = companies(2, 800);
  const suggester = createOrganizationSuggester(candidates);
  let everyCompanyRanked: Suggestion[][] = [];
  beforeAll(() => {
    everyCompanyRanked = subjects.map((subject) =>
      scoreEveryCandidate(subject, candidates, scoreOrganization, Number.POSITIVE_INFINITY),
    );
  });

  it.each([1, 3, 10])('suggests what scoring every Company would, limit %i', (limit) => {
    subjects.forEach((subject, i) => {
      expect(suggester.suggest(subject, limit)).toEqual(everyCompanyRanked[i]?.slice(0, limit));
    });
  });

  it('suggests for most Organizations of near-duplicate data', () => {
    const suggested = subjects.filter((subject) => suggester.suggest(subject).length > 0);
    expect(suggested.length).toBeGreaterThan(subjects.length * 0.8);
  });

  it('suggests at most three by default, best first, ties by the lower Company id', () => {
    for (const subject of subjects) {
      const suggestions = suggester.suggest(subject);
      expect(suggestions.length).toBeLessThanOrEqual(3);
      for (const [i, next] of suggestions.slice(1).entries()) {
        const previous = suggestions[i];
        expect(previous && next.confidence <= previous.confidence).toBe(true);
        if (previous && next.confidence === previous.confidence)
          expect(next.candidateId).toBeGreaterThan(previous.candidateId);
      }
    }
  });

  it('breaks a tie between equally good Companies by id', () => {
    const twins = createOrganizationSuggester([
      { id: 9, name: 'Contoso Ltd', identifier: null },
      { id: 4, name: 'Contoso Ltd', identifier: null },
      { id: 6, name: 'Contoso Ltd', identifier: null },
      { id: 2, name: 'Fabrikam', identifier: null },
    ]);
    expect(twins.suggest({ id: 'ORG-1', name: 'Contoso Ltd' }, 2)).toEqual([
      { candidateId: 4, confidence: 0.99, reason: 'same name' },
      { candidateId: 6, confidence: 0.99, reason: 'same name' },
    ]);
    expect(twins.suggest({ id: 'ORG-1', name: 'Contoso Ltd' }, 0)).toEqual([]);
  });

  it('suggests what scoring every Company would, whatever the data', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer(),
        fc.integer({ min: 0, max: 60 }),
        (subjectSeed, candidateSeed, count) => {
          const someCandidates = companies(candidateSeed, count);
          const someSuggester = createOrganizationSuggester(someCandidates);
          for (const subject of organizations(subjectSeed, 20)) {
            expect(someSuggester.suggest(subject)).toEqual(
              scoreEveryCandidate(subject, someCandidates, scoreOrganization),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('offer suggester', () => {
  const subjects = offers(3, 200);
  const candidates = catalogProducts(4, 300);
  const suggester = createOfferSuggester(candidates);
  let everyProductRanked: Suggestion[][] = [];
  beforeAll(() => {
    everyProductRanked = subjects.map((subject) =>
      scoreEveryCandidate(subject, candidates, scoreOffer, Number.POSITIVE_INFINITY),
    );
  });

  it.each([1, 3, 10])('suggests what scoring every Product would, limit %i', (limit) => {
    subjects.forEach((subject, i) => {
      expect(suggester.suggest(subject, limit)).toEqual(everyProductRanked[i]?.slice(0, limit));
    });
  });

  it('suggests at most three by default', () => {
    for (const subject of subjects)
      expect(suggester.suggest(subject).length).toBeLessThanOrEqual(3);
  });
});
