import { attachedLegalForms, leadingLegalForms, legalFormLengthAtEnd } from './legalForms';
import { foldedTokens, type NameToken } from './nameTokens';

export interface NormalizedName {
  /** The name to compare: folded words without a leading "the" or the legal forms at its end. */
  key: string;
  /** The legal forms removed, as written in the name and in reading order: ["GmbH & Co. KG"]. */
  removed: string[];
}

export interface NameAnalysis {
  /** Folded words before legal forms are removed (a leading "the" is already gone). */
  plainWords: NameToken[];
  /** The words of the key. */
  keyWords: NameToken[];
  removed: string[];
}

/** What people put in a name field when there is no name. */
const placeholders = new Set(['null', 'undefined', 'none', 'nil', 'n a', 'na']);
const noName: NameAnalysis = { plainWords: [], keyWords: [], removed: [] };
const asciiOnly = /^\p{ASCII}*$/u;
const looseEnds = /^[\s,;:/\-–—]+|[\s,;:/\-–—]+$/g;

/** The written text of `[start, end)`, with an opening bracket just before it ("(株)"). */
function asWritten(written: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && '([（'.includes(written[from - 1] as string)) from -= 1;
  return written.slice(from, end).replace(looseEnds, '');
}

function removeAttached(
  token: NameToken,
  form: string,
  at: 'start' | 'end',
): { kept: NameToken; written: [number, number] } {
  const length = form.length;
  if (at === 'end') {
    return {
      kept: {
        text: token.text.slice(0, -length),
        spelledOut: token.spelledOut.slice(0, -length),
        start: token.start,
        end: token.end - length,
      },
      written: [token.end - length, token.end],
    };
  }
  return {
    kept: {
      text: token.text.slice(length),
      spelledOut: token.spelledOut.slice(length),
      start: token.start + length,
      end: token.end,
    },
    written: [token.start, token.start + length],
  };
}

function attachedForm(text: string, at: 'start' | 'end'): string | undefined {
  const edge = at === 'end' ? text.charCodeAt(text.length - 1) : text.charCodeAt(0);
  if (edge < 0x3000) return undefined;
  return attachedLegalForms.find(
    (form) =>
      text.length > form.length && (at === 'end' ? text.endsWith(form) : text.startsWith(form)),
  );
}

/** The form as the name writes it, or the form itself when the name used other code points. */
function writtenForm(written: string, [start, end]: [number, number], form: string): string {
  const text = written.slice(start, end);
  return text === form ? text : form;
}

export function analyzeName(name: string | null | undefined): NameAnalysis {
  if (typeof name !== 'string') return noName;
  const written = asciiOnly.test(name) ? name : name.normalize('NFC');
  let words = foldedTokens(written);
  if (words.length > 1 && words[0]?.text === 'the') words = words.slice(1);
  if (words.length <= 2 && placeholders.has(words.map((word) => word.text).join(' ')))
    return noName;

  const kept = [...words];
  const removedAtEnd: string[] = [];
  let boundary = written.length;
  for (;;) {
    const length = legalFormLengthAtEnd(kept, kept.length);
    const first = kept[kept.length - length];
    if (length > 0 && first) {
      removedAtEnd.push(asWritten(written, first.start, boundary));
      boundary = first.start;
      kept.length -= length;
      continue;
    }
    const last = kept.at(-1);
    const form = last && attachedForm(last.text, 'end');
    if (!last || !form) break;
    const { kept: rest, written: span } = removeAttached(last, form, 'end');
    removedAtEnd.push(writtenForm(written, span, form));
    boundary = span[0];
    kept[kept.length - 1] = rest;
  }

  const removedAtStart: string[] = [];
  const first = kept[0];
  if (first && kept.length > 1 && leadingLegalForms.has(first.text)) {
    removedAtStart.push(asWritten(written, first.start, first.end));
    kept.shift();
  } else if (first) {
    const form = attachedForm(first.text, 'start');
    if (form) {
      const { kept: rest, written: span } = removeAttached(first, form, 'start');
      removedAtStart.push(writtenForm(written, span, form));
      kept[0] = rest;
    }
  }

  return {
    plainWords: words,
    keyWords: kept,
    removed: [...removedAtStart, ...removedAtEnd.reverse()].filter((text) => text !== ''),
  };
}

/**
 * Folds a company name for comparison: "MÜLLER GMBH & CO. KG" → { key: "muller",
 * removed: ["GMBH & CO. KG"] }. A name that is empty, a placeholder ("N/A") or only a legal form
 * gives the key "", which is never suggested.
 */
export function normalizeName(name: string | null | undefined): NormalizedName {
  const { keyWords, removed } = analyzeName(name);
  return { key: keyWords.map((word) => word.text).join(' '), removed };
}
