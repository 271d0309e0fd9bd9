import { describe, expect, it } from 'vitest';
import { type CompanyCandidate, scoreOrganization } from './index';

const organization = (name: string, id = 'ORG-100002') => ({ id, name });
const company = (name: string, identifier: string | null = null): CompanyCandidate => ({
  id: 7,
  name,
  identifier,
});
const score = (organizationName: string, companyName: string, identifier?: string | null) =>
  scoreOrganization(organization(organizationName), company(companyName, identifier));

describe('scoreOrganization', () => {
  it('is sure of a Company whose identifier is the Organization id, in any case', () => {
    expect(
      scoreOrganization(organization('Contoso'), company('Someone Else', 'org-100002')),
    ).toEqual({ candidateId: 7, confidence: 1, reason: 'same identifier' });
  });

  it('finds a Company by id even when the Organization name is only a legal form', () => {
    expect(scoreOrganization(organization('Ltd'), company('Ltd', 'ORG-100002'))?.reason).toBe(
      'same identifier',
    );
  });

  it('gives the same name written the same way 0.99', () => {
    expect(score('Contoso Ltd', ' Contoso Ltd ')).toMatchObject({
      confidence: 0.99,
      reason: 'same name',
    });
  });

  it.each([
    ['Wingtip Bakery', 'WingtipBakery'],
    ['Müller GmbH', 'MullerGmbH'],
    ['Müller GmbH', 'MuellerGmbH'],
    ['Contoso Ltd.', 'CONTOSO'],
  ])('sees that %j matches the identifier %j', (name, identifier) => {
    expect(score(name, 'Other Name', identifier)).toMatchObject({
      confidence: 0.97,
      reason: 'name matches the identifier',
    });
  });

  it('takes an identifier that is the name with its legal form for no more than the name', () => {
    expect(score('Contoso', 'Contoso Ltd', 'ContosoLtd')).toMatchObject({
      confidence: 0.9,
      reason: "same name after removing 'Ltd'",
    });
  });

  it.each([
    ['CONTOSO LTD', 'Contoso Ltd.'],
    ['Café Zürich AG', 'CAFE ZURICH AG'],
    ['The "Smith & Jones" Partnership', 'Smith and Jones Partnership'],
    ["O'Brien's Pub & Grill", 'OBriens Pub and Grill'],
    ['Müller GmbH', 'Mueller GmbH'],
    ['Ørsted Consulting ApS', 'Oersted Consulting ApS'],
  ])('gives %j and %j 0.95: same but for case, accents and punctuation', (a, b) => {
    expect(score(a, b)).toMatchObject({
      confidence: 0.95,
      reason: 'same name ignoring case, accents and punctuation',
    });
  });

  it.each([
    ['Contoso Ltd.', 'CONTOSO LIMITED', "same name after removing 'Ltd.' and 'LIMITED'"],
    ['Müller GmbH', 'Müller', "same name after removing 'GmbH'"],
    ['MÜLLER GMBH & CO. KG', 'Mueller GmbH', "same name after removing 'GMBH & CO. KG' and 'GmbH'"],
    ['Nordic AB (publ)', 'Nordic AB', "same name after removing 'AB (publ)' and 'AB'"],
    [
      'Fabrikam, Inc.',
      'Fabrikam Incorporated',
      "same name after removing 'Inc.' and 'Incorporated'",
    ],
    ['東京トレーディング株式会社', '東京トレーディング', "same name after removing '株式会社'"],
  ])('gives %j and %j 0.9, quoting what was removed', (a, b, reason) => {
    expect(score(a, b)).toMatchObject({ confidence: 0.9, reason });
  });

  it('never calls "Contoso Holdings Ltd" the same name as "Contoso Ltd"', () => {
    const suggestion = score('Contoso Holdings Ltd', 'Contoso Ltd');
    expect(suggestion?.confidence).toBeLessThanOrEqual(0.85);
    expect(suggestion?.reason).toBe('similar name (1 of 2 words)');
  });

  it('scores shared words up to 0.85 and says how many', () => {
    expect(score('Smith & Jones', 'Jones and Smith')).toMatchObject({
      confidence: 0.85,
      reason: 'similar name (2 of 2 words)',
    });
    expect(score('Summit Dental Ltd', 'Summit Dental Group')).toMatchObject({
      confidence: 0.76,
      reason: 'similar name (2 of 3 words)',
    });
    expect(score('Contoso Limited (UK)', 'Contoso Ltd')).toMatchObject({
      confidence: 0.57,
      reason: 'similar name (1 of 2 words)',
    });
  });

  it('spells umlauts out when comparing words too', () => {
    expect(score('Müller Dental', 'Mueller Dental Group')?.reason).toBe(
      'similar name (2 of 3 words)',
    );
  });

  it('suggests nothing below 0.5', () => {
    expect(score('Summit Dental', 'Coho Dental')).toBeNull();
    expect(score('Contoso', 'Fabrikam')).toBeNull();
    expect(score('Smith Group', 'Jones Group')).toBeNull();
  });

  it.each([
    ['Ltd', 'Ltd'],
    ['', ''],
    ['N/A', 'n/a'],
    ['GmbH', 'GmbH & Co. KG'],
  ])('never suggests by name when a name is only a legal form or empty: %j, %j', (a, b) => {
    expect(score(a, b, b)).toBeNull();
  });

  it('lets the highest tier win', () => {
    expect(
      scoreOrganization(organization('Contoso Ltd'), company('Contoso Ltd', 'ORG-100002')),
    ).toMatchObject({ confidence: 1, reason: 'same identifier' });
    expect(score('Contoso Ltd', 'Contoso Ltd', 'ContosoLtd')).toMatchObject({ confidence: 0.99 });
  });
});
