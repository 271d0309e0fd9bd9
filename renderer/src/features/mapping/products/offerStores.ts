import { createPagedRowsStore } from '@renderer/app/grid/pagedRows';
import {
  cancelJob,
  type RunningJob,
  startingJob,
  withJobProgress,
} from '@renderer/app/jobProgress';
import { bridge } from '@renderer/bridge';
import type {
  CatalogChoice,
  MappingStatus,
  OfferPage,
  OfferPageQuery,
  OfferRow,
  ProductWindow,
} from '@shared/contract';
import { create } from 'zustand';
import { type Notice, runMappingChange } from '../mappingChange';
import { messageOf } from '../messageOf';

type Query = Required<Pick<OfferPageQuery, 'sort' | 'months'>> & {
  search: string;
  status: MappingStatus | null;
};

/** Mapping › Products: the Offers invoiced in the window, a block at a time. */
export const useOfferGrid = createPagedRowsStore<
  OfferRow,
  Query,
  Pick<OfferPage, 'counts' | 'since'>
>({
  initialQuery: {
    months: 3,
    sort: { column: 'offerName', direction: 'asc' },
    search: '',
    status: null,
  },
  fetchPage: (query, offset, limit) =>
    bridge()
      .invoke('mapping.offersPage', {
        months: query.months,
        offset,
        limit,
        sort: query.sort,
        ...(query.search.trim() ? { search: query.search.trim() } : {}),
        ...(query.status ? { status: query.status } : {}),
      })
      .then(({ rows, total, counts, since }) => ({ rows, total, meta: { counts, since } })),
});

interface OfferActions {
  load: RunningJob | null;
  /** The row whose Product the picker is choosing, or null when it is closed. */
  editing: OfferRow | null;
  search: string;
  results: CatalogChoice[];
  busy: boolean;
  notice: Notice;
  loadProducts(months: ProductWindow): Promise<void>;
  cancelLoad(): Promise<void>;
  edit(row: OfferRow | null): void;
  searchCatalog(search: string): Promise<void>;
  map(offerId: string, catalogItemId: number | null): Promise<void>;
  acceptSuggestions(minConfidence: number, offerIds?: string[]): Promise<void>;
}

/** What the user does on the Products tab: load, map, accept suggestions. */
export const useOfferActions = create<OfferActions>((set, get) => {
  let asked = 0;
  const change = (run: () => Promise<string>) =>
    runMappingChange(set, () => useOfferGrid.getState().reload(), run);

  return {
    load: null,
    editing: null,
    search: '',
    results: [],
    busy: false,
    notice: null,

    async loadProducts(months) {
      if (get().load) return;
      set({ load: startingJob, notice: null });
      try {
        const result = await withJobProgress(
          'products-load',
          () => bridge().invoke('mapping.loadProducts', { months }),
          (load) => set({ load }),
        );
        set({
          notice: {
            text: `Loaded ${result.offers} Offers and ${result.catalogItems} ConnectWise catalog items; ${result.suggested} Offers have suggestions.`,
            error: false,
          },
        });
        useOfferGrid.getState().setQuery({ months });
      } catch (error) {
        set({ notice: { text: messageOf(error), error: true } });
      } finally {
        set({ load: null });
      }
    },
    cancelLoad: () => cancelJob(get().load),

    edit(editing) {
      set({ editing, search: '', results: [] });
      if (editing) void get().searchCatalog('');
    },
    async searchCatalog(search) {
      const ask = ++asked;
      set({ search });
      try {
        const results = await bridge().invoke('mapping.catalogItems', { search, limit: 50 });
        if (ask === asked) set({ results });
      } catch (error) {
        if (ask === asked) set({ notice: { text: messageOf(error), error: true } });
      }
    },

    async map(offerId, catalogItemId) {
      const done = await change(async () => {
        const row = await bridge().invoke('mapping.mapOffer', { offerId, catalogItemId });
        return row.product
          ? `${row.offerName} is mapped to ${row.product.identifier}.`
          : `${row.offerName} is no longer mapped.`;
      });
      if (done) set({ editing: null });
    },

    acceptSuggestions: (minConfidence, offerIds) =>
      change(async () => {
        const { accepted } = await bridge().invoke('mapping.acceptOfferSuggestions', {
          minConfidence,
          ...(offerIds ? { offerIds } : {}),
        });
        return `${accepted} ${accepted === 1 ? 'suggestion' : 'suggestions'} accepted.`;
      }).then(() => undefined),
  };
});
