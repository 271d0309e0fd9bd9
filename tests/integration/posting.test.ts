import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type {
  InvoicePage,
  PostingPreview,
  PostingSummary,
  SavedConfiguration,
} from '@shared/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import {
  type ConnectWiseSimulator,
  startConnectWiseSimulator,
} from '../../electron/sandbox/connectwise';
import { type PlatformSimulator, startPlatformSimulator } from '../../electron/sandbox/platform';
import {
  configurationInputOf,
  minimalConfiguration,
  rulesForMonthlyPosting,
} from '../support/configurationInput';
import { FakeClock, temporaryDirectory } from '../support/fakePorts';
import { mapEverything as mapAll, preparedCore as prepared, value } from '../support/postingSetup';

/**
 * "Sync to PSA" against the strict simulator (docs/posting-rules.md §6): what ConnectWise holds
 * afterwards is the test, not what the app says it did.
 */
const now = new Date();
const period = now.toISOString().slice(0, 7);

let connectwise: ConnectWiseSimulator;
let platform: PlatformSimulator;

/** A core set up as a user would: connected, configured, organizations synced, a month loaded. */
function preparedCore(databasePath: string, opened: string[] = []): Promise<Core> {
  return prepared(connectwise, platform, {
    databasePath,
    period,
    clock: new FakeClock(now),
    opened,
  });
}

function mapEverything(core: Core): Promise<void> {
  return mapAll(core, connectwise, platform, period);
}

/** Whole calendar months from one day to another, as the billing-cycle rule counts them. */
function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td + 1 < fd ? 1 : 0);
}

function additionsByMarker(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const addition of connectwise.data.additions) {
    if (!addition.serialNumber?.startsWith('PLT:')) continue;
    const key = `${addition.agreementId}|${addition.serialNumber}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

beforeAll(async () => {
  [connectwise, platform] = await Promise.all([
    startConnectWiseSimulator({ seed: 21, companies: 120 }),
    startPlatformSimulator({ seed: 21, organizations: 12, months: 2, now: () => now }),
  ]);
});

afterAll(async () => {
  await Promise.all([connectwise.close(), platform.close()]);
});

describe('Sync to PSA', () => {
  let core: Core;
  let databasePath: string;
  /** Pages the app opened in the browser. */
  const opened: string[] = [];
  let firstRun: PostingSummary;
  /** Lines a run leaves for the user, with their reason. */
  let blocked: Set<string>;

  beforeAll(async () => {
    databasePath = join(temporaryDirectory(), 'data.sqlite');
    core = await preparedCore(databasePath, opened);
    await mapEverything(core);
  });

  afterAll(() => core.close());

  it('blocks a line whose dates would be billed every cycle, saying which rule to add', async () => {
    const lines = platform.data.invoiceLines.filter((l) => l.invoiceDate.startsWith(period));
    const multiMonth = lines.filter((l) => monthsBetween(l.chargeStart, l.chargeEnd) >= 1);
    expect(multiMonth.length).toBeGreaterThan(0);
    const preview = await value<PostingPreview>(core, 'posting.preview', { period });
    expect(preview.skipped.map((s) => s.lineId).sort()).toEqual(
      multiMonth.map((l) => l.lineId).sort(),
    );
    expect(preview.skipped[0]).toMatchObject({
      status: 'Needs attention',
      reason: expect.stringContaining('Last day of invoice month'),
    });
  });

  it('previews what it will create, and writes nothing', async () => {
    await value(core, 'configuration.save', {
      ...minimalConfiguration(connectwise),
      ...rulesForMonthlyPosting,
    });
    const before = connectwise.data.additions.length;
    const preview = await value<PostingPreview>(core, 'posting.preview', { period });
    const lines = platform.data.invoiceLines.filter((l) => l.invoiceDate.startsWith(period));
    expect(preview.lines).toBe(lines.length);
    // First invoices that also charge the rest of the starting month still span two months.
    for (const skipped of preview.skipped) {
      expect(skipped.reason).toContain('billing cycle');
    }
    blocked = new Set(preview.skipped.map((s) => s.lineId));
    expect(blocked.size).toBeLessThan(lines.length / 4);
    expect(preview.creates.flatMap((c) => c.lineIds).sort()).toEqual(
      lines
        .filter((l) => !blocked.has(l.lineId))
        .map((l) => l.lineId)
        .sort(),
    );
    expect(connectwise.data.additions.length).toBe(before);
  });

  it('posts each line once, with the marker, and every line turns Synced', async () => {
    firstRun = await value<PostingSummary>(core, 'posting.run', {
      period,
      confirmCancellations: false,
    });
    expect(firstRun).toMatchObject({ status: 'completed', failed: [], duplicates: [] });
    expect(await value(core, 'posting.lastSync')).toEqual({ at: now.toISOString() });
    expect(firstRun.posted).toBeGreaterThan(0);
    const counts = additionsByMarker();
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(counts.size).toBe(firstRun.posted);
    const page = await value<InvoicePage>(core, 'platformData.page', {
      period,
      offset: 0,
      limit: 500,
    });
    for (const row of page.rows) {
      expect(row.status).toBe(blocked.has(row.lineId) ? 'Needs attention' : 'Synced');
    }
    const one = page.rows.find((row) => row.status === 'Synced');
    const addition = connectwise.data.additions.find(
      (a) => a.id === Number(/Addition (\d+)/.exec(one?.statusDetail ?? '')?.[1]),
    );
    expect(addition).toMatchObject({
      quantity: Number(one?.quantity),
      unitPrice: Number(one?.unitPrice),
      effectiveDate: `${one?.chargeStart.date}T00:00:00Z`,
      cancelledDate: `${one?.chargeEnd.date}T00:00:00Z`,
    });
    expect(one?.synced).toMatchObject({
      additionId: addition?.id,
      agreementId: addition?.agreementId,
      sent: `${addition?.quantity} × ${addition?.unitPrice.toFixed(2)} from ${one?.chargeStart.date} to ${one?.chargeEnd.date}`,
    });
  });

  it("a Synced line's link opens its Agreement on the user's ConnectWise site", async () => {
    const page = await value<InvoicePage>(core, 'platformData.page', {
      period,
      offset: 0,
      limit: 1,
      status: 'Synced',
    });
    const agreementId = page.rows[0]?.synced?.agreementId;
    if (!agreementId) throw new Error('no Synced line');
    await value(core, 'externalLinks.openAgreement', { agreementId });
    expect(opened).toEqual([
      `${connectwise.siteUrl}/v4_6_release/services/system_io/router/openrecord.rails?locale=en_US&recordType=AgreementFV&recid=${agreementId}`,
    ]);
  });

  it('a second run posts nothing and changes nothing', async () => {
    const before = JSON.stringify(connectwise.data.additions);
    const preview = await value<PostingPreview>(core, 'posting.preview', { period });
    expect(preview).toMatchObject({ creates: [], updates: [], newAgreements: [] });
    expect(preview.lines).toBe(blocked.size);
    const again = await value<PostingSummary>(core, 'posting.run', {
      period,
      confirmCancellations: false,
    });
    expect(again).toMatchObject({ posted: 0, updated: 0, failed: [] });
    expect(JSON.stringify(connectwise.data.additions)).toBe(before);
  });

  it('with its database lost, a fresh install finds everything by its markers and posts nothing twice', async () => {
    const before = connectwise.data.additions.length;
    const fresh = await preparedCore(join(temporaryDirectory(), 'data.sqlite'));
    try {
      await mapEverything(fresh);
      await value(
        fresh,
        'configuration.save',
        configurationInputOf(await value<SavedConfiguration>(core, 'configuration.get')),
      );
      const summary = await value<PostingSummary>(fresh, 'posting.run', {
        period,
        confirmCancellations: false,
      });
      expect(summary).toMatchObject({ posted: 0, failed: [], duplicates: [] });
      expect(summary.adopted).toBe(firstRun.posted);
      expect(connectwise.data.additions.length).toBe(before);
    } finally {
      await fresh.close();
    }
  });

  it('journals every write before it is sent, with its result after', () => {
    const db = new DatabaseSync(databasePath, { readOnly: true });
    try {
      const states = db
        .prepare('SELECT operation, state, COUNT(*) AS n FROM posting_journal GROUP BY 1, 2')
        .all();
      expect(states).toEqual(
        expect.arrayContaining([
          { operation: 'createAddition', state: 'done', n: firstRun.posted },
        ]),
      );
      expect(
        db.prepare("SELECT COUNT(*) AS n FROM posting_journal WHERE state <> 'done'").get(),
      ).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
