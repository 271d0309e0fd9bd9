import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '@shared/contentSecurityPolicy';
import type { BridgeResult, ErrorKind } from '@shared/contract';
import { type Core, readRendererFile } from '../core';
import { refuseBridgeRequest, refuseHost } from './bridgeGuard';

export interface PreviewServerOptions {
  core: Pick<Core, 'dispatch' | 'subscribe'> & Partial<Pick<Core, 'receiveExportFile'>>;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  maxBodyBytes?: number;
}

export interface PreviewServer {
  origin: string;
  token: string;
  /** The URL to open: the token travels in the fragment, so it never reaches a server log. */
  url: string;
  close(): Promise<void>;
}

const heartbeatMs = 15_000;

/** Serves the built renderer and the bridge on 127.0.0.1 only. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const eventStreams = new Set<ServerResponse>();
  let origin = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, internalError());
      else res.end();
      console.error('Preview host: request failed', error instanceof Error ? error.message : error);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // A request target that is no URL at all is the client's mistake, answered before anything.
    const url = URL.parse(req.url ?? '/', origin);
    if (!url) return sendText(res, 400, 'Bad request');
    const path = url.pathname;
    const guard = { origin, token };
    if (path === '/bridge/invoke') {
      if (req.method !== 'POST') return sendJson(res, 405, forbidden('Use POST.'));
      const refused = refuseBridgeRequest(req, guard, 'invoke');
      if (refused) return sendJson(res, 403, forbidden(refused));
      const body = await readBody(req, maxBodyBytes);
      if (body === 'too-large') {
        return sendJson(res, 413, failure('Validation Error', 'The request is too large.'));
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return sendJson(res, 400, failure('Validation Error', 'The request body is not JSON.'));
      }
      const { channel, input } = isRecord(parsed)
        ? parsed
        : { channel: undefined, input: undefined };
      return sendJson(res, 200, await options.core.dispatch(channel, input));
    }
    if (path === '/bridge/upload') {
      if (req.method !== 'POST') return sendJson(res, 405, forbidden('Use POST.'));
      const refused = refuseBridgeRequest(req, guard, 'invoke');
      if (refused) return sendJson(res, 403, forbidden(refused));
      if (!options.core.receiveExportFile)
        return sendJson(res, 404, failure('Not Available', 'No uploads here.'));
      const name = url.searchParams.get('name') ?? 'export';
      try {
        const file = await options.core.receiveExportFile(name, req);
        return sendJson(res, 200, { ok: true, value: file });
      } catch (error) {
        const message = error instanceof Error ? error.message : 'The file could not be received.';
        return sendJson(res, 400, failure('Validation Error', message));
      }
    }
    if (path === '/bridge/events') {
      const refused = refuseBridgeRequest(req, guard, 'events');
      if (refused) return sendJson(res, 403, forbidden(refused));
      return openEventStream(res);
    }
    if (refuseHost(req, guard)) return sendJson(res, 403, forbidden('Unexpected Host header.'));
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method not allowed');
    const file = await readRendererFile(options.rendererDir, path);
    if (!file) return sendText(res, 404, 'Not found');
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': file.contentType.startsWith('text/html') ? 'no-store' : 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  function openEventStream(res: ServerResponse) {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write('retry: 2000\n\n');
    eventStreams.add(res);
    const unsubscribe = options.core.subscribe((name, payload) => {
      res.write(`data: ${JSON.stringify({ name, payload })}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      eventStreams.delete(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    token,
    url: `${origin}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of eventStreams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage, limit: number): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function failure(kind: ErrorKind, message: string): BridgeResult {
  return { ok: false, error: { kind, message } };
}

function forbidden(message: string): BridgeResult {
  return failure('Forbidden', message);
}

function internalError(): BridgeResult {
  return failure(
    'Internal Error',
    'Something went wrong inside the app. The details are in the log.',
  );
}

function sendJson(res: ServerResponse, status: number, body: BridgeResult) {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
