/**
 * The last guard before anything is written to System Logs: whatever a writer passes, no
 * credential reaches the database. Callers already leave headers out and blank the secrets they
 * know; this catches what they could not know (a key a server echoes back, a token in a body).
 */
const secretKey =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api[-_]?key|private[-_]?key|public[-_]?key|client[-_]?secret|secret|password|passwd|token|access[-_]?token|refresh[-_]?token|bearer)$/i;

const hidden = '[redacted]';

const credentialPatterns: Array<[RegExp, string]> = [
  // "Authorization: Basic …", "authorization=Bearer …" in free text.
  [/\b((?:proxy-)?authorization)\s*[:=]\s*[^\r\n,;"]+/gi, `$1: ${hidden}`],
  [/\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]{20,}/g, `$1 ${hidden}`],
  // key=value or "key": "value" for the secret names, in text that is not valid JSON.
  [
    /(["']?\b(?:api[-_]?key|private[-_]?key|public[-_]?key|client[-_]?secret|secret|password|token|access[-_]?token)\b["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&}]+)/gi,
    `$1"${hidden}"`,
  ],
];

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        secretKey.test(key) ? hidden : redactValue(inner),
      ]),
    );
  }
  return typeof value === 'string' ? redactText(value) : value;
}

/** Text with every credential pattern blanked. */
export function redactText(text: string): string {
  return credentialPatterns.reduce(
    (result, [pattern, replacement]) => result.replace(pattern, replacement),
    text,
  );
}

/** A body as text: JSON is walked key by key, anything else goes through the text patterns. */
export function redactBody(body: string): string {
  try {
    return JSON.stringify(redactValue(JSON.parse(body)));
  } catch {
    return redactText(body);
  }
}
