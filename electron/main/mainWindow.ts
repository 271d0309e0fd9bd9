import { BrowserWindow, type Session, type WebContents } from 'electron';

/** The renderer is served from this origin by the app:// protocol handler (appProtocol.ts). */
export const appOrigin = 'app://renderer';

/** Security settings of the one window; a test with a fake `electron` holds them in place. */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

export function createMainWindow(options: {
  preloadPath: string;
  iconPath: string;
  /** DevTools only while developing (`npm start`), never in the packaged app. */
  devTools: boolean;
}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'ConnectWise Billing Sync',
    icon: options.iconPath,
    webPreferences: {
      ...secureWebPreferences,
      devTools: options.devTools,
      preload: options.preloadPath,
    },
  });
  lockDownContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}

/** No new windows, no navigation away from the app, no embedded webviews. */
export function lockDownContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The app needs no camera, notifications-from-page, geolocation, clipboard-read or anything else. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Closing the window keeps the app in the tray; only Quit ends it. */
export function hideOnClose(window: BrowserWindow, isQuitting: () => boolean): void {
  window.on('close', (event) => {
    if (isQuitting()) return;
    event.preventDefault();
    window.hide();
  });
}
