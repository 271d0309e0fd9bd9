import type {
  PlatformConnectionFields,
  PlatformConnectionView,
  PlatformSaveResult,
  PlatformTestResult,
} from '@shared/contract';
import { normalizePlatformBaseUrl } from '@shared/siteUrl';
import { createSavedConnection } from '../connection';
import { AppError } from '../errors';
import type { AuditLog, SystemLog } from '../logs';
import type { PlatformClient } from '../platform-api';
import type { SecretStore } from '../ports';
import type { SavedPlatformConnection, SettingsStore } from '../settings';

export interface PlatformConnectionDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  createClient: (connection: { baseUrl: string; token: string }) => PlatformClient;
  systemLog: SystemLog;
  audit: AuditLog;
  now: () => Date;
  osUserName: () => string;
}

const tokenAccount = (connection: { baseUrl: string }) => `platform@${connection.baseUrl}`;

/** The "Platform Connection" card: base URL + API token, the token in the OS keychain only. */
export function createPlatformConnection(deps: PlatformConnectionDeps) {
  const saved = createSavedConnection<
    PlatformConnectionFields,
    { baseUrl: string },
    { platformName: string; accountName: string },
    SavedPlatformConnection
  >(
    {
      titles: {
        testPassed: 'Platform connection test succeeded',
        testFailed: 'Platform connection test failed',
        notSaved: 'Platform connection not saved',
        saved: 'Platform connection saved',
        removed: 'Platform connection removed',
      },
      removedWhile: {
        testing: 'The Platform connection was removed while testing it.',
        saving: 'The Platform connection was removed while saving it.',
      },
      secretName: 'token',
      secretField: 'token',
      identityOf(fields) {
        const url = normalizePlatformBaseUrl(fields.baseUrl);
        if (!url.ok) return { kind: 'Validation Error', field: 'baseUrl', message: url.reason };
        return { baseUrl: url.baseUrl };
      },
      typedSecret: (fields) => fields.token,
      sameIdentity: (a, b) => a.baseUrl === b.baseUrl,
      account: tokenAccount,
      secretMissing: (before) =>
        before
          ? 'Enter the API token again: it is needed when the base URL changes.'
          : 'Enter the API token.',
      async probe(identity, token, signal) {
        const account = await deps.createClient({ ...identity, token }).me(signal);
        return { platformName: account.platformName, accountName: account.accountName };
      },
      deadlineMs: 30_000,
      timedOut: () =>
        new AppError('Response Error', 'The Platform did not answer within 30 seconds.'),
      toSaved: (identity, learnt, savedAt) => ({
        ...identity,
        ...learnt,
        savedAt,
      }),
      read: () => deps.settings.get().platformConnection,
      write(connection) {
        deps.settings.update((settings) => ({ ...settings, platformConnection: connection }));
      },
      describe: (identity) => identity.baseUrl,
      describeLearnt: (identity, learnt) =>
        `${identity.baseUrl} (${learnt.platformName}, ${learnt.accountName})`,
      fieldFor: {
        'Authentication Error': 'token',
        'Site Unreachable': 'baseUrl',
        'Not Found': 'baseUrl',
      },
    },
    deps,
  );

  return {
    current(): PlatformConnectionView | null {
      const connection = saved.current();
      return connection ? { ...connection, tokenSaved: true } : null;
    },
    test: (fields: PlatformConnectionFields): Promise<PlatformTestResult> => saved.test(fields),
    async save(fields: PlatformConnectionFields): Promise<PlatformSaveResult> {
      const outcome = await saved.save(fields);
      return outcome.ok
        ? { ok: true, connection: { ...outcome.saved, tokenSaved: true } }
        : outcome;
    },
    async remove(): Promise<void> {
      await saved.remove();
    },
    /** A client for the saved connection. */
    async client(): Promise<PlatformClient> {
      const connection = saved.current();
      const token = connection && !saved.isRemoving() ? await saved.secretOf(connection) : null;
      if (!connection || !token) {
        throw new AppError(
          'Not Connected',
          'The Platform is not connected: save its base URL and API token first.',
        );
      }
      return deps.createClient({ baseUrl: connection.baseUrl, token });
    },
  };
}

export type PlatformConnection = ReturnType<typeof createPlatformConnection>;
