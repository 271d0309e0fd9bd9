import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAxiosError } from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTextHttpClient } from './textHttpClient';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/trickle') {
      // One byte every 100 ms, forever: never silent long enough for an idle timeout.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), 100);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(1024 * 1024);
      let sent = 0;
      const more = () => {
        while (sent < 80 && res.write(chunk)) sent += 1;
        if (sent >= 80) res.end();
      };
      res.on('drain', more);
      more();
      return;
    }
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the HTTP client both APIs use', () => {
  it('ends an answer that trickles in past its deadline with ETIMEDOUT', async () => {
    const started = Date.now();
    const error = await createTextHttpClient()
      .get(`${base}/trickle`, { timeout: 500 })
      .catch((caught: unknown) => caught);
    expect(isAxiosError(error) && error.code).toBe('ETIMEDOUT');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses an answer larger than 64 MB', async () => {
    const error = await createTextHttpClient()
      .get(`${base}/huge`, { timeout: 30_000 })
      .catch((caught: unknown) => caught);
    expect(isAxiosError(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/maxContentLength/);
  });

  it('still answers normally, and a caller cancel stays a cancel', async () => {
    const client = createTextHttpClient();
    expect((await client.get(`${base}/ok`, { timeout: 1000 })).data).toBe('ok');
    const controller = new AbortController();
    const pending = client.get(`${base}/trickle`, { timeout: 5000, signal: controller.signal });
    controller.abort();
    const error = await pending.catch((caught: unknown) => caught);
    expect(isAxiosError(error) && error.code).toBe('ERR_CANCELED');
  });
});
