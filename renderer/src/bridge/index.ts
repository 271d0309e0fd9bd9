import type { PreloadBridge } from '@shared/contract';
import { type BridgeClient, createBridgeClient } from './bridgeClient';
import { createHttpTransport, takeBridgeToken } from './httpTransport';
import type { Transport } from './transport';

export { BridgeCallError, type BridgeClient, createBridgeClient } from './bridgeClient';
export type { Transport } from './transport';

declare global {
  interface Window {
    bridge?: PreloadBridge;
  }
}

/** Electron's preload bridge when present, else the preview host's HTTP bridge, else nothing. */
export function pickTransport(): Transport | null {
  if (window.bridge) return window.bridge;
  const token = takeBridgeToken();
  return token ? createHttpTransport(token) : null;
}

let installed: BridgeClient | null = null;

export function installBridge(transport: Transport): BridgeClient {
  installed = createBridgeClient(transport);
  return installed;
}

/** The app's bridge; stores call it. Installed once at start (or by a test). */
export function bridge(): BridgeClient {
  if (!installed) throw new Error('The bridge is not installed yet.');
  return installed;
}
