import {
  type ConnectionProblem,
  type PlatformConnectionFields,
  type PlatformConnectionView,
  type PlatformSaveResult,
  type PlatformTestResult,
  saveFailedMessage,
} from '../../../shared/contract';
import { normalizePlatformBaseUrl } from '../../../shared/siteUrl';
import { AppError } from '../errors';
import type { AuditLog, SystemLog } from '../logs';
import type { SecretStore } from '../ports';
import type { SettingsStore } from '../settings';
import type { PlatformAccount, PlatformClient } from './api';

export interface PlatformConnectionDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  createClient: (connection: { baseUrl: string; token: string }) => PlatformClient;
  systemLog: SystemLog;
  audit: AuditLog;
  now: () => Date;
  osUserName: () => string;
}

const tokenAccount = (baseUrl: string) => `platform@${baseUrl}`;
const deadlineMs = 30_000;

/** The "Platform Connection" card: base URL + API token, the token in the OS keychain only. */
export function createPlatformConnection(deps: PlatformConnectionDeps) {
  async function resolve(
    fields: PlatformConnectionFields,
  ): Promise<{ baseUrl: string; token: string } | ConnectionProblem> {
    const url = normalizePlatformBaseUrl(fields.baseUrl);
    if (!url.ok) return { kind: 'Validation Error', field: 'baseUrl', message: url.reason };
    if (fields.token) return { baseUrl: url.baseUrl, token: fields.token };
    const saved = deps.settings.get().platform;
    const token =
      saved?.baseUrl === url.baseUrl ? await deps.secrets.get(tokenAccount(url.baseUrl)) : null;
    if (!token) {
      return {
        kind: 'Validation Error',
        field: 'token',
        message: saved
          ? 'Enter the API token again: it is needed when the base URL changes.'
          : 'Enter the API token.',
      };
    }
    return { baseUrl: url.baseUrl, token };
  }

  async function check(connection: { baseUrl: string; token: string }): Promise<PlatformAccount> {
    const deadline = AbortSignal.timeout(deadlineMs);
    try {
      return await deps.createClient(connection).me(deadline);
    } catch (error) {
      if (deadline.aborted) {
        throw new AppError(
          'Response Error',
          `The Platform did not answer within ${deadlineMs / 1000} seconds.`,
        );
      }
      throw error;
    }
  }

  function problemOf(error: unknown): ConnectionProblem {
    if (error instanceof AppError) {
      const problem: ConnectionProblem = { kind: error.kind, message: error.message };
      if (error.kind === 'Authentication Error') problem.field = 'token';
      if (error.kind === 'Site Unreachable' || error.kind === 'Not Found')
        problem.field = 'baseUrl';
      return problem;
    }
    return {
      kind: 'Internal Error',
      message: 'Something went wrong inside the app. The details are in the log.',
    };
  }

  return {
    current(): PlatformConnectionView | null {
      const saved = deps.settings.get().platform;
      return saved ? { ...saved, tokenSaved: true } : null;
    },

    async test(fields: PlatformConnectionFields): Promise<PlatformTestResult> {
      const connection = await resolve(fields);
      if ('kind' in connection) return { ok: false, problem: connection };
      try {
        const account = await check(connection);
        deps.systemLog.write({
          level: 'info',
          title: 'Platform connection test succeeded',
          details: connection.baseUrl,
        });
        return { ok: true, platformName: account.platformName, accountName: account.accountName };
      } catch (error) {
        const problem = problemOf(error);
        deps.systemLog.write({
          level: 'error',
          title: `Platform connection test failed: ${problem.kind}`,
          details: `${connection.baseUrl}: ${problem.message}`,
        });
        return { ok: false, problem };
      }
    },

    async save(fields: PlatformConnectionFields): Promise<PlatformSaveResult> {
      const connection = await resolve(fields);
      if ('kind' in connection)
        return { ok: false, message: saveFailedMessage, problem: connection };
      let account: PlatformAccount;
      try {
        account = await check(connection);
      } catch (error) {
        const problem = problemOf(error);
        deps.systemLog.write({
          level: 'error',
          title: `Platform connection not saved: ${problem.kind}`,
          details: `${connection.baseUrl}: ${problem.message}`,
        });
        return { ok: false, message: saveFailedMessage, problem };
      }
      const previous = deps.settings.get().platform;
      try {
        await deps.secrets.set(tokenAccount(connection.baseUrl), connection.token);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          message: saveFailedMessage,
          problem: {
            kind: 'Keychain Error',
            message: `The OS keychain could not store the token (${reason}).`,
          },
        };
      }
      const saved = {
        baseUrl: connection.baseUrl,
        platformName: account.platformName,
        accountName: account.accountName,
        savedAt: deps.now().toISOString(),
      };
      deps.settings.update((settings) => ({ ...settings, platform: saved }));
      if (previous && previous.baseUrl !== saved.baseUrl) {
        await deps.secrets.delete(tokenAccount(previous.baseUrl)).catch(() => false);
      }
      deps.audit.record({
        actor: deps.osUserName(),
        action: 'Platform connection saved',
        details: saved.baseUrl,
      });
      deps.systemLog.write({
        level: 'info',
        title: 'Platform connection saved',
        details: `${saved.baseUrl} (${saved.platformName}, ${saved.accountName})`,
      });
      return { ok: true, connection: { ...saved, tokenSaved: true } };
    },

    async remove(): Promise<void> {
      const saved = deps.settings.get().platform;
      if (saved) await deps.secrets.delete(tokenAccount(saved.baseUrl));
      deps.settings.update((settings) => ({ ...settings, platform: null }));
      deps.audit.record({
        actor: deps.osUserName(),
        action: 'Platform connection removed',
        details: saved?.baseUrl ?? '',
      });
      deps.systemLog.write({
        level: 'info',
        title: 'Platform connection removed',
        details: saved?.baseUrl ?? '',
      });
    },

    /** A client for the saved connection. */
    async client(): Promise<PlatformClient> {
      const saved = deps.settings.get().platform;
      const token = saved ? await deps.secrets.get(tokenAccount(saved.baseUrl)) : null;
      if (!saved || !token) {
        throw new AppError(
          'Not Connected',
          'The Platform is not connected: save its base URL and API token first.',
        );
      }
      return deps.createClient({ baseUrl: saved.baseUrl, token });
    },
  };
}

export type PlatformConnection = ReturnType<typeof createPlatformConnection>;
