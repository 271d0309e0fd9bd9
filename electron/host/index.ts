/**
 * `npm run preview`: starts the preview host and prints where to open it.
 *
 *   node dist/host/index.mjs [--port 0] [--user-data DIR] [--keychain-service NAME]
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { lazyKeytarSecretStore } from './hostPorts';
import {
  canStartPrivateKeyring,
  keychainProblem,
  privateKeyringVariable,
  rerunInPrivateKeyring,
} from './keychainSession';
import { startPreviewHost } from './previewHost';

// Everything this process writes (settings, database, uploads) is readable by this user only.
process.umask(0o077);

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

// Keys are kept in the OS keychain and nowhere else. A machine without a desktop has none: the
// preview then runs itself inside a private keyring session, or says what to install.
const secrets = lazyKeytarSecretStore(values['keychain-service']);
if (process.platform === 'linux' && !process.env[privateKeyringVariable]) {
  const problem = await keychainProblem(secrets);
  // A keychain that is there but silent (locked, waiting on a prompt) is the user's own: never
  // replaced by a throw-away one.
  if (problem?.kind === 'absent' && canStartPrivateKeyring()) {
    console.log(
      `No OS keychain here (${problem.message}): running in a private keyring session; saved keys last until the preview stops.`,
    );
    process.exit(await rerunInPrivateKeyring());
  }
  if (problem?.kind === 'absent') {
    console.log(
      `No OS keychain here (${problem.message}): credentials cannot be saved until one is installed: sudo apt-get install -y gnome-keyring dbus-x11`,
    );
  } else if (problem) {
    console.log(`The OS keychain cannot be used yet: ${problem.message}`);
  }
}

const host = await startPreviewHost({
  userDataDir: values['user-data'],
  rendererDir: join(here, '../renderer'),
  appVersion: version,
  port: Number(values.port),
  secrets,
});

console.log(`Data folder: ${host.userDataDir}`);
console.log(`Preview ready: ${host.url}`);

// Listening on every signal, not once: the settings library (conf, through when-exit) sends the
// signal it saw to the process again, which with no listener left would end the process before
// running jobs have stopped and recorded how they ended.
let closing = false;
function shutdown() {
  if (closing) return;
  closing = true;
  void host.close().then(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
