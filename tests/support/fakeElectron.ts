/**
 * A stand-in for the `electron` module, enough for the shell's unit tests to run in plain Node:
 * it records what the shell asked Electron to do so tests can assert on it.
 */
type Listener = (...args: never[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  removeListener(event: string, listener: Listener) {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (...a: unknown[]) => unknown)(...args);
  }
}

export interface FakeFrame {
  url: string;
}

export class FakeWebContents extends Emitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly sent: unknown[][] = [];
  mainFrame: FakeFrame = { url: 'app://renderer/index.html' };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
}

export class BrowserWindow extends Emitter {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  hidden = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  hide() {
    this.hidden = true;
  }
  show() {
    this.hidden = false;
  }
  isDestroyed() {
    return false;
  }
}

type Handler = (...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler) {
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};

class FakeIpcRenderer extends Emitter {
  readonly invoked: unknown[][] = [];
  invoke(...args: unknown[]) {
    this.invoked.push(args);
    return Promise.resolve({ ok: true, value: 'from main' });
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, value: unknown) {
    this.exposed.set(key, value);
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string) {
    this.opened.push(url);
    return Promise.resolve();
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown[]) => ({ template }),
};

export class Tray extends Emitter {
  menu: unknown;
  setContextMenu(menu: unknown) {
    this.menu = menu;
  }
  setToolTip() {}
  setImage() {}
  destroy() {}
}

export const nativeImage = {
  createFromPath: () => ({ resize: () => ({}) }),
};

export const app = {
  loginItem: { openAtLogin: false },
  getLoginItemSettings() {
    return this.loginItem;
  },
  setLoginItemSettings(settings: { openAtLogin: boolean }) {
    this.loginItem = settings;
  },
  getPath: () => '/tmp',
  getVersion: () => '0.0.0-test',
};

export class Notification {
  static isSupported() {
    return false;
  }
  show() {}
}

export const session = {};

export const dialog = {
  showOpenDialog: async () => ({ canceled: true, filePaths: [] as string[] }),
};

export function fakeSession() {
  const recorded: {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (...args: unknown[]) => boolean;
  } = {};
  return {
    recorded,
    setPermissionRequestHandler(handler: NonNullable<typeof recorded.request>) {
      recorded.request = handler;
    },
    setPermissionCheckHandler(handler: NonNullable<typeof recorded.check>) {
      recorded.check = handler;
    },
  };
}
