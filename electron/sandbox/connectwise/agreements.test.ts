import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf } from '../simulatorTesting';
import {
  type Agreement,
  type AgreementType,
  type Company,
  type ConnectWiseSimulator,
  type CurrencyRecord,
  startConnectWiseSimulator,
} from './index';
import { generateSeedData } from './seedData';
import { callApi } from './simulatorRequests';

let sim: ConnectWiseSimulator;
let clock = new Date('2026-02-03T10:20:30Z');

beforeAll(async () => {
  sim = await startConnectWiseSimulator({ companies: 60, now: () => clock });
});
afterAll(() => sim.close());

interface ErrorBody {
  code: string;
  message: string;
  errors: Array<{ code: string; message: string; resource: string; field: string }>;
}

async function list<T = Record<string, unknown>>(
  path: string,
  query: Record<string, string | number>,
): Promise<T[]> {
  const response = await callApi(sim, path, { query: { pageSize: 1000, ...query } });
  expect(response.status).toBe(200);
  return jsonOf<T[]>(response);
}

function companyWithContact(index = 0): Company {
  const company = sim.data.companies.filter(
    (candidate) => candidate.status.name === 'Active' && candidate.defaultContact,
  )[index];
  if (!company) throw new Error('seed has no active company');
  return company;
}

function typeNamed(name: string): AgreementType {
  const type = sim.data.agreementTypes.find((candidate) => candidate.name === name);
  if (!type) throw new Error(`no agreement type ${name}`);
  return type;
}

function currency(code: string): CurrencyRecord {
  const found = sim.data.currencies.find((candidate) => candidate.currencyCode === code);
  if (!found) throw new Error(`no currency ${code}`);
  return found;
}

function agreementBody(extra: Record<string, unknown> = {}, company = companyWithContact()) {
  return {
    name: `${company.name} - PLT contract`,
    type: { id: typeNamed('Cloud Marketplace').id },
    company: { id: company.id },
    contact: { id: company.defaultContact?.id },
    ...extra,
  };
}

async function create(body: Record<string, unknown>): Promise<Response> {
  return callApi(sim, '/finance/agreements', { method: 'POST', json: body });
}

describe('seeded agreements', () => {
  it('include prorated ones, a Cancelled, an Expired and an Inactive one, one in EUR and one billing from 2030', () => {
    const agreements = sim.data.agreements;
    expect(agreements.filter((agreement) => agreement.prorateFlag).length).toBeGreaterThan(1);
    const cancelled = agreements.find((agreement) => agreement.agreementStatus === 'Cancelled');
    expect(cancelled).toMatchObject({
      cancelledFlag: true,
      dateCancelled: '2025-10-31T00:00:00Z',
      endDate: '2025-10-31T00:00:00Z',
    });
    expect(agreements.find((agreement) => agreement.agreementStatus === 'Expired')).toMatchObject({
      cancelledFlag: false,
      endDate: '2025-12-31T00:00:00Z',
      noEndingDateFlag: false,
    });
    expect(agreements.some((agreement) => agreement.agreementStatus === 'Inactive')).toBe(true);
    expect(
      agreements.find((agreement) => agreement.currency.currencyCode === 'EUR')?.currency,
    ).toEqual({ id: 8, symbol: '€', currencyCode: 'EUR', name: 'Euro' });
    const future = agreements.find((agreement) => agreement.billStartDate?.startsWith('2030'));
    expect(future).toMatchObject({
      startDate: '2026-01-01T00:00:00Z',
      billStartDate: '2030-01-01T00:00:00Z',
    });
    expect(agreements.find((agreement) => agreement.billingCycle.name === 'Annual')).toMatchObject({
      type: { name: 'Microsoft CSP' },
      prorateFlag: true,
    });
  });

  it('keep the first agreement an ordinary active one in US Dollars, billing since 2025', () => {
    const first = sim.data.agreements[0];
    expect(first).toMatchObject({ agreementStatus: 'Active', currency: { currencyCode: 'USD' } });
    expect(first?.billStartDate?.startsWith('2025')).toBe(true);
  });

  it('give every seeded addition an effectiveDate on or after its agreement billing start', () => {
    const data = generateSeedData({ seed: 7, companies: 300 });
    const byId = new Map(data.agreements.map((agreement) => [agreement.id, agreement]));
    for (const addition of data.additions) {
      const agreement = byId.get(addition.agreementId) as Agreement;
      expect(Date.parse(addition.effectiveDate ?? '')).toBeGreaterThanOrEqual(
        Date.parse(agreement.billStartDate ?? agreement.startDate),
      );
      expect(addition.agreementStatus).toBe(agreement.agreementStatus);
    }
  });

  it('are the same for the same seed, with no _info stamp after the seed epoch', () => {
    const first = generateSeedData({ seed: 4, companies: 120 });
    expect(generateSeedData({ seed: 4, companies: 120 }).agreements).toEqual(first.agreements);
    expect(generateSeedData({ seed: 4, companies: 120 }).additions).toEqual(first.additions);
    for (const record of [...first.agreements, ...first.additions]) {
      expect(record._info.lastUpdated <= '2026-01-15T09:30:00Z').toBe(true);
    }
  });

  it('carry serial numbers of other tools and hardware on some additions, none a PLT: marker', () => {
    const data = generateSeedData({ seed: 1, companies: 250 });
    const serials = data.additions
      .map((addition) => addition.serialNumber)
      .filter((serial): serial is string => serial !== null);
    expect(serials.length).toBeGreaterThan(0);
    expect(serials.some((serial) => serial.startsWith('PLT'))).toBe(true);
    expect(serials.some((serial) => serial.toUpperCase().startsWith('PLT:'))).toBe(false);
  });
});

describe('GET /finance/agreements', () => {
  it('projects the billing fields with fields=', async () => {
    const eur = sim.data.agreements.find((agreement) => agreement.currency.currencyCode === 'EUR');
    const [found] = await list('/finance/agreements', {
      conditions: `id = ${eur?.id}`,
      fields:
        'id,prorateFlag,billStartDate,internalNotes,currency/currencyCode,agreementStatus,cancelledFlag,billingCycle',
    });
    expect(found).toEqual({
      id: eur?.id,
      prorateFlag: false,
      billStartDate: '2025-06-01T00:00:00Z',
      internalNotes: null,
      currency: { currencyCode: 'EUR' },
      agreementStatus: 'Active',
      cancelledFlag: false,
      billingCycle: { id: 1, name: 'Monthly' },
    });
  });

  it('filters on company/id in (…), agreementStatus, prorateFlag, currency and billStartDate', async () => {
    const companyIds = [...new Set(sim.data.agreements.map((a) => a.company.id))].slice(0, 3);
    const byCompany = await list<Agreement>('/finance/agreements', {
      conditions: `company/id in (${companyIds.join(',')})`,
    });
    expect(byCompany.map((a) => a.id).sort()).toEqual(
      sim.data.agreements
        .filter((a) => companyIds.includes(a.company.id))
        .map((a) => a.id)
        .sort(),
    );
    const active = await list<Agreement>('/finance/agreements', {
      conditions: 'agreementStatus = "Active" and prorateFlag = true',
      fields: 'id',
    });
    expect(active.map((a) => a.id)).toEqual(
      sim.data.agreements
        .filter((a) => a.agreementStatus === 'Active' && a.prorateFlag)
        .map((a) => a.id),
    );
    const closed = await list<Agreement>('/finance/agreements', {
      conditions: 'agreementStatus in ("Cancelled", "Expired") or cancelledFlag = true',
      fields: 'agreementStatus',
    });
    expect(closed.map((a) => a.agreementStatus).sort()).toEqual(['Cancelled', 'Expired']);
    const euro = await list<Agreement>('/finance/agreements', {
      conditions: 'currency/currencyCode = "EUR"',
    });
    expect(euro).toHaveLength(1);
    const later = await list<Agreement>('/finance/agreements', {
      conditions: 'billStartDate > [2026-06-01T00:00:00Z]',
    });
    expect(later.map((a) => a.billStartDate)).toEqual(['2030-01-01T00:00:00Z']);
  });

  it('finds an agreement by the first line of its internal notes with like', async () => {
    const company = companyWithContact(2);
    const created = await jsonOf<Agreement>(
      await create(
        agreementBody(
          { internalNotes: 'PLT:C:ctr-0042\nPosted by the billing sync; keep this line.' },
          company,
        ),
      ),
    );
    const found = await list<Agreement>('/finance/agreements', {
      conditions: `company/id = ${company.id} and internalNotes like "PLT:C:ctr-0042%"`,
      fields: 'id,internalNotes',
    });
    expect(found).toEqual([
      {
        id: created.id,
        internalNotes: 'PLT:C:ctr-0042\nPosted by the billing sync; keep this line.',
      },
    ]);
  });
});

describe('POST /finance/agreements', () => {
  it('takes the Platform Contract custom field by id, captioned from its definition, and finds it again', async () => {
    const company = companyWithContact(3);
    const response = await create(
      agreementBody(
        { customFields: [{ id: 42, caption: 'Whatever', value: 'PLT:C:ctr-77' }] },
        company,
      ),
    );
    expect(response.status).toBe(201);
    const created = await jsonOf<Agreement>(response);
    expect(created.customFields).toEqual([
      {
        id: 42,
        caption: 'Platform Contract',
        type: 'Text',
        entryMethod: 'EntryField',
        numberOfDecimals: 0,
        value: 'PLT:C:ctr-77',
      },
    ]);
    const found = await list<Agreement>('/finance/agreements', {
      conditions: `company/id = ${company.id}`,
      customFieldConditions: 'caption = "Platform Contract" and value = "PLT:C:ctr-77"',
      fields: 'id,customFields/value',
    });
    expect(found).toEqual([{ id: created.id, customFields: [{ value: 'PLT:C:ctr-77' }] }]);
  });

  it('takes billing cycle and proration from the Agreement Type when the body names none', async () => {
    const managed = await jsonOf<Agreement>(
      await create(agreementBody({ type: { id: typeNamed('Managed Services').id } })),
    );
    expect(managed).toMatchObject({
      billingCycle: { name: 'Monthly' },
      prorateFlag: true,
      invoiceProratedAdditionsFlag: true,
    });
    const csp = await jsonOf<Agreement>(
      await create(agreementBody({ type: { name: 'Microsoft CSP' } })),
    );
    expect(csp).toMatchObject({ billingCycle: { name: 'Annual' }, prorateFlag: true });
    const block = await jsonOf<Agreement>(
      await create(agreementBody({ type: { id: typeNamed('Block Time').id } })),
    );
    expect(block).toMatchObject({ billingCycle: { name: 'Quarterly' }, prorateFlag: false });
  });

  it('keeps what the body says over the type defaults', async () => {
    const response = await create(
      agreementBody({
        type: { id: typeNamed('Managed Services').id },
        prorateFlag: false,
        billingCycle: { name: 'Quarterly' },
        currency: { id: currency('EUR').id },
        internalNotes: 'PLT:C:ctr-1',
        startDate: '2026-01-01',
        billStartDate: '2026-02-01T00:00:00Z',
      }),
    );
    expect(response.status).toBe(201);
    expect(await jsonOf<Agreement>(response)).toMatchObject({
      prorateFlag: false,
      billingCycle: { name: 'Quarterly' },
      currency: { id: 8, currencyCode: 'EUR', name: 'Euro', symbol: '€' },
      internalNotes: 'PLT:C:ctr-1',
      startDate: '2026-01-01T00:00:00Z',
      billStartDate: '2026-02-01T00:00:00Z',
      agreementStatus: 'Active',
      cancelledFlag: false,
      dateCancelled: null,
    });
  });

  it('defaults to US Dollars, billing from the start date, and a start date of today', async () => {
    clock = new Date('2026-03-09T15:45:00Z');
    const created = await jsonOf<Agreement>(await create(agreementBody()));
    expect(created).toMatchObject({
      currency: { id: 7, currencyCode: 'USD' },
      startDate: '2026-03-09T00:00:00Z',
      billStartDate: '2026-03-09T00:00:00Z',
      internalNotes: null,
    });
    const dated = await jsonOf<Agreement>(
      await create(agreementBody({ startDate: '2026-04-01T00:00:00Z' })),
    );
    expect(dated.billStartDate).toBe('2026-04-01T00:00:00Z');
  });

  it('wants a currency by id: refuses a code alone, an unknown id and a code that disagrees', async () => {
    const codeOnly = await create(agreementBody({ currency: { currencyCode: 'EUR' } }));
    expect(codeOnly.status).toBe(400);
    expect((await jsonOf<ErrorBody>(codeOnly)).errors).toEqual([
      expect.objectContaining({ code: 'InvalidField', field: 'currency/id' }),
    ]);
    const unknown = await create(agreementBody({ currency: { id: 999 } }));
    expect((await jsonOf<ErrorBody>(unknown)).errors).toEqual([
      expect.objectContaining({ code: 'NotFound', field: 'currency/id' }),
    ]);
    const disagreeing = await create(
      agreementBody({ currency: { id: currency('USD').id, currencyCode: 'EUR' } }),
    );
    expect((await jsonOf<ErrorBody>(disagreeing)).errors).toEqual([
      expect.objectContaining({
        field: 'currency/currencyCode',
        message: expect.stringMatching(/USD/),
      }),
    ]);
    const agreeing = await create(
      agreementBody({ currency: { id: currency('GBP').id, currencyCode: 'gbp' } }),
    );
    expect(agreeing.status).toBe(201);
  });

  it('validates name, type, company and contact, and the types of the new fields', async () => {
    const missing = await create({});
    expect((await jsonOf<ErrorBody>(missing)).errors.map((e) => e.field).sort()).toEqual([
      'company',
      'contact',
      'name',
      'type',
    ]);
    const wrong = await create(
      agreementBody({
        name: 'N'.repeat(101),
        prorateFlag: 'sometimes',
        billStartDate: '2026-02-30',
        internalNotes: 42,
      }),
    );
    expect(wrong.status).toBe(400);
    expect((await jsonOf<ErrorBody>(wrong)).errors.map((e) => e.field).sort()).toEqual([
      'billStartDate',
      'internalNotes',
      'name',
      'prorateFlag',
    ]);
    const blankName = await create(agreementBody({ name: '   ' }));
    expect((await jsonOf<ErrorBody>(blankName)).errors).toEqual([
      expect.objectContaining({ code: 'MissingRequiredField', field: 'name' }),
    ]);
  });

  it('takes a cancelled flag and a Cancelled status as one thing', async () => {
    const byFlag = await jsonOf<Agreement>(await create(agreementBody({ cancelledFlag: true })));
    expect(byFlag).toMatchObject({ agreementStatus: 'Cancelled', cancelledFlag: true });
    expect(byFlag.dateCancelled).toBe('2026-03-09T00:00:00Z');
    const byStatus = await jsonOf<Agreement>(
      await create(agreementBody({ agreementStatus: 'cancelled' })),
    );
    expect(byStatus).toMatchObject({ agreementStatus: 'Cancelled', cancelledFlag: true });
  });
});

describe('PATCH /finance/agreements/{id}', () => {
  it('changes proration, billing start, notes and currency, stamping lastUpdated', async () => {
    const created = await jsonOf<Agreement>(await create(agreementBody()));
    clock = new Date('2026-03-10T08:00:00Z');
    const response = await callApi(sim, `/finance/agreements/${created.id}`, {
      method: 'PATCH',
      json: [
        { op: 'replace', path: 'prorateFlag', value: true },
        { op: 'replace', path: '/billStartDate', value: '2026-05-01T00:00:00Z' },
        { op: 'replace', path: 'internalNotes', value: 'PLT:C:ctr-9' },
        { op: 'replace', path: 'currency/id', value: currency('CAD').id },
      ],
    });
    expect(response.status).toBe(200);
    expect(await jsonOf<Agreement>(response)).toMatchObject({
      id: created.id,
      prorateFlag: true,
      billStartDate: '2026-05-01T00:00:00Z',
      internalNotes: 'PLT:C:ctr-9',
      currency: { id: currency('CAD').id, currencyCode: 'CAD' },
      _info: { lastUpdated: '2026-03-10T08:00:00Z', dateEntered: created._info.dateEntered },
    });
    expect(sim.data.agreements.find((a) => a.id === created.id)?.prorateFlag).toBe(true);
  });

  it('cancels with cancelledFlag, shows it on the additions, and reinstates', async () => {
    const created = await jsonOf<Agreement>(await create(agreementBody()));
    const product = sim.data.catalog.find(
      (item) => !item.inactiveFlag && item.productClass !== 'Bundle',
    );
    const addition = await callApi(sim, `/finance/agreements/${created.id}/additions`, {
      method: 'POST',
      json: { product: { id: product?.id }, billCustomer: 'Billable' },
    });
    expect(addition.status).toBe(201);
    const cancelled = await callApi(sim, `/finance/agreements/${created.id}`, {
      method: 'PATCH',
      json: [{ op: 'replace', path: 'cancelledFlag', value: true }],
    });
    expect(await jsonOf<Agreement>(cancelled)).toMatchObject({
      agreementStatus: 'Cancelled',
      cancelledFlag: true,
      dateCancelled: '2026-03-10T00:00:00Z',
    });
    const additions = await list<{ agreementStatus: string }>(
      `/finance/agreements/${created.id}/additions`,
      { fields: 'agreementStatus' },
    );
    expect(additions).toEqual([{ agreementStatus: 'Cancelled' }]);
    const reinstated = await callApi(sim, `/finance/agreements/${created.id}`, {
      method: 'PATCH',
      json: [{ op: 'replace', path: 'agreementStatus', value: 'Active' }],
    });
    expect(await jsonOf<Agreement>(reinstated)).toMatchObject({
      agreementStatus: 'Active',
      cancelledFlag: false,
      dateCancelled: null,
    });
  });
});

describe('agreement types and currencies', () => {
  it('lists each type with its billing cycle and proration default', async () => {
    const types = await list<AgreementType>('/finance/agreements/types', {
      fields: 'name,billingCycle/name,prorateFlag,inactiveFlag',
    });
    expect(types).toEqual([
      {
        name: 'Managed Services',
        billingCycle: { name: 'Monthly' },
        prorateFlag: true,
        inactiveFlag: false,
      },
      {
        name: 'Cloud Marketplace',
        billingCycle: { name: 'Monthly' },
        prorateFlag: false,
        inactiveFlag: false,
      },
      {
        name: 'Block Time',
        billingCycle: { name: 'Quarterly' },
        prorateFlag: false,
        inactiveFlag: false,
      },
      {
        name: 'Microsoft CSP',
        billingCycle: { name: 'Annual' },
        prorateFlag: true,
        inactiveFlag: false,
      },
      {
        name: 'Legacy Break/Fix',
        billingCycle: { name: 'Monthly' },
        prorateFlag: false,
        inactiveFlag: true,
      },
    ]);
    const prorated = await list<AgreementType>('/finance/agreements/types', {
      conditions: 'prorateFlag = true',
      fields: 'name',
    });
    expect(prorated.map((type) => type.name)).toEqual(['Managed Services', 'Microsoft CSP']);
  });

  it('lists the currencies, finds one by code and reads one by id', async () => {
    const all = await list<CurrencyRecord>('/finance/currencies', { fields: 'id,currencyCode' });
    expect(all.map((c) => c.currencyCode)).toEqual(['USD', 'EUR', 'GBP', 'CAD', 'AUD']);
    const [euro] = await list<CurrencyRecord>('/finance/currencies', {
      conditions: 'currencyCode = "EUR"',
    });
    expect(euro).toMatchObject({ id: 8, symbol: '€', name: 'Euro', decimalSeparator: ',' });
    const one = await callApi(sim, '/finance/currencies/9');
    expect(await jsonOf<CurrencyRecord>(one)).toMatchObject({ currencyCode: 'GBP' });
    expect((await callApi(sim, '/finance/currencies/404')).status).toBe(404);
  });

  it('needs System › Table Setup to list currencies', async () => {
    sim.setPermissions(['System › Table Setup']);
    try {
      expect((await callApi(sim, '/finance/currencies')).status).toBe(403);
    } finally {
      sim.setPermissions([]);
    }
  });
});
