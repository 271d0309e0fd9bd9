import { describe, expect, it } from 'vitest';
import { normalizeName } from './index';

describe('normalizeName', () => {
  it.each([
    ['Müller GmbH', 'muller', ['GmbH']],
    ['MÜLLER GMBH & CO. KG', 'muller', ['GMBH & CO. KG']],
    ['Contoso Ltd.', 'contoso', ['Ltd.']],
    ['CONTOSO LIMITED', 'contoso', ['LIMITED']],
    ['Fabrikam, Inc.', 'fabrikam', ['Inc.']],
    ['Fabrikam Incorporated', 'fabrikam', ['Incorporated']],
    ['Nordic AB (publ)', 'nordic', ['AB (publ)']],
    ['Tailspin Toys Pty. Ltd.', 'tailspin toys', ['Pty. Ltd.']],
    ['The "Smith & Jones" Partnership', 'smith and jones partnership', []],
    ['Smith and Jones Partnership', 'smith and jones partnership', []],
    ["O'Brien's Pub & Grill", 'obriens pub and grill', []],
    ['Ørsted Consulting ApS', 'orsted consulting', ['ApS']],
    ['Łódź Logistics Sp. z o.o.', 'lodz logistics', ['Sp. z o.o.']],
    ['東京トレーディング株式会社', '東京トレーディング', ['株式会社']],
    ['Café Zürich AG', 'cafe zurich', ['AG']],
    ['Tromsø A/S', 'tromso', ['A/S']],
    ['NORTHWIND TRADERS, LLC', 'northwind traders', ['LLC']],
    ['São Paulo Importadora Ltda.', 'sao paulo importadora', ['Ltda.']],
  ])('reads %j as %j, quoting %j as removed', (name, key, removed) => {
    expect(normalizeName(name)).toEqual({ key, removed });
  });

  it('reads "ü" as "u" and leaves a typed "ue" alone, so "MUELLER GMBH" stays "mueller"', () => {
    // "ue" cannot be read back as "ü" (Samuel, Blue). The scorers instead spell the umlauts of
    // the other name out, so "Müller GmbH" and "Mueller GmbH" are still the same name.
    expect(normalizeName('MUELLER GMBH')).toEqual({ key: 'mueller', removed: ['GMBH'] });
    expect(normalizeName('Muller GmbH').key).toBe(normalizeName('Müller GmbH').key);
  });

  it('folds letters that have no accent to strip', () => {
    expect(normalizeName('Straße Bau').key).toBe('strasse bau');
    expect(normalizeName('Æbeltoft Åkerlund Œuvre').key).toBe('aebeltoft akerlund oeuvre');
    expect(normalizeName('ＣＯＮＴＯＳＯ　ＬＴＤ').key).toBe('contoso');
  });

  it('keeps a word that is not a legal form: "Contoso Holdings Ltd" is not "Contoso Ltd"', () => {
    expect(normalizeName('Contoso Holdings Ltd').key).toBe('contoso holdings');
    expect(normalizeName('Contoso Ltd').key).toBe('contoso');
  });

  it('removes legal forms one after another from the end, in reading order', () => {
    expect(normalizeName('Contoso Corp. Ltd')).toEqual({
      key: 'contoso',
      removed: ['Corp.', 'Ltd'],
    });
  });

  it('leaves a legal form inside the name where it is', () => {
    expect(normalizeName('Contoso Limited (UK)').key).toBe('contoso limited uk');
  });

  it('drops only a leading "the"', () => {
    expect(normalizeName('The Contoso Group').key).toBe('contoso group');
    expect(normalizeName('Into The Woods Ltd').key).toBe('into the woods');
    expect(normalizeName('The').key).toBe('the');
  });

  it('keeps a name in another script, with its legal form before or after it', () => {
    expect(normalizeName('株式会社東京トレーディング')).toEqual({
      key: '東京トレーディング',
      removed: ['株式会社'],
    });
    expect(normalizeName('㈱東京').removed).toEqual(['㈱']);
    expect(normalizeName('東京(株)')).toEqual({ key: '東京', removed: ['(株)'] });
    expect(normalizeName('Αθήνα Ναυτιλιακή').key).toBe('αθηνα ναυτιλιακη');
  });

  it.each([[''], ['   '], ['N/A'], ['null'], ['Ltd'], ['GmbH & Co. KG'], [null], [undefined]])(
    'gives %j the empty key, which is never suggested',
    (name) => {
      expect(normalizeName(name).key).toBe('');
    },
  );
});
