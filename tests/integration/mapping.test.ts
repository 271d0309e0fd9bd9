import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type {
  BridgeResult,
  CompanyChoice,
  InvoicePage,
  MappingSite,
  OfferPage,
  OrganizationPage,
  OrganizationRow,
} from '@shared/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core';
import {
  type ConnectWiseSimulator,
  startConnectWiseSimulator,
} from '../../electron/sandbox/connectwise';
import { type PlatformSimulator, startPlatformSimulator } from '../../electron/sandbox/platform';
import { minimalConfiguration } from '../support/configurationInput';
import { FakeClock, fakePorts, memorySettingsFile, temporaryDirectory } from '../support/fakePorts';

const now = new Date();
const period = now.toISOString().slice(0, 7);
/** ConnectWise writes times without milliseconds. */
const cwNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

let connectwise: ConnectWiseSimulator;
let platform: PlatformSimulator;
let core: Core;
let databasePath: string;
/** The settings file outlives a core, as it does on disk. */
const settingsFile = memorySettingsFile();
/** The ConnectWise Companies renamed after Platform Organizations: exactly, and with "GmbH". */
let sameName: { id: number };
let withSuffix: { id: number };

function startCore(): Core {
  return createCore(
    fakePorts({ databasePath, settingsFile, clock: new FakeClock(now), sleep: async () => {} }),
  );
}

async function call(channel: string, input?: unknown): Promise<BridgeResult> {
  return core.dispatch(channel, input);
}

async function value<T>(channel: string, input?: unknown): Promise<T> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.kind}: ${result.error.message}`);
  return result.value as T;
}

function sql(statement: string, ...params: Array<string | number>) {
  const db = new DatabaseSync(databasePath);
  try {
    return db.prepare(statement).all(...params);
  } finally {
    db.close();
  }
}

async function organization(id: string): Promise<OrganizationRow> {
  const page = await value<OrganizationPage>('mapping.organizationsPage', {
    offset: 0,
    limit: 50,
    search: id,
  });
  const row = page.rows.find((r) => r.organizationId === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

async function linesOf(organizationId: string): Promise<InvoicePage['rows']> {
  const name = platform.data.organizations.find((o) => o.id === organizationId)?.name ?? '';
  const page = await value<InvoicePage>('platformData.page', {
    period,
    offset: 0,
    limit: 500,
    search: name,
  });
  return page.rows.filter((row) => row.organizationId === organizationId);
}

beforeAll(async () => {
  [connectwise, platform] = await Promise.all([
    startConnectWiseSimulator({ seed: 11, companies: 400 }),
    startPlatformSimulator({ seed: 11, organizations: 30, months: 2, now: () => now }),
  ]);
  // Real sites know some customers by the Platform's names, give or take a legal suffix.
  const [first, second] = platform.data.organizations;
  const [a, b] = connectwise.data.companies.filter(
    (c) => c.status.name === 'Active' && !c.deletedFlag,
  );
  if (!first || !second || !a || !b) throw new Error('seed too small');
  a.name = first.name;
  b.name = `${second.name.replace(/\s+(AB|Inc|Ltd|LLC|GmbH|AS|Oy|SA|BV|plc|Pty Ltd)$/i, '')} GmbH`;
  sameName = a;
  withSuffix = b;

  databasePath = join(temporaryDirectory(), 'data.sqlite');
  core = startCore();
  expect(
    await value('connectwiseConnection.save', {
      siteUrl: connectwise.siteUrl,
      ...connectwise.credentials,
    }),
  ).toMatchObject({ ok: true });
});

afterAll(async () => {
  await core.close();
  await Promise.all([connectwise.close(), platform.close()]);
});

describe('Mapping before an Agreement Type is saved', () => {
  it('refuses to sync, saying what to do first', async () => {
    expect(await call('mapping.syncOrganizations')).toMatchObject({
      ok: false,
      error: { kind: 'Not Allowed', message: expect.stringContaining('Agreement Type') },
    });
  });
});

describe('Mapping › Organizations', () => {
  beforeAll(async () => {
    await value('configuration.save', minimalConfiguration(connectwise));
    await value('platformConnection.save', { baseUrl: platform.baseUrl, token: platform.token });
  });

  it('a first sync pulls every Company and every Platform Organization, and suggests', async () => {
    const result = await value<{ companies: number; incremental: boolean; organizations: number }>(
      'mapping.syncOrganizations',
    );
    expect(result).toMatchObject({
      companies: connectwise.data.companies.length,
      incremental: false,
      organizations: platform.data.organizations.length,
    });
    const page = await value<OrganizationPage>('mapping.organizationsPage', {
      offset: 0,
      limit: 500,
    });
    expect(page.total).toBe(platform.data.organizations.length);
    expect(page.lastSyncedAt).toBe(now.toISOString());

    const [first, second] = platform.data.organizations;
    const exact = await organization(first?.id ?? '');
    expect(exact).toMatchObject({ status: 'Suggested' });
    expect(exact.suggestions.find((s) => s.company.id === sameName.id)).toMatchObject({
      confidence: 0.99,
      reason: 'same name',
    });
    const suffixed = await organization(second?.id ?? '');
    expect(suffixed.status).toBe('Suggested');
    expect(suffixed.suggestions.find((s) => s.company.id === withSuffix.id)?.reason).toMatch(
      /after removing .*'GmbH'/,
    );
    expect(suffixed.suggestions.length).toBeLessThanOrEqual(3);
    // The sync used forward-only pages of 1000 with a projection.
    const pulls = connectwise.requests.filter(
      (r) => r.path.endsWith('/company/companies') && r.query.fields?.includes('deletedFlag'),
    );
    expect(pulls.length).toBeGreaterThan(0);
    for (const pull of pulls) {
      expect(pull.query.pageSize).toBe('1000');
      expect(pull.headers['pagination-type']).toBe('forward-only');
    }
  });

  it('leaves deleted Companies, Prospects and Not-Approved ones out of the pick list unless asked', async () => {
    const hidden = connectwise.data.companies.filter(
      (c) =>
        c.deletedFlag ||
        c.types.some((t) => t.name === 'Prospect') ||
        /not.?approved/i.test(c.status.name),
    );
    expect(hidden.length).toBeGreaterThan(0);
    const named = hidden[0];
    const shown = await value<CompanyChoice[]>('mapping.companies', {
      search: named?.name ?? '',
      showAll: false,
      limit: 200,
    });
    expect(shown.map((c) => c.id)).not.toContain(named?.id);
    const all = await value<CompanyChoice[]>('mapping.companies', {
      search: named?.name ?? '',
      showAll: true,
      limit: 200,
    });
    expect(all.find((c) => c.id === named?.id)).toMatchObject({
      hiddenBecause: expect.any(String),
      city: named?.city,
    });
  });

  it('a later sync takes only what changed, and sees renames and deletions', async () => {
    const [renamed, softDeleted, deletedQuietly, hardDeleted] = connectwise.data.companies
      .filter(
        (c) =>
          !c.deletedFlag &&
          c.status.name === 'Active' &&
          !c.types.some((t) => t.name === 'Prospect'),
      )
      .slice(5);
    if (!renamed || !softDeleted || !deletedQuietly || !hardDeleted)
      throw new Error('seed too small');
    renamed.name = 'Renamed Holdings Ltd';
    renamed._info.lastUpdated = cwNow();
    softDeleted.deletedFlag = true;
    softDeleted._info.lastUpdated = cwNow();
    // ConnectWise may keep lastUpdated when a Company is deleted (e.g. merged away).
    deletedQuietly.deletedFlag = true;
    connectwise.data.companies.splice(connectwise.data.companies.indexOf(hardDeleted), 1);

    const result = await value<{ companies: number; incremental: boolean }>(
      'mapping.syncOrganizations',
    );
    expect(result.incremental).toBe(true);
    expect(result.companies).toBeGreaterThanOrEqual(2);
    expect(result.companies).toBeLessThan(10);
    const changedSince = connectwise.requests.filter(
      (r) =>
        r.path.endsWith('/company/companies') && r.query.conditions?.includes('_info/lastUpdated'),
    );
    expect(changedSince.length).toBeGreaterThan(0);

    expect(
      await value<CompanyChoice[]>('mapping.companies', {
        search: 'Renamed Holdings',
        showAll: false,
        limit: 10,
      }),
    ).toEqual([expect.objectContaining({ id: renamed.id, name: 'Renamed Holdings Ltd' })]);
    for (const gone of [softDeleted, deletedQuietly, hardDeleted]) {
      const found = await value<CompanyChoice[]>('mapping.companies', {
        search: gone.identifier,
        showAll: true,
        limit: 10,
      });
      expect(found.find((c) => c.id === gone.id)?.hiddenBecause).toContain('Deleted');
    }
  });

  it('keeps a Company that came back without a name, shown by its id', async () => {
    const nameless = connectwise.data.companies.filter((c) => !c.deletedFlag).at(-2);
    if (!nameless) throw new Error('seed too small');
    nameless.name = '';
    nameless._info.lastUpdated = cwNow();
    await value('mapping.syncOrganizations');
    const found = await value<CompanyChoice[]>('mapping.companies', {
      search: nameless.identifier,
      showAll: true,
      limit: 10,
    });
    expect(found.find((c) => c.id === nameless.id)?.name).toBe(`Company #${nameless.id} (no name)`);
  });

  it('a mapped Company deleted in ConnectWise turns the row to "Response Error" with the remedy', async () => {
    const [, , third] = platform.data.organizations;
    // Not one of the Companies named like the Platform's Organizations (the first two).
    const company = connectwise.data.companies.filter(
      (c) =>
        !c.deletedFlag && c.status.name === 'Active' && !c.types.some((t) => t.name === 'Prospect'),
    )[20];
    if (!third || !company) throw new Error('seed too small');
    expect(
      await value<OrganizationRow>('mapping.mapOrganization', {
        organizationId: third.id,
        companyIds: [company.id],
      }),
    ).toMatchObject({ status: 'Mapped', companies: [{ id: company.id }] });
    connectwise.data.companies.splice(connectwise.data.companies.indexOf(company), 1);
    await value('mapping.syncOrganizations');
    expect(await organization(third.id)).toMatchObject({
      status: 'Response Error',
      statusDetail: 'The Company was deleted in ConnectWise; map this Organization again.',
    });
    await value('mapping.unmapOrganizations', { organizationIds: [third.id] });
  });

  it('a sync cut halfway by a network failure keeps the Companies as they were', async () => {
    const before = sql('SELECT id, name, deleted FROM cw_company ORDER BY id');
    const renamed = connectwise.data.companies.at(-1);
    if (!renamed) throw new Error('seed too small');
    renamed.name = 'Must Not Arrive Ltd';
    renamed._info.lastUpdated = cwNow();
    // The changed Companies arrive; the id list then fails for good.
    connectwise.faults.script({
      method: 'GET',
      path: /\/company\/companies\?.*fields=id%2CdeletedFlag(&|$)/,
      times: 20,
      fault: { status: 503 },
    });
    const result = await call('mapping.syncOrganizations');
    connectwise.faults.clear();
    expect(result).toMatchObject({ ok: false, error: { kind: 'Response Error' } });
    expect(sql('SELECT id, name, deleted FROM cw_company ORDER BY id')).toEqual(before);
  });

  it('accepts suggestions one by one and in bulk, never below the confidence asked', async () => {
    const [first, second] = platform.data.organizations;
    expect(
      await value('mapping.acceptOrganizationSuggestions', {
        organizationIds: [first?.id],
        minConfidence: 0,
      }),
    ).toEqual({ accepted: 1 });
    expect(await organization(first?.id ?? '')).toMatchObject({ status: 'Mapped' });
    expect(await value('mapping.acceptOrganizationSuggestions', { minConfidence: 0.999 })).toEqual({
      accepted: 0,
    });
    const accepted = await value<{ accepted: number }>('mapping.acceptOrganizationSuggestions', {
      minConfidence: 0.85,
    });
    expect(accepted.accepted).toBeGreaterThanOrEqual(1);
    expect(await organization(second?.id ?? '')).toMatchObject({ status: 'Mapped' });
  });

  it('refuses a mapping to a Company it does not know, and changes nothing', async () => {
    const [, , , fourth] = platform.data.organizations;
    const before = await organization(fourth?.id ?? '');
    expect(
      await call('mapping.mapOrganization', { organizationId: fourth?.id, companyIds: [999_999] }),
    ).toMatchObject({ ok: false, error: { kind: 'Validation Error' } });
    expect(await organization(fourth?.id ?? '')).toEqual(before);
  });
});

describe('Mapping › Products and the invoice lines that follow the mappings', () => {
  let organizationId: string;
  let offerId: string;

  beforeAll(async () => {
    await value('platformData.load', { periods: [period], source: { kind: 'platform' } });
    // An Organization with several lines this month.
    const lines = platform.data.invoiceLines.filter((l) => l.invoiceDate.startsWith(period));
    const line = lines.find(
      (l) => lines.filter((o) => o.organizationId === l.organizationId).length >= 3,
    );
    if (!line) throw new Error('no Organization with several lines this month');
    organizationId = line.organizationId;
    offerId = line.offerId;
  });

  it('loads the Offers invoiced in the window and the active catalog, Bundles disabled', async () => {
    const loaded = await value<{ offers: number; catalogItems: number }>('mapping.loadProducts', {
      months: 1,
    });
    const invoiced = new Set(
      platform.data.invoiceLines
        .filter((l) => l.invoiceDate.startsWith(period))
        .map((l) => l.offerId),
    );
    expect(loaded.offers).toBe(invoiced.size);
    expect(loaded.catalogItems).toBe(connectwise.data.catalog.length);
    const page = await value<OfferPage>('mapping.offersPage', { months: 1, offset: 0, limit: 500 });
    expect(page.total).toBe(invoiced.size);
    expect(page.since).toBe(`${period}-01`);
    const bundle = connectwise.data.catalog.find((item) => item.productClass === 'Bundle');
    if (bundle) {
      expect(await call('mapping.mapOffer', { offerId, catalogItemId: bundle.id })).toMatchObject({
        ok: false,
        error: { kind: 'Validation Error', message: expect.stringContaining('Bundle') },
      });
    }
  });

  it('re-mapping propagates at once to unsynced lines, never to synced ones', async () => {
    const product = connectwise.data.catalog.find(
      (item) => !item.inactiveFlag && item.productClass !== 'Bundle',
    );
    if (!product) throw new Error('no usable catalog item');
    await value('mapping.mapOffer', { offerId, catalogItemId: product.id });
    const [company] = await value<CompanyChoice[]>('mapping.companies', {
      search: '',
      showAll: false,
      limit: 1,
    });
    const mapped = await value<OrganizationRow>('mapping.mapOrganization', {
      organizationId,
      companyIds: [company?.id],
    });
    expect(mapped.status).toBe('Mapped');

    const lines = await linesOf(organizationId);
    const ofOffer = lines.filter((l) => l.offerId === offerId);
    expect(ofOffer.length).toBeGreaterThan(0);
    for (const line of ofOffer) {
      expect(line).toMatchObject({
        status: 'Ready',
        psaOrganizationName: mapped.companies[0]?.name,
        psaProductName: product.description,
      });
    }
    const otherOffers = lines.filter((l) => l.offerId !== offerId);
    for (const line of otherOffers) {
      expect(line).toMatchObject({
        status: 'Not Mapped',
        statusDetail: 'Map the Offer to a Product.',
      });
    }
    for (const other of new Set(otherOffers.map((l) => l.offerId))) {
      await value('mapping.mapOffer', { offerId: other, catalogItemId: product.id });
    }
    expect(lines.length).toBeGreaterThanOrEqual(2);

    // The posting engine recorded one line as sent, with the Company it was sent for.
    const [synced, ...unsynced] = lines;
    if (!synced) throw new Error('no line');
    sql(
      `INSERT INTO line_sync_result (line_id, status, at, addition_id, sent_values)
       VALUES (?, 'synced', '2026-01-01T00:00:00Z', 99, json(?))`,
      synced.lineId,
      JSON.stringify({ company: { name: 'Sent Company' }, product: { name: 'Sent Product' } }),
    );

    const another = (
      await value<CompanyChoice[]>('mapping.companies', { search: '', showAll: false, limit: 5 })
    ).find((c) => c.id !== mapped.companies[0]?.id);
    if (!another) throw new Error('no other company');
    await value('mapping.mapOrganization', { organizationId, companyIds: [another.id] });
    const after = await linesOf(organizationId);
    expect(after.find((l) => l.lineId === synced.lineId)).toMatchObject({
      status: 'Synced',
      psaOrganizationName: 'Sent Company',
      psaProductName: 'Sent Product',
    });
    const stillUnsynced = after.filter((l) => unsynced.some((u) => u.lineId === l.lineId));
    expect(stillUnsynced).toHaveLength(unsynced.length);
    for (const line of stillUnsynced) {
      expect(line).toMatchObject({ status: 'Ready', psaOrganizationName: another.name });
    }

    // Several Companies: each line must say which one.
    await value('mapping.mapOrganization', {
      organizationId,
      companyIds: [another.id, mapped.companies[0]?.id],
    });
    const several = (await linesOf(organizationId)).find((l) => l.lineId === unsynced[0]?.lineId);
    expect(several).toMatchObject({
      status: 'Needs attention',
      statusDetail: expect.stringContaining('choose the PSA Organization'),
    });

    // Excluded: never posted, mapped or not.
    await value('mapping.excludeOrganizations', {
      organizationIds: [organizationId],
      excluded: true,
    });
    expect(
      (await linesOf(organizationId)).filter((l) => l.status !== 'Synced').map((l) => l.status),
    ).toEqual(expect.arrayContaining(['Excluded']));
    expect(
      (await linesOf(organizationId)).every(
        (l) => l.status === 'Excluded' || l.lineId === synced.lineId,
      ),
    ).toBe(true);
    await value('mapping.excludeOrganizations', {
      organizationIds: [organizationId],
      excluded: false,
    });
  });

  it('mappings survive a restart of the app', async () => {
    const before = await organization(organizationId);
    await core.close();
    core = startCore();
    expect(await organization(organizationId)).toEqual(before);
  });
});

describe('after a reconnect to another ConnectWise site', () => {
  let other: ConnectWiseSimulator;

  beforeAll(async () => {
    other = await startConnectWiseSimulator({ seed: 12, companies: 20 });
  });
  afterAll(() => other.close());

  it('asks before reusing the mappings, refuses changes until then, and can start over', async () => {
    await value('connectwiseConnection.save', { siteUrl: other.siteUrl, ...other.credentials });
    const site = await value<MappingSite>('mapping.site');
    expect(site).toEqual({
      mappingsSite: connectwise.siteUrl,
      connectedSite: other.siteUrl,
      decisionNeeded: true,
    });
    const refused = await call('mapping.syncOrganizations');
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'Not Allowed', message: expect.stringContaining(connectwise.siteUrl) },
    });
    expect(await value<MappingSite>('mapping.decideSite', { reuse: false })).toMatchObject({
      mappingsSite: other.siteUrl,
      decisionNeeded: false,
    });
    expect(sql('SELECT COUNT(*) AS n FROM organization_company')).toEqual([{ n: 0 }]);
  });
});
