/**
 * Splits a name into folded words: lower case, accents folded, apostrophes and periods dropped
 * ("O'Brien's" → "obriens", "S.A." → "sa"), "&" and "+" as the word "and", any other punctuation
 * a word break. Letters and digits of every script are kept, so a Japanese name stays a name.
 */

export interface NameToken {
  /** Accents folded: "Müller" → "muller". */
  text: string;
  /**
   * Umlauts and Nordic vowels spelled out the way people type them without the letter:
   * "Müller" → "mueller", "Ørsted" → "oersted". The same as `text` when the word has none.
   */
  spelledOut: string;
  /** Where the word starts and ends in the (NFC) name, so what is removed can be quoted. */
  start: number;
  end: number;
}

/** Letters NFKD does not decompose into a base letter and an accent. */
const foldedLetters: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  œ: 'oe',
  ı: 'i',
  ħ: 'h',
  ŀ: 'l',
};
const spelledOutLetters: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ø: 'oe',
  å: 'aa',
};
// Only the combining-diacritics blocks: Japanese voicing marks (U+3099) and the vowel signs of
// Indic scripts are part of the letter, not an accent.
const accents = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const joiningPunctuation = new Set(["'", '.', '`', '’', '‘', 'ʼ', 'ʻ', '′', '´']);
const wordCharacter = /[\p{L}\p{N}\p{M}]/u;

function foldCharacter(lowerCase: string): string {
  const folded = foldedLetters[lowerCase];
  if (folded !== undefined) return folded;
  return lowerCase.normalize('NFKD').replace(accents, '').normalize('NFC').toLowerCase();
}

/** `written` should be in NFC, the form the offsets refer to. */
export function foldedTokens(written: string): NameToken[] {
  const tokens: NameToken[] = [];
  let text = '';
  let spelledOut = '';
  let start = 0;
  let end = 0;
  let nonAscii = false;

  const flush = () => {
    if (text !== '') {
      tokens.push(
        nonAscii
          ? { text: text.normalize('NFC'), spelledOut: spelledOut.normalize('NFC'), start, end }
          : { text, spelledOut, start, end },
      );
    }
    text = '';
    spelledOut = '';
    nonAscii = false;
  };
  const append = (folded: string, spelled: string, at: number, next: number) => {
    if (text === '') start = at;
    text += folded;
    spelledOut += spelled;
    end = next;
  };
  const addAnd = (at: number, next: number) => {
    flush();
    tokens.push({ text: 'and', spelledOut: 'and', start: at, end: next });
  };

  for (let at = 0; at < written.length; ) {
    const code = written.codePointAt(at) ?? 0;
    const next = at + (code > 0xffff ? 2 : 1);
    if (code < 0x80) {
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        const character = written[at] as string;
        append(character, character, at, next);
      } else if (code >= 65 && code <= 90) {
        const character = String.fromCharCode(code + 32);
        append(character, character, at, next);
      } else if (code === 38 || code === 43) {
        addAnd(at, next);
      } else if (!joiningPunctuation.has(written[at] as string)) {
        flush();
      }
    } else {
      const lowerCase = written.slice(at, next).toLowerCase();
      const spelled = spelledOutLetters[lowerCase];
      if (spelled !== undefined) {
        nonAscii = true;
        append(foldCharacter(lowerCase), spelled, at, next);
      } else if (!joiningPunctuation.has(lowerCase)) {
        // One written character may fold into several ("㈱" → "(株)"), word breaks among them.
        for (const character of foldCharacter(lowerCase)) {
          if (character === '&' || character === '+') addAnd(at, next);
          else if (joiningPunctuation.has(character)) continue;
          else if (wordCharacter.test(character)) {
            if (character.charCodeAt(0) >= 0x80) nonAscii = true;
            append(character, character, at, next);
          } else flush();
        }
      }
    }
    at = next;
  }
  flush();
  return tokens;
}
