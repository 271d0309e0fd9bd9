/**
 * `npm run demo`: the app doing its job with no accounts. Starts the ConnectWise Manage and
 * Platform simulators with seeded data and the preview host on a throw-away data folder with
 * secrets kept in memory, then prints one URL. Ctrl+C stops everything and leaves nothing behind.
 *
 *   node dist/demo/index.mjs [--port 0]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMemorySecretStore } from '../core';
import { startPreviewHost } from '../host/previewHost';
import { startConnectWiseSimulator } from '../sandbox/connectwise';
import { startPlatformSimulator } from '../sandbox/platform';

// Everything this process writes (settings, database, uploads) is readable by this user only.
process.umask(0o077);

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });

const here = import.meta.dirname;
const { version } = JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')) as {
  version: string;
};

console.log('Starting the demo: a ConnectWise Manage simulator, a Platform simulator, the app…');
const [connectwise, platform] = await Promise.all([
  startConnectWiseSimulator({ seed: 7, companies: 300 }),
  startPlatformSimulator({ seed: 7, organizations: 150, months: 3 }),
]);
const userDataDir = mkdtempSync(join(tmpdir(), 'cw-billing-sync-demo-'));
const removeDataFolder = () => {
  try {
    rmSync(userDataDir, { recursive: true, force: true });
  } catch (error) {
    console.error(`Could not delete ${userDataDir}: ${(error as Error).message}`);
  }
};
const host = await startPreviewHost({
  userDataDir,
  rendererDir: join(here, '../renderer'),
  appVersion: version,
  port: Number(values.port),
  // The demo's made-up keys live as long as the demo: nothing goes to the OS keychain.
  secrets: createMemorySecretStore(),
  ports: {
    demo: {
      connectwise: {
        siteUrl: connectwise.siteUrl,
        ...connectwise.credentials,
        pageUrl: connectwise.sandboxPageUrl,
      },
      platform: {
        baseUrl: platform.baseUrl,
        token: platform.token,
        pageUrl: platform.sandboxPageUrl,
      },
    },
  },
});

console.log(
  `  ConnectWise simulator: ${connectwise.data.companies.length} companies, what was posted at ${connectwise.sandboxPageUrl}`,
);
console.log(
  `  Platform simulator: ${platform.data.organizations.length} organizations, 3 months of invoice lines`,
);
console.log(`  Data folder (deleted when the demo stops): ${userDataDir}`);
console.log('  Keys are kept in memory only. Press Ctrl+C to stop.');
console.log(`Demo ready: ${host.url}`);

let stoppingSince: number | null = null;
async function stop() {
  if (stoppingSince !== null) {
    // The settings library re-sends the signal it saw at once: only a later Ctrl+C means "now".
    if (Date.now() - stoppingSince < 1000) return;
    removeDataFolder();
    process.exit(130);
  }
  stoppingSince = Date.now();
  // A connection that will not let go must not keep the demo (and its folder) alive.
  setTimeout(() => {
    removeDataFolder();
    process.exit(0);
  }, 10_000).unref();
  await host.close().catch(() => {});
  await Promise.all([connectwise.close(), platform.close()]).catch(() => {});
  removeDataFolder();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
