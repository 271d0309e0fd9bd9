import { DatabaseSync } from 'node:sqlite';
import { migrations as appMigrations, type Migration } from './migrations';

export type Database = DatabaseSync;

/** Opens (or creates) the app's SQLite file in WAL mode and brings its schema up to date. */
export function openDatabase(path: string, migrations: readonly Migration[] = appMigrations) {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}

export function schemaVersion(db: Database): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

function migrate(db: Database, migrations: readonly Migration[]) {
  const applied = schemaVersion(db);
  const newest = migrations.at(-1)?.version ?? 0;
  if (applied > newest) {
    throw new Error(
      `The database was written by a newer version of the app (schema ${applied}, this version knows ${newest}).`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= applied) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migration.sql);
      db.exec(`PRAGMA user_version = ${migration.version}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
