import { ipcChannels, type PreloadBridge } from '@shared/contract';
import { describe, expect, it, vi } from 'vitest';
import * as fake from '../../tests/support/fakeElectron';

vi.mock('electron', () => import('../../tests/support/fakeElectron'));

await import('./index');
const bridge = fake.contextBridge.exposed.get('bridge') as PreloadBridge;

describe('preload bridge', () => {
  it('exposes only invoke and on, as window.bridge', () => {
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['bridge']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('carries a contract channel to the main process', async () => {
    expect(await bridge.invoke('app.status', undefined)).toEqual({ ok: true, value: 'from main' });
    expect(fake.ipcRenderer.invoked.at(-1)).toEqual([ipcChannels.invoke, 'app.status', undefined]);
  });

  it('refuses an unknown channel without sending anything', async () => {
    const before = fake.ipcRenderer.invoked.length;
    expect(await bridge.invoke('secrets.dump', {})).toEqual({
      ok: false,
      error: { kind: 'Unknown Channel', message: 'The app has no request named "secrets.dump".' },
    });
    expect(fake.ipcRenderer.invoked.length).toBe(before);
  });

  it('delivers only the subscribed contract event, until unsubscribed', () => {
    expect(() => bridge.on('anything', () => {})).toThrow(/no event named "anything"/);
    const received: unknown[] = [];
    const stop = bridge.on('app.statusChanged', (payload) => received.push(payload));
    fake.ipcRenderer.emit(ipcChannels.event, {}, 'app.statusChanged', { n: 1 });
    fake.ipcRenderer.emit(ipcChannels.event, {}, 'other.event', { n: 2 });
    stop();
    fake.ipcRenderer.emit(ipcChannels.event, {}, 'app.statusChanged', { n: 3 });
    expect(received).toEqual([{ n: 1 }]);
  });
});
