import type { DatabaseSync } from 'node:sqlite';

/**
 * The one way to write several statements atomically. One SQLite connection serves every
 * capability, so a transaction left open across an `await` would swallow whatever else is written
 * meanwhile (a log line, an audit row, a record of what was sent to ConnectWise) and lose it on a
 * crash. Hence: the work is synchronous (a returned promise is refused and rolled back), short,
 * and never nested. (Work that awaits is refused, but whatever it does after its first await
 * runs outside any transaction: never pass async work.)
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  if (db.isTransaction) {
    throw new Error('A transaction is already open on this connection: transactions never nest.');
  }
  db.exec('BEGIN IMMEDIATE');
  let result: T;
  try {
    result = work();
    if (isPromiseLike(result)) {
      throw new Error('A transaction must be synchronous: its work returned a promise.');
    }
  } catch (error) {
    // SQLite may have rolled back already (ON CONFLICT ROLLBACK, a full disk): keep its error.
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
  try {
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return result;
}

function isPromiseLike(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
