import type { CompanyChoice } from '@shared/contract';
import type { Company, ConnectWiseClient } from '../connectwise';
import type { Job } from '../jobs';
import { containing, type Database, inTransaction, startingWith } from '../store';
import { createStagingTable, laterOf, type PullState } from './stagedPull';

const pulledFields = [
  'id',
  'identifier',
  'name',
  'status',
  'deletedFlag',
  'types',
  'city',
  'defaultContact',
  '_info',
];

const columns = [
  'id',
  'identifier',
  'name',
  'status',
  'deleted',
  'prospect',
  'city',
  'default_contact_id',
  'last_updated',
];

/** What a pick list shows of a Company. */
const choiceColumns = 'id, identifier, name, city, status, deleted, prospect';
interface ChoiceRow {
  id: number;
  identifier: string | null;
  name: string;
  city: string | null;
  status: string | null;
  deleted: number;
  prospect: number;
}

/** A Company the pick lists leave out by default: deleted, a Prospect, or "Not Approved". */
const hiddenByDefault = `(deleted = 1 OR prospect = 1 OR status LIKE 'not%approved')`;

export interface PullOutcome {
  received: number;
  incremental: boolean;
}

/**
 * The ConnectWise Companies the user maps Organizations to. The first pull from a site takes
 * every Company; later pulls take only what changed since (by `_info/lastUpdated`) plus the list
 * of ids with their deleted flag, so renames, soft deletes (which may keep their lastUpdated)
 * and hard deletes are all seen. A pull is staged and swapped in
 * whole: until it completes, the Companies in use stay as they were.
 */
export function createCompanyRecords(db: Database, pulls: PullState, now: () => Date) {
  const staged = createStagingTable(db, 'staging_company', columns, 'id');
  const stagedIds = createStagingTable(db, 'staging_company_id', ['id', 'deleted'], 'id');
  const countAll = db.prepare('SELECT COUNT(*) AS n FROM cw_company WHERE deleted = 0');

  function stage(company: Company): void {
    const name = company.name?.trim();
    staged.add([
      company.id,
      company.identifier?.trim() || null,
      name || `Company #${company.id} (no name)`,
      company.status?.name ?? null,
      company.deletedFlag ? 1 : 0,
      (company.types ?? []).some((type) => /prospect/i.test(type.name ?? '')) ? 1 : 0,
      company.city?.trim() || null,
      company.defaultContact?.id ?? null,
      company._info?.lastUpdated ?? null,
    ]);
  }

  function swapIn(siteUrl: string, incremental: boolean, watermark: string | null): void {
    const pulledAt = now().toISOString();
    const assignments = columns
      .filter((column) => column !== 'id')
      .map((column) => `${column} = excluded.${column}`)
      .join(', ');
    inTransaction(db, () => {
      if (!incremental) {
        // Another site's Companies (or a first pull): what this pull did not return is gone.
        db.prepare(
          'UPDATE cw_company SET deleted = 1 WHERE id NOT IN (SELECT id FROM staging_company)',
        ).run();
      } else {
        // A Company deleted in ConnectWise may keep its lastUpdated: the list of ids says.
        db.prepare(
          `UPDATE cw_company SET deleted =
             COALESCE((SELECT s.deleted FROM staging_company_id s WHERE s.id = cw_company.id), 1)`,
        ).run();
      }
      db.prepare(
        `INSERT INTO cw_company (${columns.join(', ')}, pulled_at)
         SELECT ${columns.join(', ')}, ? FROM staging_company WHERE true
         ON CONFLICT (id) DO UPDATE SET ${assignments}, pulled_at = excluded.pulled_at`,
      ).run(pulledAt);
      pulls.set('companies', { siteUrl, watermark, pulledAt });
    });
  }

  return {
    /** Pulls the site's Companies within `job`; nothing changes unless it completes. */
    async pull(client: ConnectWiseClient, siteUrl: string, job: Job): Promise<PullOutcome> {
      const before = pulls.get('companies');
      const incremental = before?.siteUrl === siteUrl && before.watermark !== null;
      const since = incremental ? before.watermark : null;
      staged.clear();
      stagedIds.clear();
      try {
        let received = 0;
        let watermark = since;
        const changed = client.companies.stream(
          {
            fields: pulledFields,
            ...(since ? { conditions: `_info/lastUpdated >= [${since}]` } : {}),
          },
          { signal: job.signal },
        );
        for await (const page of changed) {
          job.throwIfCancelled();
          for (const company of page) {
            stage(company);
            watermark = laterOf(watermark, company._info?.lastUpdated);
          }
          received += page.length;
          job.progress({
            done: received,
            message: incremental
              ? `${received} changed ConnectWise companies received`
              : `${received} ConnectWise companies received`,
          });
        }
        staged.flush();
        if (incremental) {
          let listed = 0;
          const ids = client.companies.stream(
            { fields: ['id', 'deletedFlag'] },
            { signal: job.signal },
          );
          for await (const page of ids) {
            job.throwIfCancelled();
            for (const company of page) stagedIds.add([company.id, company.deletedFlag ? 1 : 0]);
            listed += page.length;
            job.progress({ done: listed, message: `${listed} ConnectWise company ids checked` });
          }
          stagedIds.flush();
        }
        job.throwIfCancelled();
        swapIn(siteUrl, incremental, watermark);
        return { received, incremental };
      } finally {
        staged.clear();
        stagedIds.clear();
      }
    },

    /** Companies for a pick list: by name, identifier or city; hidden ones only when asked. */
    search(query: { search: string; showAll: boolean; limit: number }): CompanyChoice[] {
      const where = query.showAll ? ['1'] : [`NOT ${hiddenByDefault}`];
      const params: Array<string | number> = [];
      const term = query.search.trim();
      if (term) {
        const like = containing(term);
        where.push(
          `(name LIKE ? ESCAPE '\\' OR identifier LIKE ? ESCAPE '\\' OR city LIKE ? ESCAPE '\\')`,
        );
        params.push(like, like, like);
      }
      const startsWith = startingWith(term);
      const rows = db
        .prepare(
          `SELECT ${choiceColumns} FROM cw_company WHERE ${where.join(' AND ')}
           ORDER BY (name LIKE ? ESCAPE '\\') DESC, name COLLATE NOCASE, id LIMIT ?`,
        )
        .all(...params, startsWith, query.limit) as unknown as ChoiceRow[];
      return rows.map(choiceOf);
    },

    /** The Companies mapping may suggest: those the pick lists show by default. */
    candidates(): Array<{ id: number; name: string; identifier: string | null }> {
      return db
        .prepare(`SELECT id, name, identifier FROM cw_company WHERE NOT ${hiddenByDefault}`)
        .all() as Array<{ id: number; name: string; identifier: string | null }>;
    },

    /** Some Companies by id, as pick lists show them (deleted ones too). */
    byIds(ids: readonly number[]): CompanyChoice[] {
      if (ids.length === 0) return [];
      const rows = db
        .prepare(
          `SELECT ${choiceColumns} FROM cw_company WHERE id IN (${ids.map(() => '?').join(', ')})`,
        )
        .all(...ids) as unknown as ChoiceRow[];
      return rows.map(choiceOf);
    },

    /** What a new Agreement needs of some Companies: name and default contact. */
    agreementFacts(
      ids: readonly number[],
    ): Map<number, { name: string; defaultContactId: number | null }> {
      const rows = db
        .prepare(
          `SELECT id, name, default_contact_id AS defaultContactId FROM cw_company
           WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(ids)) as Array<{
        id: number;
        name: string;
        defaultContactId: number | null;
      }>;
      return new Map(rows.map(({ id, ...facts }) => [id, facts]));
    },

    /** Why a Company cannot be mapped to (unknown or deleted), or null. */
    refusalOf(id: number): string | null {
      const row = db.prepare('SELECT deleted FROM cw_company WHERE id = ?').get(id) as
        | { deleted: number }
        | undefined;
      if (!row)
        return `ConnectWise has no Company ${id} in the synced list: sync organizations again.`;
      if (row.deleted) return `The Company ${id} was deleted in ConnectWise.`;
      return null;
    },

    count(): number {
      return Number((countAll.get() as { n: number }).n);
    },
  };
}

function choiceOf(row: ChoiceRow): CompanyChoice {
  const notes = [
    row.deleted ? 'Deleted' : null,
    row.prospect ? 'Prospect' : null,
    row.status && /not.?approved/i.test(row.status) ? row.status : null,
  ].filter((note): note is string => note !== null);
  return {
    id: row.id,
    name: row.name,
    identifier: row.identifier,
    city: row.city,
    hiddenBecause: notes.length > 0 ? notes.join(', ') : null,
  };
}

export type CompanyRecords = ReturnType<typeof createCompanyRecords>;
