import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapedSandboxPage, hostileText } from '../simulatorTesting';
import { escapeHtml } from '../summaryPage';
import { type PlatformSimulator, startPlatformSimulator } from './index';

let sim: PlatformSimulator;

beforeAll(async () => {
  sim = await startPlatformSimulator({
    organizations: 40,
    now: () => new Date('2026-07-10T12:00:00Z'),
  });
});
afterAll(() => sim.close());

describe('sandbox page', () => {
  it('summarises organizations and months without a token, every value escaped', async () => {
    const organization = sim.data.organizations[0];
    if (!organization) throw new Error('no organization');
    organization.name = hostileText;
    const html = await escapedSandboxPage(sim.sandboxPageUrl);
    for (const org of sim.data.organizations) expect(html).toContain(escapeHtml(org.id));
    for (const month of ['2025-05', '2026-01', '2026-07'])
      expect(html).toContain(`<td>${month}</td>`);
    expect(html).toContain('One Time Fee');
    expect(html).toContain(`${sim.data.invoiceLines.length} invoice lines`);
    expect(html).not.toContain(sim.token);
  });
});
