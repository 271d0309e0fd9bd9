/**
 * What a simulator's handler answers, before the server writes it (or a fault drops it).
 *
 * Shared scaffolding: transport plumbing only. Each simulator builds its own error bodies from
 * its API document on top of these, never from the app, so the two cannot share a mistake.
 */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Tells a handler's early answer apart from the record it was looking for. */
export function isSimResponse(value: unknown): value is SimResponse {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const candidate = value as Partial<SimResponse>;
  return (
    typeof candidate.status === 'number' &&
    typeof candidate.body === 'string' &&
    typeof candidate.headers === 'object'
  );
}

export const jsonContentType = 'application/json; charset=utf-8';

export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): SimResponse {
  return {
    status,
    headers: { 'Content-Type': jsonContentType, ...headers },
    body: JSON.stringify(value),
  };
}

export function textResponse(
  status: number,
  text: string,
  contentType = 'text/plain; charset=utf-8',
  headers: Record<string, string> = {},
): SimResponse {
  return { status, headers: { 'Content-Type': contentType, ...headers }, body: text };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): SimResponse {
  return { status, headers, body: '' };
}
