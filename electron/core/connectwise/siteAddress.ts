export { normalizeSiteUrl, type SiteUrlResult } from '../../../shared/siteUrl';

const cloudApiHosts: Record<string, string> = {
  'na.myconnectwise.net': 'api-na.myconnectwise.net',
  'eu.myconnectwise.net': 'api-eu.myconnectwise.net',
  'au.myconnectwise.net': 'api-au.myconnectwise.net',
  'aus.myconnectwise.net': 'api-aus.myconnectwise.net',
  'za.myconnectwise.net': 'api-za.myconnectwise.net',
  'staging.connectwisedev.com': 'api-staging.connectwisedev.com',
};

/**
 * The host that serves the REST API: `SiteUrl` from companyinfo when ConnectWise gives one,
 * else the cloud `api-` host of a known region, else the site itself (on-premise).
 */
export function apiOrigin(siteUrl: string, companyInfoSiteUrl: string | null | undefined): string {
  const site = new URL(siteUrl);
  const fromInfo = companyInfoSiteUrl
    ?.trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/.*$/, '');
  const host = fromInfo || cloudApiHosts[site.hostname.toLowerCase()] || site.host;
  return `${site.protocol}//${host}`;
}

/** `https://{apiHost}/{codebase}apis/3.0` (the codebase keeps its trailing slash). */
export function apiBaseUrl(apiOriginUrl: string, codebase: string): string {
  const normalized = codebase.replace(/^\/+/, '').replace(/\/?$/, '/');
  return `${apiOriginUrl}/${normalized}apis/3.0`;
}
