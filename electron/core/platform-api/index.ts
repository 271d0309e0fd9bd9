export { normalizePlatformBaseUrl } from '@shared/siteUrl';
export {
  createPlatformClient,
  PlatformAccount,
  type PlatformClient,
  type PlatformLineEvent,
  PlatformOrganization,
} from './platformApiClient';
