export { isLoopback } from '../../../shared/siteUrl';
export { createExternalLinks, isOnConnectWiseSite } from './connectWiseLinks';
