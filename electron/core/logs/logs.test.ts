import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../tests/support/fakePorts';
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
      title: 'Response Error',
      details: 'Line 7',
      context: { status: 502 },
    });
    expect(log.recent()).toEqual([
      expect.objectContaining({
        at: '2026-11-25T08:01:00.000Z',
        level: 'error',
        title: 'Response Error',
        details: 'Line 7',
        context: { status: 502 },
      }),
      expect.objectContaining({
        at: '2026-11-25T08:00:00.000Z',
        level: 'info',
        details: '',
        context: null,
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
