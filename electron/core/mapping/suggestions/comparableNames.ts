/** A name folded once into every form the tiers compare, so scoring a pair is only lookups. */
import { companyNameWords, productNameWords, type SimilarityWords } from './nameSimilarity';
import type { NameToken } from './nameTokens';
import { analyzeName } from './normalizeName';

/** Shared between callers (see `remembered`): never changed once made. */
export interface ComparableName {
  /** The name as written, trimmed: "same name" is byte-for-byte. */
  readonly trimmed: string;
  /** Folded, before legal forms are removed; empty when the name is unusable. */
  readonly plains: readonly string[];
  /** Folded, legal forms removed; empty when the name is unusable. */
  readonly keys: readonly string[];
  /** Plains and keys. */
  readonly forms: readonly string[];
  /** Plains and keys without spaces, for comparing with an identifier. */
  readonly condensed: readonly string[];
  readonly removed: readonly string[];
  readonly words: SimilarityWords;
}

const noWords: SimilarityWords = { words: [], weight: 0 };

export function distinct(values: readonly string[]): string[] {
  const kept: string[] = [];
  for (const value of values) if (!kept.includes(value)) kept.push(value);
  return kept;
}

export function sharesAny(a: readonly string[], b: readonly string[]): boolean {
  for (const value of a) if (b.includes(value)) return true;
  return false;
}

/** Each form twice when umlauts may be spelled out: "muller gmbh" and "mueller gmbh". */
function spellings(words: readonly NameToken[]): string[] {
  const folded = words.map((word) => word.text).join(' ');
  if (words.every((word) => word.text === word.spelledOut)) return [folded];
  return distinct([folded, words.map((word) => word.spelledOut).join(' ')]);
}

const condense = (forms: readonly string[]) =>
  distinct(forms.map((form) => form.replaceAll(' ', '')));

/**
 * `fold`, keeping the last few thousand results: a pairwise scorer sees the same texts pair after
 * pair (one Organization against every Company). A result depends on the text alone.
 */
export function remembered<T>(
  fold: (text: string) => T,
  capacity = 4096,
): (text: string | null | undefined) => T {
  const results = new Map<string, T>();
  return (text) => {
    const key = typeof text === 'string' ? text : '';
    let result = results.get(key);
    if (result === undefined) {
      if (results.size >= capacity) results.clear();
      result = fold(key);
      results.set(key, result);
    }
    return result;
  };
}

/** A company name; an empty key (only a legal form, a placeholder, nothing) is never compared. */
export function comparableCompanyName(name: string | null | undefined): ComparableName {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  const { plainWords, keyWords, removed } = analyzeName(name);
  if (keyWords.length === 0) {
    return { trimmed, plains: [], keys: [], forms: [], condensed: [], removed, words: noWords };
  }
  const plains = spellings(plainWords);
  const keys = spellings(keyWords);
  const forms = distinct([...plains, ...keys]);
  return {
    trimmed,
    plains,
    keys,
    forms,
    condensed: condense(forms),
    removed,
    words: companyNameWords(keyWords),
  };
}

/**
 * A product name or description: legal forms stay, since on a product they are not legal forms
 * ("Windows Server Standard SA" is Software Assurance).
 */
export function comparableProductName(name: string | null | undefined): ComparableName {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  const { plainWords } = analyzeName(name);
  if (plainWords.length === 0) {
    return { trimmed, plains: [], keys: [], forms: [], condensed: [], removed: [], words: noWords };
  }
  const plains = spellings(plainWords);
  return {
    trimmed,
    plains,
    keys: plains,
    forms: plains,
    condensed: condense(plains),
    removed: [],
    words: productNameWords(plainWords),
  };
}

/**
 * What a name must condense to for "name matches the identifier": the identifier's letters and
 * digits, folded ("Müller-GmbH" → "mullergmbh").
 */
export function companyIdentifierForms(identifier: string | null | undefined): readonly string[] {
  const { plainWords } = analyzeName(identifier);
  return plainWords.length === 0 ? [] : condense(spellings(plainWords));
}

/** Identifiers and SKUs compare case-insensitively, as ConnectWise does. */
export function identifierKey(value: string | null | undefined): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}
