import { type ConnectionProblem, type ErrorKind, saveFailedMessage } from '@shared/contract';
import { AppError } from '../errors';
import type { AuditLog, SystemLog } from '../logs';
import type { SecretStore } from '../ports';

type Field = NonNullable<ConnectionProblem['field']>;

/** What makes one connection (ConnectWise, the Platform) different from the other. */
export interface ConnectionSpec<Fields, Identity, Learnt, Saved extends Identity> {
  /** Log titles and audit actions. */
  titles: {
    testPassed: string;
    testFailed: string;
    notSaved: string;
    saved: string;
    removed: string;
  };
  /** Messages of a test or save that a removal stopped. */
  removedWhile: { testing: string; saving: string };
  /** "private key", "token": named in keychain errors. */
  secretName: string;
  secretField: Field;
  /** The typed fields, normalized, without the secret; or the field that is wrong. */
  identityOf(fields: Fields): Identity | ConnectionProblem;
  typedSecret(fields: Fields): string;
  sameIdentity(a: Identity, b: Identity): boolean;
  /** The keychain account the secret of this identity is kept under. */
  account(identity: Identity): string;
  /** Why a missing secret is needed; `saved` tells whether one was saved before. */
  secretMissing(saved: Saved | null): string;
  /** Checks the connection against the service; throws an AppError saying why not. */
  probe(identity: Identity, secret: string, signal: AbortSignal): Promise<Learnt>;
  deadlineMs: number;
  /** The error when the service did not answer within `deadlineMs`. */
  timedOut(): AppError;
  toSaved(identity: Identity, learnt: Learnt, savedAt: string): Saved;
  /** The saved connection in settings, and how to change it there. */
  read(): Saved | null;
  write(saved: Saved | null): void;
  /** For audit and log details: which site, never a secret. */
  describe(identity: Identity): string;
  describeLearnt(identity: Identity, learnt: Learnt): string;
  /** The form field each kind of problem points at. */
  fieldFor: Partial<Record<ErrorKind, Field>>;
  permissionOf?(error: AppError): string | undefined;
}

export interface SavedConnectionDeps {
  secrets: SecretStore;
  systemLog: SystemLog;
  audit: AuditLog;
  now: () => Date;
  osUserName: () => string;
}

export type TestOutcome<Learnt> =
  | ({ ok: true } & Learnt)
  | { ok: false; problem: ConnectionProblem };
export type SaveOutcome<Saved> =
  | { ok: true; saved: Saved }
  | { ok: false; message: string; problem: ConnectionProblem };

/**
 * The one way both connections are tested, saved and removed. The secret goes to the OS
 * keychain and nowhere else; settings hold the rest. Saves and removals take turns, and a
 * removal stops tests and saves in flight: a save still testing when a removal is asked for
 * stores nothing, and one already storing finishes first and is then undone by the removal.
 * Keychain failures become "Keychain Error"s that say what could not be done.
 */
export function createSavedConnection<Fields, Identity, Learnt, Saved extends Identity>(
  spec: ConnectionSpec<Fields, Identity, Learnt, Saved>,
  deps: SavedConnectionDeps,
) {
  let changing: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(change: () => Promise<T>): Promise<T> => {
    const next = changing.then(change, change);
    changing = next.catch(() => undefined);
    return next;
  };
  const probes = new Set<AbortController>();
  let removing = false;
  /** Counts removals, so a save that was still testing when one was asked for stores nothing. */
  let removals = 0;

  function keychainError(action: 'read' | 'store' | 'delete', error: unknown): AppError {
    const reason = error instanceof Error ? error.message : String(error);
    return new AppError(
      'Keychain Error',
      `The OS keychain could not ${action} the ${spec.secretName} (${reason}).`,
    );
  }

  async function secretOf(identity: Identity): Promise<string | null> {
    try {
      return await deps.secrets.get(spec.account(identity));
    } catch (error) {
      throw keychainError('read', error);
    }
  }

  function problemOf(error: unknown): ConnectionProblem {
    if (!(error instanceof AppError)) {
      return {
        kind: 'Internal Error',
        message: 'Something went wrong inside the app. The details are in the log.',
      };
    }
    const problem: ConnectionProblem = { kind: error.kind, message: error.message };
    const field = spec.fieldFor[error.kind];
    if (field) problem.field = field;
    const permission = spec.permissionOf?.(error);
    if (permission) problem.permission = permission;
    return problem;
  }

  /** The connection to try: the typed fields, with the saved secret when none was typed. */
  async function resolve(
    fields: Fields,
  ): Promise<{ identity: Identity; secret: string } | ConnectionProblem> {
    const identity = spec.identityOf(fields);
    if (isProblem(identity)) return identity;
    const typed = spec.typedSecret(fields);
    if (typed) return { identity, secret: typed };
    const saved = spec.read();
    const secret = saved && spec.sameIdentity(saved, identity) ? await secretOf(saved) : null;
    if (!secret) {
      return {
        kind: 'Validation Error',
        field: spec.secretField,
        message: spec.secretMissing(saved),
      };
    }
    return { identity, secret };
  }

  async function probe(identity: Identity, secret: string): Promise<Learnt> {
    const controller = new AbortController();
    probes.add(controller);
    const deadline = AbortSignal.timeout(spec.deadlineMs);
    try {
      return await spec.probe(identity, secret, AbortSignal.any([controller.signal, deadline]));
    } catch (error) {
      if (deadline.aborted) throw spec.timedOut();
      if (controller.signal.aborted) throw new AppError('Cancelled', spec.removedWhile.testing);
      throw error;
    } finally {
      probes.delete(controller);
    }
  }

  async function test(fields: Fields): Promise<TestOutcome<Learnt>> {
    const target = await resolve(fields);
    if (isProblem(target)) return { ok: false, problem: target };
    try {
      const learnt = await probe(target.identity, target.secret);
      deps.systemLog.write({
        level: 'info',
        title: spec.titles.testPassed,
        details: spec.describeLearnt(target.identity, learnt),
      });
      return { ok: true, ...learnt };
    } catch (error) {
      const problem = problemOf(error);
      deps.systemLog.write({
        level: 'error',
        title: `${spec.titles.testFailed}: ${problem.kind}`,
        details: `${spec.describe(target.identity)}: ${problem.message}`,
        error,
      });
      return { ok: false, problem };
    }
  }

  function notSaved(identity: Identity | null, problem: ConnectionProblem): SaveOutcome<Saved> {
    deps.systemLog.write({
      level: 'error',
      title: `${spec.titles.notSaved}: ${problem.kind}`,
      details: identity ? `${spec.describe(identity)}: ${problem.message}` : problem.message,
    });
    return { ok: false, message: saveFailedMessage, problem };
  }

  async function saveNow(fields: Fields, removedSince: () => boolean): Promise<SaveOutcome<Saved>> {
    const target = await resolve(fields).catch((error: unknown) => problemOf(error));
    if (isProblem(target)) return { ok: false, message: saveFailedMessage, problem: target };
    const { identity, secret } = target;
    let learnt: Learnt;
    try {
      learnt = await probe(identity, secret);
    } catch (error) {
      return notSaved(identity, problemOf(error));
    }
    if (removedSince()) {
      return {
        ok: false,
        message: saveFailedMessage,
        problem: { kind: 'Cancelled', message: spec.removedWhile.saving },
      };
    }

    const previous = spec.read();
    const account = spec.account(identity);
    const previousAccount = previous ? spec.account(previous) : null;
    let secretBefore: string | null = null;
    try {
      if (previousAccount === account) secretBefore = await deps.secrets.get(account);
      await deps.secrets.set(account, secret);
    } catch (error) {
      return notSaved(null, problemOf(keychainError('store', error)));
    }
    const saved = spec.toSaved(identity, learnt, deps.now().toISOString());
    try {
      spec.write(saved);
    } catch (error) {
      // Put the keychain back as it was, so it matches the settings still in force.
      await (secretBefore !== null
        ? deps.secrets.set(account, secretBefore)
        : deps.secrets.delete(account)
      ).catch(() => false);
      throw error;
    }
    if (previousAccount && previousAccount !== account) {
      await deps.secrets.delete(previousAccount).catch((error: unknown) => {
        deps.systemLog.write({
          level: 'warning',
          title: `The previous ${spec.secretName} could not be removed from the keychain`,
          details: keychainError('delete', error).message,
        });
      });
    }
    deps.audit.record({
      actor: deps.osUserName(),
      action: spec.titles.saved,
      details: spec.describe(saved),
    });
    deps.systemLog.write({
      level: 'info',
      title: spec.titles.saved,
      details: spec.describeLearnt(saved, learnt),
    });
    return { ok: true, saved };
  }

  async function removeNow(stop: () => string | undefined): Promise<Saved | null> {
    const note = stop();
    const saved = spec.read();
    if (saved) {
      try {
        await deps.secrets.delete(spec.account(saved));
      } catch (error) {
        throw keychainError('delete', error);
      }
    }
    spec.write(null);
    const at = deps.now().toISOString();
    const site = saved ? spec.describe(saved) : 'Nothing was saved';
    deps.audit.record({
      actor: deps.osUserName(),
      action: spec.titles.removed,
      details: `${site} at ${at}`,
    });
    deps.systemLog.write({
      level: 'info',
      title: spec.titles.removed,
      details: note ? `${site}; ${note}` : site,
    });
    return saved;
  }

  return {
    current: (): Saved | null => spec.read(),
    test,
    save(fields: Fields): Promise<SaveOutcome<Saved>> {
      const removalsBefore = removals;
      return oneAtATime(() => saveNow(fields, () => removals !== removalsBefore));
    },
    /**
     * Stops what runs now, waits for a save in flight, then forgets the connection and deletes
     * its secret. `stop` runs first and again just before the removal (whatever started in
     * between stops too); what it returns the last time is added to the log entry.
     */
    async remove(stop: () => string | undefined = () => undefined): Promise<Saved | null> {
      removing = true;
      removals += 1;
      for (const controller of probes) controller.abort();
      stop();
      try {
        return await oneAtATime(() => removeNow(stop));
      } finally {
        removing = false;
      }
    },
    /** True while a removal runs: no new client may be made from what is about to go. */
    isRemoving: () => removing,
    /** The saved secret of a connection, from the keychain. */
    secretOf,
  };
}

export type SavedConnection<Fields, Identity, Learnt, Saved extends Identity> = ReturnType<
  typeof createSavedConnection<Fields, Identity, Learnt, Saved>
>;

function isProblem(value: unknown): value is ConnectionProblem {
  return typeof value === 'object' && value !== null && 'kind' in value && 'message' in value;
}
