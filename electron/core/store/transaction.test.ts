import { describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { inTransaction } from './transaction';

function database() {
  const db = openDatabase(':memory:', [
    { version: 1, name: 't', sql: 'CREATE TABLE t (v TEXT NOT NULL)' },
  ]);
  const values = () =>
    db
      .prepare('SELECT v FROM t ORDER BY rowid')
      .all()
      .map((row) => row.v);
  return { db, values };
}

describe('inTransaction', () => {
  it('commits everything the work wrote, and returns what it returned', () => {
    const { db, values } = database();
    const result = inTransaction(db, () => {
      db.prepare('INSERT INTO t VALUES (?)').run('a');
      db.prepare('INSERT INTO t VALUES (?)').run('b');
      return 2;
    });
    expect(result).toBe(2);
    expect(values()).toEqual(['a', 'b']);
    expect(db.isTransaction).toBe(false);
  });

  it('rolls back everything when the work throws', () => {
    const { db, values } = database();
    expect(() =>
      inTransaction(db, () => {
        db.prepare('INSERT INTO t VALUES (?)').run('a');
        db.prepare('INSERT INTO t VALUES (?)').run(null);
      }),
    ).toThrow();
    expect(values()).toEqual([]);
    expect(db.isTransaction).toBe(false);
  });

  it('refuses to nest, leaving the outer transaction to decide', () => {
    const { db, values } = database();
    expect(() =>
      inTransaction(db, () => {
        db.prepare('INSERT INTO t VALUES (?)').run('outer');
        inTransaction(db, () => db.prepare('INSERT INTO t VALUES (?)').run('inner'));
      }),
    ).toThrow(/never nest/);
    expect(values()).toEqual([]);
  });

  it('refuses work that awaits, and keeps none of what it wrote before its first await', async () => {
    const { db, values } = database();
    expect(() =>
      inTransaction(db, async () => {
        db.prepare('INSERT INTO t VALUES (?)').run('before the await');
        await Promise.resolve();
      }),
    ).toThrow(/must be synchronous/);
    expect(values()).toEqual([]);
    expect(db.isTransaction).toBe(false);
    // Whatever is written next commits on its own, not into a forgotten transaction.
    db.prepare('INSERT INTO t VALUES (?)').run('later');
    expect(values()).toEqual(['later']);
  });
});

describe('inTransaction when SQLite has ended the transaction itself', () => {
  it('reports the statement’s own error, and the next transaction works', () => {
    const db = openDatabase(':memory:', [
      { version: 1, name: 't', sql: 'CREATE TABLE t (v TEXT NOT NULL ON CONFLICT ROLLBACK)' },
    ]);
    expect(() =>
      inTransaction(db, () => {
        db.prepare('INSERT INTO t VALUES (?)').run('a');
        db.prepare('INSERT INTO t VALUES (?)').run(null);
      }),
    ).toThrow(/NOT NULL/);
    expect(db.isTransaction).toBe(false);
    inTransaction(db, () => db.prepare('INSERT INTO t VALUES (?)').run('b'));
    expect(db.prepare('SELECT v FROM t').all()).toEqual([{ v: 'b' }]);
  });
});
