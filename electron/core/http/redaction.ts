/**
 * What keeps credentials out of System Logs. The API clients blank the secrets they know in
 * every message and body they keep; these patterns catch what they could not know (a token a
 * server echoes back, a key in a body), and System Logs runs them again on the way in.
 */
const secretKey =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api[-_]?key|private[-_]?key|public[-_]?key|client[-_]?secret|secret|password|passwd|\w*[-_]?token)$/i;

const hidden = '[redacted]';

/**
 * Credentials as they appear in text: an Authorization header's value, and Basic or Bearer
 * credentials long enough not to be a word ("Business Basic" plans stay readable).
 */
const credentialPatterns: Array<[RegExp, string]> = [
  [/(["']?\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?)[^\r\n,;"']+/gi, `$1${hidden}`],
  [/\b(basic)\s+[A-Za-z0-9+/]{20,}={0,2}(?![\w-])/gi, `$1 ${hidden}`],
  [/\b(bearer)\s+[A-Za-z0-9._~+/-]{20,}=*(?![\w-])/gi, `$1 ${hidden}`],
];

/** `key=value` and `"key": "value"` for the secret names: in bodies that are not valid JSON. */
const keyValuePattern =
  /(["']?\b(?:api[-_]?key|private[-_]?key|public[-_]?key|client[-_]?secret|secret|password|\w*[-_]?token)\b["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&}]+)/gi;

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

/** A message, title or details line with every credential blanked; other words stay as they are. */
export function redactText(text: string): string {
  return credentialPatterns.reduce(
    (result, [pattern, replacement]) => result.replace(pattern, replacement),
    text,
  );
}

/**
 * A request or response body, or a path with its query: JSON is walked key by key; anything
 * else (a body cut short, a form, a query string) also loses the values of secret-named keys.
 */
export function redactBody(body: string): string {
  try {
    return JSON.stringify(redactValue(JSON.parse(body)));
  } catch {
    return redactText(body).replace(keyValuePattern, `$1"${hidden}"`);
  }
}
