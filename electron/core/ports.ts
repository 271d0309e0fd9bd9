import type { DemoValues } from '@shared/contract';

/**
 * The core's outside world. Electron's main process and the preview host each pass their own
 * implementations to `createCore`; tests pass fakes. Nothing in the core reaches for globals.
 */

export interface Clock {
  now(): Date;
}

export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/**
 * A JSON settings file: electron-store in Electron, conf in Node. Both are the same engine, so
 * one adapter (`settingsFileFromConf`) serves both.
 */
export interface SettingsFile {
  read(): unknown;
  write(value: Record<string, unknown>): void;
}

/** The OS keychain (keytar). The only place a secret is kept. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export interface Notifier {
  notify(title: string, body: string): void;
}

/**
 * Suspend and resume of the machine. A laptop asleep at 00:00 UTC misses its daily run; on
 * wake-up the schedule looks at once for the missed midnight. Electron's `powerMonitor` in the
 * shell, a timer-drift check in the preview host, a fake in tests.
 */
export interface PowerEvents {
  /** Calls `listener` each time the machine wakes up; returns the unsubscribe. */
  onResume(listener: () => void): () => void;
}

export interface CorePorts {
  settingsFile: SettingsFile;
  secrets: SecretStore;
  /** SQLite file in the user-data folder, or ':memory:' in tests. */
  databasePath: string;
  clock: Clock;
  logger: Logger;
  notifier: Notifier;
  power: PowerEvents;
  /** Opens a URL in the user's browser; the core only calls it with URLs it has checked. */
  openExternal(url: string): Promise<void>;
  /** The OS user name, for audit entries. */
  osUserName(): string;
  appVersion: string;
  runtime: 'electron' | 'preview';
  /** `npm run demo` only: the simulators' values the screens offer to fill in. */
  demo?: DemoValues;
  /**
   * The export-file reader's worker thread, bundled on its own: `dist/worker/exportFile.mjs`
   * beside the shells' bundles (tests build it once, see tests/support/exportFileWorker.ts).
   */
  exportFileWorker: URL;
  /** Electron's native "open file" dialog; absent in the preview, which uploads instead. */
  pickExportFile?: () => Promise<string | null>;
  /** Waits between retries; tests pass one that records instead of waiting. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** For a host with no power events to give (a benchmark, a test that does not sleep). */
export const noPowerEvents: PowerEvents = { onResume: () => () => {} };

export const systemClock: Clock = { now: () => new Date() };
