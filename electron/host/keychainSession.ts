import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretStore } from '../core';

/** Set in the private keyring session this module starts, so the preview does not start another. */
export const privateKeyringVariable = 'CWBS_PRIVATE_KEYRING';

/**
 * Whether the OS keychain answers: on Linux a Secret Service over D-Bus, which a machine without
 * a desktop usually lacks. Null when it works, else what went wrong, in one line.
 */
export async function keychainProblem(
  secrets: SecretStore,
  timeoutMs = 5000,
): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      secrets.get('cw-billing-sync-keychain-probe'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('the keychain did not answer')), timeoutMs);
      }),
    ]);
    return null;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown';
  } finally {
    clearTimeout(timer);
  }
}

function onPath(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

/** gnome-keyring and a D-Bus session can be started for this run. */
export function canStartPrivateKeyring(): boolean {
  return (
    process.platform === 'linux' && onPath('dbus-run-session') && onPath('gnome-keyring-daemon')
  );
}

/**
 * Runs this same command again inside a new D-Bus session with an unlocked gnome-keyring of its
 * own: keys saved there last until the preview stops. Resolves with the child's exit code.
 */
export function rerunInPrivateKeyring(): Promise<number> {
  // A keyring folder of its own: one the user already has (with its own password) stays locked
  // to us, and nothing of this run's keyring is left once it stops.
  const keyrings = mkdtempSync(join(tmpdir(), 'cw-billing-sync-keyring-'));
  const child = spawn(
    'dbus-run-session',
    [
      '--',
      'sh',
      '-c',
      'printf preview | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"',
      'preview',
      process.execPath,
      ...process.argv.slice(1),
    ],
    // A process group of its own: a stop reaches the session, the keyring and the preview at once.
    {
      stdio: 'inherit',
      detached: true,
      env: { ...process.env, XDG_DATA_HOME: keyrings, [privateKeyringVariable]: '1' },
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    });
  }
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      rmSync(keyrings, { recursive: true, force: true });
      resolve(code ?? 1);
    }),
  );
}
