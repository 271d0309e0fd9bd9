/**
 * Legal forms a company name may end with, as people write them. Each is folded into words the
 * way names are, so "L.L.C." and "LLC", "A/S" and "A S" are the same form. A form of several
 * words is removed whole ("GmbH & Co. KG", "AB (publ)"), so the name keeps no stray "and".
 *
 * Left out on purpose: "SpA" and "e.V." fold to "spa" and "ev", real last words of names
 * ("Serenity Spa", "Volt EV").
 */
import { foldedTokens } from './nameTokens';

const writtenForms = [
  // English-speaking countries
  'Inc',
  'Incorporated',
  'LLC',
  'L.L.C.',
  'PLLC',
  'LLLP',
  'Ltd',
  'Limited',
  'Corp',
  'Corporation',
  'Co',
  'Company',
  '& Co',
  '& Company',
  'Co Ltd',
  'Plc',
  'Public Limited Company',
  'LLP',
  'LP',
  'ULC',
  'Pty',
  'Pty Ltd',
  'Pty. Ltd.',
  'Pty Limited',
  'Proprietary Limited',
  'Pte Ltd',
  'Pvt Ltd',
  'Private Limited',
  'Sdn Bhd',
  'Bhd',
  'Berhad',
  // German-speaking countries
  'GmbH',
  'mbH',
  'Gesellschaft mbH',
  'GmbH & Co. KG',
  'GmbH & Co. KGaA',
  'AG & Co. KG',
  '& Co. KG',
  'Co. KG',
  'KG',
  'KGaA',
  'OHG',
  'AG',
  'Aktiengesellschaft',
  'UG',
  'UG (haftungsbeschränkt)',
  'eG',
  'SE',
  // Nordic countries
  'AB',
  'AB (publ)',
  'publ',
  'Aktiebolag',
  'Aktiebolaget',
  'HB',
  'AS',
  'A/S',
  'ASA',
  'ApS',
  'IVS',
  'I/S',
  'Oy',
  'Oyj',
  'Oy Ab',
  'Ab Oy',
  // Benelux, France, Southern Europe, Latin America
  'BV',
  'B.V.',
  'NV',
  'N.V.',
  'VOF',
  'BVBA',
  'SA',
  'S.A.',
  'SAS',
  'S.A.S.',
  'SASU',
  'SARL',
  'S.à r.l.',
  'EURL',
  'SNC',
  'Srl',
  'S.r.l.',
  'SL',
  'S.L.',
  'SLU',
  'S.L.U.',
  'Ltda',
  'Ltda.',
  'SA de CV',
  'S.A. de C.V.',
  'S. de R.L.',
  'S. de R.L. de C.V.',
  // Central and Eastern Europe
  'Sp. z o.o.',
  'Spółka z o.o.',
  'Sp. k.',
  'Sp. j.',
  's.r.o.',
  'a.s.',
  'Kft',
  'Kft.',
  'Zrt',
  'Nyrt',
  'd.o.o.',
  'OOO',
  // East Asia
  'KK',
  'K.K.',
  'Kabushiki Kaisha',
  'GK',
  'YK',
  '株式会社',
  '有限会社',
  '合同会社',
  '合資会社',
  '合名会社',
  '股份有限公司',
  '有限公司',
  '(株)',
  '(有)',
  '주식회사',
  '유한회사',
  '(주)',
];

/**
 * Forms written without a space before or after the name ("東京トレーディング株式会社",
 * "株式会社東京"), longest first so "股份有限公司" wins over "有限公司".
 */
export const attachedLegalForms = [
  '股份有限公司',
  '株式会社',
  '有限会社',
  '合同会社',
  '合資会社',
  '合名会社',
  '有限公司',
  '주식회사',
  '유한회사',
];

/** Forms that may also open a name: "株式会社東京", "(주)삼성". */
export const leadingLegalForms = new Set([...attachedLegalForms, '株', '有', '주']);

/** Folded forms by their last word, longest first. */
const formsByLastWord = new Map<string, string[][]>();
for (const written of writtenForms) {
  const words = foldedTokens(written.normalize('NFC')).map((token) => token.text);
  const last = words.at(-1);
  if (last === undefined) continue;
  const forms = formsByLastWord.get(last) ?? [];
  if (!forms.some((form) => form.join(' ') === words.join(' '))) forms.push(words);
  forms.sort((a, b) => b.length - a.length);
  formsByLastWord.set(last, forms);
}

/** Single words that are a legal form wherever they stand ("Contoso Limited (UK)"). */
export const legalFormWords = new Set(
  [...formsByLastWord.values()].flat().flatMap((form) => (form.length === 1 ? form : [])),
);

/** How many of the last words of `words[0..length)` are a legal form; 0 when they are not. */
export function legalFormLengthAtEnd(words: readonly { text: string }[], length: number): number {
  const forms = formsByLastWord.get(words[length - 1]?.text ?? '');
  if (!forms) return 0;
  for (const form of forms) {
    if (form.length > length) continue;
    const offset = length - form.length;
    if (form.every((word, i) => words[offset + i]?.text === word)) return form.length;
  }
  return 0;
}
