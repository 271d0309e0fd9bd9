export { normalizeSiteUrl, type SiteUrlResult } from '@shared/siteUrl';

const cloudApiHosts: Record<string, string> = {
  'na.myconnectwise.net': 'api-na.myconnectwise.net',
  'eu.myconnectwise.net': 'api-eu.myconnectwise.net',
  'au.myconnectwise.net': 'api-au.myconnectwise.net',
  'aus.myconnectwise.net': 'api-aus.myconnectwise.net',
  'za.myconnectwise.net': 'api-za.myconnectwise.net',
  'staging.connectwisedev.com': 'api-staging.connectwisedev.com',
};

/**
 * The host that serves the REST API: `SiteUrl` from companyinfo when it names the site itself or
 * its `api-` sibling in the same domain, else the cloud `api-` host of a known region, else the
 * site (on-premise). companyinfo is unauthenticated, so it must never be able to send the
 * credentials to another host.
 */
export function apiOrigin(siteUrl: string, companyInfoSiteUrl: string | null | undefined): string {
  const site = new URL(siteUrl);
  const fromInfo = companyInfoSiteUrl
    ?.trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
  const trusted =
    fromInfo && isTrustedApiHost(fromInfo, site.host.toLowerCase()) ? fromInfo : undefined;
  const host = trusted || cloudApiHosts[site.hostname.toLowerCase()] || site.host;
  return `${site.protocol}//${host}`;
}

function isTrustedApiHost(candidate: string, siteHost: string): boolean {
  if (candidate === siteHost) return true;
  const [siteName, ...domain] = siteHost.split('.');
  if (domain.length < 2 || siteHost.includes(':')) return false;
  const [candidateName, ...candidateDomain] = candidate.split('.');
  return (
    candidateDomain.join('.') === domain.join('.') &&
    (candidateName === `api-${siteName}` || Object.values(cloudApiHosts).includes(candidate))
  );
}

/** `https://{apiHost}/{codebase}apis/3.0` (the codebase keeps its trailing slash). */
export function apiBaseUrl(apiOriginUrl: string, codebase: string): string {
  const normalized = codebase.replace(/^\/+/, '').replace(/\/?$/, '/');
  return `${apiOriginUrl}/${normalized}apis/3.0`;
}
