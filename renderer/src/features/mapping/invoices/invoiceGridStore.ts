import { blockSize, createPagedRowsStore } from '@renderer/app/grid/pagedRows';
import { bridge } from '@renderer/bridge';
import type { ChargeType } from '@shared/chargeDateVocabulary';
import type { InvoiceLineRow, InvoiceSortColumn, LineStatus, LoadedPeriod } from '@shared/contract';
import { create } from 'zustand';
import { messageOf } from '../messageOf';
import { useInvoiceSelection } from './invoiceSelectionStore';

export { blockSize };

interface GridQuery {
  /** The month shown; null before any is loaded. */
  period: string | null;
  sort: { column: InvoiceSortColumn; direction: 'asc' | 'desc' };
  search: string;
  chargeType: ChargeType | null;
  status: LineStatus | null;
}

/** Mapping › Invoices: the chosen month's lines as the grid shows them, a block at a time. */
export const useInvoiceGrid = createPagedRowsStore<InvoiceLineRow, GridQuery, null>({
  initialQuery: {
    period: null,
    sort: { column: 'invoiceDate', direction: 'asc' },
    search: '',
    chargeType: null,
    status: null,
  },
  fetchPage(query, offset, limit) {
    const { period } = query;
    if (!period) return null;
    return bridge()
      .invoke('platformData.page', {
        period,
        offset,
        limit,
        sort: query.sort,
        ...(query.search.trim() ? { search: query.search.trim() } : {}),
        ...(query.chargeType ? { chargeType: query.chargeType } : {}),
        ...(query.status ? { status: query.status } : {}),
      })
      .then((page) => ({ ...page, meta: null }));
  },
});

interface PeriodsState {
  periods: LoadedPeriod[];
  error: string | null;
  /** Reads the loaded months and keeps the shown one if it is still there, else the newest. */
  loadPeriods(): Promise<void>;
  choosePeriod(period: string | null): void;
}

/** The months that have loaded lines ("Show invoices"). */
export const useInvoicePeriods = create<PeriodsState>((set, get) => ({
  periods: [],
  error: null,
  async loadPeriods() {
    try {
      const periods = await bridge().invoke('platformData.periods');
      const current = useInvoiceGrid.getState().query.period;
      set({ periods, error: null });
      get().choosePeriod(
        current && periods.some((p) => p.period === current)
          ? current
          : (periods[0]?.period ?? null),
      );
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  choosePeriod(period) {
    useInvoiceSelection.getState().clear();
    useInvoiceGrid.getState().setQuery({ period });
  },
}));

/**
 * Opens a month with a filter: where a notification's "Show failed lines", a Dashboard count or
 * a System Logs entry leads. Filters not given are cleared.
 */
export function showInvoiceLines(
  period: string,
  filter: { status?: LineStatus; search?: string } = {},
): void {
  useInvoicePeriods.getState().choosePeriod(period);
  useInvoiceGrid
    .getState()
    .setQuery({ status: filter.status ?? null, search: filter.search ?? '', chargeType: null });
}
