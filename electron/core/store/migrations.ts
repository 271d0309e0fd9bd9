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
  {
    version: 6,
    name: 'mapping: organizations to companies, offers to catalog items, suggestions',
    sql: `
      DROP VIEW invoice_line_status;

      -- A line's sync result goes with the line: a line a re-load removes, or a month past the
      -- 15 kept, leaves no result behind to greet it if it comes back.
      CREATE TABLE new_line_sync_result (
        line_id TEXT PRIMARY KEY REFERENCES invoice_line (line_id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('synced', 'failed', 'cancelled')),
        at TEXT NOT NULL,
        addition_id INTEGER,
        sent_values TEXT,
        reason TEXT
      );
      INSERT INTO new_line_sync_result
        SELECT * FROM line_sync_result WHERE line_id IN (SELECT line_id FROM invoice_line);
      DROP TABLE line_sync_result;
      ALTER TABLE new_line_sync_result RENAME TO line_sync_result;

      -- What the pulls keep of ConnectWise (owner: connectwise-records). A record that is
      -- deleted in ConnectWise or no longer returned is kept, flagged deleted, so a mapping to it
      -- can say so.
      ALTER TABLE cw_company ADD COLUMN city TEXT;
      ALTER TABLE cw_company ADD COLUMN prospect INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE cw_catalog_item (
        id INTEGER PRIMARY KEY,
        identifier TEXT NOT NULL,
        description TEXT,
        product_class TEXT,
        inactive INTEGER NOT NULL DEFAULT 0,
        vendor_sku TEXT,
        integration_xref TEXT,
        deleted INTEGER NOT NULL DEFAULT 0,
        last_updated TEXT,
        pulled_at TEXT NOT NULL
      );
      -- Which site the records came from and how far the last pull got.
      CREATE TABLE connectwise_pull (
        records TEXT PRIMARY KEY CHECK (records IN ('companies', 'catalog')),
        site_url TEXT NOT NULL,
        watermark TEXT,
        pulled_at TEXT NOT NULL
      );

      -- Platform records (owner: platform-data), and the Invoices tab's own choices for a line.
      ALTER TABLE platform_organization ADD COLUMN currency TEXT;
      ALTER TABLE invoice_line ADD COLUMN override_company_id INTEGER;
      ALTER TABLE invoice_line ADD COLUMN override_agreement_id INTEGER;
      ALTER TABLE invoice_line ADD COLUMN override_agreement_name TEXT;
      -- When the user last edited the line: a posting block checked before it no longer holds.
      ALTER TABLE invoice_line ADD COLUMN edited_at TEXT;
      -- When a re-load found a synced line's Platform values changed ("Changed since sync").
      ALTER TABLE invoice_line ADD COLUMN changed_since_sync_at TEXT;
      ALTER TABLE platform_offer ADD COLUMN last_invoiced_on TEXT;
      UPDATE platform_offer SET last_invoiced_on =
        (SELECT MAX(invoice_date) FROM invoice_line WHERE offer_id = platform_offer.id);

      -- The user's mappings (owner: mapping). An Organization may map to several Companies.
      CREATE TABLE organization_company (
        organization_id TEXT NOT NULL,
        company_id INTEGER NOT NULL,
        mapped_at TEXT NOT NULL,
        PRIMARY KEY (organization_id, company_id)
      );
      CREATE TABLE organization_exclusion (
        organization_id TEXT PRIMARY KEY,
        excluded_at TEXT NOT NULL
      );
      CREATE TABLE offer_product (
        offer_id TEXT PRIMARY KEY,
        catalog_item_id INTEGER NOT NULL,
        mapped_at TEXT NOT NULL
      );
      -- The best candidates, recomputed after each pull; nothing is mapped without the user.
      CREATE TABLE organization_suggestion (
        organization_id TEXT NOT NULL,
        rank INTEGER NOT NULL,
        company_id INTEGER NOT NULL,
        confidence REAL NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (organization_id, rank)
      );
      CREATE TABLE offer_suggestion (
        offer_id TEXT NOT NULL,
        rank INTEGER NOT NULL,
        catalog_item_id INTEGER NOT NULL,
        confidence REAL NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (offer_id, rank)
      );
      -- The site the mappings were made for, and when Organizations were last synced.
      CREATE TABLE mapping_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      -- Why the last preview or run would not post a line that is mapped and included (its target
      -- Agreement's currency, state, billing cycle, proration): only a run can know. Owner:
      -- posting.
      CREATE TABLE line_posting_block (
        line_id TEXT PRIMARY KEY REFERENCES invoice_line (line_id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        checked_at TEXT NOT NULL
      );

      -- An Organization's mapping, decided here for the Organizations grid and for every line.
      CREATE VIEW organization_mapping_status AS
        SELECT o.id AS organization_id, o.name AS organization_name, o.currency,
          m.companies AS company_count, m.company_id, m.company_names, m.deleted_companies,
          s.company_id AS suggested_company_id, s.confidence AS suggested_confidence,
          CASE
            WHEN x.organization_id IS NOT NULL THEN 'Excluded'
            WHEN m.deleted_companies > 0 THEN 'Response Error'
            WHEN m.companies > 0 THEN 'Mapped'
            WHEN s.company_id IS NOT NULL THEN 'Suggested'
            ELSE 'Not Mapped'
          END AS status
        FROM platform_organization o
        LEFT JOIN organization_exclusion x ON x.organization_id = o.id
        LEFT JOIN (
          SELECT oc.organization_id, COUNT(*) AS companies, MIN(oc.company_id) AS company_id,
            GROUP_CONCAT(COALESCE(c.name, '#' || oc.company_id), ', ') AS company_names,
            SUM(CASE WHEN c.id IS NULL OR c.deleted THEN 1 ELSE 0 END) AS deleted_companies
          FROM organization_company oc LEFT JOIN cw_company c ON c.id = oc.company_id
          GROUP BY oc.organization_id
        ) m ON m.organization_id = o.id
        LEFT JOIN organization_suggestion s ON s.organization_id = o.id AND s.rank = 1;

      -- An Offer's mapping, likewise for the Products grid and every line.
      CREATE VIEW offer_mapping_status AS
        SELECT f.id AS offer_id, f.name AS offer_name, f.vendor, f.last_invoiced_on,
          p.catalog_item_id, i.identifier AS product_identifier,
          COALESCE(NULLIF(i.description, ''), i.identifier) AS product_name,
          i.product_class, i.inactive AS product_inactive,
          s.catalog_item_id AS suggested_catalog_item_id, s.confidence AS suggested_confidence,
          CASE
            WHEN p.offer_id IS NOT NULL AND (i.id IS NULL OR i.deleted) THEN 'Response Error'
            WHEN p.offer_id IS NOT NULL THEN 'Mapped'
            WHEN s.catalog_item_id IS NOT NULL THEN 'Suggested'
            ELSE 'Not Mapped'
          END AS status
        FROM platform_offer f
        LEFT JOIN offer_product p ON p.offer_id = f.id
        LEFT JOIN cw_catalog_item i ON i.id = p.catalog_item_id
        LEFT JOIN offer_suggestion s ON s.offer_id = f.id AND s.rank = 1;

      -- Whether a line was synced (and what came of it), decided here: light enough for counts
      -- and for a load's swap, which must never touch a synced line.
      -- A line's readiness, decided here and nowhere else, on top of it: is it mapped and included
      -- (mapping_readiness: what a run starts from, a failed line included), and did the last run
      -- find its target Agreement unfit (readiness). Its status for the grid is the sync outcome
      -- when there is one, else its readiness. A synced line shows what was sent; an unsynced one
      -- follows the mappings as they are now.
      CREATE VIEW invoice_line_sync AS
        SELECT l.*, r.status AS sync_status, r.at AS synced_at, r.addition_id, r.sent_values,
          r.reason AS sync_reason, COALESCE(r.status = 'synced', 0) AS synced
        FROM invoice_line l LEFT JOIN line_sync_result r ON r.line_id = l.line_id;

      CREATE VIEW invoice_line_readiness AS
        SELECT l.*,
          CASE
            WHEN l.override_included = 0 OR om.status = 'Excluded' THEN 'Excluded'
            WHEN om.status = 'Mapped' AND pm.status = 'Mapped' AND l.override_company_id IS NOT NULL
              AND l.override_company_id NOT IN
                (SELECT company_id FROM organization_company WHERE organization_id = l.organization_id)
              THEN 'Needs attention'
            WHEN om.status = 'Mapped' AND pm.status = 'Mapped' AND om.company_count > 1
              AND l.override_company_id IS NULL
              THEN 'Needs attention'
            WHEN om.status = 'Mapped' AND pm.status = 'Mapped'
              AND (pm.product_class = 'Bundle' OR pm.product_inactive) THEN 'Needs attention'
            WHEN om.status = 'Mapped' AND pm.status = 'Mapped' THEN 'Ready'
            ELSE 'Not Mapped'
          END AS mapping_readiness,
          CASE
            WHEN l.override_included = 0 THEN 'Excluded from posting on this line.'
            WHEN om.status = 'Excluded' THEN 'The Organization is excluded from posting.'
            WHEN om.status = 'Response Error'
              THEN 'The Company was deleted in ConnectWise; map this Organization again.'
            WHEN pm.status = 'Response Error'
              THEN 'The Product was deleted in ConnectWise; map this Offer again.'
            WHEN om.status IS NOT 'Mapped' AND pm.status IS NOT 'Mapped'
              THEN 'Map the Organization and the Offer.'
            WHEN om.status IS NOT 'Mapped' THEN 'Map the Organization to a Company.'
            WHEN pm.status IS NOT 'Mapped' THEN 'Map the Offer to a Product.'
            WHEN l.override_company_id IS NOT NULL AND l.override_company_id NOT IN
                (SELECT company_id FROM organization_company WHERE organization_id = l.organization_id)
              THEN 'The chosen PSA Organization is no longer mapped to this Organization: choose again.'
            WHEN om.company_count > 1 AND l.override_company_id IS NULL
              THEN 'The Organization is mapped to ' || om.company_count || ' Companies: choose the PSA Organization for this line.'
            WHEN pm.product_class = 'Bundle'
              THEN 'The Product is a Bundle, which ConnectWise cannot add to an Agreement: map the Offer to another Product.'
            WHEN pm.product_inactive
              THEN 'The Product is inactive in ConnectWise: map the Offer to an active Product.'
            ELSE NULL
          END AS mapping_readiness_detail,
          CASE WHEN l.synced THEN json_extract(l.sent_values, '$.company.name')
            WHEN l.override_company_id IS NOT NULL
              THEN (SELECT name FROM cw_company WHERE id = l.override_company_id)
            ELSE om.company_names END AS psa_organization_name,
          CASE WHEN l.synced THEN json_extract(l.sent_values, '$.agreement.name')
            ELSE l.override_agreement_name END AS psa_agreement_name,
          CASE WHEN l.synced THEN json_extract(l.sent_values, '$.product.name')
            ELSE pm.product_name END AS psa_product_name
        FROM invoice_line_sync l
        LEFT JOIN organization_mapping_status om ON om.organization_id = l.organization_id
        LEFT JOIN offer_mapping_status pm ON pm.offer_id = l.offer_id;

      -- A posting block holds until the user edits the line; the next preview checks it again.
      CREATE VIEW invoice_line_status AS
        SELECT r.*,
          CASE WHEN r.mapping_readiness = 'Ready' AND b.reason IS NOT NULL THEN 'Needs attention'
            ELSE r.mapping_readiness END AS readiness,
          CASE WHEN r.mapping_readiness = 'Ready' AND b.reason IS NOT NULL THEN b.reason
            ELSE r.mapping_readiness_detail END AS readiness_detail,
          CASE
            WHEN r.sync_status = 'synced' THEN 'Synced'
            WHEN r.sync_status = 'cancelled' THEN 'Cancelled'
            -- What holds the line now comes first: a posting rule, an exclusion, a lost mapping.
            WHEN r.mapping_readiness = 'Ready' AND b.reason IS NOT NULL THEN 'Needs attention'
            WHEN r.sync_status = 'failed' AND r.mapping_readiness = 'Ready' THEN 'Failed'
            ELSE r.mapping_readiness
          END AS status,
          CASE
            WHEN r.sync_status = 'synced'
              THEN 'Addition ' || COALESCE(r.addition_id, '?') || ' at ' || r.synced_at
            WHEN r.sync_status = 'cancelled' THEN r.sync_reason
            WHEN r.mapping_readiness = 'Ready' AND b.reason IS NOT NULL THEN b.reason
            WHEN r.sync_status = 'failed' AND r.mapping_readiness = 'Ready' THEN r.sync_reason
            ELSE r.mapping_readiness_detail
          END AS status_detail
        FROM invoice_line_readiness r
        LEFT JOIN line_posting_block b ON b.line_id = r.line_id
          AND (r.edited_at IS NULL OR b.checked_at > r.edited_at);
    `,
  },
  {
    version: 7,
    name: 'posting: runs, the journal of every write, recurring Additions this app created',
    sql: `
      -- Owner of these three tables and of line_sync_result: posting.
      CREATE TABLE posting_run (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        actor TEXT NOT NULL,
        trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'automatic')),
        site_url TEXT NOT NULL,
        status TEXT NOT NULL
          CHECK (status IN ('running', 'completed', 'cancelled', 'failed', 'interrupted')),
        summary TEXT
      );
      -- Every write to ConnectWise: its intent committed before the request goes out, its
      -- result after. An intent without a result is a write whose outcome is unknown. An Agreement
      -- two workstations created for one Contract at once is cancelled, empty, by the run that
      -- made the newer one (posting-rules §3.6).
      CREATE TABLE posting_journal (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES posting_run (id),
        operation TEXT NOT NULL
          CHECK (operation IN ('createAgreement', 'cancelAgreement', 'createAddition', 'updateAddition', 'cancelAddition', 'deleteAddition')),
        marker TEXT NOT NULL,
        agreement_id INTEGER,
        payload TEXT NOT NULL,
        payload_hash TEXT NOT NULL,
        line_ids TEXT NOT NULL DEFAULT '[]',
        state TEXT NOT NULL CHECK (state IN ('intent', 'done', 'failed', 'unknown')),
        result_id INTEGER,
        error TEXT,
        intent_at TEXT NOT NULL,
        result_at TEXT
      );
      CREATE INDEX posting_journal_by_marker ON posting_journal (marker);
      CREATE INDEX posting_journal_by_state ON posting_journal (state);
      -- The recurring Additions this app created or adopted: what a vanished Subscription is
      -- looked for in.
      CREATE TABLE posted_recurring (
        marker TEXT PRIMARY KEY,
        agreement_id INTEGER NOT NULL,
        addition_id INTEGER NOT NULL,
        contract_id TEXT NOT NULL,
        subscription_id TEXT NOT NULL,
        charge_type TEXT NOT NULL,
        subscription_name TEXT NOT NULL,
        -- The Platform's own end (before rules): an Annual line posted as one month covers a year.
        last_platform_charge_end TEXT NOT NULL,
        cancelled_date TEXT
      );
    `,
  },
  {
    version: 8,
    name: 'dashboard: what was posted per day',
    sql: `
      -- A result keeps its line's amount and currency: the Dashboard's chart of what was posted
      -- per day reads this table alone, through this index.
      ALTER TABLE line_sync_result ADD COLUMN amount REAL;
      ALTER TABLE line_sync_result ADD COLUMN currency TEXT;
      UPDATE line_sync_result SET
        amount = (SELECT CAST(l.quantity AS REAL) * CAST(l.unit_price AS REAL)
          FROM invoice_line l WHERE l.line_id = line_sync_result.line_id),
        currency = (SELECT l.currency FROM invoice_line l WHERE l.line_id = line_sync_result.line_id);
      CREATE INDEX line_sync_result_posted ON line_sync_result (at, currency, amount)
        WHERE status = 'synced';
    `,
  },
  {
    version: 9,
    name: "invoice lines: the searched columns' values of each month, for the grid's search",
    sql: `
      -- Owner: platform-data. The Invoices grid's search matches what the user typed against a
      -- month's few thousand distinct values here, then looks up the lines holding a matching
      -- value, instead of matching six columns of every line. Every value a line of the month
      -- holds is here; one no line holds any more (a name changed by a re-load) stays until the
      -- month is deleted, and finds nothing.
      CREATE TABLE invoice_line_search_value (
        period TEXT NOT NULL,
        column_name TEXT NOT NULL CHECK (column_name IN ('organization_name', 'subscription_name',
          'offer_name', 'invoice_id', 'contract_id', 'offer_id')),
        value TEXT NOT NULL,
        PRIMARY KEY (period, column_name, value)
      ) WITHOUT ROWID;
      INSERT INTO invoice_line_search_value (period, column_name, value)
        SELECT period, 'organization_name', organization_name FROM invoice_line
        UNION SELECT period, 'subscription_name', subscription_name FROM invoice_line
        UNION SELECT period, 'offer_name', offer_name FROM invoice_line
        UNION SELECT period, 'invoice_id', invoice_id FROM invoice_line
        UNION SELECT period, 'contract_id', contract_id FROM invoice_line
        UNION SELECT period, 'offer_id', offer_id FROM invoice_line;
    `,
  },
];
