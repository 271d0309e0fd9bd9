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
  {
    version: 2,
    name: 'ConnectWise companies pulled for mapping',
    sql: `
      CREATE TABLE cw_company (
        id INTEGER PRIMARY KEY,
        identifier TEXT,
        name TEXT NOT NULL,
        status TEXT,
        deleted INTEGER NOT NULL DEFAULT 0,
        default_contact_id INTEGER,
        last_updated TEXT,
        pulled_at TEXT NOT NULL
      );
      CREATE INDEX cw_company_name ON cw_company (name COLLATE NOCASE);
    `,
  },
  {
    version: 3,
    name: 'every saved configuration, so a sync run can say which one it used',
    sql: `
      CREATE TABLE configuration_version (
        version INTEGER PRIMARY KEY,
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        configuration TEXT NOT NULL
      );
    `,
  },
];
