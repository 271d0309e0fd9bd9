import { userInfo } from 'node:os';
import { join } from 'node:path';
import { app, dialog, Notification, powerMonitor, shell } from 'electron';
import Store from 'electron-store';
import keytar from 'keytar';
import {
  type CorePorts,
  createKeytarSecretStore,
  isOnConnectWiseSite,
  keychainServiceFor,
  settingsFileFromConf,
  systemClock,
} from '../core';

/**
 * The one helper that opens a browser. The core checks URLs before it calls this; the shell
 * checks again, so a bug in one place cannot open an arbitrary URL.
 */
export function openConnectWisePage(url: string, siteUrl: string | null): Promise<void> {
  if (!siteUrl || !isOnConnectWiseSite(url, siteUrl)) {
    return Promise.reject(new Error('Only pages of the saved ConnectWise site can be opened.'));
  }
  return shell.openExternal(url);
}

export function electronPorts(
  siteUrl: () => string | null,
  /** A click on a desktop notification brings the window, where the run's result shows. */
  onNotificationClick: () => void = () => {},
): CorePorts {
  return {
    settingsFile: settingsFileFromConf(new Store({ name: 'settings' })),
    secrets: createKeytarSecretStore(keytar, keychainServiceFor(process.env.CWBS_USER_DATA_DIR)),
    databasePath: join(app.getPath('userData'), 'data.sqlite'),
    // dist/main/index.mjs → dist/worker/exportFile.mjs (inside app.asar once packaged).
    exportFileWorker: new URL('../worker/exportFile.mjs', import.meta.url),
    clock: systemClock,
    logger: {
      info: (message, meta) => console.log(`[info] ${message}`, meta ?? ''),
      warn: (message, meta) => console.warn(`[warn] ${message}`, meta ?? ''),
      error: (message, meta) => console.error(`[error] ${message}`, meta ?? ''),
    },
    notifier: {
      notify: (title, body) => {
        if (!Notification.isSupported()) return;
        const notification = new Notification({ title, body });
        notification.on('click', onNotificationClick);
        notification.show();
      },
    },
    power: {
      onResume(listener) {
        powerMonitor.on('resume', listener);
        return () => powerMonitor.off('resume', listener);
      },
    },
    openExternal: (url) => openConnectWisePage(url, siteUrl()),
    osUserName: () => userInfo().username,
    pickExportFile: async () => {
      const choice = await dialog.showOpenDialog({
        title: 'Choose a Platform invoice export',
        properties: ['openFile'],
        filters: [{ name: 'Invoice exports', extensions: ['csv', 'txt', 'xlsx', 'json'] }],
      });
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
    },
    appVersion: app.getVersion(),
    runtime: 'electron',
  };
}
