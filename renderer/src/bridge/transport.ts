import type { BridgeResult } from '@shared/contract';

/** How requests and events travel: Electron IPC or the preview host's HTTP bridge. */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<BridgeResult>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** The preview host takes export files as uploads; Electron opens a native dialog instead. */
  upload?(file: File): Promise<BridgeResult>;
}
