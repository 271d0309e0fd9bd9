/**
 * `npm run preview`: the core in plain Node, the built renderer and the bridge on 127.0.0.1.
 * How the app runs and is tested where Electron cannot.
 *
 *   node dist/host/index.mjs [--port 0] [--user-data DIR] [--keychain-service NAME]
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Conf from 'conf';
import { createCore, settingsFileFromConf, systemClock } from '../core';
import {
  consoleLogger,
  consoleNotifier,
  lazyKeytarSecretStore,
  openInDesktopBrowser,
  osUserName,
} from './hostPorts';
import { startPreviewServer } from './previewServer';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'user-data': { type: 'string', default: join(homedir(), '.cw-billing-sync-preview') },
    'keychain-service': { type: 'string', default: 'cw-billing-sync-preview' },
  },
});

const here = import.meta.dirname;
const userData = resolve(values['user-data']);
mkdirSync(userData, { recursive: true });
const packageJson = JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')) as {
  version: string;
};

const core = createCore({
  settingsFile: settingsFileFromConf(new Conf({ cwd: userData, configName: 'settings' })),
  secrets: lazyKeytarSecretStore(values['keychain-service']),
  databasePath: join(userData, 'data.sqlite'),
  clock: systemClock,
  logger: consoleLogger,
  notifier: consoleNotifier,
  openExternal: openInDesktopBrowser,
  osUserName,
  appVersion: packageJson.version,
  runtime: 'preview',
});

const server = await startPreviewServer({
  core,
  rendererDir: join(here, '../renderer'),
  port: Number(values.port),
});

console.log(`Data folder: ${userData}`);
console.log(`Preview ready: ${server.url}`);

async function shutdown() {
  await server.close();
  core.close();
  process.exit(0);
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
