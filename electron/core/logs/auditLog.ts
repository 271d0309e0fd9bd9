import type { Clock } from '../ports';
import type { Database } from '../store';

export interface AuditEntry {
  actor: string;
  action: string;
  details?: string;
}

export interface StoredAuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  details: string;
}

/**
 * Who did what to the integration, and when (UTC): saves, disconnects, configuration changes.
 * Unlike the system log it is not pruned after 30 days: an audit trail that forgets is no
 * audit trail, and these rows are few.
 */
export function createAuditLog(db: Database, clock: Clock) {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, action, details) VALUES (?, ?, ?, ?)',
  );
  const selectRecent = db.prepare(
    'SELECT id, at, actor, action, details FROM audit_log ORDER BY at DESC, id DESC LIMIT ?',
  );
  return {
    record(entry: AuditEntry): void {
      insert.run(clock.now().toISOString(), entry.actor, entry.action, entry.details ?? '');
    },
    recent(limit = 100): StoredAuditEntry[] {
      return selectRecent.all(limit) as unknown as StoredAuditEntry[];
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
