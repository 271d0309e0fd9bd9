/**
 * Reads the decimal numbers of an export file (quantities and money) into the app's form: "." as
 * the decimal mark, no thousands separators, never through a float.
 */

export type DecimalMark = '.' | ',';
export type DecimalMarkChoice = DecimalMark | 'auto';
export type ThousandsSeparator = ',' | '.' | ' ' | "'";

export type DecimalReading = { ok: true; decimal: string } | { ok: false; reason: string };

/** The characters a thousands separator may be written as (spaces and apostrophes vary by locale). */
const separatorSpellings: Record<ThousandsSeparator, string> = {
  ',': ',',
  '.': '.',
  ' ': ' \u00A0\u202F',
  "'": "'\u2019",
};

function escapeForCharacterClass(characters: string): string {
  return characters.replace(/[\\\]^-]/g, '\\$&');
}

function describeMark(mark: DecimalMark): string {
  return mark === '.' ? '"." (12.50)' : '"," (12,50)';
}

/** Digits in groups of three, as thousands separators write them: 1,234.50 or 1.234.567. */
const looksGrouped = /^\d{1,3}(?:[.,'\u2019 \u00A0\u202F]\d{3})+(?:[.,]\d+)?$/;

const plainPointDecimal = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

export interface DecimalReaderSettings {
  decimalMark: DecimalMarkChoice;
  thousandsSeparator: ThousandsSeparator | null;
  /**
   * The decimal mark the file's layout suggests (a ";"-separated CSV usually writes "12,50"),
   * used only to settle a value such as "1,250" that could be either.
   */
  likelyDecimalMark: DecimalMark | null;
}

/**
 * Reads decimal text one value at a time. With the decimal mark on "auto" it keeps the first
 * mark the file shows unambiguously, and reports a value that uses the other one, so a file is
 * read with one mark throughout or not at all.
 */
export class DecimalReader {
  private readonly fixedMark: DecimalMark | null;
  private readonly groupedNumber: RegExp | null;
  private readonly separatorCharacters: RegExp | null;
  private readonly likelyMark: DecimalMark | null;
  private seenMark: { mark: DecimalMark; row: number } | null = null;

  constructor(settings: DecimalReaderSettings) {
    const separator = settings.thousandsSeparator;
    let fixedMark: DecimalMark | null =
      settings.decimalMark === 'auto' ? null : settings.decimalMark;
    if (fixedMark === null && separator === ',') fixedMark = '.';
    if (fixedMark === null && separator === '.') fixedMark = ',';
    if (separator !== null && fixedMark === separator) {
      throw new RangeError('The decimal mark and the thousands separator must differ.');
    }
    this.fixedMark = fixedMark;
    this.likelyMark = settings.likelyDecimalMark;
    if (separator === null) {
      this.groupedNumber = null;
      this.separatorCharacters = null;
    } else {
      const spelled = escapeForCharacterClass(separatorSpellings[separator]);
      this.groupedNumber = new RegExp(`^\\d{1,3}(?:[${spelled}]\\d{3})+(?=$|[.,])`);
      this.separatorCharacters = new RegExp(`[${spelled}]`, 'g');
    }
  }

  read(text: string, row: number): DecimalReading {
    // The common case, once "." is known to be the mark: already in the app's form.
    if (plainPointDecimal.test(text) && (this.fixedMark ?? this.seenMark?.mark) === '.') {
      return { ok: true, decimal: text };
    }
    let rest = text;
    let sign = '';
    if (rest.startsWith('-') || rest.startsWith('+')) {
      sign = rest.startsWith('-') ? '-' : '';
      rest = rest.slice(1).trimStart();
    }
    if (rest === '') return { ok: false, reason: 'Expected a decimal number such as 12.50.' };

    let grouped = false;
    if (this.groupedNumber) {
      const groups = this.groupedNumber.exec(rest);
      if (groups && this.separatorCharacters) {
        grouped = true;
        rest = groups[0].replace(this.separatorCharacters, '') + rest.slice(groups[0].length);
      }
    }

    if (/^\d+$/.test(rest)) return { ok: true, decimal: sign + trimLeadingZeros(rest) };

    const single = /^(\d*)([.,])(\d*)$/.exec(rest);
    if (!single || (single[1] === '' && single[3] === '')) {
      return { ok: false, reason: this.unreadableReason(rest) };
    }
    const whole = single[1] ?? '';
    const mark: DecimalMark = single[2] === ',' ? ',' : '.';
    const fraction = single[3] ?? '';
    const decimal = (decimalMark: DecimalMark): DecimalReading => {
      if (mark !== decimalMark) {
        return {
          ok: false,
          reason: `Expected ${describeMark(decimalMark)} as the decimal mark${this.separatorAdvice()}.`,
        };
      }
      const wholeDigits = whole === '' ? '0' : trimLeadingZeros(whole);
      return {
        ok: true,
        decimal: fraction === '' ? sign + wholeDigits : `${sign}${wholeDigits}.${fraction}`,
      };
    };

    if (this.fixedMark) return decimal(this.fixedMark);

    if (this.seenMark) {
      if (mark === this.seenMark.mark) return decimal(mark);
      return {
        ok: false,
        reason: `This file writes decimals with both "${this.seenMark.mark}" (row ${this.seenMark.row}) and "${mark}"; choose the decimal mark in the load dialog.`,
      };
    }
    // "1,250" or "1.250" could be a decimal or a thousands group: settle it only by the file's layout.
    const couldBeThousands = !grouped && fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole);
    if (couldBeThousands && mark !== this.likelyMark) {
      return {
        ok: false,
        reason: `"${mark}" could be a decimal mark or a thousands separator here; choose the decimal mark in the load dialog.`,
      };
    }
    if (!couldBeThousands) this.seenMark = { mark, row };
    return decimal(mark);
  }

  private unreadableReason(rest: string): string {
    if (looksGrouped.test(rest)) {
      return this.groupedNumber
        ? 'Not a number with the chosen decimal mark and thousands separator.'
        : 'This number seems to have thousands separators; choose the thousands separator in the load dialog (or remove them).';
    }
    return 'Expected a decimal number such as 12.50.';
  }

  private separatorAdvice(): string {
    return this.groupedNumber ? '' : ' and no thousands separators';
  }
}

function trimLeadingZeros(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  return trimmed;
}

/**
 * A number of a spreadsheet cell as decimal text, without binary floating-point noise:
 * at most 15 significant digits (Excel's own precision) and 10 decimals, trailing zeros trimmed.
 */
export function decimalOfNumber(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const magnitude = Math.abs(value);
  const wholeDigits = magnitude < 1 ? 1 : Math.floor(Math.log10(magnitude)) + 1;
  const decimals = Math.min(10, Math.max(0, 15 - wholeDigits));
  let text = value.toFixed(decimals);
  if (text.includes('e')) return null;
  if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}
