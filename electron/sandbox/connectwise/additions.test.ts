import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf } from '../simulatorTesting';
import {
  type Addition,
  type Agreement,
  type AgreementStatus,
  type CatalogItem,
  type ConnectWiseSimulator,
  startConnectWiseSimulator,
  type UserDefinedField,
} from './index';
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

async function errorsOf(response: Response): Promise<ErrorBody['errors']> {
  expect(response.status).toBe(400);
  const body = await jsonOf<ErrorBody>(response);
  expect(body).toMatchObject({ code: 'InvalidObject', message: 'addition object is invalid' });
  return body.errors;
}

function product(where: (item: CatalogItem) => boolean = () => true): CatalogItem {
  const item = sim.data.catalog.find(
    (candidate) =>
      !candidate.inactiveFlag && candidate.productClass !== 'Bundle' && where(candidate),
  );
  if (!item) throw new Error('no such product');
  return item;
}

function seeded(status: AgreementStatus, where: (a: Agreement) => boolean = () => true): Agreement {
  const agreement = sim.data.agreements.find(
    (candidate) => candidate.agreementStatus === status && where(candidate),
  );
  if (!agreement) throw new Error(`seed has no ${status} agreement`);
  return agreement;
}

async function newAgreement(extra: Record<string, unknown> = {}): Promise<Agreement> {
  const company = sim.data.companies.find((c) => c.status.name === 'Active' && c.defaultContact);
  const response = await callApi(sim, '/finance/agreements', {
    method: 'POST',
    json: {
      name: 'Additions test',
      type: { name: 'Cloud Marketplace' },
      company: { id: company?.id },
      contact: { id: company?.defaultContact?.id },
      startDate: '2026-01-01T00:00:00Z',
      ...extra,
    },
  });
  expect(response.status).toBe(201);
  return jsonOf<Agreement>(response);
}

function post(agreementId: number, body: Record<string, unknown>): Promise<Response> {
  return callApi(sim, `/finance/agreements/${agreementId}/additions`, {
    method: 'POST',
    json: body,
  });
}

async function created(agreementId: number, body: Record<string, unknown>): Promise<Addition> {
  const response = await post(agreementId, {
    product: { id: product().id },
    billCustomer: 'Billable',
    ...body,
  });
  expect(response.status).toBe(201);
  return jsonOf<Addition>(response);
}

async function lookUp(
  agreementId: number,
  query: Record<string, string>,
): Promise<Array<Partial<Addition>>> {
  const response = await callApi(sim, `/finance/agreements/${agreementId}/additions`, {
    query: { pageSize: '1000', ...query },
  });
  expect(response.status).toBe(200);
  return jsonOf<Array<Partial<Addition>>>(response);
}

describe('POST …/additions refuses', () => {
  it('an effectiveDate before the agreement billing start, naming effectiveDate', async () => {
    const future = seeded('Active', (a) => a.billStartDate === '2030-01-01T00:00:00Z');
    const errors = await errorsOf(
      await post(future.id, {
        product: { id: product().id },
        billCustomer: 'Billable',
        effectiveDate: '2029-12-31T00:00:00Z',
      }),
    );
    expect(errors).toEqual([
      {
        code: 'InvalidField',
        message:
          "The effective date 2029-12-31 is before the agreement's billing start date 2030-01-01.",
        resource: 'addition',
        field: 'effectiveDate',
      },
    ]);
    const onTheDay = await post(future.id, {
      product: { id: product().id },
      billCustomer: 'Billable',
      effectiveDate: '2030-01-01',
    });
    expect(onTheDay.status).toBe(201);
  });

  it('an addition on a Cancelled or Expired agreement, naming agreementId', async () => {
    for (const status of ['Cancelled', 'Expired'] as const) {
      const agreement = seeded(status);
      const before = sim.data.additions.length;
      const errors = await errorsOf(
        await post(agreement.id, {
          product: { id: product().id },
          billCustomer: 'Billable',
          effectiveDate: agreement.startDate,
        }),
      );
      expect(errors).toEqual([
        expect.objectContaining({
          code: 'InvalidField',
          field: 'agreementId',
          message: `Agreement ${agreement.id} is ${status}: additions cannot be added to it.`,
        }),
      ]);
      expect(sim.data.additions.length).toBe(before);
    }
    const inactive = seeded('Inactive');
    expect(
      (await post(inactive.id, { product: { id: product().id }, billCustomer: 'Billable' })).status,
    ).toBe(201);
  });

  it('a Bundle product and an inactive product, naming product/id', async () => {
    const agreement = await newAgreement();
    const bundle = sim.data.catalog.find(
      (item) => item.productClass === 'Bundle' && !item.inactiveFlag,
    );
    const inactive = sim.data.catalog.find(
      (item) => item.inactiveFlag && item.productClass !== 'Bundle',
    );
    for (const item of [bundle, inactive]) {
      const errors = await errorsOf(
        await post(agreement.id, { product: { id: item?.id }, billCustomer: 'Billable' }),
      );
      expect(errors).toEqual([
        expect.objectContaining({ code: 'InvalidField', field: 'product/id' }),
      ]);
    }
  });

  it('a serialNumber of 51 characters, and takes one of 50', async () => {
    const agreement = await newAgreement();
    const errors = await errorsOf(
      await post(agreement.id, {
        product: { id: product().id },
        billCustomer: 'Billable',
        serialNumber: `PLT:L:${'x'.repeat(45)}`,
      }),
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'MaxLengthField', field: 'serialNumber' }),
    ]);
    const fifty = `PLT:S:${'y'.repeat(44)}`;
    expect((await created(agreement.id, { serialNumber: fifty })).serialNumber).toBe(fifty);
  });
});

describe('looking additions up by marker', () => {
  it('finds by serialNumber with =, in (…) and like, exactly and case-insensitively', async () => {
    const agreement = await newAgreement();
    const a = await created(agreement.id, { serialNumber: 'PLT:L:inv-001' });
    const b = await created(agreement.id, { serialNumber: 'PLT:S:sub-7:CycleFee' });
    await created(agreement.id, { serialNumber: 'PLTX:99812' });
    await created(agreement.id, { serialNumber: null });
    const ids = (found: Array<Partial<Addition>>) => found.map((addition) => addition.id);
    expect(
      ids(await lookUp(agreement.id, { conditions: 'serialNumber = "PLT:L:inv-001"' })),
    ).toEqual([a.id]);
    expect(
      ids(await lookUp(agreement.id, { conditions: 'serialNumber = "plt:l:INV-001"' })),
    ).toEqual([a.id]);
    expect(
      ids(
        await lookUp(agreement.id, {
          conditions: 'serialNumber in ("PLT:L:inv-001", "PLT:S:sub-7:CycleFee", "PLT:L:absent")',
          fields: 'id,serialNumber',
        }),
      ),
    ).toEqual([a.id, b.id]);
    expect(ids(await lookUp(agreement.id, { conditions: 'serialNumber like "PLT:%"' }))).toEqual([
      a.id,
      b.id,
    ]);
    expect(
      await lookUp(agreement.id, {
        conditions: 'serialNumber like "PLT:S:%"',
        fields: 'id,serialNumber',
      }),
    ).toEqual([{ id: b.id, serialNumber: 'PLT:S:sub-7:CycleFee' }]);
  });

  it('lists the Platform Line custom field definition in /system/userDefinedFields', async () => {
    const response = await callApi(sim, '/system/userDefinedFields', {
      query: {
        conditions: 'screenId = "AgreementAddition"',
        fields: 'id,caption,fieldTypeIdentifier',
      },
    });
    expect(response.status).toBe(200);
    expect(await jsonOf<Array<Partial<UserDefinedField>>>(response)).toEqual([
      { id: 41, caption: 'Platform Line', fieldTypeIdentifier: 'Text' },
      { id: 43, caption: 'Vendor Reference', fieldTypeIdentifier: 'Text' },
      { id: 44, caption: 'Seats Committed', fieldTypeIdentifier: 'Number' },
    ]);
    const all = await jsonOf<UserDefinedField[]>(await callApi(sim, '/system/userDefinedFields'));
    expect(all.find((field) => field.caption === 'Platform Contract')).toMatchObject({
      screenId: 'Agreement',
    });
    expect(all.every((field) => field.caption.length <= 25)).toBe(true);
    const one = await callApi(sim, '/system/userDefinedFields/41');
    expect(await jsonOf<UserDefinedField>(one)).toMatchObject({ caption: 'Platform Line' });
    const count = await callApi(sim, '/system/userDefinedFields/count');
    expect(await count.json()).toEqual({ count: all.length });
  });

  it('finds by the Platform Line custom field with customFieldConditions, caption from its definition', async () => {
    const agreement = await newAgreement();
    const marked = await created(agreement.id, {
      customFields: [{ id: 41, value: 'PLT:L:123' }],
    });
    expect(marked.customFields).toEqual([
      {
        id: 41,
        caption: 'Platform Line',
        type: 'Text',
        entryMethod: 'EntryField',
        numberOfDecimals: 0,
        value: 'PLT:L:123',
      },
    ]);
    await created(agreement.id, { customFields: [{ id: 41, value: 'PLT:L:1234' }] });
    await created(agreement.id, {
      customFields: [{ id: 43, caption: 'Platform Line', value: 'PLT:L:123' }],
    });
    const found = await lookUp(agreement.id, {
      customFieldConditions: 'caption="Platform Line" AND value="PLT:L:123"',
      fields: 'id',
    });
    expect(found).toEqual([{ id: marked.id }]);
    const several = await lookUp(agreement.id, {
      customFieldConditions: 'caption = "Platform Line" and value in ("PLT:L:123", "PLT:L:1234")',
    });
    expect(several).toHaveLength(2);
    const bad = await callApi(sim, `/finance/agreements/${agreement.id}/additions`, {
      query: { customFieldConditions: 'label = "Platform Line"' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('PATCH …/additions/{id}', () => {
  it('replaces quantity, prices, dates, invoice description and product, and stamps lastUpdated', async () => {
    const agreement = await newAgreement();
    const original = await created(agreement.id, {
      quantity: 2,
      unitPrice: 10,
      unitCost: 4,
      effectiveDate: '2026-01-01',
      serialNumber: 'PLT:S:sub-1:CycleFee',
    });
    const other = product((item) => item.id !== original.product.id);
    clock = new Date('2026-02-10T07:00:00Z');
    const response = await callApi(
      sim,
      `/finance/agreements/${agreement.id}/additions/${original.id}`,
      {
        method: 'PATCH',
        json: [
          { op: 'replace', path: 'quantity', value: 7 },
          { op: 'replace', path: 'unitPrice', value: 12.5 },
          { op: 'replace', path: '/unitCost', value: 9.25 },
          { op: 'replace', path: 'effectiveDate', value: '2026-02-01T00:00:00Z' },
          { op: 'replace', path: 'cancelledDate', value: '2026-02-28T00:00:00Z' },
          { op: 'replace', path: 'invoiceDescription', value: 'Microsoft 365 – Cycle Fee' },
          { op: 'replace', path: 'product', value: { id: other.id } },
        ],
      },
    );
    expect(response.status).toBe(200);
    const patched = await jsonOf<Addition>(response);
    expect(patched).toMatchObject({
      id: original.id,
      quantity: 7,
      unitPrice: 12.5,
      unitCost: 9.25,
      extPrice: 87.5,
      extCost: 64.75,
      effectiveDate: '2026-02-01T00:00:00Z',
      cancelledDate: '2026-02-28T00:00:00Z',
      invoiceDescription: 'Microsoft 365 – Cycle Fee',
      product: { id: other.id, identifier: other.identifier },
      serialNumber: 'PLT:S:sub-1:CycleFee',
      _info: { lastUpdated: '2026-02-10T07:00:00Z', dateEntered: original._info.dateEntered },
    });
    expect(sim.data.additions.find((addition) => addition.id === original.id)).toEqual(patched);
    const byPath = await callApi(
      sim,
      `/finance/agreements/${agreement.id}/additions/${original.id}`,
      {
        method: 'PATCH',
        json: [{ op: 'replace', path: 'product/id', value: original.product.id }],
      },
    );
    expect((await jsonOf<Addition>(byPath)).product.identifier).toBe(original.product.identifier);
  });

  it('refuses to move effectiveDate before the billing start, and leaves an existing date alone', async () => {
    const agreement = await newAgreement({ billStartDate: '2026-03-01T00:00:00Z' });
    const addition = await created(agreement.id, { effectiveDate: '2026-03-01' });
    const errors = await errorsOf(
      await callApi(sim, `/finance/agreements/${agreement.id}/additions/${addition.id}`, {
        method: 'PATCH',
        json: [{ op: 'replace', path: 'effectiveDate', value: '2026-02-15T00:00:00Z' }],
      }),
    );
    expect(errors.map((error) => error.field)).toEqual(['effectiveDate']);
    // Billing start moved later after the fact: a PATCH of something else still passes.
    await callApi(sim, `/finance/agreements/${agreement.id}`, {
      method: 'PATCH',
      json: [{ op: 'replace', path: 'billStartDate', value: '2026-04-01T00:00:00Z' }],
    });
    const quantity = await callApi(
      sim,
      `/finance/agreements/${agreement.id}/additions/${addition.id}`,
      {
        method: 'PATCH',
        json: [{ op: 'replace', path: 'quantity', value: 3 }],
      },
    );
    expect(quantity.status).toBe(200);
  });

  it('answers 404 for an addition of another agreement', async () => {
    const first = await newAgreement();
    const second = await newAgreement();
    const addition = await created(first.id, {});
    const response = await callApi(
      sim,
      `/finance/agreements/${second.id}/additions/${addition.id}`,
      {
        method: 'PATCH',
        json: [{ op: 'replace', path: 'quantity', value: 3 }],
      },
    );
    expect(response.status).toBe(404);
  });
});

describe('DELETE and invoicing', () => {
  it('deletes an addition that has not been invoiced', async () => {
    const agreement = await newAgreement();
    const addition = await created(agreement.id, { effectiveDate: '2026-02-01' });
    const path = `/finance/agreements/${agreement.id}/additions/${addition.id}`;
    expect((await callApi(sim, path, { method: 'DELETE' })).status).toBe(204);
    expect((await callApi(sim, path)).status).toBe(404);
    expect((await callApi(sim, path, { method: 'DELETE' })).status).toBe(404);
  });

  it('keeps an invoiced addition: DELETE answers 400 naming id', async () => {
    const agreement = await newAgreement({ prorateFlag: true });
    const january = await created(agreement.id, { effectiveDate: '2026-01-01' });
    const march = await created(agreement.id, { effectiveDate: '2026-03-01' });
    expect(sim.invoice(agreement.id, '2026-01-31')).toBe(1);
    expect(sim.isInvoiced(january.id)).toBe(true);
    expect(sim.isInvoiced(march.id)).toBe(false);
    const refused = await callApi(
      sim,
      `/finance/agreements/${agreement.id}/additions/${january.id}`,
      { method: 'DELETE' },
    );
    expect(await errorsOf(refused)).toEqual([
      expect.objectContaining({ field: 'id', message: expect.stringMatching(/has been invoiced/) }),
    ]);
    expect(sim.data.additions.some((addition) => addition.id === january.id)).toBe(true);
    const cancelled = await callApi(
      sim,
      `/finance/agreements/${agreement.id}/additions/${january.id}`,
      {
        method: 'PATCH',
        json: [{ op: 'replace', path: 'cancelledDate', value: '2026-01-31T00:00:00Z' }],
      },
    );
    expect(cancelled.status).toBe(200);
    expect(
      (
        await callApi(sim, `/finance/agreements/${agreement.id}/additions/${march.id}`, {
          method: 'DELETE',
        })
      ).status,
    ).toBe(204);
  });

  it('refuses an effectiveDate inside an invoiced period on an agreement that is not prorated', async () => {
    const plain = await newAgreement({ prorateFlag: false });
    const prorated = await newAgreement({ prorateFlag: true });
    sim.invoice(plain.id, '2026-01-31');
    sim.invoice(prorated.id, '2026-01-31');
    const errors = await errorsOf(
      await post(plain.id, {
        product: { id: product().id },
        billCustomer: 'Billable',
        effectiveDate: '2026-01-15',
      }),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'effectiveDate',
        message: expect.stringMatching(/already invoiced \(through 2026-01-31\)/),
      }),
    ]);
    expect((await created(plain.id, { effectiveDate: '2026-02-01' })).effectiveDate).toBe(
      '2026-02-01T00:00:00Z',
    );
    expect((await created(prorated.id, { effectiveDate: '2026-01-15' })).effectiveDate).toBe(
      '2026-01-15T00:00:00Z',
    );
  });

  it('refuses to invoice an unknown agreement or a date it cannot read', () => {
    expect(() => sim.invoice(987_654, '2026-01-31')).toThrow(/No agreement/);
    const agreement = sim.data.agreements[0] as Agreement;
    expect(() => sim.invoice(agreement.id, 'end of January')).toThrow(/not a date/);
  });
});

describe('the index of additions', () => {
  it('sees additions a test pushes or removes in sim.data, and new ids never collide with them', async () => {
    const agreement = await newAgreement();
    const first = await created(agreement.id, { serialNumber: 'PLT:L:pushed-0' });
    const pushed: Addition = {
      ...structuredClone(first),
      id: first.id + 500,
      serialNumber: 'PLT:L:pushed-1',
    };
    sim.data.additions.push(pushed);
    const found = await lookUp(agreement.id, {
      conditions: 'serialNumber like "PLT:L:pushed-%"',
      fields: 'id',
    });
    expect(found).toEqual([{ id: first.id }, { id: pushed.id }]);
    const next = await created(agreement.id, {});
    expect(next.id).toBe(pushed.id + 1);
    sim.data.additions.splice(sim.data.additions.indexOf(pushed), 1);
    expect(
      await lookUp(agreement.id, {
        conditions: 'serialNumber like "PLT:L:pushed-%"',
        fields: 'id',
      }),
    ).toEqual([{ id: first.id }]);
  });

  it('shows an addition moved to another agreement by a direct change after reindex()', async () => {
    const from = await newAgreement();
    const to = await newAgreement();
    const moved = await created(from.id, { serialNumber: 'PLT:L:moved' });
    const stored = sim.data.additions.find((addition) => addition.id === moved.id) as Addition;
    stored.agreementId = to.id;
    sim.reindex();
    expect(await lookUp(to.id, { fields: 'id' })).toEqual([{ id: moved.id }]);
    expect(await lookUp(from.id, { fields: 'id' })).toEqual([]);
  });
});
