import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf } from '../simulatorTesting';
import {
  type Addition,
  type Agreement,
  type Company,
  type ConnectWiseSimulator,
  startConnectWiseSimulator,
} from './index';
import { apiHeaders, callApi } from './simulatorRequests';

let sim: ConnectWiseSimulator;
const now = new Date('2026-02-03T10:20:30Z');

beforeAll(async () => {
  sim = await startConnectWiseSimulator({ companies: 40, now: () => now });
});
afterAll(() => sim.close());

interface ErrorBody {
  code: string;
  message: string;
  errors: Array<{ code: string; message: string; resource: string; field: string }>;
}

async function errorOf(response: Response, status = 400): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  return jsonOf<ErrorBody>(response);
}

function fieldsOf(body: ErrorBody): string[] {
  return body.errors.map((error) => error.field);
}

function activeCompany(): Company {
  const company = sim.data.companies.find((c) => c.status.name === 'Active' && c.defaultContact);
  if (!company) throw new Error('seed has no active company');
  return company;
}

function activeProduct() {
  const product = sim.data.catalog.find((item) => !item.inactiveFlag);
  if (!product) throw new Error('seed has no active product');
  return product;
}

async function newAgreement(): Promise<Agreement> {
  const company = activeCompany();
  const response = await callApi(sim, '/finance/agreements', {
    method: 'POST',
    json: {
      name: `${company.name} - Cloud Marketplace`,
      type: { id: 2 },
      company: { id: company.id },
      contact: { id: company.defaultContact?.id },
      startDate: '2026-01-01T00:00:00Z',
    },
  });
  expect(response.status).toBe(201);
  return jsonOf<Agreement>(response);
}

describe('companies', () => {
  it('rejects a 51-character name, naming the field', async () => {
    const body = await errorOf(
      await callApi(sim, '/company/companies', {
        method: 'POST',
        json: { name: 'N'.repeat(51), identifier: 'LongName' },
      }),
    );
    expect(body).toMatchObject({ code: 'InvalidObject', message: 'company object is invalid' });
    expect(body.errors).toEqual([
      {
        code: 'MaxLengthField',
        message: 'The field name must be a string with a maximum length of 50.',
        resource: 'company',
        field: 'name',
      },
    ]);
  });

  it('requires name and identifier, caps identifier at 30 and keeps identifiers unique', async () => {
    const missing = await errorOf(
      await callApi(sim, '/company/companies', { method: 'POST', json: {} }),
    );
    expect(fieldsOf(missing).sort()).toEqual(['identifier', 'name']);
    expect(missing.errors[0]?.code).toBe('MissingRequiredField');
    const long = await errorOf(
      await callApi(sim, '/company/companies', {
        method: 'POST',
        json: { name: 'X', identifier: 'I'.repeat(31) },
      }),
    );
    expect(fieldsOf(long)).toEqual(['identifier']);
    const taken = sim.data.companies[0]?.identifier.toUpperCase();
    const duplicate = await errorOf(
      await callApi(sim, '/company/companies', {
        method: 'POST',
        json: { name: 'Copy', identifier: taken },
      }),
    );
    expect(duplicate.errors[0]).toMatchObject({ code: 'ObjectExists', field: 'identifier' });
  });

  it('creates a company with 201 and stores it', async () => {
    const response = await callApi(sim, '/company/companies', {
      method: 'POST',
      json: { name: 'Brand New Ltd', identifier: 'BrandNewLtd' },
    });
    expect(response.status).toBe(201);
    const created = await jsonOf<Company>(response);
    expect(created).toMatchObject({
      name: 'Brand New Ltd',
      identifier: 'BrandNewLtd',
      status: { name: 'Active' },
    });
    expect(created._info.dateEntered).toBe('2026-02-03T10:20:30Z');
    expect(sim.data.companies.at(-1)?.id).toBe(created.id);
  });

  it('wants a JSON body sent as application/json', async () => {
    const response = await fetch(`${sim.apiBaseUrl}/company/companies`, {
      method: 'POST',
      headers: apiHeaders(sim),
      body: JSON.stringify({ name: 'Plain', identifier: 'Plain' }),
    });
    expect(response.status).toBe(415);
    const broken = await fetch(`${sim.apiBaseUrl}/company/companies`, {
      method: 'POST',
      headers: apiHeaders(sim, { 'Content-Type': 'application/json' }),
      body: '{"name":',
    });
    expect(broken.status).toBe(400);
  });
});

describe('agreements', () => {
  it('requires name, type, company and contact on create', async () => {
    const body = await errorOf(
      await callApi(sim, '/finance/agreements', { method: 'POST', json: {} }),
    );
    expect(fieldsOf(body).sort()).toEqual(['company', 'contact', 'name', 'type']);
  });

  it('rejects references that do not exist, an inactive type and a 101-character name', async () => {
    const company = activeCompany();
    const body = await errorOf(
      await callApi(sim, '/finance/agreements', {
        method: 'POST',
        json: {
          name: 'A'.repeat(101),
          type: { id: 999 },
          company: { id: 999_999 },
          contact: { id: 999_999 },
        },
      }),
    );
    expect(fieldsOf(body).sort()).toEqual(['company/id', 'contact/id', 'name', 'type/id']);
    const inactive = sim.data.agreementTypes.find((type) => type.inactiveFlag);
    const inactiveBody = await errorOf(
      await callApi(sim, '/finance/agreements', {
        method: 'POST',
        json: {
          name: 'Old',
          type: { id: inactive?.id },
          company: { id: company.id },
          contact: { id: company.defaultContact?.id },
        },
      }),
    );
    expect(inactiveBody.errors[0]).toMatchObject({
      field: 'type/id',
      message: expect.stringMatching(/inactive/),
    });
  });

  it('creates an agreement and patches it with JSON Patch', async () => {
    const agreement = await newAgreement();
    expect(agreement).toMatchObject({
      type: { id: 2, name: 'Cloud Marketplace' },
      startDate: '2026-01-01T00:00:00Z',
      agreementStatus: 'Active',
      billingCycle: { name: 'Monthly' },
    });
    const patched = await callApi(sim, `/finance/agreements/${agreement.id}`, {
      method: 'PATCH',
      json: [{ op: 'replace', path: 'name', value: 'Renamed agreement' }],
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ id: agreement.id, name: 'Renamed agreement' });
    const tooLong = await errorOf(
      await callApi(sim, `/finance/agreements/${agreement.id}`, {
        method: 'PATCH',
        json: [{ op: 'replace', path: '/name', value: 'B'.repeat(101) }],
      }),
    );
    expect(fieldsOf(tooLong)).toEqual(['name']);
  });

  it('answers 404 NotFound for an unknown agreement', async () => {
    const body = await errorOf(await callApi(sim, '/finance/agreements/424242/additions'), 404);
    expect(body.code).toBe('NotFound');
  });
});

describe('additions', () => {
  it('rejects an addition without a product', async () => {
    const agreement = await newAgreement();
    const body = await errorOf(
      await callApi(sim, `/finance/agreements/${agreement.id}/additions`, {
        method: 'POST',
        json: { billCustomer: 'Billable', quantity: 1 },
      }),
    );
    expect(body.message).toBe('addition object is invalid');
    expect(body.errors).toEqual([
      {
        code: 'MissingRequiredField',
        message: 'The field product is required.',
        resource: 'addition',
        field: 'product',
      },
    ]);
  });

  it('rejects an unknown billCustomer, an unknown, inactive or Bundle product and over-long texts', async () => {
    const agreement = await newAgreement();
    const path = `/finance/agreements/${agreement.id}/additions`;
    const product = activeProduct();
    const billCustomer = await errorOf(
      await callApi(sim, path, {
        method: 'POST',
        json: { product: { id: product.id }, billCustomer: 'Invoice' },
      }),
    );
    expect(billCustomer.errors).toEqual([
      expect.objectContaining({
        field: 'billCustomer',
        message: expect.stringMatching(/Billable, DoNotBill, NoCharge/),
      }),
    ]);
    const unknown = await errorOf(
      await callApi(sim, path, {
        method: 'POST',
        json: { product: { identifier: 'NOPE' }, billCustomer: 'Billable' },
      }),
    );
    expect(unknown.errors[0]).toMatchObject({ code: 'NotFound', field: 'product/id' });
    const inactive = sim.data.catalog.find((item) => item.inactiveFlag);
    const inactiveBody = await errorOf(
      await callApi(sim, path, {
        method: 'POST',
        json: { product: { id: inactive?.id }, billCustomer: 'Billable' },
      }),
    );
    expect(inactiveBody.errors[0]).toMatchObject({ field: 'product/id' });
    const bundle = sim.data.catalog.find(
      (item) => item.productClass === 'Bundle' && !item.inactiveFlag,
    );
    const bundleBody = await errorOf(
      await callApi(sim, path, {
        method: 'POST',
        json: { product: { id: bundle?.id }, billCustomer: 'Billable' },
      }),
    );
    expect(bundleBody.errors).toEqual([
      expect.objectContaining({
        code: 'InvalidField',
        field: 'product/id',
        message: expect.stringMatching(/bundle cannot be an agreement addition/),
      }),
    ]);
    const long = await errorOf(
      await callApi(sim, path, {
        method: 'POST',
        json: {
          product: { id: product.id },
          billCustomer: 'Billable',
          invoiceDescription: 'x'.repeat(6001),
          serialNumber: 's'.repeat(51),
        },
      }),
    );
    expect(fieldsOf(long).sort()).toEqual(['invoiceDescription', 'serialNumber']);
  });

  it('creates an addition with computed amounts, dates in UTC and custom fields', async () => {
    const agreement = await newAgreement();
    const product = activeProduct();
    const response = await callApi(sim, `/finance/agreements/${agreement.id}/additions`, {
      method: 'POST',
      json: {
        product: { identifier: product.identifier },
        billCustomer: 'billable',
        quantity: '3',
        unitPrice: '26.40',
        unitCost: 22,
        effectiveDate: '2026-01-31',
        invoiceDescription: 'Line inv-0001 "Premium" & more',
        customFields: [{ id: 7, caption: 'Platform Line Id', value: 'inv-0001' }],
      },
    });
    expect(response.status).toBe(201);
    const addition = await jsonOf<Addition>(response);
    expect(addition).toMatchObject({
      agreementId: agreement.id,
      product: { id: product.id, identifier: product.identifier },
      billCustomer: 'Billable',
      quantity: 3,
      unitPrice: 26.4,
      extPrice: 79.2,
      extCost: 66,
      effectiveDate: '2026-01-31T00:00:00Z',
      customFields: [
        expect.objectContaining({ id: 7, caption: 'Platform Line Id', value: 'inv-0001' }),
      ],
      _info: { lastUpdated: '2026-02-03T10:20:30Z', dateEntered: '2026-02-03T10:20:30Z' },
    });
    const byMarker = await callApi(sim, `/finance/agreements/${agreement.id}/additions`, {
      query: { customFieldConditions: 'caption = "Platform Line Id" and value = "inv-0001"' },
    });
    expect((await jsonOf<Addition[]>(byMarker)).map((found) => found.id)).toEqual([addition.id]);
    const byDescription = await callApi(sim, `/finance/agreements/${agreement.id}/additions`, {
      query: { conditions: 'invoiceDescription contains "inv-0001"' },
    });
    expect((await jsonOf<Addition[]>(byDescription)).map((found) => found.id)).toEqual([
      addition.id,
    ]);
    const count = await callApi(sim, `/finance/agreements/${agreement.id}/additions/count`);
    expect(await count.json()).toEqual({ count: 1 });
  });

  it('patches, replaces and deletes an addition', async () => {
    const agreement = await newAgreement();
    const product = activeProduct();
    const path = `/finance/agreements/${agreement.id}/additions`;
    const created = await jsonOf<Addition>(
      await callApi(sim, path, {
        method: 'POST',
        json: {
          product: { id: product.id },
          billCustomer: 'Billable',
          quantity: 2,
          unitPrice: 10,
          unitCost: 4,
        },
      }),
    );
    const patched = await callApi(sim, `${path}/${created.id}`, {
      method: 'PATCH',
      json: [{ op: 'replace', path: 'quantity', value: 5 }],
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ quantity: 5, extPrice: 50, extCost: 20 });

    const notAnArray = await callApi(sim, `${path}/${created.id}`, {
      method: 'PATCH',
      json: { quantity: 6 },
    });
    expect(notAnArray.status).toBe(400);
    const unknownPath = await callApi(sim, `${path}/${created.id}`, {
      method: 'PATCH',
      json: [{ op: 'replace', path: 'quantiti', value: 6 }],
    });
    expect(unknownPath.status).toBe(400);

    const replaced = await callApi(sim, `${path}/${created.id}`, {
      method: 'PUT',
      json: { product: { id: product.id }, billCustomer: 'NoCharge', quantity: 1 },
    });
    expect(await replaced.json()).toMatchObject({
      id: created.id,
      billCustomer: 'NoCharge',
      quantity: 1,
    });

    expect((await callApi(sim, `${path}/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await callApi(sim, `${path}/${created.id}`)).status).toBe(404);
    expect(sim.data.additions.some((addition) => addition.id === created.id)).toBe(false);
  });
});
