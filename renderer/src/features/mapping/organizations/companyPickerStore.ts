import { bridge } from '@renderer/bridge';
import type { CompanyChoice } from '@shared/contract';
import { create } from 'zustand';
import { messageOf } from '../messageOf';

interface CompanyPickerState {
  search: string;
  results: CompanyChoice[];
  /** The Companies chosen so far, in the order they were picked. */
  chosen: CompanyChoice[];
  error: string | null;
  open(chosen: CompanyChoice[]): void;
  setSearch(search: string, showAll: boolean): Promise<void>;
  toggle(company: CompanyChoice): void;
}

/** The Company picker: a search over the synced Companies, and what is chosen. */
export const useCompanyPicker = create<CompanyPickerState>((set, get) => {
  let asked = 0;
  return {
    search: '',
    results: [],
    chosen: [],
    error: null,
    open(chosen) {
      set({ search: '', results: [], chosen, error: null });
    },
    async setSearch(search, showAll) {
      const ask = ++asked;
      set({ search });
      try {
        const results = await bridge().invoke('mapping.companies', { search, showAll, limit: 50 });
        if (ask === asked) set({ results, error: null });
      } catch (error) {
        if (ask === asked) set({ error: messageOf(error) });
      }
    },
    toggle(company) {
      const { chosen } = get();
      set({
        chosen: chosen.some((c) => c.id === company.id)
          ? chosen.filter((c) => c.id !== company.id)
          : [...chosen, company],
      });
    },
  };
});
