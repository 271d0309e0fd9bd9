import { type Database, inTransaction } from '../store';

/** Rows buffered before a staging write: each write is one short transaction. */
const batchSize = 1000;

/**
 * A temporary table a pull fills page by page (each page its own short transaction, never open
 * while the next page is awaited), so the records in use stay whole until the pull is complete
 * and swapped in at once.
 */
export function createStagingTable(
  db: Database,
  name: string,
  columns: readonly string[],
  key: string,
) {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${name} (${columns.join(', ')}, PRIMARY KEY (${key}))`);
  const insert = db.prepare(
    `INSERT OR REPLACE INTO ${name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  let pending: Array<Array<string | number | null>> = [];

  function flush(): void {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    inTransaction(db, () => {
      for (const row of rows) insert.run(...row);
    });
  }

  return {
    clear(): void {
      pending = [];
      db.exec(`DELETE FROM ${name}`);
    },
    add(row: Array<string | number | null>): void {
      pending.push(row);
      if (pending.length >= batchSize) flush();
    },
    flush,
  };
}

export type StagingTable = ReturnType<typeof createStagingTable>;

/** Which site the records came from, and how far the last pull got. */
export function createPullState(db: Database) {
  const select = db.prepare(
    'SELECT site_url AS siteUrl, watermark, pulled_at AS pulledAt FROM connectwise_pull WHERE records = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO connectwise_pull (records, site_url, watermark, pulled_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (records) DO UPDATE SET site_url = excluded.site_url,
       watermark = excluded.watermark, pulled_at = excluded.pulled_at`,
  );
  return {
    get(
      records: 'companies' | 'catalog',
    ): { siteUrl: string; watermark: string | null; pulledAt: string } | null {
      return (
        (select.get(records) as
          | { siteUrl: string; watermark: string | null; pulledAt: string }
          | undefined) ?? null
      );
    },
    /** Call inside the swap's transaction. */
    set(
      records: 'companies' | 'catalog',
      state: { siteUrl: string; watermark: string | null; pulledAt: string },
    ): void {
      upsert.run(records, state.siteUrl, state.watermark, state.pulledAt);
    },
  };
}

export type PullState = ReturnType<typeof createPullState>;

/** The later of two ConnectWise timestamps (`2026-01-31T00:00:00Z` compares as text). */
export function laterOf(a: string | null, b: string | null | undefined): string | null {
  if (!b) return a;
  return a === null || b > a ? b : a;
}
