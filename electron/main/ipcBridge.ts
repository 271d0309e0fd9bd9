import { type BridgeResult, ipcChannels } from '@shared/contract';
import { type BrowserWindow, type IpcMainInvokeEvent, ipcMain } from 'electron';
import type { Core } from '../core';
import { appOrigin } from './mainWindow';

/**
 * True only for a page the app itself served. Compares scheme and host, because the main
 * process parses URLs with Node, where a custom scheme's `origin` is always "null".
 */
export function isAppFrameUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    const app = new URL(appOrigin);
    return parsed.protocol === app.protocol && parsed.host === app.host;
  } catch {
    return false;
  }
}

const refused: BridgeResult = {
  ok: false,
  error: { kind: 'Forbidden', message: 'Requests are only accepted from the app’s own window.' },
};

/** Carries the contract over Electron IPC: one invoke channel, one event channel. */
export function bindIpcBridge(core: Core, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(
    ipcChannels.invoke,
    (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
      const window = getWindow();
      const frame = event.senderFrame;
      const trusted =
        window !== null &&
        event.sender === window.webContents &&
        frame !== null &&
        frame === event.sender.mainFrame &&
        isAppFrameUrl(frame.url);
      return trusted ? core.dispatch(channel, input) : Promise.resolve(refused);
    },
  );
  const unsubscribe = core.subscribe((name, payload) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(ipcChannels.event, name, payload);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(ipcChannels.invoke);
  };
}
