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

describe('upgrading a database that holds data', () => {
  it('keeps lines, overrides, load history and sync results through every later migration', () => {
    const path = join(temporaryDirectory(), 'data.sqlite');
    const v4 = openDatabase(path, migrations.slice(0, 4));
    v4.exec(`
      INSERT INTO load_history (id, periods, source, started_at, status, actor)
        VALUES (1, '["2026-10"]', 'file', '2026-10-05T10:00:00Z', 'loaded', 'anna'),
               (2, '["2026-10"]', 'platform', '2026-10-06T10:00:00Z', 'running', 'anna');
      INSERT INTO platform_offer (id, name, vendor, seen_at) VALUES ('OF-1', 'Offer', NULL, 'x');
    `);
    const line = (id: string, status: string, additionId: number | null) =>
      v4
        .prepare(
          `INSERT INTO invoice_line (line_id, period, invoice_id, invoice_date, organization_id,
             organization_name, contract_id, currency, subscription_id, subscription_name, offer_id,
             offer_name, vendor, charge_type, billing_cycle, quantity, unit_price, unit_cost,
             charge_start, charge_end, override_charge_end, sync_status, cw_addition_id, synced_at, load_id)
           VALUES (?, '2026-10', 'INV-1', '2026-10-01', 'ORG-1', 'Contoso', 'CTR-1', 'EUR', 'SUB-1',
             'M365', 'OF-1', 'Offer', NULL, 'Cycle Fee', 'Monthly', '3', '12.50', NULL,
             '2026-10-01', '2026-10-31', '2026-10-15', ?, ?, ?, 1)`,
        )
        .run(id, status, additionId, additionId ? '2026-10-20T00:00:00Z' : null);
    line('L1', 'unsynced', null);
    line('L2', 'synced', 4711);
    v4.close();

    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(migrations.at(-1)?.version);
    expect(
      db
        .prepare(
          'SELECT line_id, quantity, charge_start_date, override_charge_end, status, status_detail FROM invoice_line_status ORDER BY line_id',
        )
        .all(),
    ).toEqual([
      {
        line_id: 'L1',
        quantity: '3',
        charge_start_date: '2026-10-01',
        override_charge_end: '2026-10-15',
        status: 'Not Mapped',
        status_detail: 'Map the Organization and the Offer.',
      },
      {
        line_id: 'L2',
        quantity: '3',
        charge_start_date: '2026-10-01',
        override_charge_end: '2026-10-15',
        status: 'Synced',
        status_detail: 'Addition 4711 at 2026-10-20T00:00:00Z',
      },
    ]);
    expect(db.prepare('SELECT id, status FROM load_history ORDER BY id').all()).toEqual([
      { id: 1, status: 'loaded' },
      { id: 2, status: 'running' },
    ]);
    expect(db.prepare('SELECT last_invoiced_on FROM platform_offer').all()).toEqual([
      { last_invoiced_on: '2026-10-01' },
    ]);
    // The grid's search finds the lines by these values (schema 9).
    expect(
      db
        .prepare(
          'SELECT period, column_name, value FROM invoice_line_search_value ORDER BY column_name',
        )
        .all(),
    ).toEqual(
      [
        ['contract_id', 'CTR-1'],
        ['invoice_id', 'INV-1'],
        ['offer_id', 'OF-1'],
        ['offer_name', 'Offer'],
        ['organization_name', 'Contoso'],
        ['subscription_name', 'M365'],
      ].map(([column_name, value]) => ({ period: '2026-10', column_name, value })),
    );
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    // A line's sync result goes with the line.
    db.prepare("DELETE FROM invoice_line WHERE line_id = 'L2'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM line_sync_result').get()).toEqual({ n: 0 });
    db.close();
  });
});
