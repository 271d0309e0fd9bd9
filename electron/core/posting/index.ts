/**
 * "Sync to PSA": the posting engine and its records. The only writer of `posting_run`,
 * `posting_journal`, `posted_recurring` and `line_sync_result`. The rules are
 * docs/posting-rules.md; the pure plan is in `plan/`.
 */
import type { LineTargetChoices, LineTargetChoicesInput, postingChannels } from '@shared/contract';
import type { HandlersFor } from '../router';
import type { Database } from '../store';
import { lineTargetChoices } from './lineTargetChoices';
import { createPostingEngine, type PostingEngine, type PostingEngineDeps } from './postingEngine';
import { createPostingTables } from './postingTables';

export type { PostingEngine } from './postingEngine';

export type Posting = PostingEngine & {
  lineTargetChoices(input: LineTargetChoicesInput): Promise<LineTargetChoices>;
};

export function createPosting(deps: Omit<PostingEngineDeps, 'tables'> & { db: Database }): Posting {
  const tables = createPostingTables(deps.db, deps.now);
  const interrupted = tables.markInterrupted();
  if (interrupted.runs > 0 || interrupted.unknownWrites > 0) {
    deps.systemLog.write({
      level: 'warning',
      title: 'A Sync to PSA was interrupted',
      details: `${interrupted.runs} run(s) did not finish when the app last ran; ${interrupted.unknownWrites} write(s) may or may not have reached ConnectWise. The next run looks each one up before writing again.`,
    });
  }
  return {
    ...createPostingEngine({ ...deps, tables }),
    lineTargetChoices: (input) => lineTargetChoices(deps, input),
  };
}

export function postingHandlers(posting: Posting): HandlersFor<typeof postingChannels> {
  return {
    'posting.lastSync': () => ({ at: posting.lastSyncedAt() }),
    'posting.lineTargetChoices': (input) => posting.lineTargetChoices(input),
    'posting.preview': (scope) => posting.preview(scope),
    'posting.run': (input) => posting.run(input),
  };
}
