import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../tests/support/fakePorts';
import { ConnectWiseError } from '../connectwise';
import { AppError } from '../errors';
import { openDatabase } from '../store';
import { createAuditLog } from './auditLog';
import { createSystemLog } from './systemLog';

const day = 24 * 60 * 60 * 1000;

describe('system log', () => {
  it('keeps what it is given, newest first, with its UTC time', () => {
    const clock = new FakeClock(new Date('2026-11-25T08:00:00Z'));
    const log = createSystemLog(openDatabase(':memory:'), clock);
    log.write({ level: 'info', title: 'Sync started' });
    clock.advance(60_000);
    log.write({
      level: 'error',
      title: 'Line not posted: Response Error',
      details: 'Line 7',
      error: new AppError('Response Error', 'ConnectWise had a temporary problem.'),
    });
    expect(log.recent()).toEqual([
      expect.objectContaining({
        at: '2026-11-25T08:01:00.000Z',
        level: 'error',
        title: 'Line not posted: Response Error',
        details: 'Line 7',
        hasDetail: true,
      }),
      expect.objectContaining({
        at: '2026-11-25T08:00:00.000Z',
        level: 'info',
        details: '',
        hasDetail: false,
      }),
    ]);
  });

  it('deletes entries older than 30 days and keeps the rest', () => {
    const clock = new FakeClock(new Date('2026-10-01T00:00:00Z'));
    const log = createSystemLog(openDatabase(':memory:'), clock);
    log.write({ level: 'info', title: 'old' });
    clock.set('2026-10-20T00:00:00Z');
    log.write({ level: 'warning', title: 'recent' });
    clock.set(new Date(Date.parse('2026-10-01T00:00:00Z') + 30 * day + 1));
    expect(log.prune()).toBe(1);
    expect(log.recent().map((entry) => entry.title)).toEqual(['recent']);
  });

  it('prunes by itself while writing, at most hourly', () => {
    const clock = new FakeClock(new Date('2026-01-01T00:00:00Z'));
    const log = createSystemLog(openDatabase(':memory:'), clock);
    log.write({ level: 'info', title: 'January' });
    clock.set('2026-03-01T00:00:00Z');
    log.write({ level: 'info', title: 'March' });
    expect(log.recent().map((entry) => entry.title)).toEqual(['March']);
  });

  it('refuses a level the System Logs screen cannot show', () => {
    const log = createSystemLog(openDatabase(':memory:'), new FakeClock(new Date()));
    expect(() => log.write({ level: 'debug' as 'info', title: 'x' })).toThrow();
  });
});

describe('System Logs: tiles, filter, search, detail and export', () => {
  function filledLog() {
    const clock = new FakeClock(new Date('2026-11-01T09:00:00Z'));
    const db = openDatabase(':memory:');
    const log = createSystemLog(db, clock);
    log.write({ level: 'info', title: 'Organizations synced', details: '40 organizations' });
    clock.advance(60_000);
    log.write({ level: 'warning', title: 'Invoice lines not loaded', details: 'row 3: no price' });
    clock.advance(60_000);
    const refused = new ConnectWiseError(
      'Validation Error',
      'ConnectWise refused the request because of "quantity": must be positive',
      undefined,
      {
        method: 'POST',
        path: '/finance/agreements/12/additions',
        status: 400,
        requestBody: JSON.stringify({ quantity: -1, product: { id: 9 } }),
        responseBody: JSON.stringify({ code: 'InvalidObject', errors: [{ field: 'quantity' }] }),
      },
    );
    log.write({
      level: 'error',
      title: 'Line not posted: Validation Error',
      details: 'L-7: ConnectWise refused the request because of "quantity"',
      error: refused,
      subject: { kind: 'lines', period: '2026-10', lineIds: ['L-7'] },
    });
    return { log, clock, db };
  }

  it('counts the last 30 days by level, and says when the newest entry came', () => {
    const { log } = filledLog();
    expect(log.summary()).toEqual({
      total: 3,
      errors: 1,
      warnings: 1,
      lastUpdate: '2026-11-01T09:02:00.000Z',
    });
  });

  it('filters by level and searches titles and details, newest first, a page at a time', () => {
    const { log } = filledLog();
    expect(log.page({ offset: 0, limit: 2 })).toMatchObject({
      total: 3,
      rows: [{ level: 'error' }, { level: 'warning' }],
    });
    expect(log.page({ offset: 2, limit: 2 }).rows.map((row) => row.title)).toEqual([
      'Organizations synced',
    ]);
    expect(log.page({ offset: 0, limit: 50, level: 'error' }).rows).toHaveLength(1);
    expect(log.page({ offset: 0, limit: 50, search: 'no price' }).rows[0]?.title).toBe(
      'Invoice lines not loaded',
    );
    // Typed text is taken literally, not as a LIKE pattern.
    expect(log.page({ offset: 0, limit: 50, search: '%' }).total).toBe(0);
    expect(log.page({ offset: 0, limit: 50, level: 'info', search: 'quantity' }).total).toBe(0);
  });

  it('opens an entry with its troubleshooting name, remedy, line and request', () => {
    const { log } = filledLog();
    const [error] = log.page({ offset: 0, limit: 1, level: 'error' }).rows;
    expect(log.entry(error?.id ?? 0)).toMatchObject({
      kind: 'Validation Error',
      troubleshooting: {
        name: 'Validation Error',
        remedy: expect.stringMatching(/^Correct the mapping/),
      },
      subject: { kind: 'lines', period: '2026-10', lineIds: ['L-7'] },
      exchange: {
        method: 'POST',
        path: '/finance/agreements/12/additions',
        status: 400,
        requestBody: '{"quantity":-1,"product":{"id":9}}',
        responseBody: expect.stringContaining('InvalidObject'),
      },
    });
    expect(() => log.entry(999)).toThrow(/no longer kept/);
  });

  it('exports the filtered entries as CSV a spreadsheet cannot run as formulas', () => {
    const { log } = filledLog();
    log.write({ level: 'error', title: '=HYPERLINK("http://evil.test")', details: '+1' });
    const { csv, fileName, entries } = log.exportCsv({ level: 'error' });
    expect(fileName).toBe('system-logs-2026-11-01.csv');
    expect(entries).toBe(2);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('Timestamp (UTC),Level,Title,Details,Error,Request,Status');
    expect(lines[1]).toBe(
      `2026-11-01T09:02:00.000Z,ERROR,"'=HYPERLINK(""http://evil.test"")",'+1,,,`,
    );
    expect(lines[2]).toContain('Validation Error,POST /finance/agreements/12/additions,400');
  });
});

describe('redaction: no credential is ever written to the database', () => {
  it('stores a failed request without its Authorization header or the private key in its body', () => {
    const db = openDatabase(':memory:');
    const log = createSystemLog(db, new FakeClock(new Date('2026-11-01T09:00:00Z')));
    const basic = `Basic ${Buffer.from('acme+PUBLICKEY123:PRIVATEKEY456789').toString('base64')}`;
    const error = new AppError('Authentication Error', 'ConnectWise rejected the API keys.');
    error.exchange = {
      method: 'POST',
      path: '/system/members?token=tok_SECRET_0001',
      status: 401,
      requestBody: JSON.stringify({
        companyId: 'acme',
        publicKey: 'PUBLICKEY123',
        privateKey: 'PRIVATEKEY456789',
        headers: { Authorization: basic },
      }),
      responseBody: `Unauthorized. Authorization: ${basic}; private_key=PRIVATEKEY456789`,
    };
    log.write({
      level: 'error',
      title: 'Connection test failed: Authentication Error',
      details: `sent ${basic}`,
      error,
    });
    const stored = JSON.stringify(db.prepare('SELECT * FROM system_log').all());
    for (const secret of ['PRIVATEKEY456789', 'PUBLICKEY123', basic.slice(6), 'tok_SECRET_0001']) {
      expect(stored).not.toContain(secret);
    }
    expect(stored).toContain('acme');
    expect(stored).toContain('[redacted]');
  });
});

describe('audit log', () => {
  it('records who did what and when, in UTC, and is not pruned with the system log', () => {
    const db = openDatabase(':memory:');
    const clock = new FakeClock(new Date('2026-01-01T10:00:00Z'));
    const audit = createAuditLog(db, clock);
    const log = createSystemLog(db, clock);
    audit.record({ actor: 'anna', action: 'Integration disconnected', details: 'https://x.test' });
    clock.set('2026-06-01T00:00:00Z');
    log.prune();
    expect(audit.recent()).toEqual([
      expect.objectContaining({
        at: '2026-01-01T10:00:00.000Z',
        actor: 'anna',
        action: 'Integration disconnected',
        details: 'https://x.test',
      }),
    ]);
  });
});
