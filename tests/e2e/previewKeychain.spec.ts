import { statSync } from 'node:fs';
import { join } from 'node:path';
import { startConnectWiseSimulator } from '../../electron/sandbox/connectwise';
import { expect, invoke, startPreviewHost, test } from './previewHost';

test('npm run preview on a machine without a desktop keychain still saves credentials', async () => {
  test.skip(process.platform !== 'linux', 'the Secret Service is the Linux keychain');
  // What a fresh server or container looks like: no D-Bus session (not even the runtime
  // folder's default bus), no display.
  const {
    DBUS_SESSION_BUS_ADDRESS: _bus,
    DISPLAY: _display,
    XDG_RUNTIME_DIR: _runtime,
    ...bare
  } = process.env;
  const simulator = await startConnectWiseSimulator({ seed: 5, companies: 20 });
  const preview = await startPreviewHost(bare);
  try {
    expect(preview.output()).toContain(
      'running in a private keyring session; saved keys last until the preview stops.',
    );
    const saved = await invoke(preview, 'connectwiseConnection.save', {
      siteUrl: simulator.siteUrl,
      ...simulator.credentials,
    });
    expect(saved).toMatchObject({ ok: true });
    const status = (await invoke(preview, 'app.status')) as { connectwiseConnection: string };
    expect(status.connectwiseConnection).toBe('saved');
    // What it wrote is readable by this user only.
    for (const name of ['data.sqlite', 'settings.json']) {
      expect(statSync(join(preview.userData, name)).mode & 0o777, name).toBe(0o600);
    }
  } finally {
    await preview.stop();
    await simulator.close();
  }
});
