export interface Suggestion {
  /** The ConnectWise record suggested (Company or catalog Product id). */
  candidateId: number;
  /** In [0, 1]; the tier decides it, see README.md. */
  confidence: number;
  /** Plain English, for the grid: "same name after removing 'GmbH'". */
  reason: string;
}

export const defaultSuggestionLimit = 3;

export function suggestion(candidateId: number, confidence: number, reason: string): Suggestion {
  return { candidateId, confidence, reason };
}

/** NaN and anything below 1 keep nothing; Infinity keeps everything. */
function keptCount(limit: number): number {
  return limit >= 1 ? Math.floor(limit) : 0;
}

function bySuggestionRank(a: Suggestion, b: Suggestion): number {
  if (a.confidence !== b.confidence) return b.confidence - a.confidence;
  if (a.candidateId !== b.candidateId) return a.candidateId - b.candidateId;
  // Only two candidates with the same id reach here; the reason keeps the order input-free.
  return a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0;
}

/**
 * The best `limit` suggestions: highest confidence first, ties by candidate id ascending. What
 * the suggesters return, and what scoring every candidate and keeping the best returns too.
 */
export function bestSuggestions(suggestions: readonly Suggestion[], limit: number): Suggestion[] {
  return [...suggestions].sort(bySuggestionRank).slice(0, keptCount(limit));
}

/** The best `limit` suggestions offered so far, kept in rank order. */
export class RankedSuggestions {
  readonly #limit: number;
  readonly #kept: Suggestion[] = [];

  constructor(limit: number) {
    this.#limit = keptCount(limit);
  }

  offer(suggestion: Suggestion): void {
    const kept = this.#kept;
    let at = kept.length;
    while (at > 0 && bySuggestionRank(suggestion, kept[at - 1] as Suggestion) < 0) at -= 1;
    if (at >= this.#limit) return;
    kept.splice(at, 0, suggestion);
    if (kept.length > this.#limit) kept.pop();
  }

  /** Whether a suggestion of at most `confidence` for `candidateId` could still get in. */
  admits(confidence: number, candidateId: number): boolean {
    const last = this.#kept.length < this.#limit ? undefined : this.#kept.at(-1);
    if (!last) return true;
    return (
      confidence > last.confidence ||
      (confidence === last.confidence && candidateId <= last.candidateId)
    );
  }

  get best(): Suggestion[] {
    return [...this.#kept];
  }
}

/** 'A'; 'A' and 'B'; 'A', 'B' and 'C'. */
export function quotedList(texts: readonly string[]): string {
  const quoted = texts.map((text) => `'${text}'`);
  const last = quoted.pop();
  return quoted.length === 0 ? (last ?? '') : `${quoted.join(', ')} and ${last}`;
}
