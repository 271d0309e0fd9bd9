export { createExternalLinks, isLoopback, isOnConnectWiseSite } from './connectWiseLinks';
