import { existsSync, renameSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { migrations as appMigrations, type Migration } from './migrations';
import { inTransaction } from './transaction';

export type Database = DatabaseSync;

/** Opens (or creates) the app's SQLite file in WAL mode and brings its schema up to date. */
export function openDatabase(path: string, migrations: readonly Migration[] = appMigrations) {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db, migrations);
  db.exec('PRAGMA foreign_keys = ON');
  return db;
}

/** A damaged database file, moved aside so the app could start with a new one. */
export interface DamagedDatabase {
  keptAt: string;
  reason: string;
}

function damageOf(path: string): string | null {
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(path);
    const rows = db.prepare('PRAGMA quick_check').all() as Array<{ quick_check: string }>;
    const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
    return problems.length > 0 ? problems.slice(0, 3).join('; ') : null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    try {
      db?.close();
    } catch {
      // Closing a file SQLite could not read fails as well; nothing is open then.
    }
  }
}

/**
 * Opens the app's database like `openDatabase`. A file SQLite finds damaged (`PRAGMA
 * quick_check`, or not a database at all) is renamed with its WAL files to
 * `<name>.damaged-<time>` and a new one is started: the app starts, and says what was kept where.
 */
export function openDatabaseKeepingDamaged(
  path: string,
  now: Date,
): { db: Database; damaged: DamagedDatabase | null } {
  if (path === ':memory:' || !existsSync(path)) return { db: openDatabase(path), damaged: null };
  const reason = damageOf(path);
  if (!reason) return { db: openDatabase(path), damaged: null };
  const keptAt = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, keptAt);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, keptAt + suffix);
  }
  return { db: openDatabase(path), damaged: { keptAt, reason } };
}

export function schemaVersion(db: Database): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

/**
 * Runs each pending migration in its own transaction. Foreign keys are off meanwhile (SQLite's
 * own recipe for rebuilding a table that others reference) and checked before each commit.
 */
function migrate(db: Database, migrations: readonly Migration[]) {
  const applied = schemaVersion(db);
  const newest = migrations.at(-1)?.version ?? 0;
  if (applied > newest) {
    throw new Error(
      `The database was written by a newer version of the app (schema ${applied}, this version knows ${newest}).`,
    );
  }
  db.exec('PRAGMA foreign_keys = OFF');
  for (const migration of migrations) {
    if (migration.version <= applied) continue;
    inTransaction(db, () => {
      db.exec(migration.sql);
      const broken = db.prepare('PRAGMA foreign_key_check').all();
      if (broken.length > 0) {
        throw new Error(
          `Migration ${migration.version} (${migration.name}) broke ${broken.length} foreign key(s).`,
        );
      }
      db.exec(`PRAGMA user_version = ${migration.version}`);
    });
  }
}
