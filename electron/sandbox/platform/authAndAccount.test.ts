import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf } from '../simulatorTesting';
import { type PlatformSimulator, startPlatformSimulator } from './index';
import { callApi, type ErrorBody } from './platformRequests';

let sim: PlatformSimulator;

beforeAll(async () => {
  sim = await startPlatformSimulator({ organizations: 20, token: 'test-token-123' });
});
afterAll(() => sim.close());

const paths = [
  '/v1/me',
  '/v1/organizations',
  '/v1/offers',
  '/v1/contracts',
  '/v1/invoices?invoiceDateFrom=2020-01-01&invoiceDateTo=2030-12-31',
  '/v1/invoice-lines?invoiceDateFrom=2020-01-01&invoiceDateTo=2030-12-31',
];

async function expectUnauthorized(response: Response, wwwAuthenticate: RegExp) {
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('www-authenticate')).toMatch(wwwAuthenticate);
  const body = await jsonOf<ErrorBody>(response);
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe('unauthorized');
  expect(body.error.message).toEqual(expect.any(String));
  expect(body.error.message).not.toContain(sim.token);
}

describe('authentication', () => {
  it('refuses every endpoint without a token, with the error body', async () => {
    for (const path of paths) {
      await expectUnauthorized(await fetch(`${sim.baseUrl}${path}`), /^Bearer realm="platform"$/);
    }
  });

  it('refuses another scheme and a wrong token', async () => {
    const basic = await callApi(
      sim,
      '/v1/me',
      {},
      { headers: { Authorization: 'Basic dXNlcjpwYXNz' } },
    );
    await expectUnauthorized(basic, /^Bearer realm="platform"$/);
    const wrong = await callApi(
      sim,
      '/v1/me',
      {},
      { headers: { Authorization: 'Bearer test-token-124' } },
    );
    await expectUnauthorized(wrong, /error="invalid_token"/);
    const prefix = await callApi(
      sim,
      '/v1/me',
      {},
      { headers: { Authorization: 'Bearer test-token' } },
    );
    await expectUnauthorized(prefix, /error="invalid_token"/);
  });

  it('accepts the token on every endpoint, the scheme in any case', async () => {
    for (const path of paths) expect((await callApi(sim, path)).status).toBe(200);
    const lower = await callApi(
      sim,
      '/v1/me',
      {},
      { headers: { Authorization: 'bearer test-token-123' } },
    );
    expect(lower.status).toBe(200);
  });

  it('records requests without the token', async () => {
    await callApi(sim, '/v1/me');
    expect(sim.requests.at(-1)).toEqual({ method: 'GET', path: '/v1/me', query: {}, status: 200 });
    expect(JSON.stringify(sim.requests)).not.toContain(sim.token);
  });
});

describe('GET /v1/me', () => {
  it('names the platform and the account, for "Test connection"', async () => {
    const response = await callApi(sim, '/v1/me');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({
      platformName: 'Sandbox Cloud Marketplace',
      accountId: 'ACC-700001',
      accountName: 'Sandbox MSP',
    });
  });

  it('takes no query parameters', async () => {
    const response = await callApi(sim, '/v1/me', { expand: 'all' });
    expect(response.status).toBe(400);
    expect((await jsonOf<ErrorBody>(response)).error).toMatchObject({
      code: 'invalid_request',
      parameter: 'expand',
    });
  });
});

describe('routing', () => {
  it('answers 404 not_found for an unknown path', async () => {
    const response = await callApi(sim, '/v1/customers');
    expect(response.status).toBe(404);
    expect((await jsonOf<ErrorBody>(response)).error.code).toBe('not_found');
  });

  it('answers 405 to anything but GET', async () => {
    const response = await callApi(sim, '/v1/organizations', {}, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect((await jsonOf<ErrorBody>(response)).error.code).toBe('method_not_allowed');
  });
});
