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
  {
    version: 5,
    name: 'one owner per table: sync outcomes apart from invoice lines, one line status, interrupted loads',
    sql: `
      CREATE TABLE new_load_history (
        id INTEGER PRIMARY KEY,
        periods TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('platform', 'file')),
        source_name TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL
          CHECK (status IN ('running', 'loaded', 'rejected', 'failed', 'cancelled', 'interrupted')),
        lines INTEGER NOT NULL DEFAULT 0,
        removed INTEGER NOT NULL DEFAULT 0,
        kept_synced INTEGER NOT NULL DEFAULT 0,
        outside_periods INTEGER NOT NULL DEFAULT 0,
        problems INTEGER NOT NULL DEFAULT 0,
        actor TEXT NOT NULL
      );
      INSERT INTO new_load_history SELECT * FROM load_history;

      -- Platform values exactly as they came (columns named as the export file's canonical
      -- headers), and the user's overrides beside them. Owned by platform-data.
      CREATE TABLE new_invoice_line (
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
        charge_start_date TEXT NOT NULL,
        charge_end_date TEXT NOT NULL,
        override_charge_start TEXT,
        override_charge_end TEXT,
        override_included INTEGER,
        load_id INTEGER NOT NULL REFERENCES load_history (id)
      );
      INSERT INTO new_invoice_line
        SELECT line_id, period, invoice_id, invoice_date, organization_id, organization_name,
          contract_id, currency, subscription_id, subscription_name, offer_id, offer_name, vendor,
          charge_type, billing_cycle, quantity, unit_price, unit_cost, charge_start, charge_end,
          override_charge_start, override_charge_end, override_included, load_id
        FROM invoice_line;

      -- What posting a line to ConnectWise came to. Owned by posting: the only writer.
      CREATE TABLE line_sync_result (
        line_id TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('synced', 'failed', 'cancelled')),
        at TEXT NOT NULL,
        addition_id INTEGER,
        sent_values TEXT,
        reason TEXT
      );
      INSERT INTO line_sync_result (line_id, status, at, addition_id, sent_values)
        SELECT line_id, sync_status, COALESCE(synced_at, ''), cw_addition_id, sent_values
        FROM invoice_line WHERE sync_status <> 'unsynced';

      DROP TABLE invoice_line;
      DROP TABLE load_history;
      ALTER TABLE new_load_history RENAME TO load_history;
      ALTER TABLE new_invoice_line RENAME TO invoice_line;
      -- The default order and the organization sort. Other sorts and filters scan one month:
      -- measured under 150 ms at 100,000 lines (npm run bench), while every extra index slows
      -- each load.
      CREATE INDEX invoice_line_by_period ON invoice_line (period, invoice_date, line_id);
      CREATE INDEX invoice_line_by_organization ON invoice_line (period, organization_name COLLATE NOCASE);

      -- A line's status, decided here and nowhere else: the grid shows and filters it, and the
      -- posting engine reads it.
      CREATE VIEW invoice_line_status AS
        SELECT l.*,
          CASE r.status
            WHEN 'synced' THEN 'Synced'
            WHEN 'failed' THEN 'Failed'
            WHEN 'cancelled' THEN 'Cancelled'
            ELSE 'Not Mapped'
          END AS status,
          CASE r.status
            WHEN 'synced' THEN 'Addition ' || COALESCE(r.addition_id, '?') || ' at ' || r.at
            WHEN 'failed' THEN r.reason
            WHEN 'cancelled' THEN r.reason
            ELSE 'Organization and product are not mapped yet.'
          END AS status_detail,
          COALESCE(r.status = 'synced', 0) AS synced
        FROM invoice_line l LEFT JOIN line_sync_result r ON r.line_id = l.line_id;
    `,
  },
];
