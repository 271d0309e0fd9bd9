import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { BridgeResult, EventName } from '@shared/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakePorts, temporaryDirectory } from '../../tests/support/fakePorts';
import { type Core, createCore } from '../core';
import { type PreviewServer, startPreviewServer } from './previewServer';

let core: Core;
let server: PreviewServer;
let emit: (name: EventName, payload: unknown) => void;

beforeEach(async () => {
  const rendererDir = temporaryDirectory();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  core = createCore(fakePorts());
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  emit = (name, payload) => {
    for (const listener of listeners) listener(name, payload);
  };
  server = await startPreviewServer({
    core: {
      dispatch: core.dispatch,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    rendererDir,
  });
});

afterEach(async () => {
  await server.close();
  await core.close();
});

function invoke(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.origin}/bridge/invoke`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: server.origin,
      'x-bridge-token': server.token,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function resultOf(response: Response): Promise<BridgeResult> {
  return (await response.json()) as BridgeResult;
}

describe('preview bridge', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token in its fragment', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a request from the app with the token', async () => {
    const response = await invoke({ channel: 'app.info' });
    expect(response.status).toBe(200);
    expect(await resultOf(response)).toEqual({
      ok: true,
      value: { appVersion: '0.0.0-test', runtime: 'preview', demo: null },
    });
  });

  it('refuses an unknown channel with a clear error', async () => {
    expect(await resultOf(await invoke({ channel: 'secrets.dump', input: {} }))).toEqual({
      ok: false,
      error: { kind: 'Unknown Channel', message: 'The app has no request named "secrets.dump".' },
    });
  });

  it('refuses a malformed payload with a validation error naming the field', async () => {
    const result = await resultOf(
      await invoke({ channel: 'externalLinks.open', input: { url: 42 } }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('Validation Error');
    expect(result.error.issues?.map((issue) => issue.path)).toEqual(['url']);
  });

  it('answers a huge bad request with a short reply: the first problems, and how many more', async () => {
    const lineIds = Array.from({ length: 50_000 }, () => 7);
    const response = await invoke({
      channel: 'posting.preview',
      input: { period: '2026-11', lineIds },
    });
    const text = await response.text();
    expect(text.length).toBeLessThan(20_000);
    const result = JSON.parse(text) as BridgeResult;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues).toHaveLength(20);
    expect(result.error.message).toMatch(/\(and 49980 more\)$/);
  });

  it('answers a request target that is no URL with 400, before anything else', async () => {
    const { connect } = await import('node:net');
    const { port } = new URL(server.origin);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write('GET // HTTP/1.1\r\nHost: evil.test\r\nConnection: close\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await invoke('{not json');
    expect(response.status).toBe(400);
    expect(await resultOf(response)).toMatchObject({
      ok: false,
      error: { kind: 'Validation Error' },
    });
  });

  it.each([
    ['without the token', { 'x-bridge-token': '' }],
    ['with a wrong token', { 'x-bridge-token': 'guess' }],
    ['from another Origin', { origin: 'https://evil.test' }],
    ['from a sibling port', { origin: 'http://127.0.0.1:1' }],
    ['marked cross-site by the browser', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a request %s', async (_name, headers) => {
    const response = await invoke({ channel: 'app.status' }, headers);
    expect(response.status).toBe(403);
    expect(await resultOf(response)).toMatchObject({ ok: false, error: { kind: 'Forbidden' } });
  });

  it('refuses a request without an Origin', async () => {
    const status = await rawRequest('POST', '/bridge/invoke', {
      'x-bridge-token': server.token,
      'content-type': 'application/json',
    });
    expect(status).toBe(403);
  });

  it('refuses a request naming another host (DNS rebinding)', async () => {
    const headers = {
      host: 'attacker.test',
      origin: server.origin,
      'x-bridge-token': server.token,
    };
    expect(await rawRequest('POST', '/bridge/invoke', headers)).toBe(403);
    expect(await rawRequest('GET', '/', { host: 'attacker.test' })).toBe(403);
  });

  it('serves the renderer with the CSP and nothing outside its folder', async () => {
    const page = await fetch(`${server.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>app</title>');
    expect(await rawRequest('GET', '/../../package.json', {})).toBe(404);
    expect(await rawRequest('GET', '/%2e%2e/%2e%2e/package.json', {})).toBe(404);
  });

  it('streams core events to a client with the token, and refuses one without', async () => {
    const refused = await fetch(`${server.origin}/bridge/events`);
    expect(refused.status).toBe(403);

    const controller = new AbortController();
    const response = await fetch(`${server.origin}/bridge/events`, {
      headers: { 'x-bridge-token': server.token },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) throw new Error('no body');
    await reader.read(); // the retry hint
    const payload = { example: true };
    emit('app.statusChanged', payload);
    let text = '';
    while (!text.includes('\n\n')) text += (await reader.read()).value ?? '';
    expect(text).toBe(`data: ${JSON.stringify({ name: 'app.statusChanged', payload })}\n\n`);
    controller.abort();
  });
});

function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<number> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{"channel":"app.status"}' : undefined);
  });
}
