import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  type AppStatus,
  type BridgeResult,
  type EventName,
  jobLabels,
  type ScheduleStatus,
} from '@shared/contract';
import { appHandlers, computeAppStatus } from './app';
import { configurationHandlers, createConfiguration } from './configuration';
import { connectToConnectWise, createLimiterRegistry } from './connectwise';
import {
  connectwiseConnectionHandlers,
  createConnectWiseConnection,
} from './connectwise-connection';
import { createConnectWiseRecords } from './connectwise-records';
import { dashboardHandlers } from './dashboard';
import { AppError } from './errors';
import { createEventBus } from './events';
import {
  createFileInbox,
  createIsolatedReading,
  exportFileHandlers,
  type InboxFile,
} from './export-file';
import { createExternalLinks, externalLinksHandlers } from './external-links';
import { abortableSleep } from './http';
import { createJobRegistry, jobsHandlers } from './jobs';
import { createAuditLog, createSystemLog, logsHandlers } from './logs';
import { createMapping, mappingHandlers } from './mapping';
import { createPlatformClient } from './platform-api';
import { createPlatformConnection, platformConnectionHandlers } from './platform-connection';
import { createPlatformData, platformDataHandlers } from './platform-data';
import type { CorePorts } from './ports';
import { createPosting, postingHandlers } from './posting';
import { createRouter } from './router';
import { createScheduler, scheduleHandlers } from './schedule';
import { createSettingsStore } from './settings';
import { openDatabaseKeepingDamaged } from './store';

export interface Core {
  /** Both transports hand every request to this, exactly as it arrived. */
  dispatch(channel: unknown, rawInput: unknown): Promise<BridgeResult>;
  /** Every core → UI event, already checked against the contract. */
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
  /** The preview host streams an uploaded export file here; the renderer then loads it by id. */
  receiveExportFile(name: string, body: Readable): Promise<InboxFile>;
  /** For the shells (tray, window title) without a round trip through the router. */
  status(): AppStatus;
  /**
   * Starts the daily 00:00 UTC sync: a look at once, every minute and whenever the power port
   * says the machine woke up, so a midnight slept through is caught up on waking. The shells
   * call it; tests tick by hand.
   */
  startSchedule(): void;
  /** Looks whether a daily run is due and runs it, and resolves when it is done; for tests. */
  tickSchedule(): Promise<void>;
  /** The schedule as the tray shows it, without a round trip through the router. */
  scheduleStatus(): ScheduleStatus;
  /** Cancels running jobs, waits until they have stopped and written their ends, then closes. */
  close(): Promise<void>;
}

/**
 * Wires every capability once. The Electron main process and the preview host both call it.
 * A new capability is built here and registers its handlers in the router below: one line each.
 */
export function createCore(ports: CorePorts): Core {
  const now = ports.clock.now;
  const osUserName = ports.osUserName;
  const sleep = ports.sleep ?? abortableSleep;
  const { db, damaged } = openDatabaseKeepingDamaged(ports.databasePath, now());
  const settings = createSettingsStore(ports.settingsFile, ports.logger, now);
  const systemLog = createSystemLog(db, ports.clock);
  const audit = createAuditLog(db, ports.clock);
  const bus = createEventBus(ports.logger);
  const jobs = createJobRegistry({
    now,
    onProgress: ({ id, kind, progress }) => {
      if (progress) bus.emit('jobs.progress', { id, kind, ...progress });
    },
    onFailed: (kind, error) =>
      systemLog.write({
        level: 'error',
        title: `${jobLabels[kind]} failed: ${error instanceof AppError ? error.kind : 'Internal Error'}`,
        details: error instanceof Error ? error.message : String(error),
        error,
      }),
  });
  const records = { systemLog, audit, now, osUserName };
  // docs/posting-rules.md §5.3: start with 4 in flight, grow to 16 while answers come back clean.
  const limiters = createLimiterRegistry({
    initialConcurrency: 4,
    maxConcurrency: 16,
    clock: ports.clock,
    sleep,
  });
  const connectwiseConnection = createConnectWiseConnection({
    ...records,
    settings,
    secrets: ports.secrets,
    connect: (connection, options) =>
      connectToConnectWise(connection, { clock: ports.clock, limiters, sleep }, options),
    jobs,
  });
  const platformConnection = createPlatformConnection({
    ...records,
    settings,
    secrets: ports.secrets,
    createClient: (connection) => createPlatformClient(connection, { clock: ports.clock, sleep }),
  });
  const configuration = createConfiguration({
    ...records,
    db,
    settings,
    connectwiseConnection,
    // Asked only when saving, by which time posting exists.
    anyLineSynced: () => posting.anyLineSynced(),
  });
  const files = createFileInbox(
    ports.databasePath === ':memory:'
      ? join(tmpdir(), `cw-billing-sync-uploads-${randomUUID()}`)
      : join(dirname(ports.databasePath), 'uploads'),
  );
  const platformData = createPlatformData({
    ...records,
    db,
    jobs,
    files,
    readExportFile: createIsolatedReading({ workerScript: ports.exportFileWorker }),
    platformConnection,
    configuration,
  });
  const mapping = createMapping({
    ...records,
    db,
    jobs,
    connectwiseConnection,
    records: createConnectWiseRecords(db, now),
    platformData,
    access: () => computeAppStatus(settings.get()).access.mapping,
  });
  const posting = createPosting({
    ...records,
    db,
    jobs,
    connectwiseConnection,
    platformData,
    mapping,
    configuration,
    access: () => computeAppStatus(settings.get()).access.mapping,
  });
  const scheduler = createScheduler({
    settings,
    posting,
    platformData,
    platformConnection,
    ready: () => computeAppStatus(settings.get()).access.mapping === 'enabled',
    systemLog,
    notifier: ports.notifier,
    now,
    onChange: (status) => bus.emit('schedule.changed', status),
  });
  let scheduleTimer: ReturnType<typeof setInterval> | null = null;
  let stopListeningForWakeUp = () => {};
  const links = createExternalLinks({
    siteUrl: () => settings.get().connectwiseConnection?.siteUrl ?? null,
    openExternal: ports.openExternal,
  });

  systemLog.prune();
  settings.onChange((next) => bus.emit('app.statusChanged', computeAppStatus(next)));

  const router = createRouter(
    {
      ...appHandlers({
        settings,
        info: { appVersion: ports.appVersion, runtime: ports.runtime, demo: ports.demo ?? null },
      }),
      ...connectwiseConnectionHandlers(connectwiseConnection),
      ...platformConnectionHandlers(platformConnection),
      ...configurationHandlers(configuration),
      ...platformDataHandlers(platformData),
      ...exportFileHandlers({ files, pickExportFile: ports.pickExportFile }),
      ...mappingHandlers(mapping),
      ...postingHandlers(posting),
      ...scheduleHandlers(scheduler),
      ...jobsHandlers(jobs),
      ...externalLinksHandlers(links),
      ...dashboardHandlers({ mapping, platformData, posting, now }),
      ...logsHandlers(systemLog),
    },
    ports.logger,
  );

  if (damaged) {
    // Connections and settings live outside the database and are kept. Posting stays safe: every
    // Addition carries its line's marker, so a line posted before is found, not posted again.
    const message = `The app's database could not be read (${damaged.reason}). It was kept at ${damaged.keptAt} and the app started with a new one: sync Organizations, map and load the months again.`;
    systemLog.write({ level: 'error', title: 'The database was damaged', details: message });
    ports.logger.error(message);
    ports.notifier.notify('The database was damaged', message);
  }
  systemLog.write({
    level: 'info',
    title: 'Application started',
    details: `Version ${ports.appVersion} (${ports.runtime})`,
  });

  let closing: Promise<void> | null = null;
  return {
    dispatch: (channel, rawInput) =>
      closing
        ? Promise.resolve({
            ok: false,
            error: { kind: 'Not Available', message: 'The app is closing.' },
          })
        : router.dispatch(channel, rawInput),
    subscribe: bus.subscribe,
    receiveExportFile: (name, body) => files.receive(name, body),
    status: () => computeAppStatus(settings.get()),
    startSchedule() {
      if (scheduleTimer) return;
      const tick = () => {
        if (!closing) void scheduler.tick();
      };
      scheduleTimer = setInterval(tick, 60_000);
      scheduleTimer.unref?.();
      // A machine that wakes after a midnight it slept through catches up at once.
      stopListeningForWakeUp = ports.power.onResume(tick);
      tick();
    },
    tickSchedule: () => scheduler.tick(),
    scheduleStatus: () => scheduler.status(),
    close() {
      if (scheduleTimer) clearInterval(scheduleTimer);
      stopListeningForWakeUp();
      closing ??= (async () => {
        await jobs.stopAll('the app is closing');
        await files.clear();
        db.close();
      })();
      return closing;
    },
  };
}
