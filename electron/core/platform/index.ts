export {
  createPlatformClient,
  normalizePlatformBaseUrl,
  PlatformAccount,
  type PlatformClient,
} from './api';
export { createPlatformConnection, type PlatformConnection } from './platformConnection';
