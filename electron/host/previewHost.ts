import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Conf from 'conf';
import {
  type Core,
  type CorePorts,
  createCore,
  type Logger,
  type SecretStore,
  settingsFileFromConf,
  systemClock,
} from '../core';
import {
  consoleLogger,
  consoleNotifier,
  lazyKeytarSecretStore,
  openInDesktopBrowser,
  osUserName,
  timerDriftPowerEvents,
} from './hostPorts';
import { type PreviewServer, startPreviewServer } from './previewServer';

export interface PreviewHostOptions {
  /** Where settings and the database live; created when missing. */
  userDataDir: string;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  appVersion: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The daily automatic sync runs unless this is false (a demo with made-up data). */
  schedule?: boolean;
  /** The OS keychain service name secrets are kept under. */
  keychainService?: string;
  /** Another secret store instead of the OS keychain (a demo keeps its made-up keys in memory). */
  secrets?: SecretStore;
  logger?: Logger;
  /** Anything else of the core's ports to replace (a clock, a notifier). */
  ports?: Partial<CorePorts>;
}

export interface PreviewHost extends Pick<PreviewServer, 'origin' | 'token' | 'url'> {
  userDataDir: string;
  core: Core;
  /** Stops serving, then closes the core (which waits for running jobs to stop). */
  close(): Promise<void>;
}

/**
 * `npm run preview`: the core in plain Node, the built renderer and the bridge on 127.0.0.1.
 * How the app runs and is tested where Electron cannot; a demo starts it with simulators.
 */
export async function startPreviewHost(options: PreviewHostOptions): Promise<PreviewHost> {
  const userDataDir = resolve(options.userDataDir);
  mkdirSync(userDataDir, { recursive: true, mode: 0o700 });
  const core = createCore({
    settingsFile: settingsFileFromConf(new Conf({ cwd: userDataDir, configName: 'settings' })),
    secrets:
      options.secrets ??
      lazyKeytarSecretStore(options.keychainService ?? 'cw-billing-sync-preview'),
    databasePath: join(userDataDir, 'data.sqlite'),
    // dist/host/index.mjs or dist/demo/index.mjs → dist/worker/exportFile.mjs.
    exportFileWorker: new URL('../worker/exportFile.mjs', import.meta.url),
    clock: systemClock,
    logger: options.logger ?? consoleLogger,
    notifier: consoleNotifier,
    power: timerDriftPowerEvents(),
    openExternal: openInDesktopBrowser,
    osUserName,
    appVersion: options.appVersion,
    runtime: 'preview',
    ...options.ports,
  });
  let server: PreviewServer;
  try {
    server = await startPreviewServer({
      core,
      rendererDir: options.rendererDir,
      port: options.port,
    });
  } catch (error) {
    await core.close();
    throw error;
  }
  // The daily run at 00:00 UTC; waking from sleep (a timer that fired late) looks at once.
  if (options.schedule !== false) core.startSchedule();
  return {
    origin: server.origin,
    token: server.token,
    url: server.url,
    userDataDir,
    core,
    async close() {
      await server.close();
      await core.close();
    },
  };
}
