/**
 * The lowest tier: how many words two names share, as a weighted Dice coefficient,
 * 2·shared / (words of one + words of the other), scaled to at most 0.85.
 *
 * Weights are fixed per word (never taken from the candidate list), so a pair scores the same
 * whatever else is being compared; they are 1, ½ or 0, which add up exactly in any order.
 */
import { legalFormWords } from './legalForms';
import type { NameToken } from './nameTokens';

export interface SimilarityWord {
  /** One spelling, or two when the word has an umlaut: ["muller", "mueller"]. */
  spellings: readonly string[];
  weight: number;
}

export interface SimilarityWords {
  words: SimilarityWord[];
  /** The sum of the words' weights. */
  weight: number;
}

export interface NameSimilarity {
  confidence: number;
  sharedWords: number;
  words: number;
}

export const tokenTierCeiling = 0.85;
export const lowestConfidence = 0.5;

/** Below the least similarity that rounds to `lowestConfidence`, with room for float error. */
const leastSimilarity = (lowestConfidence - 0.01) / tokenTierCeiling;

/** Words that say nothing about which company it is. */
const ignoredWords = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'for',
  'at',
  'in',
  'on',
  'de',
  'des',
  'du',
  'la',
  'le',
  'les',
  'der',
  'die',
  'das',
  'den',
  'und',
  'och',
  'og',
  'et',
  'y',
  'e',
]);

/** Words many unrelated companies share: they count half. */
const commonBusinessWords = new Set([
  'group',
  'holding',
  'holdings',
  'service',
  'services',
  'solution',
  'solutions',
  'partner',
  'partners',
  'partnership',
  'associates',
  'consulting',
  'consultants',
  'system',
  'systems',
  'technology',
  'technologies',
  'tech',
  'international',
  'global',
  'worldwide',
  'enterprise',
  'enterprises',
  'industries',
  'management',
  'trading',
  'ventures',
]);

/**
 * Billing terms of an Offer or catalog Product, in the words people use for them. A term counts
 * half: the same product on another term is a nearer miss than another product on the same term.
 */
const termWords: Record<string, string> = {
  month: 'monthly',
  monthly: 'monthly',
  p1m: 'monthly',
  annual: 'annual',
  annually: 'annual',
  yearly: 'annual',
  year: 'annual',
  p1y: 'annual',
  triennial: 'triennial',
  p3y: 'triennial',
  quarterly: 'quarterly',
};

const productHalfWords = new Set([...commonBusinessWords, ...Object.values(termWords)]);

function collect(
  tokens: readonly NameToken[],
  spell: (word: string) => string,
  keep: (token: NameToken) => boolean,
  halfWords: ReadonlySet<string>,
): SimilarityWords {
  const words: SimilarityWord[] = [];
  const seen = new Set<string>();
  let weight = 0;
  for (const token of tokens) {
    const text = spell(token.text);
    if (ignoredWords.has(text) || !keep(token) || seen.has(text)) continue;
    seen.add(text);
    const spelledOut = spell(token.spelledOut);
    const wordWeight = halfWords.has(text) ? 0.5 : 1;
    words.push({
      spellings: text === spelledOut ? [text] : [text, spelledOut],
      weight: wordWeight,
    });
    weight += wordWeight;
  }
  return { words, weight };
}

/** A company name's words; legal forms anywhere in it ("Contoso Limited (UK)") do not count. */
export function companyNameWords(tokens: readonly NameToken[]): SimilarityWords {
  return collect(
    tokens,
    (word) => word,
    (token) => !legalFormWords.has(token.text),
    commonBusinessWords,
  );
}

/** A product name's words; "(Monthly)", "Month" and "P1M" are the same word. */
export function productNameWords(tokens: readonly NameToken[]): SimilarityWords {
  return collect(
    tokens,
    (word) => termWords[word] ?? word,
    () => true,
    productHalfWords,
  );
}

function sameWord(a: SimilarityWord, b: SimilarityWord): boolean {
  for (const spelling of a.spellings) if (b.spellings.includes(spelling)) return true;
  return false;
}

function sharesWord(word: SimilarityWord, other: SimilarityWords): boolean {
  for (const candidate of other.words) if (sameWord(word, candidate)) return true;
  return false;
}

/**
 * The confidence of sharing `shared` weight. Rounding never lowers a larger input, so a bound on
 * `shared` gives a bound on the confidence.
 */
export function sharedWordsConfidence(
  shared: number,
  subjectWeight: number,
  candidateWeight: number,
): number {
  const similarity = (2 * shared) / (subjectWeight + candidateWeight);
  return Math.round(similarity * tokenTierCeiling * 100) / 100;
}

/** Null below `lowestConfidence`. */
export function nameSimilarity(a: SimilarityWords, b: SimilarityWords): NameSimilarity | null {
  if (a.weight === 0 || b.weight === 0) return null;
  let sharedFromA = 0;
  let wordsFromA = 0;
  for (const word of a.words) {
    if (!sharesWord(word, b)) continue;
    sharedFromA += word.weight;
    wordsFromA += 1;
  }
  if (sharedWordsConfidence(sharedFromA, a.weight, b.weight) < lowestConfidence) return null;
  let sharedFromB = 0;
  let wordsFromB = 0;
  for (const word of b.words) {
    if (!sharesWord(word, a)) continue;
    sharedFromB += word.weight;
    wordsFromB += 1;
  }
  // The smaller side: one word of A spelled two ways in B must not count twice.
  const confidence = sharedWordsConfidence(Math.min(sharedFromA, sharedFromB), a.weight, b.weight);
  if (confidence < lowestConfidence) return null;
  return {
    confidence,
    sharedWords: Math.min(wordsFromA, wordsFromB),
    words: Math.max(a.words.length, b.words.length),
  };
}

/**
 * The least weight a subject of `subjectWeight` must share with a candidate for the pair to
 * reach `lowestConfidence`: with s = 2·shared/(wA + wB) and shared ≤ wB, s ≥ least gives
 * shared ≥ least·wA/(2 − least). A suggester may skip words that together weigh less.
 */
export function leastSharedWeight(subjectWeight: number): number {
  return (leastSimilarity * subjectWeight) / (2 - leastSimilarity);
}
