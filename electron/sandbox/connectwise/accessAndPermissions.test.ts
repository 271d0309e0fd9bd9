import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf } from '../simulatorTesting';
import { type ConnectWiseSimulator, startConnectWiseSimulator } from './index';
import { apiHeaders, basicAuthorization, callApi, exampleClientId } from './simulatorRequests';

let sim: ConnectWiseSimulator;

beforeAll(async () => {
  sim = await startConnectWiseSimulator({ companies: 30 });
});
afterAll(() => sim.close());

describe('codebase discovery', () => {
  it('answers companyinfo without auth, matching the company id in any case', async () => {
    const response = await fetch(`${sim.siteUrl}/login/companyinfo/SANDBOX`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      CompanyName: 'Sandbox MSP',
      Codebase: 'v2025_1/',
      VersionCode: 'v2025.1',
      VersionNumber: 'v4.6.12345',
      CompanyID: 'sandbox',
      IsCloud: false,
      SiteUrl: sim.siteUrl.replace('http://', ''),
      AllowedOrigins: '*',
    });
  });

  it('answers null for an unknown company', async () => {
    const response = await fetch(`${sim.siteUrl}/login/companyinfo/nobody`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('null');
  });

  it('cannot route a wrong codebase or a company it does not host', async () => {
    const wrongCodebase = await fetch(`${sim.siteUrl}/v4_6_release/apis/3.0/system/info`, {
      headers: apiHeaders(sim),
    });
    expect(wrongCodebase.status).toBe(400);
    expect(await wrongCodebase.text()).toBe('Cannot route. Codebase/company is invalid');

    const otherCompany = await callApi(sim, '/system/info', {
      headers: {
        Authorization: basicAuthorization({ ...sim.credentials, companyId: 'elsewhere' }),
      },
    });
    expect(otherCompany.status).toBe(400);
    expect(await otherCompany.text()).toBe('Cannot route. Codebase/company is invalid');
  });
});

describe('authentication', () => {
  it('answers system/info to a correct client', async () => {
    const response = await callApi(sim, '/system/info');
    expect(response.status).toBe(200);
    expect(response.headers.get('api-current-version')).toBe('2025.1');
    expect(await response.json()).toMatchObject({
      version: 'v2025.1.12345',
      isCloud: false,
      serverTimeZone: expect.any(String),
      cloudRegion: expect.any(String),
    });
  });

  it('tolerates a missing Accept header', async () => {
    const headers = apiHeaders(sim);
    delete headers.Accept;
    const response = await fetch(`${sim.apiBaseUrl}/system/info`, { headers });
    expect(response.status).toBe(200);
  });

  it('rejects a request without a clientId header, naming clientId', async () => {
    const headers = apiHeaders(sim);
    delete headers.clientId;
    const response = await fetch(`${sim.apiBaseUrl}/system/info`, { headers });
    expect(response.status).toBe(400);
    const body = await jsonOf<{ code: string; message: string; errors: Array<{ field: string }> }>(
      response,
    );
    expect(body.message).toMatch(/clientId/);
    expect(body.errors[0]?.field).toBe('clientId');
  });

  it('rejects a clientId that is not a GUID', async () => {
    const response = await callApi(sim, '/system/info', { headers: { clientId: 'my-app' } });
    expect(response.status).toBe(400);
    expect((await jsonOf<{ message: string }>(response)).message).toMatch(/clientId/);
  });

  it('answers 401 with the error body for wrong keys, without echoing them', async () => {
    const response = await callApi(sim, '/system/info', {
      headers: {
        Authorization: basicAuthorization({ ...sim.credentials, privateKey: 'wrong-private-key' }),
      },
    });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ code: 'Unauthorized', message: expect.any(String) });
    expect(text).not.toContain('wrong-private-key');
    expect(text).not.toContain(sim.credentials.privateKey);
  });

  it('answers 401 without an Authorization header or with a malformed one', async () => {
    for (const authorization of [
      undefined,
      'Bearer abc',
      `Basic ${Buffer.from('no-plus:key').toString('base64')}`,
    ]) {
      const headers: Record<string, string> = { clientId: exampleClientId };
      if (authorization) headers.Authorization = authorization;
      const response = await fetch(`${sim.apiBaseUrl}/system/info`, { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'Unauthorized' });
    }
  });

  it('records every request with the Authorization header redacted', async () => {
    await callApi(sim, '/company/companies', { query: { pageSize: 1 } });
    const last = sim.requests.at(-1);
    expect(last).toMatchObject({
      method: 'GET',
      path: '/v2025_1/apis/3.0/company/companies',
      query: { pageSize: '1' },
      status: 200,
    });
    expect(last?.headers.authorization).toBe('[REDACTED]');
    expect(last?.headers.clientid).toBe(exampleClientId);
    expect(JSON.stringify(sim.requests)).not.toContain(sim.credentials.privateKey);
  });
});

describe('security role permissions', () => {
  it('answers 403 naming the permission the role lacks', async () => {
    const denied = await startConnectWiseSimulator({
      companies: 5,
      deny: ['Finance › Agreements'],
    });
    try {
      const response = await callApi(denied, '/finance/agreements');
      expect(response.status).toBe(403);
      const body = await jsonOf<{ message: string }>(response);
      expect(body.message).toContain('Finance › Agreements');
      expect(body.message).toContain('Inquire');
      expect((await callApi(denied, '/company/companies')).status).toBe(200);
    } finally {
      await denied.close();
    }
  });

  it('can deny one level only and change permissions while running', async () => {
    sim.setPermissions(['Companies (Add)']);
    try {
      expect((await callApi(sim, '/company/companies')).status).toBe(200);
      const create = await callApi(sim, '/company/companies', {
        method: 'POST',
        json: { name: 'Denied Ltd', identifier: 'DeniedLtd' },
      });
      expect(create.status).toBe(403);
      expect((await jsonOf<{ message: string }>(create)).message).toMatch(
        /Companies with Add Level/,
      );
      sim.setPermissions(['System > Table Setup', 'Procurement / Product Catalog']);
      expect((await callApi(sim, '/finance/agreements/types')).status).toBe(403);
      expect((await callApi(sim, '/finance/billingCycles')).status).toBe(403);
      expect((await callApi(sim, '/procurement/catalog')).status).toBe(403);
      expect((await callApi(sim, '/system/info')).status).toBe(200);
    } finally {
      sim.setPermissions([]);
    }
    expect((await callApi(sim, '/procurement/catalog')).status).toBe(200);
  });

  it('refuses a permission name it does not know', () => {
    expect(() => sim.setPermissions(['Finance › Agreement'])).toThrow(/Unknown permission/);
  });
});

describe('routing', () => {
  it('answers 404 NotFound for an unknown id and 405 for an unsupported method', async () => {
    const missing = await callApi(sim, '/company/companies/999999');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'NotFound' });
    const unsupported = await callApi(sim, '/company/companies/3', { method: 'POST', json: {} });
    expect(unsupported.status).toBe(405);
  });

  it('matches resource paths without regard to case, as IIS does', async () => {
    expect((await callApi(sim, '/finance/billingcycles')).status).toBe(200);
  });
});
