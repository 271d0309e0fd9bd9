import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  catalogProducts,
  companies,
  offers,
  organizations,
} from '../../../../tests/support/suggestionRecords';
import { createOfferSuggester, createOrganizationSuggester, type Suggester } from './index';

/** Generated subjects and candidates, the candidates shuffled, the subjects asked in any order. */
function shuffledRecords<Subject, Candidate>(
  subjectsFor: (seed: number) => Subject[],
  candidatesFor: (seed: number) => Candidate[],
) {
  return fc.integer().chain((seed) => {
    const subjects = subjectsFor(seed);
    const candidates = candidatesFor(seed + 1);
    return fc.record({
      subjects: fc.constant(subjects),
      candidates: fc.constant(candidates),
      shuffledCandidates: fc.shuffledSubarray(candidates, { minLength: candidates.length }),
      askingOrder: fc.shuffledSubarray(
        subjects.map((_, index) => index),
        { minLength: subjects.length },
      ),
    });
  });
}

function expectSameSuggestions<Subject, Candidate>(
  createSuggester: (candidates: Candidate[]) => Suggester<Subject>,
  records: {
    subjects: Subject[];
    candidates: Candidate[];
    shuffledCandidates: Candidate[];
    askingOrder: number[];
  },
): void {
  const inOrder = createSuggester(records.candidates);
  const expected = records.subjects.map((subject) => inOrder.suggest(subject));
  const shuffled = createSuggester(records.shuffledCandidates);
  const actual: unknown[] = [];
  for (const index of records.askingOrder) {
    actual[index] = shuffled.suggest(records.subjects[index] as Subject);
  }
  expect(actual).toEqual(expected);
}

describe('suggestions do not depend on order', () => {
  it('gives every Organization the same suggestions however Companies and Organizations are shuffled', () => {
    fc.assert(
      fc.property(
        shuffledRecords(
          (seed) => organizations(seed, 40),
          (seed) => companies(seed, 80),
        ),
        (records) => expectSameSuggestions(createOrganizationSuggester, records),
      ),
      { numRuns: 100 },
    );
  });

  it('gives every Offer the same suggestions however Products and Offers are shuffled', () => {
    fc.assert(
      fc.property(
        shuffledRecords(
          (seed) => offers(seed, 40),
          (seed) => catalogProducts(seed, 80),
        ),
        (records) => expectSameSuggestions(createOfferSuggester, records),
      ),
      { numRuns: 100 },
    );
  });
});
