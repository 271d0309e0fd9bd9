import type { externalLinksChannels } from '@shared/contract';
import type { HandlersFor } from '../router';
import type { ExternalLinks } from './connectWiseLinks';

export { isLoopback } from '@shared/siteUrl';
export {
  agreementPageUrl,
  createExternalLinks,
  type ExternalLinks,
  isOnConnectWiseSite,
} from './connectWiseLinks';

export function externalLinksHandlers(
  links: ExternalLinks,
): HandlersFor<typeof externalLinksChannels> {
  return {
    'externalLinks.open': async ({ url }) => {
      await links.open(url);
      return { opened: true } as const;
    },
    'externalLinks.openAgreement': async ({ agreementId }) => {
      await links.openAgreement(agreementId);
      return { opened: true } as const;
    },
  };
}
