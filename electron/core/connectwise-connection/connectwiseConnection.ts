import {
  type ConnectionFields,
  type ConnectionProblem,
  type ConnectionSaveResult,
  type ConnectionTestResult,
  type ConnectionView,
  saveFailedMessage,
} from '../../../shared/contract';
import { normalizeSiteUrl } from '../../../shared/siteUrl';
import {
  type CallOptions,
  type ConnectWiseClient,
  type ConnectWiseConnection,
  ConnectWiseError,
} from '../connectwise';
import { AppError } from '../errors';
import type { JobRegistry } from '../jobs';
import type { AuditLog, SystemLog } from '../logs';
import type { SecretStore } from '../ports';
import type { SavedConnection, SettingsStore } from '../settings';

export type ConnectWiseConnector = (
  connection: ConnectWiseConnection,
  options?: CallOptions,
) => Promise<ConnectWiseClient>;

const probeDeadlineMs = 30_000;

export interface CredentialsDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  connect: ConnectWiseConnector;
  systemLog: SystemLog;
  audit: AuditLog;
  jobs: JobRegistry;
  now: () => Date;
  osUserName: () => string;
}

/** The keychain account of a connection: one key per company and site. */
export function keychainAccount(connection: { companyId: string; siteUrl: string }): string {
  return `${connection.companyId}@${connection.siteUrl}`;
}

/**
 * Settings › Authentication: test, save and disconnect the ConnectWise connection. The private
 * key goes to the OS keychain and nowhere else; no method returns it to a caller outside the
 * core, and every message is built without it.
 */
export function createCredentials(deps: CredentialsDeps) {
  let cachedClient: {
    account: string;
    savedAt: string;
    client: Promise<ConnectWiseClient>;
  } | null = null;
  /** Save and Disconnect change the same things, so they take turns. */
  let changing: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(change: () => Promise<T>): Promise<T> => {
    const next = changing.then(change, change);
    changing = next.catch(() => undefined);
    return next;
  };
  /** Tests and saves in flight; Disconnect aborts them. */
  const probes = new Set<AbortController>();
  let disconnecting = false;
  /** Counts Disconnects, so a Save that began before one never stores anything. */
  let disconnectRequests = 0;

  function view(connection: SavedConnection): ConnectionView {
    return {
      siteUrl: connection.siteUrl,
      companyId: connection.companyId,
      publicKey: connection.publicKey,
      savedAt: connection.savedAt,
      apiVersion: connection.apiVersion,
      privateKeySaved: true,
    };
  }

  /** The connection to try: the typed fields, with the saved key when none was typed. */
  async function resolve(
    fields: ConnectionFields,
  ): Promise<ConnectWiseConnection | ConnectionProblem> {
    const site = normalizeSiteUrl(fields.siteUrl);
    if (!site.ok) return { kind: 'Validation Error', field: 'siteUrl', message: site.reason };
    const companyId = fields.companyId.trim();
    const publicKey = fields.publicKey.trim();
    if (fields.privateKey)
      return { siteUrl: site.siteUrl, companyId, publicKey, privateKey: fields.privateKey };
    const saved = deps.settings.get().connection;
    const unchanged =
      saved &&
      saved.siteUrl === site.siteUrl &&
      saved.companyId === companyId &&
      saved.publicKey === publicKey;
    const privateKey = unchanged ? await readKey(saved) : null;
    if (!privateKey) {
      return {
        kind: 'Validation Error',
        field: 'privateKey',
        message: saved
          ? 'Enter the API Private Key again: it is needed whenever another field changes.'
          : 'Enter the API Private Key.',
      };
    }
    return { siteUrl: site.siteUrl, companyId, publicKey, privateKey };
  }

  async function readKey(connection: SavedConnection): Promise<string | null> {
    try {
      return await deps.secrets.get(keychainAccount(connection));
    } catch (error) {
      throw keychainError('read', error);
    }
  }

  /**
   * Every endpoint the app will need, so a missing permission shows now, not mid-sync. Gives
   * up after `probeDeadlineMs` in all, and when Disconnect aborts it.
   */
  async function probe(connection: ConnectWiseConnection) {
    const controller = new AbortController();
    probes.add(controller);
    const deadline = AbortSignal.timeout(probeDeadlineMs);
    const signal = AbortSignal.any([controller.signal, deadline]);
    try {
      const client = await deps.connect(connection, { signal });
      const info = await client.systemInfo({ signal });
      await client.companies.list({ pageSize: 1, fields: ['id', 'name'] }, { signal });
      await client.agreementTypes.all({ pageSize: 1000, fields: ['id', 'name'] }, { signal });
      await client.catalog.list({ pageSize: 1, fields: ['id', 'identifier'] }, { signal });
      return { companyName: client.companyInfo.CompanyName ?? null, apiVersion: info.version };
    } catch (error) {
      if (deadline.aborted) {
        throw new ConnectWiseError(
          'Response Error',
          `ConnectWise did not answer within ${probeDeadlineMs / 1000} seconds. Check the API URL and try again.`,
        );
      }
      if (controller.signal.aborted) {
        throw new ConnectWiseError(
          'Cancelled',
          'The integration was disconnected while testing the connection.',
        );
      }
      throw error;
    } finally {
      probes.delete(controller);
    }
  }

  async function test(fields: ConnectionFields): Promise<ConnectionTestResult> {
    const connection = await resolve(fields);
    if ('kind' in connection) return { ok: false, problem: connection };
    try {
      const { companyName, apiVersion } = await probe(connection);
      deps.systemLog.write({
        level: 'info',
        title: 'Connection test succeeded',
        details: `${connection.siteUrl} (company ${connection.companyId}), ConnectWise ${apiVersion}`,
      });
      return { ok: true, companyName, apiVersion };
    } catch (error) {
      const problem = problemOf(error);
      deps.systemLog.write({
        level: 'error',
        title: `Connection test failed: ${problem.kind}`,
        details: `${connection.siteUrl} (company ${connection.companyId}): ${problem.message}`,
      });
      return { ok: false, problem };
    }
  }

  function save(fields: ConnectionFields): Promise<ConnectionSaveResult> {
    const disconnectsBefore = disconnectRequests;
    return oneAtATime(() => saveNow(fields, () => disconnectRequests !== disconnectsBefore));
  }

  async function saveNow(
    fields: ConnectionFields,
    disconnectedSince: () => boolean,
  ): Promise<ConnectionSaveResult> {
    const connection = await resolve(fields);
    if ('kind' in connection) return { ok: false, message: saveFailedMessage, problem: connection };
    let apiVersion: string;
    try {
      apiVersion = (await probe(connection)).apiVersion;
    } catch (error) {
      const problem = problemOf(error);
      deps.systemLog.write({
        level: 'error',
        title: `Credentials not saved: ${problem.kind}`,
        details: `${connection.siteUrl} (company ${connection.companyId}): ${problem.message}`,
      });
      return { ok: false, message: saveFailedMessage, problem };
    }

    if (disconnectedSince()) {
      return {
        ok: false,
        message: saveFailedMessage,
        problem: { kind: 'Cancelled', message: 'The integration was disconnected while saving.' },
      };
    }
    const previous = deps.settings.get().connection;
    const account = keychainAccount(connection);
    const previousAccount = previous ? keychainAccount(previous) : null;
    let keyBefore: string | null = null;
    try {
      if (previousAccount === account) keyBefore = await deps.secrets.get(account);
      await deps.secrets.set(account, connection.privateKey);
    } catch (error) {
      const problem = problemOf(keychainError('store', error));
      deps.systemLog.write({
        level: 'error',
        title: 'Credentials not saved: Keychain Error',
        details: problem.message,
      });
      return { ok: false, message: saveFailedMessage, problem };
    }
    let saved: SavedConnection;
    try {
      const settings = deps.settings.update((current) => ({
        ...current,
        connection: {
          siteUrl: connection.siteUrl,
          companyId: connection.companyId,
          publicKey: connection.publicKey,
          savedAt: deps.now().toISOString(),
          apiVersion,
        },
        everConnected: true,
      }));
      if (!settings.connection) throw new Error('the connection was not kept');
      saved = settings.connection;
    } catch (error) {
      // Put the keychain back as it was, so it matches the settings that are still in force.
      await (keyBefore !== null
        ? deps.secrets.set(account, keyBefore)
        : deps.secrets.delete(account)
      ).catch(() => false);
      throw error;
    }
    if (previousAccount && previousAccount !== account) {
      await deps.secrets.delete(previousAccount).catch((error: unknown) => {
        deps.systemLog.write({
          level: 'warning',
          title: 'The previous private key could not be removed from the keychain',
          details: keychainError('delete', error).message,
        });
      });
    }
    cachedClient = null;
    deps.audit.record({
      actor: deps.osUserName(),
      action: 'ConnectWise credentials saved',
      details: `${saved.siteUrl} (company ${saved.companyId})`,
    });
    deps.systemLog.write({
      level: 'info',
      title: 'ConnectWise credentials saved',
      details: `${saved.siteUrl} (company ${saved.companyId}), ConnectWise ${apiVersion}`,
    });
    return { ok: true, connection: view(saved) };
  }

  async function disconnect(): Promise<void> {
    // Stop what runs now, then wait for a Save in flight to finish before undoing it.
    disconnecting = true;
    disconnectRequests += 1;
    for (const controller of probes) controller.abort();
    deps.jobs.cancelAll('the integration was disconnected');
    try {
      await oneAtATime(disconnectNow);
    } finally {
      disconnecting = false;
    }
  }

  async function disconnectNow(): Promise<void> {
    const cancelled = deps.jobs.cancelAll('the integration was disconnected');
    const saved = deps.settings.get().connection;
    if (saved) {
      try {
        await deps.secrets.delete(keychainAccount(saved));
      } catch (error) {
        throw keychainError('delete', error);
      }
    }
    deps.settings.update((settings) => ({ ...settings, connection: null }));
    cachedClient = null;
    const at = deps.now().toISOString();
    deps.audit.record({
      actor: deps.osUserName(),
      action: 'Integration disconnected',
      details: saved ? `${saved.siteUrl} (company ${saved.companyId}) at ${at}` : `at ${at}`,
    });
    deps.systemLog.write({
      level: 'info',
      title: 'Integration disconnected',
      details: `${saved?.siteUrl ?? 'No site was saved'}; ${cancelled} running job(s) cancelled.`,
    });
  }

  /** A client for the saved connection, for the other capabilities. */
  async function client(signal?: AbortSignal): Promise<ConnectWiseClient> {
    const saved = deps.settings.get().connection;
    if (!saved || disconnecting)
      throw new AppError(
        'Not Connected',
        'ConnectWise is not connected: save the credentials first.',
      );
    const account = keychainAccount(saved);
    if (cachedClient?.account === account && cachedClient.savedAt === saved.savedAt)
      return cachedClient.client;
    const pending = (async () => {
      const privateKey = await readKey(saved);
      // A Disconnect during the keychain read may have deleted the key: say what happened.
      if (signal?.aborted) throw new AppError('Cancelled', 'The integration was disconnected.');
      if (!privateKey) {
        throw new AppError(
          'Not Connected',
          'The private key is missing from the OS keychain: enter the credentials again.',
        );
      }
      return deps.connect({ ...saved, privateKey }, { signal });
    })();
    cachedClient = { account, savedAt: saved.savedAt, client: pending };
    pending.catch(() => {
      if (cachedClient?.client === pending) cachedClient = null;
    });
    return pending;
  }

  return {
    current: (): ConnectionView | null => {
      const saved = deps.settings.get().connection;
      return saved ? view(saved) : null;
    },
    test,
    save,
    disconnect,
    client,
  };
}

export type Credentials = ReturnType<typeof createCredentials>;

function problemOf(error: unknown): ConnectionProblem {
  if (error instanceof ConnectWiseError) {
    const problem: ConnectionProblem = { kind: error.kind, message: error.message };
    if (error.facts.permission) problem.permission = error.facts.permission;
    if (error.kind === 'Unknown Company') problem.field = 'companyId';
    if (error.kind === 'Site Unreachable') problem.field = 'siteUrl';
    return problem;
  }
  if (error instanceof AppError) return { kind: error.kind, message: error.message };
  return {
    kind: 'Internal Error',
    message: 'Something went wrong inside the app. The details are in the log.',
  };
}

function keychainError(action: 'read' | 'store' | 'delete', error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError(
    'Keychain Error',
    `The OS keychain could not ${action} the private key (${reason}).`,
  );
}
