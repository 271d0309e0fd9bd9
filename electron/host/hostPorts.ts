import { spawn } from 'node:child_process';
import { userInfo } from 'node:os';
import type { KeytarLike, Logger, Notifier, PowerEvents, SecretStore } from '../core';
import { createKeytarSecretStore } from '../core';

export const consoleLogger: Logger = {
  info: (message, meta) => console.log(`[info] ${message}`, meta ?? ''),
  warn: (message, meta) => console.warn(`[warn] ${message}`, meta ?? ''),
  error: (message, meta) => console.error(`[error] ${message}`, meta ?? ''),
};

/** The preview has no desktop notifications; what Electron would show goes to the console. */
export const consoleNotifier: Notifier = {
  notify: (title, body) => console.log(`[notification] ${title}: ${body}`),
};

/**
 * keytar is loaded on first use, so a machine without a Secret Service can still start the
 * preview and learn about the missing keychain only when it saves a secret.
 */
export function lazyKeytarSecretStore(service: string): SecretStore {
  let loaded: Promise<SecretStore> | undefined;
  const store = () => {
    loaded ??= import('keytar').then(
      (module) => createKeytarSecretStore((module.default ?? module) as KeytarLike, service),
      (error: unknown) => {
        loaded = undefined;
        throw new Error(
          `The OS keychain is not available (${error instanceof Error ? error.message : String(error)}).`,
        );
      },
    );
    return loaded;
  };
  return {
    get: async (account) => (await store()).get(account),
    set: async (account, secret) => (await store()).set(account, secret),
    delete: async (account) => (await store()).delete(account),
  };
}

/**
 * The program that opens a URL in the desktop's browser, with the URL as one argument and no
 * shell in between: `&` or `|` in a URL is never a command separator (Windows' `cmd /c start`
 * would read them as such).
 */
export function browserCommand(platform: NodeJS.Platform, url: string): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  return ['xdg-open', [url]];
}

/** Opens a URL in the desktop's browser (the core has already checked it). */
export function openInDesktopBrowser(url: string): Promise<void> {
  const [command, args] = browserCommand(process.platform, url);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', shell: false });
    child.once('error', (error) =>
      reject(new Error(`Could not start ${command}: ${error.message}`)),
    );
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/**
 * Plain Node has no power events. A timer that fires much later than it was set for says the
 * machine slept in between (timers do not run while it is suspended); that is taken as a resume.
 */
export function timerDriftPowerEvents(everyMs = 30_000, toleranceMs = 60_000): PowerEvents {
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let lastLook = Date.now();
  const look = () => {
    const now = Date.now();
    const slept = now - lastLook > everyMs + toleranceMs;
    lastLook = now;
    if (slept) for (const listener of listeners) listener();
  };
  return {
    onResume(listener) {
      listeners.add(listener);
      if (!timer) {
        lastLook = Date.now();
        timer = setInterval(look, everyMs);
        timer.unref?.();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
  };
}
