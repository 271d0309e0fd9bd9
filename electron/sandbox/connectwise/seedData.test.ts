import { describe, expect, it } from 'vitest';
import { generateSeedData } from './seedData';

describe('seed data', () => {
  it('is the same for the same seed and different for another', () => {
    const names = (seed: number) =>
      generateSeedData({ seed, companies: 250 })
        .companies.slice(0, 50)
        .map((company) => company.name);
    expect(names(1)).toEqual(names(1));
    expect(names(2)).not.toEqual(names(1));
  });

  it('generates 20,000 companies in well under a second, within the field limits', () => {
    const started = performance.now();
    const data = generateSeedData({ seed: 3, companies: 20_000 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(data.companies).toHaveLength(20_000);
    const identifiers = data.companies.map((company) => company.identifier.toLowerCase());
    expect(new Set(identifiers).size).toBe(20_000);
    expect(data.companies.every((company) => company.identifier.length <= 30)).toBe(true);
    expect(
      data.companies.every((company) => company.name.length > 0 && company.name.length <= 50),
    ).toBe(true);
    const ids = data.companies.map((company) => company.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('gives 20,000 companies thousands of accented names and of near duplicates', () => {
    const names = generateSeedData({ seed: 1, companies: 20_000 }).companies.map(
      (company) => company.name,
    );
    const accented = names.filter((name) => /[^ -~]/.test(name));
    expect(accented.length).toBeGreaterThan(3000);
    // Near duplicates: the same name once case, accents, punctuation and a legal suffix go.
    const legalSuffix =
      /\s+(ltd|limited|llc|inc|corp|gmbh|ag|ab|as|aps|oy|sarl|sa|bv|pty( ltd)?|plc|llp|kg|srl)$/;
    const folded = (name: string) =>
      name
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[.,]/g, '')
        .replace(legalSuffix, '')
        .replace(/[^a-z0-9]/g, '');
    const groups = new Map<string, Set<string>>();
    for (const name of names) {
      const spellings = groups.get(folded(name)) ?? new Set<string>();
      spellings.add(name);
      groups.set(folded(name), spellings);
    }
    const variants = [...groups.values()].filter((spellings) => spellings.size > 1);
    expect(variants.reduce((sum, spellings) => sum + spellings.size, 0)).toBeGreaterThan(2000);
  });

  it('gives every company a default contact that belongs to it', () => {
    const data = generateSeedData({ seed: 4, companies: 300 });
    const contacts = new Map(data.contacts.map((contact) => [contact.id, contact]));
    for (const company of data.companies) {
      const contact = contacts.get(company.defaultContact?.id ?? -1);
      expect(contact?.company.id).toBe(company.id);
      expect(contact?.defaultFlag).toBe(true);
    }
  });

  it('includes near duplicates, legal-suffix variants, quotes, ampersands, apostrophes and unicode', () => {
    const names = generateSeedData({ seed: 5, companies: 250 }).companies.map(
      (company) => company.name,
    );
    for (const expected of [
      'Contoso Ltd',
      'Contoso Ltd.',
      'CONTOSO LIMITED',
      'Müller GmbH',
      'Nordic AB',
    ]) {
      expect(names).toContain(expected);
    }
    expect(names.some((name) => name.includes('"') && name.includes('&'))).toBe(true);
    expect(names.some((name) => name.includes("'"))).toBe(true);
    expect(names.some((name) => /\p{Script=Han}|\p{Script=Katakana}/u.test(name))).toBe(true);
  });

  it('seeds agreement types, billing cycles, a catalog and agreements with additions', () => {
    const data = generateSeedData({ seed: 1, companies: 250 });
    expect(data.agreementTypes.map((type) => type.name)).toEqual(
      expect.arrayContaining(['Managed Services', 'Cloud Marketplace', 'Block Time']),
    );
    expect(data.agreementTypes.filter((type) => type.inactiveFlag)).toHaveLength(1);
    expect(data.billingCycles.map((cycle) => cycle.name)).toEqual(
      expect.arrayContaining(['Monthly', 'Quarterly', 'Annual', 'Triennial', 'One Time']),
    );
    expect(
      data.catalog.every((item) => item.identifier.length <= 75 && item.description.length <= 60),
    ).toBe(true);
    expect(data.catalog.some((item) => item.inactiveFlag)).toBe(true);
    expect(data.agreements.length).toBeGreaterThanOrEqual(3);
    for (const agreement of data.agreements) {
      expect(data.additions.some((addition) => addition.agreementId === agreement.id)).toBe(true);
    }
    expect(
      data.additions.every(
        (addition) =>
          addition.extPrice === Math.round(addition.quantity * addition.unitPrice * 100) / 100,
      ),
    ).toBe(true);
  });
});
