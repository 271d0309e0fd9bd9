/**
 * The HTTP server under both simulators: listens on 127.0.0.1, records every request, serves the
 * read-only `GET /sandbox` page (never faulted, no credentials), applies the fault engine's
 * decision before the simulator's handler sees a request, and closes without waiting for
 * delayed answers.
 *
 * Shared scaffolding: transport plumbing only. What a request means (routes, authentication,
 * records, error bodies) stays in each simulator, written from its API document rather than from
 * the app, so the app and a simulator cannot agree on the same mistake.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultInjector, InjectedError } from './faultInjection';
import { emptyResponse, type SimResponse, textResponse } from './httpResponses';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The status sent; 0 when the connection was dropped without an answer. */
  status: number;
}

export interface SimulatorRequest<Recorded extends RecordedRequest> {
  req: IncomingMessage;
  url: URL;
  /** Upper case. */
  method: string;
  record: Recorded;
  /** The whole body, read before any delay; empty when there was none. */
  body: Buffer | 'too-large';
}

export interface SimulatorServerOptions<Status extends number, Recorded extends RecordedRequest> {
  /** Names the simulator in the log line of a request that failed. */
  name: string;
  /** 0 or absent picks a free port. */
  port?: number;
  cacheControl: string;
  faults: Pick<FaultInjector<Status>, 'decide'>;
  /**
   * Answers a request before the faults and the handler when it returns a response (e.g. a rate
   * limit in front of the service). Not called for `/sandbox`.
   */
  gate?(method: string, url: URL): SimResponse | undefined;
  /** Bodies larger than this reach the handler as `'too-large'`; default 16 MiB. */
  maxBodyBytes?: number;
  /** The record kept of a request: `base`, plus what the simulator keeps besides. */
  record(base: RecordedRequest, req: IncomingMessage): Recorded;
  sandboxPage: { html(baseUrl: string): string; methodNotAllowed: SimResponse };
  injectedError(error: InjectedError<Status>): SimResponse;
  /** Sent when handling a request throws before anything was written. */
  internalError: SimResponse;
  handle(request: SimulatorRequest<Recorded>): SimResponse | Promise<SimResponse>;
}

export interface SimulatorServer<Recorded extends RecordedRequest> {
  /** `127.0.0.1:<port>`. */
  host: string;
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  requests: Recorded[];
  close(): Promise<void>;
}

export function requestHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Lower-cased names, lists joined, Authorization redacted. */
export function redactedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const recorded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    recorded[name] =
      name === 'authorization' ? '[REDACTED]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return recorded;
}

export async function readBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) return 'too-large';
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

export async function startSimulatorServer<Status extends number, Recorded extends RecordedRequest>(
  options: SimulatorServerOptions<Status, Recorded>,
): Promise<SimulatorServer<Recorded>> {
  const requests: Recorded[] = [];
  const closing = new AbortController();
  let baseUrl = 'http://127.0.0.1';

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    record: Recorded,
    response: SimResponse,
  ): void {
    // A client that gave up (timed out) gets nothing: recorded as dropped.
    const gone = res.destroyed || res.writableEnded || req.socket.destroyed;
    record.status = gone ? 0 : response.status;
    if (gone) return;
    res.writeHead(response.status, { 'Cache-Control': options.cacheControl, ...response.headers });
    res.end(response.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const record = options.record(
      { method, path: url.pathname, query: Object.fromEntries(url.searchParams), status: 0 },
      req,
    );
    requests.push(record);

    if (url.pathname === '/sandbox' || url.pathname === '/sandbox/') {
      if (method !== 'GET') return send(req, res, record, options.sandboxPage.methodNotAllowed);
      return send(
        req,
        res,
        record,
        textResponse(200, options.sandboxPage.html(baseUrl), 'text/html; charset=utf-8', {
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
          'X-Content-Type-Options': 'nosniff',
        }),
      );
    }

    const refusal = options.gate?.(method, url);
    if (refusal) return send(req, res, record, refusal);

    const decision = options.faults.decide(method, url.pathname, url.search);
    let body: Buffer | 'too-large';
    try {
      body = await readBody(req, options.maxBodyBytes ?? 16 * 1024 * 1024);
    } catch {
      record.status = 0; // the client went away while sending
      return;
    }
    await sleep(decision.latencyMs, closing.signal);
    if (closing.signal.aborted) return;
    switch (decision.kind) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'error':
        return send(req, res, record, options.injectedError(decision));
      case 'redirect':
        return send(
          req,
          res,
          record,
          emptyResponse(decision.status, {
            Location: `${baseUrl}${url.pathname}${url.search}`,
          }),
        );
      default:
        break;
    }
    const response = await options.handle({ req, url, method, record, body });
    if (decision.kind === 'commitThenDrop') {
      req.socket.destroy();
      return;
    }
    if (decision.kind === 'commitThenDelay') {
      await sleep(decision.delayMs, closing.signal);
      if (closing.signal.aborted) return;
    }
    send(req, res, record, response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, options.internalError.headers);
        res.end(options.internalError.body);
      } else {
        res.destroy();
      }
      console.error(`${options.name}: request failed`, error);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  baseUrl = `http://${host}`;

  return {
    host,
    baseUrl,
    requests,
    close() {
      closing.abort();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
