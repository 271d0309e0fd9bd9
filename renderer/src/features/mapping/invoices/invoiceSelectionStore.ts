import { create } from 'zustand';

interface InvoiceSelection {
  /** Line ids "Sync to PSA" posts; none: all Ready lines of the month. */
  selected: Set<string>;
  toggle(lineId: string): void;
  toggleLoaded(lineIds: string[]): void;
  clear(): void;
}

export const useInvoiceSelection = create<InvoiceSelection>((set, get) => ({
  selected: new Set(),
  toggle(lineId) {
    const selected = new Set(get().selected);
    if (!selected.delete(lineId)) selected.add(lineId);
    set({ selected });
  },
  toggleLoaded(lineIds) {
    const { selected } = get();
    const all = lineIds.every((id) => selected.has(id));
    set({ selected: all ? new Set() : new Set([...selected, ...lineIds]) });
  },
  clear: () => set({ selected: new Set() }),
}));
