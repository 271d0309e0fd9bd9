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
