/**
 * The Electron shell: lifecycle, one instance, the window, the tray, and IPC. Behaviour lives
 * in electron/core; this file only wires Electron to it.
 */
import { join } from 'node:path';
import type { ScheduleStatus } from '@shared/contract';
import { app, type BrowserWindow, Menu, session } from 'electron';
import { type Core, createCore } from '../core';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { electronPorts } from './electronPorts';
import { bindIpcBridge } from './ipcBridge';
import { createMainWindow, denyAllPermissions, hideOnClose, lockDownContents } from './mainWindow';
import { createAppTray, startHiddenFlag } from './tray';

const distDir = join(import.meta.dirname, '..');
const resourcesDir = join(distDir, 'resources');

registerAppScheme();
// Tests (and people running two profiles) can point the app at another data folder.
if (process.env.CWBS_USER_DATA_DIR) app.setPath('userData', process.env.CWBS_USER_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | null = null;
  let mainWindow: BrowserWindow | null = null;
  let quitting = false;

  const showWindow = () => {
    if (!mainWindow || mainWindow.isDestroyed()) {
      mainWindow = createMainWindow({
        preloadPath: join(distDir, 'preload', 'index.cjs'),
        iconPath: join(resourcesDir, 'icon.png'),
        devTools: !app.isPackaged,
      });
      hideOnClose(mainWindow, () => quitting);
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  app.on('before-quit', (event) => {
    quitting = true;
    if (!core) return;
    // Running jobs stop and write how they ended before the database closes; then quit again.
    event.preventDefault();
    const closing = core;
    core = null;
    // A job that ignores its cancel must not keep the app from quitting.
    const patience = new Promise((resolve) => setTimeout(resolve, 10_000));
    void Promise.race([closing.close(), patience]).finally(() => app.quit());
  });
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  // The app lives in the tray: closing the last window must not quit it.
  app.on('window-all-closed', () => {});

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    // The default menu's Reload and Toggle DevTools are for development only.
    if (app.isPackaged) Menu.setApplicationMenu(null);
    serveRenderer(join(distDir, 'renderer'));
    const started = createCore(electronPorts(() => started.status().siteUrl, showWindow));
    core = started;
    bindIpcBridge(started, () => mainWindow);
    const tray = createAppTray(
      resourcesDir,
      {
        open: showWindow,
        quit: () => app.quit(),
        syncNow: () => {
          void started.dispatch('schedule.syncNow', undefined).then((result) => {
            if (!result.ok) tray.setState('error', result.error.message);
          });
        },
        pause: () => void started.dispatch('schedule.pause', undefined).then(tray.rebuild),
        resume: () => void started.dispatch('schedule.resume', undefined).then(tray.rebuild),
      },
      () => started.scheduleStatus(),
    );
    // The tray follows every run, the ones the schedule starts included.
    started.subscribe((name, payload) => {
      if (name !== 'schedule.changed') return;
      const { running, lastRun } = payload as ScheduleStatus;
      const failed =
        (lastRun?.problems.length ?? 0) > 0 || (lastRun?.months ?? []).some((m) => m.failed > 0);
      tray.setState(
        running ? 'syncing' : failed ? 'error' : 'idle',
        running
          ? 'syncing…'
          : lastRun
            ? `last sync ${failed ? 'had failures' : 'finished'}`
            : undefined,
      );
      tray.rebuild();
    });
    // The daily run at 00:00 UTC; waking from sleep (powerMonitor) looks at once for a missed one.
    started.startSchedule();
    setInterval(tray.rebuild, 60_000).unref();
    // Started at login, the app waits in the tray.
    if (!process.argv.includes(startHiddenFlag) && !app.getLoginItemSettings().wasOpenedAtLogin) {
      showWindow();
    }
  });
}
