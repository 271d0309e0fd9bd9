import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../../tests/support/fakePorts';
import { openDatabase, schemaVersion } from './database';
import { migrations } from './migrations';

describe('database', () => {
  it('creates the file in WAL mode with every migration applied', () => {
    const path = join(temporaryDirectory(), 'data.sqlite');
    const db = openDatabase(path);
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe(
      'wal',
    );
    expect(schemaVersion(db)).toBe(migrations.at(-1)?.version);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'system_log']));
    db.close();
  });

  it('keeps data across reopening and applies only new migrations', () => {
    const path = join(temporaryDirectory(), 'data.sqlite');
    const first = openDatabase(path, [{ version: 1, name: 'one', sql: 'CREATE TABLE t (v TEXT)' }]);
    first.prepare('INSERT INTO t VALUES (?)').run('kept');
    first.close();
    const second = openDatabase(path, [
      { version: 1, name: 'one', sql: 'CREATE TABLE t (v TEXT)' },
      { version: 2, name: 'two', sql: 'ALTER TABLE t ADD COLUMN w TEXT' },
    ]);
    expect(second.prepare('SELECT v, w FROM t').all()).toEqual([{ v: 'kept', w: null }]);
    expect(schemaVersion(second)).toBe(2);
    second.close();
  });

  it('rolls back a failing migration whole', () => {
    const path = join(temporaryDirectory(), 'data.sqlite');
    expect(() =>
      openDatabase(path, [
        { version: 1, name: 'half', sql: 'CREATE TABLE a (x); CREATE TABLE a (y);' },
      ]),
    ).toThrow();
    const db = openDatabase(path, []);
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'a'").all()).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer version of the app', () => {
    const path = join(temporaryDirectory(), 'data.sqlite');
    openDatabase(path, [
      { version: 1, name: 'one', sql: 'CREATE TABLE a (x)' },
      { version: 2, name: 'two', sql: 'CREATE TABLE b (x)' },
    ]).close();
    expect(() =>
      openDatabase(path, [{ version: 1, name: 'one', sql: 'CREATE TABLE a (x)' }]),
    ).toThrow(/newer version of the app/);
  });
});
