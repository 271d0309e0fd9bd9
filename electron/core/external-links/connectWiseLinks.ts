import { isLoopback } from '@shared/siteUrl';
import { AppError } from '../errors';

/**
 * True when `url` is a page of the saved ConnectWise site: same host, https (plain http only
 * when the site itself is a loopback address, as the simulator is).
 */
export function isOnConnectWiseSite(url: string, siteUrl: string): boolean {
  const target = parseUrl(url);
  const site = parseUrl(siteUrl);
  if (!target || !site) return false;
  if (target.username || target.password) return false;
  if (target.hostname.toLowerCase() !== site.hostname.toLowerCase()) return false;
  if (target.port !== site.port) return false;
  if (target.protocol === 'https:') return true;
  return target.protocol === 'http:' && site.protocol === 'http:' && isLoopback(site.hostname);
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** The one way the app opens a browser: only ever to the user's own ConnectWise site. */
/**
 * An Agreement's page in ConnectWise. **(ours)** The record router under the on-premise release
 * path, which cloud sites redirect to their codebase.
 */
export function agreementPageUrl(siteUrl: string, agreementId: number): string {
  return `${siteUrl.replace(/\/+$/, '')}/v4_6_release/services/system_io/router/openrecord.rails?locale=en_US&recordType=AgreementFV&recid=${agreementId}`;
}

export function createExternalLinks(deps: {
  siteUrl: () => string | null;
  openExternal: (url: string) => Promise<void>;
}) {
  const links = {
    async openAgreement(agreementId: number): Promise<void> {
      const siteUrl = deps.siteUrl();
      if (!siteUrl) {
        throw new AppError(
          'Not Allowed',
          'No ConnectWise site is saved yet, so there is nothing to open.',
        );
      }
      await links.open(agreementPageUrl(siteUrl, agreementId));
    },
    async open(url: string): Promise<void> {
      const siteUrl = deps.siteUrl();
      if (!siteUrl) {
        throw new AppError(
          'Not Allowed',
          'No ConnectWise site is saved yet, so there is nothing to open.',
        );
      }
      if (!isOnConnectWiseSite(url, siteUrl)) {
        throw new AppError(
          'Not Allowed',
          `Only pages of your ConnectWise site (${siteUrl}) can be opened.`,
        );
      }
      await deps.openExternal(new URL(url).toString());
    },
  };
  return links;
}

export type ExternalLinks = ReturnType<typeof createExternalLinks>;
