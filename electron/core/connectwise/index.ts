export type { CallOptions } from './apiChannel';
export { permissionFor } from './apiChannel';
export { bracketDate, inConditionsWithin, literal, quoteString, where } from './conditions';
export {
  type BundleRequest,
  type ConnectWiseClient,
  type ConnectWiseClientDeps,
  type ConnectWiseConnection,
  connectToConnectWise,
  connectWiseAcceptHeader,
  connectWiseClientId,
} from './connectWiseClient';
export {
  ConnectWiseError,
  type ConnectWiseErrorFacts,
  type ConnectWiseErrorKind,
  isConnectWiseError,
} from './connectWiseError';
export { collect, type ListQuery, listQueryString, maxPageSize, parseLinkHeader } from './paging';
export { createLimiterRegistry, type LimiterRegistry, RequestLimiter } from './requestLimiter';
export * from './resources';
export { apiBaseUrl, apiOrigin, normalizeSiteUrl } from './siteAddress';
