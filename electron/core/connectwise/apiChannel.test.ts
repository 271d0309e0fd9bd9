import type { AxiosInstance } from 'axios';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../tests/support/fakePorts';
import { defaultRetryPolicy } from '../http';
import { createApiChannel } from './apiChannel';
import { isConnectWiseError } from './connectWiseError';
import { createLimiterRegistry } from './requestLimiter';

describe('a failed ConnectWise request keeps what was sent and answered, without secrets', () => {
  it('redacts a long body whole before it is cut to size', async () => {
    const clock = new FakeClock(new Date('2026-11-30T10:00:00Z'));
    const sleep = async () => {};
    const answer = JSON.stringify({
      code: 'InvalidObject',
      message: 'addition object is invalid',
      errors: [{ code: 'InvalidField', field: 'quantity', message: 'must be positive' }],
      echo: { refresh_token: 'rt-SECRET', note: 'x'.repeat(6000), privateKey: 'PRIV-KEY-42' },
    });
    const http = {
      request: async () => ({ status: 400, headers: {}, data: answer }),
    } as unknown as AxiosInstance;
    const channel = createApiChannel({
      baseUrl: 'https://api.example.test/v4_6_release/apis/3.0',
      headers: { Authorization: 'Basic c2VjcmV0', clientId: 'client' },
      secrets: ['PRIV-KEY-42', 'Basic c2VjcmV0'],
      limiter: createLimiterRegistry({ maxConcurrency: 4, clock, sleep }).forSite('https://a'),
      clock,
      sleep,
      random: () => 0,
      retryPolicy: defaultRetryPolicy,
      timeoutMs: 1000,
      http,
    });
    const failure = await channel
      .send('POST', '/finance/agreements/7/additions', null as never, {
        quantity: -1,
        apiToken: 'at-SECRET',
        note: 'y'.repeat(6000),
      })
      .catch((error: unknown) => error);
    expect(isConnectWiseError(failure)).toBe(true);
    if (!isConnectWiseError(failure)) return;
    expect(failure.kind).toBe('Validation Error');
    const { exchange } = failure;
    expect(exchange).toMatchObject({
      method: 'POST',
      path: '/finance/agreements/7/additions',
      status: 400,
    });
    const kept = `${exchange?.requestBody}${exchange?.responseBody}`;
    expect(exchange?.requestBody?.length).toBe(4000);
    expect(exchange?.requestBody).toContain('"quantity":-1');
    expect(exchange?.responseBody).toContain('InvalidField');
    for (const secret of ['rt-SECRET', 'PRIV-KEY-42', 'at-SECRET', 'c2VjcmV0']) {
      expect(kept).not.toContain(secret);
    }
  });
});
