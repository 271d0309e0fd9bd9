import type {
  ConnectWiseConnectionFields,
  ConnectWiseConnectionView,
  ConnectWiseSaveResult,
  ConnectWiseTestResult,
} from '@shared/contract';
import { normalizeSiteUrl } from '@shared/siteUrl';
import { createSavedConnection } from '../connection';
import {
  type CallOptions,
  type ConnectWiseClient,
  ConnectWiseError,
  type ConnectWiseConnection as ConnectWiseTarget,
} from '../connectwise';
import { AppError } from '../errors';
import type { JobRegistry } from '../jobs';
import type { AuditLog, SystemLog } from '../logs';
import type { SecretStore } from '../ports';
import type { SavedConnectWiseConnection, SettingsStore } from '../settings';

export type ConnectWiseConnector = (
  connection: ConnectWiseTarget,
  options?: CallOptions,
) => Promise<ConnectWiseClient>;

export interface ConnectWiseConnectionDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  connect: ConnectWiseConnector;
  systemLog: SystemLog;
  audit: AuditLog;
  jobs: JobRegistry;
  now: () => Date;
  osUserName: () => string;
}

interface Identity {
  siteUrl: string;
  companyId: string;
  publicKey: string;
}

/** The keychain account of a connection: one key per company and site. */
export function keychainAccount(connection: { companyId: string; siteUrl: string }): string {
  return `${connection.companyId}@${connection.siteUrl}`;
}

const siteOf = (c: Identity) => `${c.siteUrl} (company ${c.companyId})`;

/**
 * Settings › Authentication, "Connection Credentials": test, save and disconnect the ConnectWise
 * connection, and a client for the other capabilities. The private key goes to the OS keychain
 * and nowhere else; no method returns it to a caller outside the core.
 */
export function createConnectWiseConnection(deps: ConnectWiseConnectionDeps) {
  const saved = createSavedConnection<
    ConnectWiseConnectionFields,
    Identity,
    { companyName: string | null; apiVersion: string },
    SavedConnectWiseConnection
  >(
    {
      titles: {
        testPassed: 'Connection test succeeded',
        testFailed: 'Connection test failed',
        notSaved: 'Credentials not saved',
        saved: 'ConnectWise credentials saved',
        removed: 'Integration disconnected',
      },
      removedWhile: {
        testing: 'The integration was disconnected while testing the connection.',
        saving: 'The integration was disconnected while saving.',
      },
      secretName: 'private key',
      secretField: 'privateKey',
      identityOf(fields) {
        const site = normalizeSiteUrl(fields.siteUrl);
        if (!site.ok) return { kind: 'Validation Error', field: 'siteUrl', message: site.reason };
        return {
          siteUrl: site.siteUrl,
          companyId: fields.companyId.trim(),
          publicKey: fields.publicKey.trim(),
        };
      },
      typedSecret: (fields) => fields.privateKey,
      sameIdentity: (a, b) =>
        a.siteUrl === b.siteUrl && a.companyId === b.companyId && a.publicKey === b.publicKey,
      account: keychainAccount,
      secretMissing: (before) =>
        before
          ? 'Enter the API Private Key again: it is needed whenever another field changes.'
          : 'Enter the API Private Key.',
      // Every endpoint the app will need, so a missing permission shows now, not mid-sync.
      async probe(identity, privateKey, signal) {
        const client = await deps.connect({ ...identity, privateKey }, { signal });
        const info = await client.systemInfo({ signal });
        await client.companies.list({ pageSize: 1, fields: ['id', 'name'] }, { signal });
        await client.agreementTypes.all({ pageSize: 1000, fields: ['id', 'name'] }, { signal });
        await client.catalog.list({ pageSize: 1, fields: ['id', 'identifier'] }, { signal });
        return { companyName: client.companyInfo.CompanyName ?? null, apiVersion: info.version };
      },
      deadlineMs: 30_000,
      timedOut: () =>
        new ConnectWiseError(
          'Response Error',
          'ConnectWise did not answer within 30 seconds. Check the API URL and try again.',
        ),
      toSaved: (identity, learnt, savedAt) => ({
        ...identity,
        savedAt,
        apiVersion: learnt.apiVersion,
      }),
      read: () => deps.settings.get().connectwiseConnection,
      write(connection) {
        deps.settings.update((settings) => ({
          ...settings,
          connectwiseConnection: connection,
          everConnected: settings.everConnected || connection !== null,
        }));
      },
      describe: siteOf,
      describeLearnt: (identity, learnt) => `${siteOf(identity)}, ConnectWise ${learnt.apiVersion}`,
      fieldFor: { 'Unknown Company': 'companyId', 'Site Unreachable': 'siteUrl' },
      permissionOf: (error) =>
        error instanceof ConnectWiseError ? error.facts.permission : undefined,
    },
    deps,
  );

  let cachedClient: {
    account: string;
    savedAt: string;
    client: Promise<ConnectWiseClient>;
  } | null = null;

  function view(connection: SavedConnectWiseConnection): ConnectWiseConnectionView {
    return {
      siteUrl: connection.siteUrl,
      companyId: connection.companyId,
      publicKey: connection.publicKey,
      savedAt: connection.savedAt,
      apiVersion: connection.apiVersion,
      privateKeySaved: true,
    };
  }

  return {
    current: (): ConnectWiseConnectionView | null => {
      const connection = saved.current();
      return connection ? view(connection) : null;
    },
    test: (fields: ConnectWiseConnectionFields): Promise<ConnectWiseTestResult> =>
      saved.test(fields),
    async save(fields: ConnectWiseConnectionFields): Promise<ConnectWiseSaveResult> {
      const outcome = await saved.save(fields);
      if (!outcome.ok) return outcome;
      cachedClient = null;
      return { ok: true, connection: view(outcome.saved) };
    },
    /** Cancels running jobs, then forgets the connection and deletes the key. */
    async disconnect(): Promise<void> {
      await saved.remove(() => {
        const cancelled = deps.jobs.cancelAll('the integration was disconnected');
        return `${cancelled} running job(s) cancelled.`;
      });
      cachedClient = null;
    },
    /** A client for the saved connection, for the other capabilities. */
    async client(signal?: AbortSignal): Promise<ConnectWiseClient> {
      const connection = saved.current();
      if (!connection || saved.isRemoving()) {
        throw new AppError(
          'Not Connected',
          'ConnectWise is not connected: save the credentials first.',
        );
      }
      const account = keychainAccount(connection);
      if (cachedClient?.account === account && cachedClient.savedAt === connection.savedAt) {
        return cachedClient.client;
      }
      const pending = (async () => {
        const privateKey = await saved.secretOf(connection);
        // A Disconnect during the keychain read may have deleted the key: say what happened.
        if (signal?.aborted) throw new AppError('Cancelled', 'The integration was disconnected.');
        if (!privateKey) {
          throw new AppError(
            'Not Connected',
            'The private key is missing from the OS keychain: enter the credentials again.',
          );
        }
        return deps.connect({ ...connection, privateKey }, { signal });
      })();
      cachedClient = { account, savedAt: connection.savedAt, client: pending };
      pending.catch(() => {
        if (cachedClient?.client === pending) cachedClient = null;
      });
      return pending;
    },
  };
}

export type ConnectWiseConnection = ReturnType<typeof createConnectWiseConnection>;
