/**
 * The renderer's only door to the app: `window.bridge.invoke(channel, input)` and
 * `window.bridge.on(event, listener)`, for names in shared/contract and nothing else.
 * Bundled as one CommonJS file, because a sandboxed preload cannot be an ES module.
 */

import {
  type BridgeResult,
  ipcChannels,
  isChannel,
  isEventName,
  type PreloadBridge,
} from '@shared/contract';
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';

export const bridge: PreloadBridge = {
  invoke(channel, input) {
    if (!isChannel(channel)) {
      const result: BridgeResult = {
        ok: false,
        error: {
          kind: 'Unknown Channel',
          message: `The app has no request named "${String(channel).slice(0, 80)}".`,
        },
      };
      return Promise.resolve(result);
    }
    return ipcRenderer.invoke(ipcChannels.invoke, channel, input) as Promise<BridgeResult>;
  },
  on(event, listener) {
    if (!isEventName(event))
      throw new Error(`The app has no event named "${String(event).slice(0, 80)}".`);
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(ipcChannels.event, handler);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, handler);
    };
  },
};

contextBridge.exposeInMainWorld('bridge', bridge);
