import { createPagedRowsStore } from '@renderer/app/grid/pagedRows';
import {
  cancelJob,
  type RunningJob,
  startingJob,
  withJobProgress,
} from '@renderer/app/jobProgress';
import { bridge } from '@renderer/bridge';
import type {
  MappingStatus,
  OrganizationPage,
  OrganizationPageQuery,
  OrganizationRow,
} from '@shared/contract';
import { create } from 'zustand';
import { type Notice, runMappingChange } from '../mappingChange';
import { messageOf } from '../messageOf';

type Query = Required<Pick<OrganizationPageQuery, 'sort'>> & {
  search: string;
  status: MappingStatus | null;
};

/** Mapping › Organizations: the grid's rows, a block at a time, with the counts by status. */
export const useOrganizationGrid = createPagedRowsStore<
  OrganizationRow,
  Query,
  Pick<OrganizationPage, 'counts' | 'lastSyncedAt'>
>({
  initialQuery: {
    sort: { column: 'organizationName', direction: 'asc' },
    search: '',
    status: null,
  },
  fetchPage: (query, offset, limit) =>
    bridge()
      .invoke('mapping.organizationsPage', {
        offset,
        limit,
        sort: query.sort,
        ...(query.search.trim() ? { search: query.search.trim() } : {}),
        ...(query.status ? { status: query.status } : {}),
      })
      .then(({ rows, total, counts, lastSyncedAt }) => ({
        rows,
        total,
        meta: { counts, lastSyncedAt },
      })),
});

interface OrganizationActions {
  /** Organization ids the bulk actions apply to. */
  selected: Set<string>;
  sync: RunningJob | null;
  /** The row whose Companies the picker is choosing, or null when it is closed. */
  editing: OrganizationRow | null;
  /** Deleted Companies, Prospects and "Not Approved" ones in the picker too. */
  showAllCompanies: boolean;
  busy: boolean;
  /** What the last action came to: shown as a notice; `error` in red. */
  notice: Notice;
  toggle(organizationId: string): void;
  toggleLoaded(organizationIds: string[]): void;
  clearSelection(): void;
  syncOrganizations(): Promise<void>;
  cancelSync(): Promise<void>;
  edit(row: OrganizationRow | null): void;
  setShowAllCompanies(showAll: boolean): void;
  map(organizationId: string, companyIds: number[]): Promise<boolean>;
  acceptSuggestions(minConfidence: number, organizationIds?: string[]): Promise<void>;
  exclude(excluded: boolean): Promise<void>;
  unmap(): Promise<void>;
}

/** What the user does on the Organizations tab: sync, select, map, accept, exclude. */
export const useOrganizationActions = create<OrganizationActions>((set, get) => {
  const change = (run: () => Promise<string>) =>
    runMappingChange(set, () => useOrganizationGrid.getState().reload(), run);

  return {
    selected: new Set(),
    sync: null,
    editing: null,
    showAllCompanies: false,
    busy: false,
    notice: null,

    toggle(organizationId) {
      const selected = new Set(get().selected);
      if (!selected.delete(organizationId)) selected.add(organizationId);
      set({ selected });
    },
    toggleLoaded(organizationIds) {
      const { selected } = get();
      const all = organizationIds.every((id) => selected.has(id));
      set({ selected: all ? new Set() : new Set([...selected, ...organizationIds]) });
    },
    clearSelection: () => set({ selected: new Set() }),

    async syncOrganizations() {
      if (get().sync) return;
      set({ sync: startingJob, notice: null });
      try {
        const result = await withJobProgress(
          'organizations-sync',
          () => bridge().invoke('mapping.syncOrganizations'),
          (sync) => set({ sync }),
        );
        set({
          notice: {
            text: `Synced: ${result.companies} ${result.incremental ? 'changed ' : ''}ConnectWise companies, ${result.organizations} Platform organizations, ${result.suggested} with suggestions.`,
            error: false,
          },
        });
        useOrganizationGrid.getState().reload();
      } catch (error) {
        set({ notice: { text: messageOf(error), error: true } });
      } finally {
        set({ sync: null });
      }
    },
    cancelSync: () => cancelJob(get().sync),

    edit: (editing) => set({ editing }),
    setShowAllCompanies: (showAllCompanies) => set({ showAllCompanies }),

    async map(organizationId, companyIds) {
      const done = await change(async () => {
        const row = await bridge().invoke('mapping.mapOrganization', {
          organizationId,
          companyIds,
        });
        return companyIds.length === 0
          ? `${row.organizationName} is no longer mapped.`
          : `${row.organizationName} is mapped to ${row.companies.map((c) => c.name).join(', ')}.`;
      });
      if (done) set({ editing: null });
      return done;
    },

    acceptSuggestions: (minConfidence, organizationIds) =>
      change(async () => {
        const { accepted } = await bridge().invoke('mapping.acceptOrganizationSuggestions', {
          minConfidence,
          ...(organizationIds ? { organizationIds } : {}),
        });
        set({ selected: new Set() });
        return `${accepted} ${accepted === 1 ? 'suggestion' : 'suggestions'} accepted.`;
      }).then(() => undefined),

    exclude: (excluded) =>
      change(async () => {
        const organizationIds = [...get().selected];
        const { changed } = await bridge().invoke('mapping.excludeOrganizations', {
          organizationIds,
          excluded,
        });
        set({ selected: new Set() });
        return `${changed} ${changed === 1 ? 'organization' : 'organizations'} ${excluded ? 'excluded' : 'included again'}.`;
      }).then(() => undefined),

    unmap: () =>
      change(async () => {
        const { changed } = await bridge().invoke('mapping.unmapOrganizations', {
          organizationIds: [...get().selected],
        });
        set({ selected: new Set() });
        return `${changed} ${changed === 1 ? 'organization' : 'organizations'} unmapped.`;
      }).then(() => undefined),
  };
});
