import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretStore } from '../core';

/** Set in the private keyring session this module starts, so the preview does not start another. */
export const privateKeyringVariable = 'CWBS_PRIVATE_KEYRING';

/** Why the OS keychain cannot be used: it is absent, or it did not answer (locked, prompting). */
export interface KeychainProblem {
  kind: 'absent' | 'silent';
  message: string;
}

/**
 * Whether the OS keychain answers: on Linux a Secret Service over D-Bus, which a machine without
 * a desktop usually lacks. Null when it works.
 */
export async function keychainProblem(
  secrets: SecretStore,
  timeoutMs = 5000,
): Promise<KeychainProblem | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silent = Symbol('silent');
  try {
    const answer = await Promise.race([
      secrets.get('cw-billing-sync-keychain-probe'),
      new Promise<typeof silent>((resolve) => {
        timer = setTimeout(() => resolve(silent), timeoutMs);
      }),
    ]);
    return answer === silent
      ? { kind: 'silent', message: 'the OS keychain did not answer; is it locked?' }
      : null;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return { kind: 'absent', message: message || 'unknown' };
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
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      stopping = true;
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    });
  }
  return new Promise((resolve) => {
    const done = (code: number) => {
      rmSync(keyrings, { recursive: true, force: true });
      resolve(code);
    };
    child.once('error', (error) => {
      console.error(`The private keyring session could not start: ${error.message}`);
      done(1);
    });
    // Stopped by a signal it was sent on purpose: a clean stop.
    child.once('exit', (code) => done(stopping ? 0 : (code ?? 1)));
  });
}
