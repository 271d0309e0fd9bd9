/**
 * Numbered schema migrations. Each runs once, in order, inside a transaction; the database's
 * `user_version` records the last one applied. Never edit a migration that has shipped: add one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'system log and audit trail',
    sql: `
      CREATE TABLE system_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
        title TEXT NOT NULL,
        details TEXT NOT NULL DEFAULT '',
        context TEXT
      );
      CREATE INDEX system_log_at ON system_log (at);
      CREATE INDEX system_log_level_at ON system_log (level, at);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        details TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX audit_log_at ON audit_log (at);
    `,
  },
];
