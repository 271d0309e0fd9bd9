import type { Readable } from 'node:stream';
import type { AppStatus, BridgeResult, EventName } from '../../shared/contract';
import { createCompanyDirectory } from './companies';
import { createConfiguration } from './configuration';
import { abortableSleep, connectToConnectWise, createLimiterRegistry } from './connectwise';
import { createCredentials } from './credentials';
import { AppError } from './errors';
import { createEventBus } from './events';
import { createExternalLinks } from './external';
import { createFileInbox, type InboxFile } from './files';
import { createInvoices } from './invoices';
import { createJobRegistry } from './jobs';
import { createAuditLog, createSystemLog } from './logs';
import { createPlatformClient, createPlatformConnection } from './platform';
import type { CorePorts } from './ports';
import { createRouter } from './router';
import { createSettingsStore } from './settings';
import { computeAppStatus } from './status';
import { openDatabase } from './store';

export interface Core {
  /** Both transports hand every request to this, exactly as it arrived. */
  dispatch(channel: unknown, rawInput: unknown): Promise<BridgeResult>;
  /** Every core → UI event, already checked against the contract. */
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
  /** The preview host streams an uploaded export file here; the renderer then loads it by id. */
  receiveExportFile(name: string, body: Readable): Promise<InboxFile>;
  /** For the shells (tray, window title) without a round trip through the router. */
  status(): AppStatus;
  close(): void;
}

/** Wires every capability once. The Electron main process and the preview host both call it. */
export function createCore(ports: CorePorts): Core {
  const db = openDatabase(ports.databasePath);
  const settings = createSettingsStore(ports.settingsFile, ports.logger, ports.clock.now);
  const systemLog = createSystemLog(db, ports.clock);
  const audit = createAuditLog(db, ports.clock);
  const bus = createEventBus(ports.logger);
  const jobs = createJobRegistry({
    now: ports.clock.now,
    onProgress: ({ id, kind, progress }) => {
      if (progress) bus.emit('job.progress', { id, kind, ...progress });
    },
  });
  const companies = createCompanyDirectory(db, ports.clock.now);
  const sleep = ports.sleep ?? abortableSleep;
  const limiters = createLimiterRegistry({ maxConcurrency: 6, clock: ports.clock, sleep });
  const credentials = createCredentials({
    settings,
    secrets: ports.secrets,
    connect: (connection, options) =>
      connectToConnectWise(connection, { clock: ports.clock, limiters, sleep }, options),
    systemLog,
    audit,
    jobs,
    now: ports.clock.now,
    osUserName: ports.osUserName,
  });
  const configuration = createConfiguration({
    db,
    settings,
    credentials,
    systemLog,
    audit,
    now: ports.clock.now,
    osUserName: ports.osUserName,
  });
  const platform = createPlatformConnection({
    settings,
    secrets: ports.secrets,
    createClient: (connection) => createPlatformClient(connection, { clock: ports.clock, sleep }),
    systemLog,
    audit,
    now: ports.clock.now,
    osUserName: ports.osUserName,
  });
  const files = createFileInbox();
  const invoices = createInvoices({
    db,
    jobs,
    files,
    platform,
    configuration,
    systemLog,
    audit,
    now: ports.clock.now,
    osUserName: ports.osUserName,
  });
  const links = createExternalLinks({
    siteUrl: () => settings.get().connection?.siteUrl ?? null,
    openExternal: ports.openExternal,
  });

  systemLog.prune();
  settings.onChange((next) => bus.emit('app.statusChanged', computeAppStatus(next)));

  const router = createRouter(
    {
      'app.status': () => computeAppStatus(settings.get()),
      'app.info': () => ({ appVersion: ports.appVersion, runtime: ports.runtime }),
      'auth.current': () => credentials.current(),
      'auth.test': (fields) => credentials.test(fields),
      'auth.save': (fields) => credentials.save(fields),
      'configuration.get': () => configuration.get(),
      'configuration.agreementTypes': () => configuration.agreementTypes(),
      'configuration.save': (input) => configuration.save(input),
      'platform.current': () => platform.current(),
      'platform.test': (fields) => platform.test(fields),
      'platform.save': (fields) => platform.save(fields),
      'platform.remove': async () => {
        await platform.remove();
        return { removed: true } as const;
      },
      'invoices.periods': () => invoices.periods(),
      'invoices.loadChoices': () => invoices.loadChoices(),
      'invoices.load': (input) => invoices.load(input),
      'invoices.page': (query) => invoices.page(query),
      'files.pickExportFile': async () => {
        if (!ports.pickExportFile) {
          throw new AppError(
            'Not Available',
            'Choose the file with the file field: this window cannot open a dialog.',
          );
        }
        const path = await ports.pickExportFile();
        return path ? files.register(path) : null;
      },
      'jobs.cancel': ({ id }) => ({ cancelled: jobs.cancel(id, 'cancelled by the user') }),
      'companies.pull': async () => {
        // The client is made inside the job, so a Disconnect that lands while it connects
        // cancels the pull too.
        const pulled = await jobs.run('ConnectWise companies pull', async (job) =>
          companies.pull(await credentials.client(job.signal), job),
        );
        return { companies: pulled };
      },
      'auth.disconnect': async () => {
        await credentials.disconnect();
        return { disconnected: true } as const;
      },
      'external.open': async ({ url }) => {
        await links.open(url);
        return { opened: true } as const;
      },
    },
    ports.logger,
  );

  systemLog.write({
    level: 'info',
    title: 'Application started',
    details: `Version ${ports.appVersion} (${ports.runtime})`,
  });

  return {
    dispatch: router.dispatch,
    subscribe: bus.subscribe,
    receiveExportFile: (name, body) => files.receive(name, body),
    status: () => computeAppStatus(settings.get()),
    close: () => {
      jobs.cancelAll('the app is closing');
      void files.clear();
      db.close();
    },
  };
}
