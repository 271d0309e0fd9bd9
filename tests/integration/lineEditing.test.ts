import { join } from 'node:path';
import type {
  EditLinesResult,
  InvoiceLineRow,
  InvoicePage,
  LineTargetChoices,
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
import { configurationInputOf } from '../support/configurationInput';
import { FakeClock, temporaryDirectory } from '../support/fakePorts';
import { mapEverything, preparedCore, usableCompanies, value } from '../support/postingSetup';

/**
 * Mapping › Invoices editing (docs/product.md §4.3): what the user changes on a line is what
 * "Sync to PSA" sends, and synced lines stay as they were sent.
 */
const now = new Date();
const period = now.toISOString().slice(0, 7);
const clock = new FakeClock(now);

let connectwise: ConnectWiseSimulator;
let platform: PlatformSimulator;
let core: Core;

async function rows(): Promise<InvoiceLineRow[]> {
  return (await value<InvoicePage>(core, 'platformData.page', { period, offset: 0, limit: 500 }))
    .rows;
}

async function row(lineId: string): Promise<InvoiceLineRow> {
  const found = (await rows()).find((r) => r.lineId === lineId);
  if (!found) throw new Error(`no line ${lineId}`);
  return found;
}

function edit(lineIds: string[], change: unknown): Promise<EditLinesResult> {
  clock.advance(1000);
  return value<EditLinesResult>(core, 'platformData.editLines', {
    period,
    lineIds,
    edits: [change],
  });
}

function run(lineIds: string[]): Promise<PostingSummary> {
  clock.advance(1000);
  return value<PostingSummary>(core, 'posting.run', {
    period,
    lineIds,
    confirmCancellations: false,
  });
}

const monthOf = (date: string) => date.slice(0, 7);
const lastDayOf = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
};

/** An active, monthly, unprorated Agreement of this Company in ConnectWise, billing since 2020. */
function seedAgreement(
  companyId: number,
  id: number,
  name: string,
  currencyCode: string,
  changes: object = {},
): void {
  const template = connectwise.data.agreements.find((a) => a.agreementStatus === 'Active');
  const company = connectwise.data.companies.find((c) => c.id === companyId);
  const currency = connectwise.data.currencies.find((c) => c.currencyCode === currencyCode);
  if (!template || !company || !currency) throw new Error('the ConnectWise seed lacks a record');
  connectwise.data.agreements.push({
    ...structuredClone(template),
    id,
    name,
    company: { id: company.id, identifier: company.identifier, name: company.name },
    billingCycle: { id: 1, name: 'Monthly' },
    prorateFlag: false,
    billStartDate: '2020-01-01T00:00:00Z',
    startDate: '2020-01-01T00:00:00Z',
    currency: {
      id: currency.id,
      currencyCode: currency.currencyCode,
      symbol: currency.symbol,
      name: currency.name,
    },
    internalNotes: null,
    ...changes,
  });
  connectwise.reindex();
}

/** Ready lines of one month each, as the Platform sent them: nothing blocks them. */
async function readyOneMonthLines(): Promise<InvoiceLineRow[]> {
  return (await rows()).filter(
    (r) => r.status === 'Ready' && monthOf(r.chargeStart.date) === monthOf(r.chargeEnd.date),
  );
}

beforeAll(async () => {
  [connectwise, platform] = await Promise.all([
    startConnectWiseSimulator({ seed: 31, companies: 120 }),
    startPlatformSimulator({ seed: 31, organizations: 12, months: 2, now: () => now }),
  ]);
  core = await preparedCore(connectwise, platform, {
    databasePath: join(temporaryDirectory(), 'data.sqlite'),
    period,
    clock,
  });
  await mapEverything(core, connectwise, platform, period);
});

afterAll(async () => {
  await core?.close();
  await Promise.all([connectwise.close(), platform.close()]);
});

describe('Invoices › editing a line', () => {
  let postedLineId: string;

  it('a date the user sets shows "User Updated", can be taken back, and is the date posted', async () => {
    const line = (await readyOneMonthLines()).find(
      (r) => r.chargeStart.date < r.chargeEnd.date && r.chargeType.platformName !== 'Cycle Fee',
    );
    if (!line) throw new Error('no Ready one-time line spanning days');
    const computed = line.chargeStart;
    const chosen = line.chargeEnd.date;

    expect(await edit([line.lineId], { field: 'dates', chargeStart: chosen })).toEqual({
      updated: 1,
      synced: 0,
    });
    expect((await row(line.lineId)).chargeStart).toEqual({
      date: chosen,
      badge: 'User Updated',
      platformDate: computed.platformDate,
    });

    await edit([line.lineId], { field: 'dates', chargeStart: null });
    expect((await row(line.lineId)).chargeStart).toEqual(computed);

    await edit([line.lineId], { field: 'dates', chargeStart: chosen });
    const summary = await run([line.lineId]);
    expect(summary).toMatchObject({ posted: 1, failed: [] });
    const synced = await row(line.lineId);
    const addition = connectwise.data.additions.find((a) => a.id === synced.synced?.additionId);
    expect(addition?.effectiveDate).toBe(`${chosen}T00:00:00Z`);
    postedLineId = line.lineId;
  });

  it('refuses a start date after the end date on any chosen line, changing nothing on any of them', async () => {
    // The date fits the first line (it ends later) but not the second: all or nothing.
    const lines = await readyOneMonthLines();
    const fits = lines.find((r) => r.chargeEnd.date > r.chargeStart.date);
    const late = fits?.chargeEnd.date;
    const tooLate = lines.find((r) => late !== undefined && r.chargeEnd.date < late);
    if (!fits || !late || !tooLate) throw new Error('no two lines with different end dates');
    const result = await core.dispatch('platformData.editLines', {
      period,
      lineIds: [fits.lineId, tooLate.lineId],
      // With an exclusion first: the dialog's changes are saved together or not at all.
      edits: [
        { field: 'included', included: false },
        { field: 'dates', chargeStart: late },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'Validation Error',
        message: expect.stringContaining(`line ${tooLate.lineId}`),
      },
    });
    for (const line of [fits, tooLate]) {
      expect(await row(line.lineId)).toMatchObject({
        chargeStart: line.chargeStart,
        included: true,
        status: 'Ready',
      });
    }
    expect(await edit([fits.lineId], { field: 'dates', chargeStart: late })).toEqual({
      updated: 1,
      synced: 0,
    });
    await edit([fits.lineId], { field: 'dates', chargeStart: null });
  });

  it('excluding two lines at once keeps them out of Sync to PSA until they are included again', async () => {
    const [first, second] = await readyOneMonthLines();
    if (!first || !second) throw new Error('too few Ready lines');
    const both = [first.lineId, second.lineId];
    await edit(both, { field: 'included', included: false });
    for (const id of both) {
      expect(await row(id)).toMatchObject({ status: 'Excluded', included: false });
    }
    const preview = await value<PostingPreview>(core, 'posting.preview', {
      period,
      lineIds: both,
    });
    expect(preview.creates).toEqual([]);
    expect(preview.skipped.map((s) => s.status)).toEqual(['Excluded', 'Excluded']);

    await edit(both, { field: 'included', included: true });
    for (const id of both) {
      expect(await row(id)).toMatchObject({ status: 'Ready', included: true });
    }
  });

  it('leaves synced lines as they were sent: an edit skips them and says so', async () => {
    const before = await row(postedLineId);
    expect(before).toMatchObject({ status: 'Synced', editable: false });
    expect(await edit([postedLineId], { field: 'included', included: false })).toEqual({
      updated: 0,
      synced: 1,
    });
    expect(await edit([postedLineId], { field: 'dates', chargeEnd: null })).toEqual({
      updated: 0,
      synced: 1,
    });
    expect(await row(postedLineId)).toEqual(before);
  });

  it('a synced line keeps showing the dates and name it was sent with after the rules change', async () => {
    const before = await row(postedLineId);
    const saved = await value<SavedConfiguration>(core, 'configuration.get');
    const chargeType = before.chargeType.platformName;
    await value(core, 'configuration.save', {
      ...configurationInputOf(saved),
      customChargeTypeNames: { [chargeType]: 'Renamed since' },
      endDateRules: [{ chargeType, rule: 'Last day of invoice month' }],
    });
    try {
      const after = await row(postedLineId);
      expect(after.chargeType).toEqual(before.chargeType);
      expect(after.chargeStart).toEqual(before.chargeStart);
      expect(after.chargeEnd).toEqual(before.chargeEnd);
      // An unsynced line of that charge type follows the new rules.
      const unsynced = (await rows()).find(
        (r) => r.editable && r.chargeType.platformName === chargeType,
      );
      expect(unsynced?.chargeType).toMatchObject({ name: 'Renamed since' });
    } finally {
      await value(core, 'configuration.save', configurationInputOf(saved));
    }
  });

  it('a line that failed shows "Failed" until the user excludes it, and again once included', async () => {
    const [line] = (await readyOneMonthLines()).filter(
      (r) => r.chargeType.platformName !== 'Cycle Fee',
    );
    if (!line) throw new Error('no Ready one-time line');
    connectwise.faults.script({
      method: 'POST',
      path: /\/additions$/,
      times: 20,
      fault: { status: 503 },
    });
    const summary = await run([line.lineId]);
    connectwise.faults.clear();
    expect(summary.failed.flatMap((f) => f.lineIds)).toEqual([line.lineId]);
    expect(await row(line.lineId)).toMatchObject({ status: 'Failed' });

    await edit([line.lineId], { field: 'included', included: false });
    expect(await row(line.lineId)).toMatchObject({ status: 'Excluded' });
    await edit([line.lineId], { field: 'included', included: true });
    expect(await row(line.lineId)).toMatchObject({
      status: 'Failed',
      statusDetail: expect.any(String),
    });
  });

  it('a line blocked by a posting rule is checked again once the user changes its dates', async () => {
    const blocked = (await rows()).find(
      (r) => r.status === 'Ready' && monthOf(r.chargeStart.date) !== monthOf(r.chargeEnd.date),
    );
    if (!blocked) throw new Error('no line spanning months');
    clock.advance(1000);
    const preview = await value<PostingPreview>(core, 'posting.preview', {
      period,
      lineIds: [blocked.lineId],
    });
    expect(preview.skipped).toEqual([
      expect.objectContaining({ lineId: blocked.lineId, status: 'Needs attention' }),
    ]);
    expect(await row(blocked.lineId)).toMatchObject({ status: 'Needs attention' });

    const endOfStartMonth = lastDayOf(monthOf(blocked.chargeStart.date));
    await edit([blocked.lineId], { field: 'dates', chargeEnd: endOfStartMonth });
    expect(await row(blocked.lineId)).toMatchObject({
      status: 'Ready',
      chargeEnd: { date: endOfStartMonth, badge: 'User Updated' },
    });
    expect(await run([blocked.lineId])).toMatchObject({ posted: 1, skipped: 0, failed: [] });
    const posted = await row(blocked.lineId);
    expect(
      connectwise.data.additions.find((a) => a.id === posted.synced?.additionId)?.cancelledDate,
    ).toBe(`${endOfStartMonth}T00:00:00Z`);
  });
});

describe('Invoices › choosing the PSA Organization and Agreement', () => {
  it('a line of an Organization mapped to two Companies waits for a choice, then goes to the chosen Agreement', async () => {
    const line = (await readyOneMonthLines()).at(-1);
    if (!line) throw new Error('no Ready line');
    const page = await value<{
      rows: Array<{ organizationId: string; companies: Array<{ id: number }> }>;
    }>(core, 'mapping.organizationsPage', { offset: 0, limit: 50, search: line.organizationName });
    const mapped = page.rows.find((r) => r.organizationId === line.organizationId);
    const taken = new Set(mapped?.companies.map((c) => c.id) ?? []);
    const other = (await usableCompanies(core, connectwise)).find((c) => !taken.has(c.id));
    const current = [...taken][0];
    if (!other || current === undefined) throw new Error('no second Company');
    await value(core, 'mapping.mapOrganization', {
      organizationId: line.organizationId,
      companyIds: [current, other.id],
    });
    expect(await row(line.lineId)).toMatchObject({
      status: 'Needs attention',
      statusDetail: expect.stringContaining('choose the PSA Organization'),
    });

    const open = await value<LineTargetChoices>(core, 'posting.lineTargetChoices', {
      period,
      lineId: line.lineId,
    });
    expect(open.companyId).toBeNull();
    expect(open.companies.map((c) => c.id).sort()).toEqual([current, other.id].sort());
    expect(open.agreements).toEqual([]);

    // The chosen Company has an Agreement that fits, a cancelled one and one in another currency.
    const otherCurrency = connectwise.data.currencies.find((c) => c.currencyCode !== line.currency);
    if (!otherCurrency) throw new Error('seed');
    seedAgreement(other.id, 980_001, 'Cloud services', line.currency);
    seedAgreement(other.id, 980_002, 'Old contract', line.currency, {
      agreementStatus: 'Cancelled',
      cancelledFlag: true,
    });
    seedAgreement(other.id, 980_003, 'Euro contract', otherCurrency.currencyCode);

    // ConnectWise not answering: the Companies are still offered, the Agreements say why not.
    connectwise.faults.script({
      method: 'GET',
      path: /\/finance\/agreements$/,
      times: 20,
      fault: { status: 503 },
    });
    const unreachable = await value<LineTargetChoices>(core, 'posting.lineTargetChoices', {
      period,
      lineId: line.lineId,
      companyId: other.id,
    });
    connectwise.faults.clear();
    expect(unreachable).toMatchObject({
      companyId: other.id,
      agreements: [],
      agreementsError: expect.stringContaining('could not be read from ConnectWise'),
    });
    expect(unreachable.companies).toHaveLength(2);

    await edit([line.lineId], { field: 'company', companyId: other.id });
    expect(await row(line.lineId)).toMatchObject({
      status: 'Ready',
      chosenCompanyId: other.id,
      psaOrganizationName: other.name,
    });
    const choices = await value<LineTargetChoices>(core, 'posting.lineTargetChoices', {
      period,
      lineId: line.lineId,
    });
    expect(choices.companyId).toBe(other.id);
    expect(choices.agreements.map((a) => a.name)).toContain('Cloud services');
    expect(choices.agreements.map((a) => a.name)).not.toContain('Old contract');
    expect(choices.agreements.map((a) => a.name)).not.toContain('Euro contract');

    await edit([line.lineId], {
      field: 'agreement',
      agreement: { id: 980_001, name: 'Cloud services' },
    });
    expect(await row(line.lineId)).toMatchObject({
      chosenAgreementId: 980_001,
      psaAgreementName: 'Cloud services',
    });
    expect(await run([line.lineId])).toMatchObject({ posted: 1, failed: [] });
    const synced = await row(line.lineId);
    expect(
      connectwise.data.additions.find((a) => a.id === synced.synced?.additionId),
    ).toMatchObject({ agreementId: 980_001 });
  });
});

describe('Invoices › a write whose outcome was lost', () => {
  it('is looked for where it was sent, even after the user chose another Agreement', async () => {
    const line = (await readyOneMonthLines()).find(
      (r) => !['Cycle Fee', 'Purchase Fee'].includes(r.chargeType.platformName),
    );
    if (!line) throw new Error('no Ready one-time line');
    const companyId = (await usableCompanies(core, connectwise))[0]?.id;
    if (companyId === undefined) throw new Error('no Company');
    await value(core, 'mapping.mapOrganization', {
      organizationId: line.organizationId,
      companyIds: [companyId],
    });
    seedAgreement(companyId, 980_011, 'First choice', line.currency);
    seedAgreement(companyId, 980_012, 'Second choice', line.currency);
    const choose = (id: number, name: string) =>
      edit([line.lineId], { field: 'agreement', agreement: { id, name } });
    await choose(980_011, 'First choice');

    // The create lands, its answer is lost, and ConnectWise cannot be read to find out: the
    // run's first look-up passes, the one after the lost answer does not.
    connectwise.faults.script({ method: 'POST', path: '/system/bundles', fault: { latencyMs: 0 } });
    connectwise.faults.script({
      method: 'POST',
      path: '/system/bundles',
      times: 50,
      fault: { status: 503 },
    });
    connectwise.faults.script({
      method: 'POST',
      path: /\/additions$/,
      fault: { commitThenDrop: true },
    });
    const lost = await run([line.lineId]);
    connectwise.faults.clear();
    expect(lost.failed.flatMap((f) => f.lineIds)).toEqual([line.lineId]);
    const marked = () =>
      connectwise.data.additions.filter((a) => a.serialNumber === `PLT:L:${line.lineId}`);
    expect(marked().map((a) => a.agreementId)).toEqual([980_011]);

    // The user picks another Agreement: the line is held, nothing is posted there.
    await choose(980_012, 'Second choice');
    const preview = await value<PostingPreview>(core, 'posting.preview', {
      period,
      lineIds: [line.lineId],
    });
    expect(preview.creates).toEqual([]);
    expect(preview.skipped).toEqual([
      {
        lineId: line.lineId,
        status: 'Needs attention',
        reason: expect.stringContaining(`Agreement 980011: Addition ${marked()[0]?.id}`),
      },
    ]);
    expect(await run([line.lineId])).toMatchObject({ posted: 0, failed: [] });
    expect(await row(line.lineId)).toMatchObject({ status: 'Needs attention' });
    expect(marked()).toHaveLength(1);

    // Back on the first Agreement, the Addition there is recognised as this line's.
    await choose(980_011, 'First choice');
    expect(await run([line.lineId])).toMatchObject({ posted: 0, adopted: 1, failed: [] });
    expect(await row(line.lineId)).toMatchObject({
      status: 'Synced',
      synced: { additionId: marked()[0]?.id, agreementId: 980_011 },
    });
    expect(marked()).toHaveLength(1);
  });
});

describe('Invoices › re-loading a month', () => {
  it('flags a synced line the Platform changed as "Changed since sync", keeping what was sent', async () => {
    const synced = (await rows()).find((r) => r.status === 'Synced');
    if (!synced) throw new Error('no Synced line');
    expect(synced.changedSinceSync).toBe(false);
    const source = platform.data.invoiceLines.find((l) => l.lineId === synced.lineId);
    if (!source) throw new Error('no source line');
    const reload = () =>
      value(core, 'platformData.load', { periods: [period], source: { kind: 'platform' } });

    // A new name bills nothing differently.
    const name = source.subscriptionName;
    source.subscriptionName = `${name} (renamed)`;
    await reload();
    expect(await row(synced.lineId)).toMatchObject({ changedSinceSync: false });

    const quantity = source.quantity;
    source.quantity = String(Number(quantity) + 5);
    await reload();
    expect(await row(synced.lineId)).toMatchObject({
      status: 'Synced',
      changedSinceSync: true,
      quantity: synced.quantity,
    });

    // The Platform corrected itself: the line bills again what was synced.
    source.quantity = quantity;
    source.subscriptionName = name;
    await reload();
    expect(await row(synced.lineId)).toMatchObject({ changedSinceSync: false });
  });
});
