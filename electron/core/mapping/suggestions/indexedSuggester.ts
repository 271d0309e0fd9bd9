/**
 * Suggests the way scoring every candidate would, without scoring every candidate.
 *
 * A pairing says under which keys a candidate can be found by the tiers above word similarity
 * (identifier, condensed name, folded name): a subject and a candidate that match on one of those
 * tiers always share a key. For word similarity an inverted index of the candidates' words finds
 * the candidates that share a word with the subject. The subject's most frequent words are not
 * looked up as long as they weigh less than `leastSharedWeight`: a candidate sharing nothing but
 * those cannot reach the lowest confidence. A candidate found only by its words is scored only if
 * the words it may share could still put it among the best. Every candidate scored is scored by
 * the pairing's own pairwise scorer, so the result is the pairwise result.
 */
import {
  leastSharedWeight,
  lowestConfidence,
  type SimilarityWords,
  sharedWordsConfidence,
} from './nameSimilarity';
import {
  bestSuggestions,
  defaultSuggestionLimit,
  RankedSuggestions,
  type Suggestion,
} from './suggestion';

export interface Pairing<Subject, Candidate, PreparedSubject, PreparedCandidate> {
  prepareSubject(subject: Subject): PreparedSubject;
  prepareCandidate(candidate: Candidate): PreparedCandidate;
  candidateId(candidate: PreparedCandidate): number;
  score(subject: PreparedSubject, candidate: PreparedCandidate): Suggestion | null;
  /**
   * Keys by kind (identifier, name…): a subject's i-th list is looked up among the candidates'
   * i-th lists. A pair matching on a tier above word similarity shares a key.
   */
  subjectKeys(subject: PreparedSubject): ReadonlyArray<readonly string[]>;
  candidateKeys(candidate: PreparedCandidate): ReadonlyArray<readonly string[]>;
  subjectWords(subject: PreparedSubject): SimilarityWords;
  /** Each text of a candidate compared word by word (a Product: description and identifier). */
  candidateWords(candidate: PreparedCandidate): readonly SimilarityWords[];
}

export interface Suggester<Subject> {
  /** The best `limit` (default 3) candidates for `subject`, best first. */
  suggest(subject: Subject, limit?: number): Suggestion[];
}

/** Scores `subject` against every candidate: the reference the indexed suggester must equal. */
export function scoreEveryCandidate<Subject, Candidate>(
  subject: Subject,
  candidates: readonly Candidate[],
  score: (subject: Subject, candidate: Candidate) => Suggestion | null,
  limit = defaultSuggestionLimit,
): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const candidate of candidates) {
    const suggestion = score(subject, candidate);
    if (suggestion) suggestions.push(suggestion);
  }
  return bestSuggestions(suggestions, limit);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

export function createIndexedSuggester<Subject, Candidate, PreparedSubject, PreparedCandidate>(
  pairing: Pairing<Subject, Candidate, PreparedSubject, PreparedCandidate>,
  candidates: readonly Candidate[],
): Suggester<Subject> {
  const prepared = candidates.map((candidate) => pairing.prepareCandidate(candidate));

  const byKey: Array<Map<string, number[]>> = [];
  // Candidates with the same words (often the same name with another legal form) share one entry
  // of the word index: a word's list is as long as the number of distinct word sets using it.
  const wordSetBySignature = new Map<string, number>();
  const wordSetWeight: number[] = [];
  const wordSetCandidates: number[][] = [];
  const wordSetsBySpelling = new Map<string, number[]>();
  prepared.forEach((candidate, index) => {
    pairing.candidateKeys(candidate).forEach((keys, kind) => {
      byKey[kind] ??= new Map();
      const candidatesByKey = byKey[kind];
      for (const key of keys) {
        const indexes = candidatesByKey.get(key);
        if (!indexes) candidatesByKey.set(key, [index]);
        else if (indexes.at(-1) !== index) indexes.push(index);
      }
    });
    for (const words of pairing.candidateWords(candidate)) {
      if (words.weight === 0) continue;
      const signature = words.words
        .map((word) => `${word.spellings.join('/')}:${word.weight}`)
        .sort()
        .join(' ');
      let wordSet = wordSetBySignature.get(signature);
      if (wordSet === undefined) {
        wordSet = wordSetWeight.length;
        wordSetBySignature.set(signature, wordSet);
        wordSetWeight.push(words.weight);
        wordSetCandidates.push([]);
        const spellings = new Set(words.words.flatMap((word) => word.spellings));
        for (const spelling of spellings) push(wordSetsBySpelling, spelling, wordSet);
      }
      const members = wordSetCandidates[wordSet] as number[];
      if (members.at(-1) !== index) members.push(index);
    }
  });
  const postings = new Map<string, Int32Array>();
  for (const [spelling, wordSets] of wordSetsBySpelling)
    postings.set(spelling, Int32Array.from(wordSets));

  const candidateIds = Float64Array.from(prepared, (candidate) => pairing.candidateId(candidate));

  // Scratch space reused by every call, marked with the call's (or word lookup's) number instead
  // of cleared; Float64Array so the numbers never wrap.
  let call = 0;
  let lookup = 0;
  const scored = new Float64Array(prepared.length);
  const bounded = new Float64Array(prepared.length);
  const ceiling = new Float64Array(prepared.length);
  const wordSetMark = new Float64Array(wordSetWeight.length);
  const wordSetLookup = new Float64Array(wordSetWeight.length);
  const sharedWeight = new Float64Array(wordSetWeight.length);
  const foundWordSets = new Int32Array(wordSetWeight.length);

  /** Adds `weight` to every word set in `list`; one already counted for this word is skipped. */
  const share = (list: Int32Array, weight: number, found: number, twoSpellings: boolean) => {
    let count = found;
    for (let i = 0; i < list.length; i++) {
      const wordSet = list[i] as number;
      if (twoSpellings) {
        if (wordSetLookup[wordSet] === lookup) continue;
        wordSetLookup[wordSet] = lookup;
      }
      if (wordSetMark[wordSet] === call)
        sharedWeight[wordSet] = (sharedWeight[wordSet] as number) + weight;
      else {
        wordSetMark[wordSet] = call;
        sharedWeight[wordSet] = weight;
        foundWordSets[count++] = wordSet;
      }
    }
    return count;
  };

  /**
   * The candidates whose words may reach the lowest confidence, each with the most its words
   * can give it (`ceiling`).
   */
  const boundBySharedWords = (words: SimilarityWords): number[] => {
    const probes = words.words.map((word) => {
      const lists = word.spellings.flatMap((spelling) => postings.get(spelling) ?? []);
      const wordSets = lists.reduce((sum, list) => sum + list.length, 0);
      return { weight: word.weight, lists, wordSets };
    });
    probes.sort((a, b) => b.wordSets - a.wordSets);
    const least = leastSharedWeight(words.weight);
    let skippedWeight = 0;
    let first = 0;
    while (first < probes.length && skippedWeight + (probes[first]?.weight ?? 0) < least) {
      skippedWeight += probes[first]?.weight ?? 0;
      first += 1;
    }

    let found = 0;
    for (const { weight, lists } of probes.slice(first)) {
      lookup += 1;
      for (const list of lists) found = share(list, weight, found, lists.length > 1);
    }

    const bound: number[] = [];
    for (let i = 0; i < found; i++) {
      const wordSet = foundWordSets[i] as number;
      // The skipped words may be shared too: counting them all keeps this a ceiling.
      const shared = (sharedWeight[wordSet] as number) + skippedWeight;
      const most = sharedWordsConfidence(shared, words.weight, wordSetWeight[wordSet] as number);
      if (most < lowestConfidence) continue;
      for (const index of wordSetCandidates[wordSet] as number[]) {
        if (bounded[index] !== call) {
          bounded[index] = call;
          ceiling[index] = most;
          bound.push(index);
        } else if (most > (ceiling[index] as number)) ceiling[index] = most;
      }
    }
    return bound;
  };

  return {
    suggest(subject, limit = defaultSuggestionLimit) {
      if (!(limit >= 1)) return [];
      const best = new RankedSuggestions(limit);
      call += 1;
      const preparedSubject = pairing.prepareSubject(subject);
      const score = (index: number) => {
        scored[index] = call;
        const suggestion = pairing.score(preparedSubject, prepared[index] as PreparedCandidate);
        if (suggestion) best.offer(suggestion);
      };

      pairing.subjectKeys(preparedSubject).forEach((keys, kind) => {
        for (const key of keys) {
          for (const index of byKey[kind]?.get(key) ?? []) if (scored[index] !== call) score(index);
        }
      });
      const words = pairing.subjectWords(preparedSubject);
      if (words.weight === 0) return best.best;

      // Any tier above word similarity was found by key: the rest score by words alone, at
      // most their ceiling. Best ceilings first, and only while one could still get in.
      const byCeiling = boundBySharedWords(words).filter(
        (index) =>
          scored[index] !== call &&
          best.admits(ceiling[index] as number, candidateIds[index] as number),
      );
      byCeiling.sort(
        (a, b) =>
          (ceiling[b] as number) - (ceiling[a] as number) ||
          (candidateIds[a] as number) - (candidateIds[b] as number),
      );
      for (const index of byCeiling) {
        if (!best.admits(ceiling[index] as number, candidateIds[index] as number)) break;
        score(index);
      }
      return best.best;
    },
  };
}
