import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BridgeResult, EventName } from '@shared/contract';
import { ipcChannels } from '@shared/contract';
import { nextRunText } from '@shared/nextRunText';
import type { BrowserWindow as ElectronWindow, Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from '../../tests/support/fakeElectron';
import { fakePorts, temporaryDirectory } from '../../tests/support/fakePorts';
import { type Core, createCore } from '../core';

vi.mock('electron', () => import('../../tests/support/fakeElectron'));
vi.mock('electron-store', () => ({ default: class {} }));
vi.mock('keytar', () => ({ default: {} }));

const { appOrigin, createMainWindow, denyAllPermissions, hideOnClose } = await import(
  './mainWindow'
);
const { bindIpcBridge, isAppFrameUrl } = await import('./ipcBridge');
const { trayMenuTemplate } = await import('./tray');
const { registerAppScheme, serveRenderer } = await import('./appProtocol');
const { openConnectWisePage } = await import('./electronPorts');

function newWindow(devTools = false) {
  return createMainWindow({
    preloadPath: '/app/dist/preload/index.cjs',
    iconPath: '/app/icon.png',
    devTools,
  });
}
const asFake = (window: ElectronWindow) => window as unknown as fake.BrowserWindow;

describe('main window', () => {
  it('is created with context isolation, the sandbox, no Node and web security', () => {
    const window = asFake(newWindow());
    expect(window.options.webPreferences).toEqual({
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
      devTools: false,
      preload: '/app/dist/preload/index.cjs',
    });
    expect(window.loadedUrl).toBe('app://renderer/index.html');
  });

  it('has DevTools only while developing', () => {
    expect(asFake(newWindow(true)).options.webPreferences).toMatchObject({ devTools: true });
    expect(asFake(newWindow(false)).options.webPreferences).toMatchObject({ devTools: false });
  });

  it('opens no new windows and navigates nowhere', () => {
    const contents = asFake(newWindow()).webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://evil.test' })).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault }, 'https://evil.test');
      expect(preventDefault, event).toHaveBeenCalled();
    }
  });

  it('denies every permission request and check', () => {
    const session = fake.fakeSession();
    denyAllPermissions(session as unknown as Session);
    const callback = vi.fn();
    session.recorded.request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.recorded.check?.({}, 'notifications')).toBe(false);
  });

  it('hides to the tray on close, and closes for real when quitting', () => {
    let quitting = false;
    const window = asFake(newWindow());
    hideOnClose(window as unknown as ElectronWindow, () => quitting);
    const first = { preventDefault: vi.fn() };
    window.emit('close', first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(window.hidden).toBe(true);
    quitting = true;
    const second = { preventDefault: vi.fn() };
    window.emit('close', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });
});

describe('IPC bridge', () => {
  let core: Core;
  let window: fake.BrowserWindow;
  const invoke = (sender: unknown, frame: unknown, channel: unknown, input?: unknown) => {
    const handler = fake.ipcMain.handlers.get(ipcChannels.invoke);
    if (!handler) throw new Error('no handler bound');
    return handler({ sender, senderFrame: frame }, channel, input) as Promise<BridgeResult>;
  };

  beforeEach(() => {
    core = createCore(fakePorts());
    window = asFake(newWindow());
    bindIpcBridge(core, () => window as unknown as ElectronWindow);
  });

  it('answers the app’s own window', async () => {
    const result = await invoke(window.webContents, window.webContents.mainFrame, 'app.status');
    expect(result).toMatchObject({ ok: true, value: { connectwiseConnection: 'none' } });
  });

  it('refuses an unknown channel and a malformed payload with clear errors', async () => {
    const frame = window.webContents.mainFrame;
    const unknown = await invoke(window.webContents, frame, 'secrets.dump', {});
    expect(unknown).toEqual({
      ok: false,
      error: { kind: 'Unknown Channel', message: 'The app has no request named "secrets.dump".' },
    });
    const malformed = await invoke(window.webContents, frame, 'externalLinks.open', { url: ['x'] });
    expect(malformed).toMatchObject({ ok: false, error: { kind: 'Validation Error' } });
  });

  it('refuses a page from another origin, a subframe and another window', async () => {
    const foreign = { url: 'https://evil.test/' };
    window.webContents.mainFrame = foreign;
    expect(await invoke(window.webContents, foreign, 'app.status')).toMatchObject({
      ok: false,
      error: { kind: 'Forbidden' },
    });
    window.webContents.mainFrame = { url: 'app://renderer/index.html' };
    const subframe = { url: 'app://renderer/index.html' };
    expect(await invoke(window.webContents, subframe, 'app.status')).toMatchObject({
      error: { kind: 'Forbidden' },
    });
    const other = new fake.FakeWebContents();
    expect(await invoke(other, other.mainFrame, 'app.status')).toMatchObject({
      error: { kind: 'Forbidden' },
    });
  });

  it('forwards core events to the window', () => {
    const listeners: Array<(name: EventName, payload: unknown) => void> = [];
    const target = asFake(newWindow());
    bindIpcBridge(
      {
        ...core,
        subscribe: (listener) => {
          listeners.push(listener);
          return () => {};
        },
      },
      () => target as unknown as ElectronWindow,
    );
    listeners[0]?.('app.statusChanged', { any: 'payload' });
    expect(target.webContents.sent).toEqual([
      [ipcChannels.event, 'app.statusChanged', { any: 'payload' }],
    ]);
  });

  it('knows the app’s own frames', () => {
    expect(isAppFrameUrl(`${appOrigin}/index.html`)).toBe(true);
    expect(isAppFrameUrl('app://renderer.evil/index.html')).toBe(false);
    expect(isAppFrameUrl('file:///app/dist/renderer/index.html')).toBe(false);
    expect(isAppFrameUrl('not a url')).toBe(false);
  });
});

describe('app:// protocol', () => {
  it('serves the renderer with the CSP, and nothing else', async () => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    registerAppScheme();
    expect(fake.protocol.privileged).toContainEqual(
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ secure: true }),
      }),
    );
    serveRenderer(dir);
    const handler = fake.protocol.handlers.get('app');
    if (!handler) throw new Error('no protocol handler');
    const page = await handler(new Request('app://renderer/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect((await handler(new Request('app://renderer/%2e%2e/%2e%2e/etc/passwd'))).status).toBe(
      404,
    );
  });
});

describe('opening ConnectWise in the browser', () => {
  it('opens only pages of the saved site', async () => {
    fake.shell.opened.length = 0;
    await expect(
      openConnectWisePage('https://evil.test/', 'https://na.myconnectwise.net'),
    ).rejects.toThrow();
    await expect(openConnectWisePage('https://na.myconnectwise.net/', null)).rejects.toThrow();
    await openConnectWisePage('https://na.myconnectwise.net/x', 'https://na.myconnectwise.net');
    expect(fake.shell.opened).toEqual(['https://na.myconnectwise.net/x']);
  });
});

describe('tray menu', () => {
  const actions = () => ({
    open: vi.fn(),
    quit: vi.fn(),
    syncNow: vi.fn(),
    pause: vi.fn(),
    resume: vi.fn(),
  });
  const labels = (items: ReturnType<typeof trayMenuTemplate>) =>
    items.map((item) => item.label ?? item.type);
  const disabled = (items: ReturnType<typeof trayMenuTemplate>) =>
    items.filter((item) => item.enabled === false).map((item) => item.label);
  const click = (items: ReturnType<typeof trayMenuTemplate>, label: string, checked = false) => {
    const item = items.find((candidate) => candidate.label === label);
    (item?.click as ((menuItem: { checked: boolean }) => void) | undefined)?.({ checked });
  };

  it('offers the spec’s items in order, with the next run in local time and 00:00 UTC', () => {
    const act = actions();
    const toggle = vi.fn();
    const items = trayMenuTemplate(
      act,
      { enabled: true, toggle },
      { state: 'scheduled', nextRunAt: '2026-12-01T00:00:00.000Z', running: false },
    );
    expect(labels(items)).toEqual([
      'Open',
      'Sync now',
      expect.stringMatching(/^Next automatic sync: .+ \(00:00 UTC\)$/),
      'Pause automatic sync',
      'separator',
      'Start at login',
      'separator',
      'Quit',
    ]);
    expect(disabled(items)).toEqual([expect.stringMatching(/^Next automatic sync/)]);
    click(items, 'Open');
    click(items, 'Sync now');
    click(items, 'Pause automatic sync');
    click(items, 'Quit');
    click(items, 'Start at login', false);
    expect(act.open).toHaveBeenCalledOnce();
    expect(act.syncNow).toHaveBeenCalledOnce();
    expect(act.pause).toHaveBeenCalledOnce();
    expect(act.quit).toHaveBeenCalledOnce();
    expect(toggle).toHaveBeenCalledWith(false);
    expect(items.find((item) => item.label === 'Start at login')?.checked).toBe(true);
  });

  it('shows the next run in the workstation’s own time zone', () => {
    const next = {
      state: 'scheduled' as const,
      nextRunAt: '2026-12-01T00:00:00.000Z',
      running: false,
    };
    expect(nextRunText(next, 'Europe/Warsaw')).toMatch(/01:00.*\(00:00 UTC\)$/);
    expect(nextRunText(next, 'America/Adak')).toMatch(/14:00|2:00.*PM.*\(00:00 UTC\)$/);
  });

  it('offers Resume when paused, and says why automatic sync cannot run', () => {
    const act = actions();
    const paused = trayMenuTemplate(
      act,
      { enabled: false, toggle: vi.fn() },
      { state: 'paused', nextRunAt: null, running: false },
    );
    expect(labels(paused)).toContain('Automatic sync is paused');
    click(paused, 'Resume automatic sync');
    expect(act.resume).toHaveBeenCalledOnce();

    const off = trayMenuTemplate(
      act,
      { enabled: false, toggle: vi.fn() },
      { state: 'off', nextRunAt: null, running: false },
    );
    expect(labels(off)).toContain('Automatic sync is off');
    expect(disabled(off)).toContain('Pause automatic sync');

    const notReady = trayMenuTemplate(
      act,
      { enabled: false, toggle: vi.fn() },
      { state: 'not-ready', nextRunAt: null, running: false },
    );
    expect(disabled(notReady)).toEqual([
      'Sync now',
      'Automatic sync: finish the set-up first',
      'Pause automatic sync',
    ]);

    const running = trayMenuTemplate(
      act,
      { enabled: false, toggle: vi.fn() },
      { state: 'scheduled', nextRunAt: '2026-12-01T00:00:00.000Z', running: true },
    );
    expect(disabled(running)).toContain('Syncing…');
  });
});
