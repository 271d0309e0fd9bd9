import { create } from 'zustand';

/** Rows fetched per request: a block of the sorted, filtered list. */
export const blockSize = 200;

export interface PagedRowsState<Row, Query, Meta> {
  query: Query;
  total: number;
  /** Loaded rows by their index in the sorted, filtered list; fetched in blocks on demand. */
  rows: Map<number, Row>;
  /** What the last page said besides its rows (counts by status, a sync time…). */
  meta: Meta | null;
  error: string | null;
  setQuery(change: Partial<Query>): void;
  /** Fetches the blocks holding rows `from`…`to` that are not loaded yet. */
  ensureRows(from: number, to: number): void;
  /** Forgets what is loaded and fetches the first block again (after a change of data). */
  reload(): void;
}

/**
 * A store for a virtualized grid over a list the core sorts, filters and pages: only the blocks
 * in view are fetched, and an answer to an older query (the user typed on) is dropped.
 */
export function createPagedRowsStore<Row, Query, Meta>(options: {
  initialQuery: Query;
  /** Null: nothing to show for this query (e.g. no month chosen). */
  fetchPage(
    query: Query,
    offset: number,
    limit: number,
  ): Promise<{ rows: Row[]; total: number; meta: Meta }> | null;
}) {
  return create<PagedRowsState<Row, Query, Meta>>((set, get) => {
    let generation = 0;
    let loadingBlocks = new Set<number>();

    function restart(change: Partial<PagedRowsState<Row, Query, Meta>> = {}) {
      generation += 1;
      loadingBlocks = new Set();
      set({ rows: new Map(), ...change });
      get().ensureRows(0, blockSize - 1);
    }

    return {
      query: options.initialQuery,
      total: 0,
      rows: new Map(),
      meta: null,
      error: null,
      setQuery(change) {
        restart({ query: { ...get().query, ...change } });
      },
      reload() {
        restart();
      },
      ensureRows(from, to) {
        const { query, rows } = get();
        const asked = generation;
        for (
          let block = Math.floor(from / blockSize);
          block <= Math.floor(to / blockSize);
          block++
        ) {
          if (loadingBlocks.has(block) || rows.has(block * blockSize)) continue;
          const request = options.fetchPage(query, block * blockSize, blockSize);
          if (!request) {
            set({ total: 0, rows: new Map() });
            return;
          }
          loadingBlocks.add(block);
          const blocks = loadingBlocks;
          request
            .then((page) => {
              if (generation !== asked) return;
              const next = new Map(get().rows);
              for (const [index, row] of page.rows.entries())
                next.set(block * blockSize + index, row);
              set({ rows: next, total: page.total, meta: page.meta, error: null });
            })
            .catch((error: unknown) => {
              if (generation === asked) {
                set({ error: error instanceof Error ? error.message : String(error) });
              }
            })
            .finally(() => blocks.delete(block));
        }
      },
    };
  });
}
