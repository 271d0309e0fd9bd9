import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectWiseSimulator, startConnectWiseSimulator } from '../connectwise';
import { type PlatformSimulator, startPlatformSimulator } from './index';

/** How a person would compare two spellings: case, accents, punctuation and legal forms aside. */
function simplified(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä|æ/g, 'a')
    .replace(/ö|ø|oe/g, 'o')
    .replace(/ü|ue/g, 'u')
    .replace(/å|aa/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\((uk|eu|us|nordics|platform)\)/g, '')
    .replace(/\band\b/g, '&')
    .replace(
      /\b(ltd|limited|llc|l\.l\.c|inc|incorporated|corp|corporation|gmbh|g\.m\.b\.h|ab|aktiebolag|pty|plc|bv|b\.v|sa|s\.a)\b\.?/g,
      '',
    )
    .replace(/[^\p{L}\p{N}&]+/gu, '');
}

let connectwise: ConnectWiseSimulator;
let platform: PlatformSimulator;

beforeAll(async () => {
  connectwise = await startConnectWiseSimulator({ seed: 4 });
  platform = await startPlatformSimulator({ seed: 4 });
});
afterAll(async () => {
  await connectwise.close();
  await platform.close();
});

describe('organization names', () => {
  it('overlap partly with the ConnectWise simulator companies of the same seed', () => {
    const companies = new Set(connectwise.data.companies.map((company) => company.name));
    const organizations = platform.data.organizations.map((org) => org.name);
    const exact = organizations.filter((name) => companies.has(name));
    expect(exact.length / organizations.length).toBeGreaterThan(0.35);
    expect(exact.length / organizations.length).toBeLessThan(0.65);

    const simplifiedCompanies = new Set([...companies].map(simplified));
    const different = organizations.filter((name) => !companies.has(name));
    const nearly = different.filter((name) => simplifiedCompanies.has(simplified(name)));
    const none = different.filter((name) => !simplifiedCompanies.has(simplified(name)));
    expect(nearly.length).toBeGreaterThan(40);
    expect(none.length).toBeGreaterThan(40);
  });

  it('are distinct, and unlike the ConnectWise names of another seed', async () => {
    const names = platform.data.organizations.map((org) => org.name);
    expect(new Set(names).size).toBe(names.length);
    const other = await startConnectWiseSimulator({ seed: 5 });
    try {
      const companies = new Set(other.data.companies.map((company) => company.name));
      const exact = names.filter((name) => companies.has(name)).length;
      expect(exact / names.length).toBeLessThan(0.2);
    } finally {
      await other.close();
    }
  });

  it('include the spellings that make matching hard', () => {
    const names = platform.data.organizations.map((org) => org.name);
    expect(names.some((name) => /[äöüåøéÜÖ]/.test(name))).toBe(true);
    expect(names.some((name) => name.includes('&'))).toBe(true);
    expect(names.some((name) => name.includes("'"))).toBe(true);
    expect(names.some((name) => /\b(Limited|Incorporated|Aktiebolag|Ltd)\b/.test(name))).toBe(true);
  });
});
