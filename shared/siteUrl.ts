/**
 * What a user may type as "API URL", checked the same way in the form and in the core:
 * scheme optional, path and trailing slash ignored, https only (plain http only for
 * 127.0.0.1/localhost, where the simulator runs).
 */
export type SiteUrlResult = { ok: true; siteUrl: string } | { ok: false; reason: string };

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

export function normalizeSiteUrl(input: string): SiteUrlResult {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, reason: 'Enter the URL of your ConnectWise site.' };
  if (/\s/.test(trimmed)) return { ok: false, reason: 'A URL cannot contain spaces.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: 'This is not a valid URL, e.g. https://na.myconnectwise.net' };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'The URL must not contain a user name or password.' };
  }
  const https = url.protocol === 'https:';
  const localHttp = url.protocol === 'http:' && isLoopback(url.hostname);
  if (!https && !localHttp) return { ok: false, reason: 'ConnectWise must be reached over https.' };
  if (!url.hostname.includes('.') && !isLoopback(url.hostname)) {
    return { ok: false, reason: 'Enter the full host name, e.g. na.myconnectwise.net' };
  }
  return { ok: true, siteUrl: url.origin };
}

export type PlatformBaseUrlResult = { ok: true; baseUrl: string } | { ok: false; reason: string };

/** The base URL every documented path is appended to: https (http only on loopback), no query. */
export function normalizePlatformBaseUrl(input: string): PlatformBaseUrlResult {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, reason: 'Enter the base URL of the Platform API.' };
  if (/\s/.test(trimmed)) return { ok: false, reason: 'A URL cannot contain spaces.' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return { ok: false, reason: 'This is not a valid URL, e.g. https://api.platform.example' };
  }
  if (url.username || url.password || url.search || url.hash) {
    return {
      ok: false,
      reason: 'The URL must not contain a user name, password, query or fragment.',
    };
  }
  const allowed =
    url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
  if (!allowed) return { ok: false, reason: 'The Platform API must be reached over https.' };
  return { ok: true, baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
