import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DatabaseSync } from 'node:sqlite';
import type {
  BridgeResult,
  InvoiceLineRow,
  InvoicePage,
  PostingPreview,
  PostingSummary,
} from '@shared/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, type CorePorts, createCore } from '../../electron/core';
import {
  type Addition,
  type ConnectWiseSimulator,
  startConnectWiseSimulator,
  touch,
} from '../../electron/sandbox/connectwise';
import {
  type InvoiceLine,
  type PlatformSimulator,
  startPlatformSimulator,
} from '../../electron/sandbox/platform';
import { bundleChildScript } from '../support/childScript';
import { FakeClock, fakePorts, memorySettingsFile, temporaryDirectory } from '../support/fakePorts';
import { jsonSecretStore, jsonSettingsFile } from '../support/fileBackedPorts';

/**
 * "Sync to PSA" against what the field does to it (docs/posting-rules.md §6, items 2–6; item 1
 * is in posting.test.ts): injected faults, a process killed mid-run, a second workstation, lines
 * that must not be posted, and a vanished subscription. What ConnectWise holds afterwards (the
 * simulator's data) is the test, not what the app says it did.
 */
const now = new Date();
const period = now.toISOString().slice(0, 7);
const previousPeriod = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
  .toISOString()
  .slice(0, 7);

interface Simulators {
  connectwise: ConnectWiseSimulator;
  platform: PlatformSimulator;
}

async function value<T>(core: Core, channel: string, input?: unknown): Promise<T> {
  const result: BridgeResult = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.kind}: ${result.error.message}`);
  return result.value as T;
}

async function startSimulators(
  seed: number,
  organizations: number,
  options: { months?: number; linesPerOrganizationPerMonth?: number } = {},
): Promise<Simulators> {
  const [connectwise, platform] = await Promise.all([
    startConnectWiseSimulator({ seed, companies: organizations + 80 }),
    startPlatformSimulator({
      seed,
      organizations,
      months: options.months ?? 1,
      now: () => now,
      ...(options.linesPerOrganizationPerMonth === undefined
        ? {}
        : { linesPerOrganizationPerMonth: options.linesPerOrganizationPerMonth }),
    }),
  ]);
  return { connectwise, platform };
}

async function stopSimulators(sims: Simulators | undefined): Promise<void> {
  if (sims) await Promise.all([sims.connectwise.close(), sims.platform.close()]);
}

/**
 * An Annual Agreement Type and "Last day of invoice month" for the charge types billed ahead:
 * no line of the simulated months then spans more than one billing cycle, so none is blocked.
 */
function configuration(
  connectwise: ConnectWiseSimulator,
  cycleFeeEnd:
    | 'Last day of invoice month'
    | 'First day of following month' = 'Last day of invoice month',
) {
  const annual = connectwise.data.agreementTypes.find(
    (type) => !type.inactiveFlag && type.billingCycle.name === 'Annual',
  );
  if (!annual) throw new Error('the simulator has no active Annual Agreement Type');
  return {
    agreementTypeId: annual.id,
    endDateRules: [
      { chargeType: 'Cycle Fee', rule: cycleFeeEnd },
      { chargeType: 'Item Fee', rule: 'Last day of invoice month' },
      { chargeType: 'Purchase Fee', rule: 'Last day of invoice month' },
    ],
    startDateRules: [],
    customChargeTypeNames: {},
    autoSync: false,
  };
}

/** A core set up as a user would: connected, configured, Organizations synced, months loaded. */
async function preparedCore(
  sims: Simulators,
  ports: Partial<CorePorts> & { databasePath: string },
  periods: string[] = [period],
  cycleFeeEnd?: Parameters<typeof configuration>[1],
): Promise<Core> {
  const core = createCore(
    fakePorts({
      settingsFile: memorySettingsFile(),
      clock: new FakeClock(now),
      sleep: async () => {},
      ...ports,
    }),
  );
  await value(core, 'connectwiseConnection.save', {
    siteUrl: sims.connectwise.siteUrl,
    ...sims.connectwise.credentials,
  });
  await value(core, 'configuration.save', configuration(sims.connectwise, cycleFeeEnd));
  await value(core, 'platformConnection.save', {
    baseUrl: sims.platform.baseUrl,
    token: sims.platform.token,
  });
  await value(core, 'mapping.syncOrganizations');
  await value(core, 'platformData.load', { periods, source: { kind: 'platform' } });
  await value(core, 'mapping.loadProducts', { months: 3 });
  return core;
}

/** Companies an Agreement can be created for, leaving out those holding a seeded Agreement. */
function freeCompanies(connectwise: ConnectWiseSimulator): number[] {
  const holding = new Set(connectwise.data.agreements.map((agreement) => agreement.company.id));
  return connectwise.data.companies
    .filter((c) => !c.deletedFlag && c.defaultContact !== null && !holding.has(c.id))
    .map((c) => c.id);
}

/** The product every Offer is mapped to. */
function usableProduct(connectwise: ConnectWiseSimulator): number {
  const product = connectwise.data.catalog.find(
    (item) => !item.inactiveFlag && item.productClass !== 'Bundle',
  );
  if (!product) throw new Error('no usable product');
  return product.id;
}

/**
 * Maps each Organization to a Company of its own (`chosen` first, then free ones in order) and
 * every Offer invoiced in `periods` to `productId`. Gives Organization id → Company id.
 */
async function mapEverything(
  core: Core,
  sims: Simulators,
  periods: string[],
  chosen: ReadonlyMap<string, number> = new Map(),
): Promise<Map<string, number>> {
  const free = freeCompanies(sims.connectwise).filter((id) => ![...chosen.values()].includes(id));
  const companyOf = new Map<string, number>();
  for (const organization of sims.platform.data.organizations) {
    const companyId = chosen.get(organization.id) ?? free.shift();
    if (companyId === undefined) throw new Error('not enough Companies');
    companyOf.set(organization.id, companyId);
    await value(core, 'mapping.mapOrganization', {
      organizationId: organization.id,
      companyIds: [companyId],
    });
  }
  await mapOffers(core, sims, periods, usableProduct(sims.connectwise));
  return companyOf;
}

async function mapOffers(
  core: Core,
  sims: Simulators,
  periods: string[],
  productId: number,
): Promise<void> {
  const offers = new Set(
    sims.platform.data.invoiceLines
      .filter((line) => periods.some((p) => line.invoiceDate.startsWith(p)))
      .map((line) => line.offerId),
  );
  for (const offerId of offers) {
    await value(core, 'mapping.mapOffer', { offerId, catalogItemId: productId });
  }
}

async function allRows(core: Core, month: string = period): Promise<InvoiceLineRow[]> {
  const rows: InvoiceLineRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await value<InvoicePage>(core, 'platformData.page', {
      period: month,
      offset,
      limit: 500,
    });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) return rows;
  }
}

async function run(core: Core, confirmCancellations = false): Promise<PostingSummary> {
  return value<PostingSummary>(core, 'posting.run', { period, confirmCancellations });
}

function readOnDisk(databasePath: string, statement: string): Array<Record<string, unknown>> {
  const db = new DatabaseSync(databasePath, { readOnly: true });
  try {
    return db.prepare(statement).all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

// ——— What ConnectWise must hold, worked out from the rulebook, not from the app ———

/** docs/posting-rules.md §3.1: a marker over 50 characters is its prefix + 20 hex of SHA-256. */
function fitMarker(prefix: string, identity: string): string {
  const marker = prefix + identity;
  return marker.length <= 50
    ? marker
    : prefix + createHash('sha256').update(marker, 'utf8').digest('hex').slice(0, 20);
}

const recurringCodes: Record<string, string> = {
  'Cycle Fee': 'CycleFee',
  'Purchase Fee': 'PurchaseFee',
};

interface ExpectedAddition {
  marker: string;
  /** The line whose values the Addition carries. */
  row: InvoiceLineRow;
  lineIds: string[];
}

/**
 * One Addition per one-time line and per recurring key (§1.1); of several lines of one key in
 * the month, the one ending last drives it and the others are one-time (§1.4).
 */
function expectedAdditions(
  rows: readonly InvoiceLineRow[],
  platformLines: readonly InvoiceLine[],
): Map<string, ExpectedAddition> {
  const subscriptionOf = new Map(platformLines.map((line) => [line.lineId, line.subscriptionId]));
  const keys = new Map<string, InvoiceLineRow[]>();
  for (const row of rows) {
    const code = recurringCodes[row.chargeType.platformName];
    if (!code) continue;
    const key = fitMarker('PLT:S:', `${subscriptionOf.get(row.lineId)}:${code}`);
    keys.set(key, [...(keys.get(key) ?? []), row]);
  }
  const expected = new Map<string, ExpectedAddition>();
  const drivers = new Set<string>();
  for (const [marker, keyRows] of keys) {
    const [driver] = [...keyRows].sort(
      (a, b) =>
        b.chargeEnd.date.localeCompare(a.chargeEnd.date) ||
        a.chargeStart.date.localeCompare(b.chargeStart.date) ||
        (a.lineId < b.lineId ? -1 : 1),
    );
    if (!driver) continue;
    drivers.add(driver.lineId);
    expected.set(marker, { marker, row: driver, lineIds: [driver.lineId] });
  }
  for (const row of rows) {
    if (drivers.has(row.lineId)) continue;
    const marker = fitMarker('PLT:L:', row.lineId);
    expected.set(marker, { marker, row, lineIds: [row.lineId] });
  }
  return expected;
}

function additionsWithMarkers(connectwise: ConnectWiseSimulator): Map<string, Addition[]> {
  const byMarker = new Map<string, Addition[]>();
  for (const addition of connectwise.data.additions) {
    if (!addition.serialNumber?.startsWith('PLT:')) continue;
    byMarker.set(addition.serialNumber, [...(byMarker.get(addition.serialNumber) ?? []), addition]);
  }
  return byMarker;
}

/**
 * ConnectWise holds exactly one Addition per expected marker and no other, each with the values
 * the Invoices tab showed, on the Agreement of its Contract for the mapped Company; no Contract
 * has two Agreements in force (one a second workstation made at the same moment is cancelled).
 * Gives each marker's Addition. Differences are listed, not thrown one by one.
 */
function checkConnectWiseHolds(
  connectwise: ConnectWiseSimulator,
  expected: ReadonlyMap<string, ExpectedAddition>,
  productId: number,
  companyOf: ReadonlyMap<string, number>,
): Map<string, Addition> {
  const problems: string[] = [];
  const byMarker = additionsWithMarkers(connectwise);
  const agreements = new Map(connectwise.data.agreements.map((a) => [a.id, a]));
  const agreementsOfContract = new Map<string, number[]>();
  for (const agreement of connectwise.data.agreements) {
    const marker = agreement.internalNotes?.split('\n')[0] ?? '';
    if (!marker.startsWith('PLT:C:') || agreement.cancelledFlag) continue;
    agreementsOfContract.set(marker, [...(agreementsOfContract.get(marker) ?? []), agreement.id]);
  }
  for (const [marker, ids] of agreementsOfContract) {
    if (ids.length > 1) problems.push(`${marker}: ${ids.length} Agreements (${ids.join(', ')})`);
  }
  for (const marker of byMarker.keys()) {
    if (!expected.has(marker)) problems.push(`${marker}: in ConnectWise, not expected`);
  }
  const found = new Map<string, Addition>();
  for (const { marker, row } of expected.values()) {
    const additions = byMarker.get(marker) ?? [];
    if (additions.length !== 1) {
      problems.push(`${marker}: ${additions.length} Additions`);
      continue;
    }
    const addition = additions[0] as Addition;
    found.set(marker, addition);
    const sent = {
      product: addition.product.id,
      billCustomer: addition.billCustomer,
      quantity: addition.quantity,
      unitPrice: addition.unitPrice,
      ...(row.unitCost === null ? {} : { unitCost: addition.unitCost }),
      effectiveDate: addition.effectiveDate,
      cancelledDate: addition.cancelledDate,
      invoiceDescription: addition.invoiceDescription,
    };
    const shown = {
      product: productId,
      billCustomer: 'Billable',
      quantity: Number(row.quantity),
      unitPrice: Number(row.unitPrice),
      ...(row.unitCost === null ? {} : { unitCost: Number(row.unitCost) }),
      effectiveDate: `${row.chargeStart.date}T00:00:00Z`,
      cancelledDate: `${row.chargeEnd.date}T00:00:00Z`,
      invoiceDescription: `${row.subscriptionName} – ${row.chargeType.name}`,
    };
    if (JSON.stringify(sent) !== JSON.stringify(shown)) {
      problems.push(`${marker}: holds ${JSON.stringify(sent)}, shown ${JSON.stringify(shown)}`);
    }
    const agreement = agreements.get(addition.agreementId);
    const where = {
      cancelled: agreement?.cancelledFlag,
      company: agreement?.company.id,
      marker: agreement?.internalNotes?.split('\n')[0],
      currency: agreement?.currency.currencyCode,
    };
    const wanted = {
      cancelled: false,
      company: companyOf.get(row.organizationId),
      marker: fitMarker('PLT:C:', row.contractId),
      currency: row.currency,
    };
    if (JSON.stringify(where) !== JSON.stringify(wanted)) {
      problems.push(`${marker}: on ${JSON.stringify(where)}, wanted ${JSON.stringify(wanted)}`);
    }
  }
  expect(problems.slice(0, 20)).toEqual([]);
  return found;
}

/** Every line "Synced", carrying the Addition ConnectWise holds for it. */
function checkEveryLineSynced(
  rows: readonly InvoiceLineRow[],
  expected: ReadonlyMap<string, ExpectedAddition>,
  found: ReadonlyMap<string, Addition>,
): void {
  const additionOfLine = new Map<string, number | undefined>();
  for (const { marker, lineIds } of expected.values()) {
    for (const lineId of lineIds) additionOfLine.set(lineId, found.get(marker)?.id);
  }
  const problems = rows.flatMap((row) =>
    row.status === 'Synced' && row.synced?.additionId === additionOfLine.get(row.lineId)
      ? []
      : [
          `${row.lineId}: ${row.status} (${row.statusDetail}), Addition ${row.synced?.additionId} / ${additionOfLine.get(row.lineId)}`,
        ],
  );
  expect(problems.slice(0, 20)).toEqual([]);
}

/** A small seeded PRNG (mulberry32), so the kill points are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Sync to PSA under faults: 5,000 lines, 5 % 5xx, 2 % 429 without Retry-After, 1 % resets, 1 % commits whose answer is lost', () => {
  let sims: Simulators;
  let core: Core;
  let companyOf: Map<string, number>;
  let rows: InvoiceLineRow[];
  const summaries: PostingSummary[] = [];

  beforeAll(async () => {
    sims = await startSimulators(41, 320, { linesPerOrganizationPerMonth: 17 });
    core = await preparedCore(sims, { databasePath: join(temporaryDirectory(), 'data.sqlite') });
    companyOf = await mapEverything(core, sims, [period]);
    rows = await allRows(core);
  }, 60_000);

  afterAll(async () => {
    await core?.close();
    await stopSimulators(sims);
  });

  it('posts every line once, with the values shown, and every line ends Synced', async () => {
    expect(rows.length).toBeGreaterThanOrEqual(5000);
    const preview = await value<PostingPreview>(core, 'posting.preview', { period });
    expect(preview.skipped).toEqual([]);

    sims.connectwise.faults.set({
      errorRates: { 500: 0.02, 502: 0.01, 503: 0.01, 504: 0.01, 429: 0.02 },
      retryAfter: 'none',
      resetRate: 0.01,
      commitThenDropRate: 0.01,
    });
    const firstRequest = sims.connectwise.requests.length;
    // A failed line is unsynced, and the next run takes every unsynced line (posting-rules
    // §5.1), so a line the faults defeat in one run is posted by the next: at most three here.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const summary = await run(core);
      summaries.push(summary);
      if (summary.failed.length === 0) break;
    }
    sims.connectwise.faults.clear();

    const writes = sims.connectwise.requests
      .slice(firstRequest)
      .filter((request) => request.method === 'POST' && request.path.endsWith('/additions'));
    // The faults did reach the writes: refused, cut off, and committed without an answer.
    expect(writes.filter((request) => request.status >= 500).length).toBeGreaterThan(100);
    expect(writes.filter((request) => request.status === 429).length).toBeGreaterThan(30);
    expect(writes.filter((request) => request.status === 0).length).toBeGreaterThan(60);

    expect(summaries.at(-1)).toMatchObject({ failed: [], duplicates: [] });
    const expected = expectedAdditions(rows, sims.platform.data.invoiceLines);
    const found = checkConnectWiseHolds(
      sims.connectwise,
      expected,
      usableProduct(sims.connectwise),
      companyOf,
    );
    checkEveryLineSynced(await allRows(core), expected, found);
  }, 90_000);

  it('retries within the run, so the faults leave almost nothing for the next one', () => {
    const first = summaries[0];
    if (!first) throw new Error('no run');
    const failedLines = first.failed.reduce((sum, failure) => sum + failure.lineIds.length, 0);
    expect(failedLines).toBeLessThan(rows.length / 100);
  });
});

describe('Sync to PSA killed at random moments', () => {
  let sims: Simulators;
  let folder: string;
  let script: string;
  let companyOf: Map<string, number>;
  let child: ChildProcess | undefined;
  const files = () => ({
    databasePath: join(folder, 'data.sqlite'),
    settingsPath: join(folder, 'settings.json'),
    secretsPath: join(folder, 'secrets.json'),
  });
  /** A core of this process on the files the children use. */
  const coreOnFiles = () =>
    createCore(
      fakePorts({
        databasePath: files().databasePath,
        settingsFile: jsonSettingsFile(files().settingsPath),
        secrets: jsonSecretStore(files().secretsPath),
        clock: new FakeClock(now),
      }),
    );

  beforeAll(async () => {
    sims = await startSimulators(43, 25, { linesPerOrganizationPerMonth: 16 });
    folder = temporaryDirectory();
    const core = await preparedCore(sims, {
      databasePath: files().databasePath,
      settingsFile: jsonSettingsFile(files().settingsPath),
      secrets: jsonSecretStore(files().secretsPath),
    });
    try {
      companyOf = await mapEverything(core, sims, [period]);
    } finally {
      await core.close();
    }
    script = join(folder, 'postingRunChild.mjs');
    await bundleChildScript(join(import.meta.dirname, '../support/postingRunChild.ts'), script);
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await stopSimulators(sims);
  });

  /**
   * Starts a run in a child process; `killAfterMs` after it says "running", SIGKILLs it. Tells
   * whether the kill landed mid-run (after "running", before "finished").
   */
  async function runInChild(
    killAfterMs: number | null,
  ): Promise<{ killedMidRun: boolean; summary: PostingSummary | null }> {
    const { databasePath, settingsPath, secretsPath } = files();
    const started = spawn(
      process.execPath,
      [script, databasePath, settingsPath, secretsPath, period],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    child = started;
    const exited = once(started, 'exit');
    let running = false;
    let summary: PostingSummary | null = null;
    let timer: NodeJS.Timeout | undefined;
    for await (const line of createInterface({ input: started.stdout as NodeJS.ReadableStream })) {
      if (line === 'running') {
        running = true;
        if (killAfterMs !== null) timer = setTimeout(() => started.kill('SIGKILL'), killAfterMs);
      } else if (line.startsWith('finished ')) {
        summary = JSON.parse(line.slice('finished '.length)) as PostingSummary;
      } else if (line.startsWith('error ')) {
        throw new Error(`the run failed: ${line}`);
      }
    }
    clearTimeout(timer);
    await exited;
    return { killedMidRun: running && summary === null, summary };
  }

  it('after at least 20 kills and a last run, ConnectWise holds each line once and every line is Synced', async () => {
    // Slow writes, so most kills land while some are on their way (the simulator commits a
    // write it has received even when the client is gone, as a loaded server does).
    sims.connectwise.faults.set({ writeLatencyMs: { min: 30, max: 120 } });
    const random = seededRandom(20_261_125);
    let killsMidRun = 0;
    let killsWithWritesInFlight = 0;
    let killsWithAdditionsInFlight = 0;
    for (let cycle = 0; cycle < 60 && killsMidRun < 20; cycle += 1) {
      const { killedMidRun } = await runInChild(Math.floor(random() * 600));
      if (!killedMidRun) continue;
      killsMidRun += 1;
      const inFlight = readOnDisk(
        files().databasePath,
        "SELECT operation FROM posting_journal WHERE state = 'intent'",
      ).map((row) => row.operation);
      if (inFlight.length > 0) killsWithWritesInFlight += 1;
      if (inFlight.includes('createAddition')) killsWithAdditionsInFlight += 1;
    }
    expect(killsMidRun).toBeGreaterThanOrEqual(20);
    // Most kills cut writes off on their way: Agreements early on, Additions later.
    expect(killsWithWritesInFlight).toBeGreaterThanOrEqual(10);
    expect(killsWithAdditionsInFlight).toBeGreaterThanOrEqual(5);

    const last = await runInChild(null);
    expect(last.summary).toMatchObject({ status: 'completed', failed: [], duplicates: [] });
    sims.connectwise.faults.clear();
    const again = await runInChild(null);
    expect(again.summary).toMatchObject({ posted: 0, updated: 0, failed: [], duplicates: [] });

    const core = coreOnFiles();
    try {
      const rows = await allRows(core);
      const expected = expectedAdditions(rows, sims.platform.data.invoiceLines);
      const found = checkConnectWiseHolds(
        sims.connectwise,
        expected,
        usableProduct(sims.connectwise),
        companyOf,
      );
      checkEveryLineSynced(rows, expected, found);
    } finally {
      await core.close();
    }
  }, 120_000);
});

/** Two workstations: cores with databases of their own, mapped alike, on one ConnectWise. */
async function twoWorkstations(sims: Simulators): Promise<{
  cores: [Core, Core];
  companyOf: Map<string, number>;
}> {
  const first = await preparedCore(sims, { databasePath: join(temporaryDirectory(), 'a.sqlite') });
  const second = await preparedCore(sims, { databasePath: join(temporaryDirectory(), 'b.sqlite') });
  const companyOf = await mapEverything(first, sims, [period]);
  await mapEverything(second, sims, [period]);
  return { cores: [first, second], companyOf };
}

/** Each line of this workstation is Synced, carrying an Addition ConnectWise holds with its marker. */
function checkLinesPointAtTheirAddition(
  connectwise: ConnectWiseSimulator,
  rows: readonly InvoiceLineRow[],
  expected: ReadonlyMap<string, ExpectedAddition>,
): void {
  const markerOf = new Map<string, string>();
  for (const { marker, lineIds } of expected.values()) {
    for (const lineId of lineIds) markerOf.set(lineId, marker);
  }
  const byId = new Map(connectwise.data.additions.map((addition) => [addition.id, addition]));
  const problems = rows.flatMap((row) => {
    const addition = byId.get(row.synced?.additionId ?? -1);
    return row.status === 'Synced' && addition?.serialNumber === markerOf.get(row.lineId)
      ? []
      : [`${row.lineId}: ${row.status}, Addition ${row.synced?.additionId}`];
  });
  expect(problems.slice(0, 20)).toEqual([]);
}

async function apiPost(connectwise: ConnectWiseSimulator, path: string, body: unknown) {
  const { companyId, publicKey, privateKey } = connectwise.credentials;
  const response = await fetch(`${connectwise.apiBaseUrl}${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${companyId}+${publicKey}:${privateKey}`).toString('base64')}`,
      clientId: '7d6c3b1e-2f4a-4c59-9e1d-0a8b6c5d4e3f',
      Accept: 'application/vnd.connectwise.com+json; version=2025.1',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: number };
}

/** The Agreement of each Contract, as an earlier month would have left it: marked, in its currency. */
async function agreementsOfEarlierMonth(
  sims: Simulators,
  rows: readonly InvoiceLineRow[],
  companyOf: ReadonlyMap<string, number>,
): Promise<void> {
  const annual = configuration(sims.connectwise).agreementTypeId;
  const contracts = new Map(rows.map((row) => [row.contractId, row]));
  for (const row of contracts.values()) {
    const companyId = companyOf.get(row.organizationId);
    const company = sims.connectwise.data.companies.find((c) => c.id === companyId);
    const currency = sims.connectwise.data.currencies.find((c) => c.currencyCode === row.currency);
    await apiPost(sims.connectwise, '/finance/agreements', {
      name: `${row.contractId} – ${row.organizationName}`.slice(0, 100),
      type: { id: annual },
      company: { id: companyId },
      contact: { id: company?.defaultContact?.id },
      startDate: '2025-01-01T00:00:00Z',
      currency: { id: currency?.id },
      prorateFlag: false,
      internalNotes: `${fitMarker('PLT:C:', row.contractId)}\nCreated by ConnectWise Billing Sync.`,
    });
  }
}

describe('two workstations posting the same month at the same time', () => {
  let sims: Simulators;
  let cores: Core[] = [];
  let companyOf: Map<string, number>;

  beforeAll(async () => {
    sims = await startSimulators(47, 60, { linesPerOrganizationPerMonth: 8 });
    ({ cores, companyOf } = await twoWorkstations(sims));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(cores.map((core) => core.close()));
    await stopSimulators(sims);
  });

  it('leave each line in ConnectWise once, on one Agreement per Contract, and both show it Synced', async () => {
    // A little latency on writes, so the two runs overlap all the way through.
    sims.connectwise.faults.set({ writeLatencyMs: { min: 1, max: 8 } });
    const summaries = await Promise.all(cores.map((core) => run(core)));
    sims.connectwise.faults.clear();
    for (const summary of summaries) expect(summary).toMatchObject({ failed: [] });

    // Both looked before writing and neither found the other's Agreement: the newer of each
    // pair is cancelled and holds nothing.
    const cancelled = new Set(
      sims.connectwise.data.agreements
        .filter((a) => a.cancelledFlag && a.internalNotes?.startsWith('PLT:C:'))
        .map((a) => a.id),
    );
    expect(cancelled.size).toBeGreaterThan(0);
    expect(
      sims.connectwise.data.additions.filter((addition) => cancelled.has(addition.agreementId)),
    ).toEqual([]);
    const rows = await allRows(cores[0] as Core);
    const expected = expectedAdditions(rows, sims.platform.data.invoiceLines);
    checkConnectWiseHolds(sims.connectwise, expected, usableProduct(sims.connectwise), companyOf);
    for (const core of cores) {
      checkLinesPointAtTheirAddition(sims.connectwise, await allRows(core), expected);
    }
  }, 60_000);
});

describe('two workstations posting at the same time to Agreements of an earlier month, without Delete permission', () => {
  let sims: Simulators;
  let cores: Core[] = [];
  let companyOf: Map<string, number>;

  beforeAll(async () => {
    sims = await startSimulators(53, 40, { linesPerOrganizationPerMonth: 8 });
    ({ cores, companyOf } = await twoWorkstations(sims));
    await agreementsOfEarlierMonth(sims, await allRows(cores[0] as Core), companyOf);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(cores.map((core) => core.close()));
    await stopSimulators(sims);
  });

  it('report every Addition left twice as a duplicate, with both ids', async () => {
    sims.connectwise.setPermissions(['Finance › Agreements (Delete)']);
    sims.connectwise.faults.set({ writeLatencyMs: { min: 1, max: 8 } });
    const summaries = await Promise.all(cores.map((core) => run(core)));
    sims.connectwise.faults.clear();
    for (const summary of summaries) expect(summary).toMatchObject({ failed: [] });

    const left = [...additionsWithMarkers(sims.connectwise)]
      .filter(([, additions]) => additions.length > 1)
      .map(([marker, additions]) => ({
        marker,
        additionIds: additions.map((addition) => addition.id).sort((a, b) => a - b),
      }));
    // Both looked before writing and neither found the other's: most lines went twice.
    expect(left.length).toBeGreaterThan(0);
    const reported = summaries.flatMap((summary) => summary.duplicates);
    for (const duplicate of left) {
      expect(reported).toContainEqual({
        marker: duplicate.marker,
        additionIds: expect.arrayContaining(duplicate.additionIds),
      });
    }
    const rows = await allRows(cores[0] as Core);
    const expected = expectedAdditions(rows, sims.platform.data.invoiceLines);
    for (const core of cores) {
      checkLinesPointAtTheirAddition(sims.connectwise, await allRows(core), expected);
    }
  }, 60_000);
});

/** One more month than `day`'s, kept to the month's end (Jan 31 → Feb 28), as billing cycles count. */
function oneMonthAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastOfNext = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, lastOfNext))).toISOString().slice(0, 10);
}

function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** What ConnectWise holds for a line (by its one-time marker) or was sent for it, if anything. */
function traceOf(connectwise: ConnectWiseSimulator, lineId: string) {
  const marker = fitMarker('PLT:L:', lineId);
  return {
    additions: connectwise.data.additions.filter((addition) => addition.serialNumber === marker),
    writes: connectwise.requests.filter((request) =>
      JSON.stringify(request.body ?? '').includes(marker),
    ),
  };
}

describe('lines that must not be posted', () => {
  let sims: Simulators;
  let core: Core;
  /** Line id → what its reason must say. */
  const blocked = new Map<string, string[]>();
  /** Lines of the Contract on the prorated Agreement that fit its periods: these are posted. */
  const postedOnProrated: string[] = [];
  let guarded: { agreementIds: number[]; productId: number };

  beforeAll(async () => {
    sims = await startSimulators(59, 40);
    core = await preparedCore(sims, { databasePath: join(temporaryDirectory(), 'data.sqlite') });
    const rows = await allRows(core);
    const agreements = sims.connectwise.data.agreements;
    const cancelled = agreements.find((a) => a.agreementStatus === 'Cancelled');
    const euro = agreements.find(
      (a) => a.agreementStatus === 'Active' && a.currency.currencyCode === 'EUR',
    );
    const prorated = agreements.find(
      (a) =>
        a.agreementStatus === 'Active' &&
        a.prorateFlag &&
        a.billingCycle.name === 'Monthly' &&
        a.currency.currencyCode === 'USD' &&
        (a.billStartDate ?? a.startDate) < `${period}-01`,
    );
    if (!cancelled || !euro || !prorated) throw new Error('the seeded Agreements are missing');

    const contracts = [
      ...new Set(rows.map((row) => `${row.organizationId}|${row.contractId}`)),
    ].map((key) => {
      const [organizationId, contractId] = key.split('|') as [string, string];
      return {
        organizationId,
        contractId,
        rows: rows.filter((row) => row.contractId === contractId),
      };
    });
    const taken = new Set<string>();
    const pick = (test: (contract: (typeof contracts)[number]) => boolean) => {
      const contract = contracts.find((c) => !taken.has(c.organizationId) && test(c));
      if (!contract) throw new Error('no Contract fits');
      taken.add(contract.organizationId);
      return contract;
    };
    const spansACycle = (row: InvoiceLineRow) =>
      row.chargeEnd.date >= oneMonthAfter(row.chargeStart.date);
    const wholeMonth = (row: InvoiceLineRow) =>
      row.chargeStart.date.endsWith('-01') &&
      row.chargeEnd.date === dayBefore(oneMonthAfter(row.chargeStart.date));
    const onCancelled = pick(() => true);
    const inDollars = pick((c) => c.rows.every((row) => row.currency === 'USD'));
    const partial = pick(
      (c) =>
        c.rows.every((row) => row.currency === 'USD') &&
        c.rows.some((row) => !spansACycle(row) && !wholeMonth(row)),
    );

    // The app found these Agreements by the marker it writes into the notes (§2.1, §3.2).
    for (const [agreement, contract] of [
      [cancelled, onCancelled],
      [euro, inDollars],
      [prorated, partial],
    ] as const) {
      agreement.internalNotes = `${fitMarker('PLT:C:', contract.contractId)}\n${agreement.internalNotes ?? ''}`;
      touch(agreement, now);
    }
    await mapEverything(
      core,
      sims,
      [period],
      new Map([
        [onCancelled.organizationId, cancelled.company.id],
        [inDollars.organizationId, euro.company.id],
        [partial.organizationId, prorated.company.id],
      ]),
    );
    for (const row of onCancelled.rows) {
      blocked.set(row.lineId, [`"${cancelled.name}" is cancelled in ConnectWise`]);
    }
    for (const row of inDollars.rows) {
      blocked.set(row.lineId, ['This line is in USD', `"${euro.name}" is in EUR`]);
    }
    for (const row of partial.rows) {
      if (spansACycle(row)) blocked.set(row.lineId, ['span more than one Monthly billing cycle']);
      else if (!wholeMonth(row)) {
        blocked.set(row.lineId, [`"${prorated.name}" has "Prorate Agreement" on`]);
      } else postedOnProrated.push(row.lineId);
    }

    // An Offer mapped to a product that has since become a Bundle in ConnectWise, and the
    // catalog loaded again.
    const bundle = sims.connectwise.data.catalog.find(
      (item) =>
        !item.inactiveFlag &&
        item.productClass === 'Service' &&
        item.id !== usableProduct(sims.connectwise),
    );
    const offer = rows.find((row) =>
      rows.every((other) => other.offerId !== row.offerId || !taken.has(other.organizationId)),
    )?.offerId;
    if (!bundle || !offer) throw new Error('no product or Offer for the Bundle case');
    await value(core, 'mapping.mapOffer', { offerId: offer, catalogItemId: bundle.id });
    bundle.productClass = 'Bundle';
    touch(bundle, now);
    await value(core, 'mapping.loadProducts', { months: 3 });
    for (const row of rows) {
      if (row.offerId === offer && !blocked.has(row.lineId)) {
        blocked.set(row.lineId, ['The Product is a Bundle']);
      }
    }
    guarded = { agreementIds: [cancelled.id, euro.id], productId: bundle.id };
  }, 60_000);

  afterAll(async () => {
    await core?.close();
    await stopSimulators(sims);
  });

  it('are each named with their reason in the preview', async () => {
    const preview = await value<PostingPreview>(core, 'posting.preview', { period });
    const reasons = new Map(preview.skipped.map((skipped) => [skipped.lineId, skipped]));
    const reasonsSeen = [...blocked].map(
      ([lineId]) => reasons.get(lineId)?.reason ?? 'not skipped',
    );
    expect(
      reasonsSeen.filter((reason) => reason.includes('Prorate Agreement')).length,
    ).toBeGreaterThan(0);
    for (const [lineId, says] of blocked) {
      expect(reasons.get(lineId), lineId).toMatchObject({ status: 'Needs attention' });
      for (const text of says) expect(reasons.get(lineId)?.reason, lineId).toContain(text);
    }
  });

  it('show "Needs attention" with their reason after a run, and nothing of them reaches ConnectWise', async () => {
    const summary = await run(core);
    expect(summary).toMatchObject({ failed: [], duplicates: [] });
    expect(summary.posted).toBeGreaterThan(0);

    const rows = new Map((await allRows(core)).map((row) => [row.lineId, row]));
    for (const [lineId, says] of blocked) {
      const row = rows.get(lineId);
      expect(row?.status, lineId).toBe('Needs attention');
      for (const text of says) expect(row?.statusDetail, lineId).toContain(text);
      expect(traceOf(sims.connectwise, lineId), lineId).toEqual({ additions: [], writes: [] });
    }
    for (const lineId of postedOnProrated) expect(rows.get(lineId)?.status).toBe('Synced');
    for (const row of rows.values()) {
      if (!blocked.has(row.lineId)) expect(row.status, row.lineId).toBe('Synced');
    }
    // Nothing at all went to the cancelled or the EUR Agreement, nor with the Bundle.
    expect(
      sims.connectwise.requests.filter(
        (request) =>
          request.method !== 'GET' &&
          guarded.agreementIds.some((id) => request.path.includes(`/agreements/${id}/`)),
      ),
    ).toEqual([]);
    expect(
      sims.connectwise.data.additions.filter(
        (addition) =>
          guarded.agreementIds.includes(addition.agreementId) &&
          addition.serialNumber?.startsWith('PLT:'),
      ),
    ).toEqual([]);
    expect(
      sims.connectwise.data.additions.filter((a) => a.product.id === guarded.productId),
    ).toEqual([]);
  });
});

describe('a subscription that vanished from the newest month', () => {
  let sims: Simulators;
  let core: Core;
  let marker: string;
  let expectedDate: string;
  /** The Addition's end date as posted: a charge-date rule moved it past the month. */
  let postedEnd: string;

  const cancelledDateOf = (wanted: string) =>
    sims.connectwise.data.additions.find((addition) => addition.serialNumber === wanted)
      ?.cancelledDate;

  beforeAll(async () => {
    sims = await startSimulators(61, 30, { months: 2 });
    // "First day of following month" ends a Monthly Cycle Fee a day after its service month.
    core = await preparedCore(
      sims,
      { databasePath: join(temporaryDirectory(), 'data.sqlite') },
      [previousPeriod],
      'First day of following month',
    );
    await mapEverything(core, sims, [previousPeriod]);
    const first = await value<PostingSummary>(core, 'posting.run', {
      period: previousPeriod,
      confirmCancellations: false,
    });
    expect(first).toMatchObject({ failed: [] });

    // A Monthly subscription posted last month whose Contract goes on this month without it.
    const lines = sims.platform.data.invoiceLines;
    const thisMonth = lines.filter((line) => line.invoiceDate.startsWith(period));
    const earlier = (await allRows(core, previousPeriod)).filter((row) => row.status === 'Synced');
    const subscriptionOf = new Map(lines.map((line) => [line.lineId, line.subscriptionId]));
    const vanishing = earlier.find((row) => {
      const subscription = subscriptionOf.get(row.lineId);
      const rest = thisMonth.filter(
        (line) => line.contractId === row.contractId && line.subscriptionId !== subscription,
      );
      return (
        row.chargeType.platformName === 'Cycle Fee' &&
        row.billingCycle === 'Monthly' &&
        row.chargeEnd.platformDate.startsWith(previousPeriod) &&
        earlier.filter((other) => subscriptionOf.get(other.lineId) === subscription).length === 1 &&
        thisMonth.some((line) => line.subscriptionId === subscription) &&
        rest.length > 0 &&
        rest.every((line) => line.chargeStart >= `${period}-01`)
      );
    });
    if (!vanishing) throw new Error('no subscription fits');
    const subscription = subscriptionOf.get(vanishing.lineId) as string;
    marker = fitMarker('PLT:S:', `${subscription}:CycleFee`);
    postedEnd = `${vanishing.chargeEnd.date}T00:00:00Z`;
    const firstStart = thisMonth
      .filter(
        (line) => line.contractId === vanishing.contractId && line.subscriptionId !== subscription,
      )
      .map((line) => line.chargeStart)
      .sort()[0] as string;
    // §4: the day before the month's first Charge Start Date for that Contract.
    expectedDate = `${dayBefore(firstStart)}T00:00:00Z`;
    expect(expectedDate).not.toBe(postedEnd);
    expect(cancelledDateOf(marker)).toBe(postedEnd);

    sims.platform.data.invoiceLines = lines.filter(
      (line) => !(line.subscriptionId === subscription && line.invoiceDate.startsWith(period)),
    );
    await value(core, 'platformData.load', { periods: [period], source: { kind: 'platform' } });
    await value(core, 'mapping.loadProducts', { months: 3 });
    await mapOffers(core, sims, [period], usableProduct(sims.connectwise));
  }, 60_000);

  afterAll(async () => {
    await core?.close();
    await stopSimulators(sims);
  });

  it('is listed by the preview with the date it will get, and nothing changes yet', async () => {
    const before = JSON.stringify(sims.connectwise.data.additions);
    const preview = await value<PostingPreview>(core, 'posting.preview', { period });
    expect(preview.cancellations).toContainEqual(
      expect.objectContaining({ marker, cancelledDate: expectedDate }),
    );
    expect(JSON.stringify(sims.connectwise.data.additions)).toBe(before);
  });

  it('a run without confirmation leaves it as it is', async () => {
    const summary = await run(core, false);
    expect(summary).toMatchObject({ failed: [], cancelledAdditions: 0 });
    expect(cancelledDateOf(marker)).toBe(postedEnd);
  });

  it('a confirmation covers only the cancellations the user saw', async () => {
    const summary = await value<PostingSummary>(core, 'posting.run', {
      period,
      confirmCancellations: true,
      // The user confirmed a list on which this Addition was not (e.g. an older preview).
      confirmedMarkers: ['PLT:S:some-other-subscription:CycleFee'],
    });
    expect(summary).toMatchObject({ failed: [], cancelledAdditions: 0 });
    expect(cancelledDateOf(marker)).toBe(postedEnd);
  });

  it('once confirmed, it is cancelled on the right date, and only the listed Additions change', async () => {
    const preview = await value<PostingPreview>(core, 'posting.preview', { period });
    const before = new Map(
      sims.connectwise.data.additions.map((addition) => [addition.id, JSON.stringify(addition)]),
    );
    const summary = await run(core, true);
    expect(summary).toMatchObject({
      failed: [],
      cancelledAdditions: preview.cancellations.length,
    });
    expect(cancelledDateOf(marker)).toBe(expectedDate);
    const listed = new Map(preview.cancellations.map((c) => [c.marker, c.cancelledDate]));
    for (const addition of sims.connectwise.data.additions) {
      const wanted = listed.get(addition.serialNumber ?? '');
      if (wanted) expect(addition.cancelledDate).toBe(wanted);
      else expect(JSON.stringify(addition)).toBe(before.get(addition.id));
    }
    const after = await value<PostingPreview>(core, 'posting.preview', { period });
    expect(after.cancellations.map((c) => c.marker)).not.toContain(marker);
  });
});

describe('a month posted in two selections', () => {
  let sims: Simulators;
  let core: Core;
  let companyOf: Map<string, number>;

  beforeAll(async () => {
    sims = await startSimulators(67, 40);
    core = await preparedCore(sims, { databasePath: join(temporaryDirectory(), 'data.sqlite') });
    companyOf = await mapEverything(core, sims, [period]);
  }, 60_000);

  afterAll(async () => {
    await core?.close();
    await stopSimulators(sims);
  });

  it('keeps each part of a mid-month change on the Addition the whole month gives it', async () => {
    const rows = await allRows(core);
    const expected = expectedAdditions(rows, sims.platform.data.invoiceLines);
    // The parts of a change billed in two: their recurring Addition carries one, the other is
    // one-time (§1.4). Selected first: the one-time parts, alone.
    const drivers = new Set(
      [...expected.values()].filter((e) => e.marker.startsWith('PLT:S:')).map((e) => e.row.lineId),
    );
    const subscriptionOf = new Map(
      sims.platform.data.invoiceLines.map((line) => [line.lineId, line.subscriptionId]),
    );
    const parts = rows.filter(
      (row) =>
        !drivers.has(row.lineId) &&
        recurringCodes[row.chargeType.platformName] !== undefined &&
        rows.some(
          (other) =>
            drivers.has(other.lineId) &&
            other.chargeType.platformName === row.chargeType.platformName &&
            subscriptionOf.get(other.lineId) === subscriptionOf.get(row.lineId),
        ),
    );
    expect(parts.length).toBeGreaterThan(0);
    const selected = await value<PostingSummary>(core, 'posting.run', {
      period,
      lineIds: parts.map((row) => row.lineId),
      confirmCancellations: false,
    });
    expect(selected).toMatchObject({ failed: [], posted: parts.length });
    const second = await run(core);
    expect(second).toMatchObject({ failed: [] });

    const found = checkConnectWiseHolds(
      sims.connectwise,
      expected,
      usableProduct(sims.connectwise),
      companyOf,
    );
    checkEveryLineSynced(await allRows(core), expected, found);
  });
});

describe('posting options: a custom Marker field and "Keep history"', () => {
  let sims: Simulators;
  let core: Core;
  let companyOf: Map<string, number>;
  let first: PostingSummary;
  const customConfiguration = () => ({
    ...configuration(sims.connectwise),
    additionMarkerFieldId: 41,
    agreementMarkerFieldId: 42,
    recurringChanges: 'keepHistory',
  });
  const platformLine = (addition: Addition) =>
    addition.customFields.find((field) => field.caption === 'Platform Line')?.value;

  beforeAll(async () => {
    sims = await startSimulators(71, 10, { months: 2 });
    core = await preparedCore(sims, { databasePath: join(temporaryDirectory(), 'data.sqlite') }, [
      previousPeriod,
      period,
    ]);
    await value(core, 'configuration.save', customConfiguration());
    companyOf = await mapEverything(core, sims, [previousPeriod, period]);
    first = await value<PostingSummary>(core, 'posting.run', {
      period: previousPeriod,
      confirmCancellations: false,
    });
  }, 60_000);

  afterAll(async () => {
    await core?.close();
    await stopSimulators(sims);
  });

  it('writes each marker to the chosen custom field, and a fresh install finds them all there', async () => {
    expect(first).toMatchObject({ failed: [], duplicates: [] });
    expect(first.posted).toBeGreaterThan(10);
    const ours = sims.connectwise.data.additions.filter((a) => platformLine(a) !== undefined);
    expect(ours).toHaveLength(first.posted);
    for (const addition of ours) {
      expect(platformLine(addition)).toMatch(/^PLT:[LS]:/);
      expect(addition.serialNumber ?? null).toBeNull();
    }
    const agreements = sims.connectwise.data.agreements.filter((a) =>
      ours.some((addition) => addition.agreementId === a.id),
    );
    for (const agreement of agreements) {
      expect(agreement.customFields).toContainEqual(
        expect.objectContaining({
          caption: 'Platform Contract',
          value: expect.stringMatching(/^PLT:C:/),
        }),
      );
    }

    const fresh = await preparedCore(
      sims,
      { databasePath: join(temporaryDirectory(), 'data.sqlite') },
      [previousPeriod],
    );
    try {
      await value(fresh, 'configuration.save', customConfiguration());
      await mapEverything(fresh, sims, [previousPeriod], companyOf);
      const again = await value<PostingSummary>(fresh, 'posting.run', {
        period: previousPeriod,
        confirmCancellations: false,
      });
      expect(again).toMatchObject({ posted: 0, failed: [], duplicates: [] });
      expect(again.adopted).toBe(first.posted);
    } finally {
      await fresh.close();
    }
  });

  it('keeps history: a changed recurring Addition ends the day before the new one starts, and both stay', async () => {
    // A seat count that changes this month, on a subscription posted last month.
    const lines = sims.platform.data.invoiceLines;
    const postedBefore = new Set(
      lines
        .filter((l) => l.invoiceDate.startsWith(previousPeriod) && l.chargeType === 'Cycle Fee')
        .map((l) => l.subscriptionId),
    );
    const changed = lines.filter(
      (l) =>
        l.invoiceDate.startsWith(period) &&
        l.chargeType === 'Cycle Fee' &&
        postedBefore.has(l.subscriptionId),
    );
    expect(changed.length).toBeGreaterThan(2);
    for (const line of changed.slice(0, 3)) line.quantity = String(Number(line.quantity) + 3);
    await value(core, 'platformData.load', { periods: [period], source: { kind: 'platform' } });
    const summary = await run(core);
    expect(summary).toMatchObject({ failed: [], duplicates: [] });
    const byMarker = new Map<string, Addition[]>();
    for (const addition of sims.connectwise.data.additions) {
      const marker = platformLine(addition);
      if (typeof marker === 'string' && marker.startsWith('PLT:S:'))
        byMarker.set(marker, [...(byMarker.get(marker) ?? []), addition]);
    }
    const stretches = [...byMarker.values()].filter((additions) => additions.length > 1);
    expect(stretches.length).toBeGreaterThan(0);
    for (const additions of stretches) {
      const [older, newer] = [...additions].sort((a, b) => a.id - b.id);
      if (!older || !newer) continue;
      expect(older.quantity).not.toBe(newer.quantity);
      expect(older.cancelledDate).toBe(
        `${dayBefore((newer.effectiveDate as string).slice(0, 10))}T00:00:00Z`,
      );
    }
  });

  it('refuses another Marker field once lines are posted with this one', async () => {
    const refused = await core.dispatch('configuration.save', {
      ...customConfiguration(),
      additionMarkerFieldId: null,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'Validation Error', message: expect.stringContaining('keep "Platform Line"') },
    });
  });
});
