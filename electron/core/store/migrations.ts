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
  {
    version: 4,
    name: 'Platform data: organizations, offers, contracts, invoices, invoice lines, loads',
    sql: `
      CREATE TABLE load_history (
        id INTEGER PRIMARY KEY,
        periods TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('platform', 'file')),
        source_name TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'loaded', 'rejected', 'failed', 'cancelled')),
        lines INTEGER NOT NULL DEFAULT 0,
        removed INTEGER NOT NULL DEFAULT 0,
        kept_synced INTEGER NOT NULL DEFAULT 0,
        outside_periods INTEGER NOT NULL DEFAULT 0,
        problems INTEGER NOT NULL DEFAULT 0,
        actor TEXT NOT NULL
      );

      CREATE TABLE platform_organization (id TEXT PRIMARY KEY, name TEXT NOT NULL, seen_at TEXT NOT NULL);
      CREATE TABLE platform_offer (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, vendor TEXT, seen_at TEXT NOT NULL
      );
      CREATE TABLE platform_contract (
        id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, seen_at TEXT NOT NULL
      );
      CREATE TABLE platform_invoice (
        id TEXT PRIMARY KEY, period TEXT NOT NULL, invoice_date TEXT NOT NULL,
        organization_id TEXT NOT NULL, currency TEXT NOT NULL
      );

      -- Platform values exactly as they came; the user's overrides beside them; what was sent.
      CREATE TABLE invoice_line (
        line_id TEXT PRIMARY KEY,
        period TEXT NOT NULL,
        invoice_id TEXT NOT NULL,
        invoice_date TEXT NOT NULL,
        organization_id TEXT NOT NULL,
        organization_name TEXT NOT NULL,
        contract_id TEXT NOT NULL,
        currency TEXT NOT NULL,
        subscription_id TEXT NOT NULL,
        subscription_name TEXT NOT NULL,
        offer_id TEXT NOT NULL,
        offer_name TEXT NOT NULL,
        vendor TEXT,
        charge_type TEXT NOT NULL,
        billing_cycle TEXT NOT NULL,
        quantity TEXT NOT NULL,
        unit_price TEXT NOT NULL,
        unit_cost TEXT,
        charge_start TEXT NOT NULL,
        charge_end TEXT NOT NULL,
        override_charge_start TEXT,
        override_charge_end TEXT,
        override_included INTEGER,
        sync_status TEXT NOT NULL DEFAULT 'unsynced'
          CHECK (sync_status IN ('unsynced', 'synced', 'failed', 'cancelled')),
        synced_at TEXT,
        cw_addition_id INTEGER,
        sent_values TEXT,
        load_id INTEGER NOT NULL REFERENCES load_history (id)
      );
      -- The default order, the organization sort, and status filters (sync, readiness). Other
      -- sorts and filters scan one month: measured under 100 ms at 100,000 lines (npm run bench),
      -- while every extra index slows each load.
      CREATE INDEX invoice_line_by_period ON invoice_line (period, invoice_date, line_id);
      CREATE INDEX invoice_line_by_organization ON invoice_line (period, organization_name COLLATE NOCASE);
      CREATE INDEX invoice_line_by_status ON invoice_line (period, sync_status);
    `,
  },
];
