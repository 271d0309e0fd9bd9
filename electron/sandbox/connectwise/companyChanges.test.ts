import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf } from '../simulatorTesting';
import {
  type Company,
  type ConnectWiseSimulator,
  connectwiseDate,
  startConnectWiseSimulator,
  touch,
} from './index';
import { apiHeaders, callApi } from './simulatorRequests';

let sim: ConnectWiseSimulator;
let clock = new Date('2026-02-03T10:00:00Z');
/** After every seeded `_info/lastUpdated` (the seed stops at 2026-01-15). */
const sinceSeed = '2026-01-20T00:00:00Z';

beforeAll(async () => {
  sim = await startConnectWiseSimulator({ companies: 300, seed: 5, now: () => clock });
});
afterAll(() => sim.close());

interface ErrorBody {
  code: string;
  message: string;
  errors: Array<{ code: string; message: string; resource: string; field: string }>;
}

function companyNamed(predicate: (company: Company) => boolean): Company {
  const company = sim.data.companies.find(predicate);
  if (!company) throw new Error('no such company in the seed');
  return company;
}

function stored(id: number): Company {
  return companyNamed((company) => company.id === id);
}

function patch(id: number, operations: unknown): Promise<Response> {
  return callApi(sim, `/company/companies/${id}`, { method: 'PATCH', json: operations });
}

/** Every company a forward-only pull returns, following Link rel="next"; and the request count. */
async function pullForwardOnly(
  simulator: ConnectWiseSimulator,
  query: Record<string, string>,
): Promise<{ companies: Array<Record<string, unknown>>; requests: number }> {
  const headers = apiHeaders(simulator, { 'pagination-type': 'forward-only' });
  const companies: Array<Record<string, unknown>> = [];
  let url: string | undefined =
    `${simulator.apiBaseUrl}/company/companies?${new URLSearchParams(query)}`;
  let requests = 0;
  while (url) {
    const response: Response = await fetch(url, { headers });
    requests += 1;
    expect(response.status).toBe(200);
    companies.push(...(await jsonOf<Array<Record<string, unknown>>>(response)));
    url = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
  }
  return { companies, requests };
}

describe('company projection for mapping', () => {
  it('returns exactly the mapping fields, types as a child list and _info whole', async () => {
    const prospect = companyNamed((company) =>
      company.types.some((type) => type.name === 'Prospect'),
    );
    const response = await callApi(sim, '/company/companies', {
      query: {
        fields: 'id,identifier,name,status,deletedFlag,types,city,defaultContact,_info',
        conditions: `id = ${prospect.id}`,
      },
    });
    const [found] = await jsonOf<Array<Record<string, unknown>>>(response);
    expect(Object.keys(found ?? {}).sort()).toEqual(
      [
        '_info',
        'city',
        'defaultContact',
        'deletedFlag',
        'id',
        'identifier',
        'name',
        'status',
        'types',
      ].sort(),
    );
    expect(found).toEqual({
      id: prospect.id,
      identifier: prospect.identifier,
      name: prospect.name,
      status: prospect.status,
      deletedFlag: prospect.deletedFlag,
      types: prospect.types,
      city: prospect.city,
      defaultContact: prospect.defaultContact,
      _info: prospect._info,
    });
    expect(found?.types).toHaveLength(2);
  });

  it('seeds deleted companies, Prospects and Not-Approved ones that the projection shows', async () => {
    const { companies } = await pullForwardOnly(sim, {
      pageSize: '1000',
      fields: 'id,status,deletedFlag,types',
    });
    expect(companies).toHaveLength(sim.data.companies.length);
    expect(companies.some((company) => company.deletedFlag === true)).toBe(true);
    expect(
      companies.some((company) =>
        (company.types as Array<{ name: string }>).some((type) => type.name === 'Prospect'),
      ),
    ).toBe(true);
    expect(
      companies.some((company) => (company.status as { name: string }).name === 'Not-Approved'),
    ).toBe(true);
  });
});

describe('pulling only what changed', () => {
  it('pages _info/lastUpdated > [date] forward-only, in id order, every match once', async () => {
    const big = await startConnectWiseSimulator({ companies: 20_000, seed: 3 });
    try {
      const cutoff = '2025-09-01T00:00:00Z';
      const expected = big.data.companies
        .filter((company) => company._info.lastUpdated > cutoff)
        .map((company) => company.id);
      expect(expected.length).toBeGreaterThan(2000);
      const { companies, requests } = await pullForwardOnly(big, {
        pageSize: '1000',
        conditions: `_info/lastUpdated > [${cutoff}]`,
        fields: 'id,name,_info/lastUpdated',
      });
      expect(requests).toBe(Math.ceil(expected.length / 1000));
      expect(companies.map((company) => company.id)).toEqual(expected);
      expect(
        companies.every(
          (company) => (company._info as { lastUpdated: string }).lastUpdated > cutoff,
        ),
      ).toBe(true);
      const since2026 = await pullForwardOnly(big, {
        pageSize: '1000',
        conditions: '_info/lastUpdated > [2026-01-01T00:00:00Z]',
        fields: 'id',
      });
      expect(since2026.companies.length).toBeGreaterThan(0);
      expect(since2026.companies.length).toBe(
        big.data.companies.filter((company) => company._info.lastUpdated > '2026-01-01T00:00:00Z')
          .length,
      );
    } finally {
      await big.close();
    }
  });

  it('sees a company renamed or soft-deleted by PATCH, and one touched directly in sim.data', async () => {
    const before = await pullForwardOnly(sim, {
      pageSize: '1000',
      conditions: `_info/lastUpdated > [${sinceSeed}]`,
    });
    expect(before.companies).toEqual([]);

    const [renamed, softDeleted, touched] = sim.data.companies.filter(
      (company) => !company.deletedFlag,
    );
    if (!renamed || !softDeleted || !touched) throw new Error('seed too small');
    clock = new Date('2026-02-04T08:00:00Z');
    expect(
      (await patch(renamed.id, [{ op: 'replace', path: '/name', value: 'Renamed & Co' }])).status,
    ).toBe(200);
    clock = new Date('2026-02-04T09:00:00Z');
    expect(
      (await patch(softDeleted.id, [{ op: 'replace', path: 'deletedFlag', value: true }])).status,
    ).toBe(200);
    const live = stored(touched.id);
    live.city = 'Montréal';
    touch(live, new Date('2026-02-04T10:00:00Z'));

    const after = await pullForwardOnly(sim, {
      pageSize: '1000',
      conditions: `_info/lastUpdated > [${sinceSeed}]`,
      fields: 'id,name,deletedFlag,city,_info/lastUpdated',
    });
    expect(after.companies).toEqual(
      [
        {
          id: renamed.id,
          name: 'Renamed & Co',
          deletedFlag: false,
          city: renamed.city,
          _info: { lastUpdated: '2026-02-04T08:00:00Z' },
        },
        {
          id: softDeleted.id,
          name: softDeleted.name,
          deletedFlag: true,
          city: softDeleted.city,
          _info: { lastUpdated: '2026-02-04T09:00:00Z' },
        },
        {
          id: touched.id,
          name: touched.name,
          deletedFlag: touched.deletedFlag,
          city: 'Montréal',
          _info: { lastUpdated: '2026-02-04T10:00:00Z' },
        },
      ].sort((a, b) => a.id - b.id),
    );
    const later = await pullForwardOnly(sim, {
      pageSize: '1000',
      conditions: '_info/lastUpdated > [2026-02-04T08:30:00Z]',
      fields: 'id',
    });
    expect(later.companies.map((company) => company.id)).toEqual(
      [softDeleted.id, touched.id].sort((a, b) => a - b),
    );
  });
});

describe('PATCH /company/companies/{id}', () => {
  it('renames with JSON Patch, keeps dateEntered, and shows the new name on contacts and agreements', async () => {
    const agreement = sim.data.agreements[0];
    if (!agreement) throw new Error('seed has no agreement');
    const company = stored(agreement.company.id);
    const dateEntered = company._info.dateEntered;
    clock = new Date('2026-02-05T12:30:00Z');
    const response = await patch(company.id, [
      { op: 'replace', path: 'name', value: 'Société Nouvelle SARL' },
      { op: 'replace', path: '/identifier', value: 'SocieteNouvelle' },
    ]);
    expect(response.status).toBe(200);
    expect(await jsonOf<Company>(response)).toMatchObject({
      id: company.id,
      name: 'Société Nouvelle SARL',
      identifier: 'SocieteNouvelle',
      status: company.status,
      types: company.types,
      defaultContact: company.defaultContact,
      _info: { lastUpdated: '2026-02-05T12:30:00Z', dateEntered },
    });
    expect(stored(company.id).name).toBe('Société Nouvelle SARL');
    const contacts = sim.data.contacts.filter((contact) => contact.company.id === company.id);
    expect(contacts.length).toBeGreaterThan(0);
    for (const contact of contacts) {
      expect(contact.company).toEqual({
        id: company.id,
        identifier: 'SocieteNouvelle',
        name: 'Société Nouvelle SARL',
      });
    }
    const read = await callApi(sim, `/finance/agreements/${agreement.id}`, {
      query: { fields: 'company' },
    });
    expect(await read.json()).toEqual({
      company: { id: company.id, identifier: 'SocieteNouvelle', name: 'Société Nouvelle SARL' },
    });
  });

  it('changes status and types by reference, and soft-deletes with deletedFlag', async () => {
    const company = companyNamed(
      (candidate) => !candidate.deletedFlag && candidate.types.length === 1,
    );
    const response = await patch(company.id, [
      { op: 'replace', path: 'status', value: { name: 'Not-Approved' } },
      { op: 'replace', path: 'types', value: [{ id: 1 }, { name: 'Prospect' }] },
      { op: 'replace', path: 'deletedFlag', value: 'true' },
    ]);
    expect(response.status).toBe(200);
    expect(await jsonOf<Company>(response)).toMatchObject({
      status: { id: 3, name: 'Not-Approved' },
      types: [
        { id: 1, name: 'Client' },
        { id: 3, name: 'Prospect' },
      ],
      deletedFlag: true,
    });
    const restored = await patch(company.id, [
      { op: 'replace', path: 'deletedFlag', value: false },
    ]);
    expect(await jsonOf<Company>(restored)).toMatchObject({ deletedFlag: false });
  });

  it('refuses a blank, missing, too long or taken identifier and a blank name, naming the field', async () => {
    const [company, other] = sim.data.companies;
    if (!company || !other) throw new Error('seed too small');
    const before = structuredClone(stored(company.id));
    for (const [operations, code] of [
      [[{ op: 'replace', path: 'identifier', value: '' }], 'MissingRequiredField'],
      [[{ op: 'replace', path: 'identifier', value: '   ' }], 'MissingRequiredField'],
      [[{ op: 'replace', path: 'identifier', value: null }], 'MissingRequiredField'],
      [[{ op: 'remove', path: 'identifier' }], 'MissingRequiredField'],
      [[{ op: 'replace', path: 'identifier', value: 'I'.repeat(31) }], 'MaxLengthField'],
      [
        [{ op: 'replace', path: 'identifier', value: other.identifier.toLowerCase() }],
        'ObjectExists',
      ],
    ] as const) {
      const response = await patch(company.id, operations);
      expect(response.status).toBe(400);
      const body = await jsonOf<ErrorBody>(response);
      expect(body.message).toBe('company object is invalid');
      expect(body.errors).toEqual([expect.objectContaining({ code, field: 'identifier' })]);
    }
    const blankName = await jsonOf<ErrorBody>(
      await patch(company.id, [{ op: 'replace', path: 'name', value: ' ' }]),
    );
    expect(blankName.errors).toEqual([
      expect.objectContaining({ code: 'MissingRequiredField', field: 'name' }),
    ]);
    const keepsOwn = await patch(company.id, [
      { op: 'replace', path: 'identifier', value: company.identifier.toUpperCase() },
    ]);
    expect(keepsOwn.status).toBe(200);
    expect(stored(company.id).identifier).toBe(company.identifier.toUpperCase());
    expect(stored(company.id).name).toBe(before.name);
  });

  it('refuses unknown statuses, types and paths, a contact of another company, and a body that is not JSON Patch', async () => {
    const [company, other] = sim.data.companies;
    if (!company || !other) throw new Error('seed too small');
    const before = structuredClone(stored(company.id));
    const unknown = await jsonOf<ErrorBody>(
      await patch(company.id, [
        { op: 'replace', path: 'status/id', value: 99 },
        { op: 'replace', path: 'types', value: [{ id: 42 }] },
        { op: 'replace', path: 'defaultContact', value: { id: other.defaultContact?.id } },
      ]),
    );
    expect(unknown.errors.map((error) => error.field).sort()).toEqual(
      ['defaultContact/id', 'status/id', 'types/0/id'].sort(),
    );
    expect((await patch(company.id, [{ op: 'replace', path: 'nmae', value: 'x' }])).status).toBe(
      400,
    );
    expect(
      (await patch(company.id, [{ op: 'replace', path: '_info/lastUpdated', value: 'x' }])).status,
    ).toBe(400);
    expect((await patch(company.id, { name: 'Not a patch' })).status).toBe(400);
    expect(stored(company.id)).toEqual(before);
  });

  it('answers 404 for an unknown company and 403 without Companies › Edit', async () => {
    const missing = await patch(999_999, [{ op: 'replace', path: 'name', value: 'x' }]);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'NotFound' });
    const company = sim.data.companies[0] as Company;
    sim.setPermissions(['Companies (Edit)']);
    try {
      const denied = await patch(company.id, [{ op: 'replace', path: 'name', value: 'x' }]);
      expect(denied.status).toBe(403);
      expect((await jsonOf<ErrorBody>(denied)).message).toMatch(/Companies with Edit Level/);
      expect((await callApi(sim, `/company/companies/${company.id}`)).status).toBe(200);
    } finally {
      sim.setPermissions([]);
    }
  });
});

describe('DELETE /company/companies/{id}', () => {
  it('soft-deletes: 204, the company stays readable with deletedFlag and its lastUpdated unchanged', async () => {
    const company = companyNamed(
      (candidate) => !candidate.deletedFlag && candidate.id !== sim.data.companies[0]?.id,
    );
    const lastUpdated = company._info.lastUpdated;
    clock = new Date('2026-02-06T00:00:00Z');
    const response = await callApi(sim, `/company/companies/${company.id}`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const read = await callApi(sim, `/company/companies/${company.id}`, {
      query: { fields: 'id,deletedFlag,_info/lastUpdated' },
    });
    expect(await read.json()).toEqual({
      id: company.id,
      deletedFlag: true,
      _info: { lastUpdated },
    });
    const changed = await pullForwardOnly(sim, {
      pageSize: '1000',
      conditions: '_info/lastUpdated >= [2026-02-06T00:00:00Z]',
      fields: 'id',
    });
    expect(changed.companies).toEqual([]);
    const deleted = await callApi(sim, '/company/companies/count', {
      query: { conditions: `deletedFlag = true and id = ${company.id}` },
    });
    expect(await deleted.json()).toEqual({ count: 1 });
  });

  it('answers 404 for an unknown company and 403 without Companies › Delete', async () => {
    expect((await callApi(sim, '/company/companies/999999', { method: 'DELETE' })).status).toBe(
      404,
    );
    const company = companyNamed((candidate) => !candidate.deletedFlag);
    sim.setPermissions(['Companies (Delete)']);
    try {
      const denied = await callApi(sim, `/company/companies/${company.id}`, { method: 'DELETE' });
      expect(denied.status).toBe(403);
      expect((await jsonOf<ErrorBody>(denied)).message).toMatch(/Companies with Delete Level/);
      expect(stored(company.id).deletedFlag).toBe(false);
    } finally {
      sim.setPermissions([]);
    }
  });
});

describe('creating companies', () => {
  it('refuses an empty, blank or null identifier', async () => {
    for (const identifier of ['', '  ', null]) {
      const response = await callApi(sim, '/company/companies', {
        method: 'POST',
        json: { name: 'No Identifier Ltd', identifier },
      });
      expect(response.status).toBe(400);
      expect((await jsonOf<ErrorBody>(response)).errors).toEqual([
        expect.objectContaining({ code: 'MissingRequiredField', field: 'identifier' }),
      ]);
    }
    expect(sim.data.companies.some((company) => company.name === 'No Identifier Ltd')).toBe(false);
    expect(sim.data.companies.every((company) => company.identifier.trim() !== '')).toBe(true);
  });
});

describe('touch', () => {
  it('stamps lastUpdated and updatedBy the way ConnectWise writes dates, keeping dateEntered', () => {
    const record = {
      _info: {
        lastUpdated: '2024-01-01T00:00:00Z',
        dateEntered: '2020-01-01T00:00:00Z',
        updatedBy: 'SandboxAPI',
        enteredBy: 'SandboxAPI',
      },
    };
    expect(touch(record, Date.parse('2026-03-01T12:34:56.789Z'), 'jdoe')).toBe(record);
    expect(record._info).toEqual({
      lastUpdated: '2026-03-01T12:34:56Z',
      dateEntered: '2020-01-01T00:00:00Z',
      updatedBy: 'jdoe',
      enteredBy: 'SandboxAPI',
    });
    expect(connectwiseDate(Date.parse('2026-01-31T00:00:00.000Z'))).toBe('2026-01-31T00:00:00Z');
  });
});
