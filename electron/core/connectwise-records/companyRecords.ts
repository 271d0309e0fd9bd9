import type { ConnectWiseConnection } from '../connectwise-connection';
import type { JobRegistry } from '../jobs';
import { type Database, inTransaction } from '../store';

const pulledFields = [
  'id',
  'identifier',
  'name',
  'status',
  'deletedFlag',
  'defaultContact',
  '_info',
];

/**
 * The ConnectWise Companies the user maps Platform Organizations to, kept in SQLite. A pull
 * stores each page in its own transaction and checks for cancellation before every store, so a
 * cancelled pull never writes what arrived after the cancel.
 */
export function createCompanyDirectory(deps: {
  db: Database;
  now: () => Date;
  jobs: JobRegistry;
  connectwiseConnection: Pick<ConnectWiseConnection, 'client'>;
}) {
  const { db, now } = deps;
  const upsert = db.prepare(`
    INSERT INTO cw_company (id, identifier, name, status, deleted, default_contact_id, last_updated, pulled_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET
      identifier = excluded.identifier, name = excluded.name, status = excluded.status,
      deleted = excluded.deleted, default_contact_id = excluded.default_contact_id,
      last_updated = excluded.last_updated, pulled_at = excluded.pulled_at
  `);
  const markMissingDeleted = db.prepare('UPDATE cw_company SET deleted = 1 WHERE pulled_at < ?');
  const countAll = db.prepare('SELECT COUNT(*) AS n FROM cw_company WHERE deleted = 0');

  return {
    /** Pulls every Company as a job (progress events, cancellable); returns how many came. */
    pull(): Promise<number> {
      // The client is made inside the job, so a Disconnect that lands while it connects
      // cancels the pull too.
      return deps.jobs.run('companies-pull', async (job) => {
        const client = await deps.connectwiseConnection.client(job.signal);
        const startedAt = now().toISOString();
        let received = 0;
        const pages = client.companies.stream({ fields: pulledFields }, { signal: job.signal });
        for await (const page of pages) {
          job.throwIfCancelled();
          inTransaction(db, () => {
            for (const company of page) {
              upsert.run(
                company.id,
                company.identifier ?? null,
                company.name,
                company.status?.name ?? null,
                company.deletedFlag ? 1 : 0,
                company.defaultContact?.id ?? null,
                company._info?.lastUpdated ?? null,
                startedAt,
              );
            }
          });
          received += page.length;
          job.progress({ done: received, message: `${received} ConnectWise companies received` });
        }
        job.throwIfCancelled();
        // Companies that no longer come back were deleted in ConnectWise.
        markMissingDeleted.run(startedAt);
        return received;
      });
    },
    count(): number {
      return Number((countAll.get() as { n: number }).n);
    },
  };
}

export type CompanyDirectory = ReturnType<typeof createCompanyDirectory>;
