import { bridge } from '@renderer/bridge';
import type { ChargeType } from '@shared/chargeDateVocabulary';
import type {
  InvoiceLineRow,
  InvoicePageQuery,
  InvoiceSortColumn,
  LineStatus,
  LoadedPeriod,
} from '@shared/contract';
import { create } from 'zustand';
import { messageOf } from './messageOf';

export const blockSize = 200;

interface GridQuery {
  sort: { column: InvoiceSortColumn; direction: 'asc' | 'desc' };
  search: string;
  chargeType: ChargeType | null;
  status: LineStatus | null;
}

interface InvoiceGridState {
  periods: LoadedPeriod[];
  period: string | null;
  query: GridQuery;
  total: number;
  /** Loaded rows by their index in the sorted, filtered month; fetched in blocks on demand. */
  rows: Map<number, InvoiceLineRow>;
  loadingBlocks: Set<number>;
  /** Bumped whenever the month or query changes, so late answers to an old query are dropped. */
  generation: number;
  gridError: string | null;
  loadPeriods(): Promise<void>;
  choosePeriod(period: string | null): void;
  setQuery(change: Partial<GridQuery>): void;
  ensureRows(from: number, to: number): void;
}

/** Mapping › Invoices: the loaded months, the chosen one, and its lines as the grid shows them. */
export const useInvoiceGrid = create<InvoiceGridState>((set, get) => ({
  periods: [],
  period: null,
  query: {
    sort: { column: 'invoiceDate', direction: 'asc' },
    search: '',
    chargeType: null,
    status: null,
  },
  total: 0,
  rows: new Map(),
  loadingBlocks: new Set(),
  generation: 0,
  gridError: null,

  async loadPeriods() {
    try {
      const periods = await bridge().invoke('platformData.periods');
      const current = get().period;
      set({ periods });
      get().choosePeriod(
        current && periods.some((p) => p.period === current)
          ? current
          : (periods[0]?.period ?? null),
      );
    } catch (error) {
      set({ gridError: messageOf(error) });
    }
  },

  choosePeriod(period) {
    set((state) => ({
      period,
      rows: new Map(),
      loadingBlocks: new Set(),
      total: 0,
      generation: state.generation + 1,
    }));
    if (period) get().ensureRows(0, blockSize - 1);
  },

  setQuery(change) {
    set((state) => ({
      query: { ...state.query, ...change },
      rows: new Map(),
      loadingBlocks: new Set(),
      generation: state.generation + 1,
    }));
    get().ensureRows(0, blockSize - 1);
  },

  ensureRows(from, to) {
    const { period, query, rows, loadingBlocks, generation } = get();
    if (!period) return;
    for (
      let block = Math.floor(from / blockSize);
      block <= Math.floor(to / blockSize);
      block += 1
    ) {
      if (loadingBlocks.has(block) || rows.has(block * blockSize)) continue;
      loadingBlocks.add(block);
      const request: InvoicePageQuery = {
        period,
        offset: block * blockSize,
        limit: blockSize,
        sort: query.sort,
        ...(query.search.trim() ? { search: query.search.trim() } : {}),
        ...(query.chargeType ? { chargeType: query.chargeType } : {}),
        ...(query.status ? { status: query.status } : {}),
      };
      bridge()
        .invoke('platformData.page', request)
        .then((page) => {
          if (get().generation !== generation) return;
          const next = new Map(get().rows);
          for (const [index, row] of page.rows.entries()) next.set(block * blockSize + index, row);
          set({ rows: next, total: page.total, gridError: null });
        })
        .catch((error: unknown) => {
          if (get().generation === generation) set({ gridError: messageOf(error) });
        })
        .finally(() => {
          get().loadingBlocks.delete(block);
        });
    }
  },
}));
