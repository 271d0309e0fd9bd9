/**
 * `npm run preview`: starts the preview host and prints where to open it.
 *
 *   node dist/host/index.mjs [--port 0] [--user-data DIR] [--keychain-service NAME]
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startPreviewHost } from './previewHost';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'user-data': { type: 'string', default: join(homedir(), '.cw-billing-sync-preview') },
    'keychain-service': { type: 'string', default: 'cw-billing-sync-preview' },
  },
});

const here = import.meta.dirname;
const { version } = JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')) as {
  version: string;
};

const host = await startPreviewHost({
  userDataDir: values['user-data'],
  rendererDir: join(here, '../renderer'),
  appVersion: version,
  port: Number(values.port),
  keychainService: values['keychain-service'],
});

console.log(`Data folder: ${host.userDataDir}`);
console.log(`Preview ready: ${host.url}`);

async function shutdown() {
  await host.close();
  process.exit(0);
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
