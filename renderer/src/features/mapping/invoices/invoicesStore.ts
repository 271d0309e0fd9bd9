import { create } from 'zustand';
import type { ChargeType } from '../../../../../shared/chargeDateVocabulary';
import type {
  FileReadingOptions,
  InvoiceLineRow,
  InvoicePageQuery,
  InvoiceSortColumn,
  LineStatus,
  LoadChoices,
  LoadedPeriod,
  LoadInvoicesResult,
} from '../../../../../shared/contract';
import { bridge } from '../../../bridge';

export const blockSize = 200;

interface GridQuery {
  sort: { column: InvoiceSortColumn; direction: 'asc' | 'desc' };
  search: string;
  chargeType: ChargeType | null;
  status: LineStatus | null;
}

export interface ChosenFile {
  fileId: string;
  name: string;
  size: number;
}

interface LoadDialog {
  open: boolean;
  choices: LoadChoices | null;
  periods: string[];
  source: 'platform' | 'file';
  file: ChosenFile | null;
  options: FileReadingOptions;
  running: { jobId: string | null; done: number; total: number | null; message: string } | null;
  result: LoadInvoicesResult | null;
  error: string | null;
}

interface InvoicesState {
  periods: LoadedPeriod[];
  period: string | null;
  query: GridQuery;
  total: number;
  rows: Map<number, InvoiceLineRow>;
  loadingBlocks: Set<number>;
  generation: number;
  gridError: string | null;
  dialog: LoadDialog;
  loadPeriods(): Promise<void>;
  choosePeriod(period: string | null): void;
  setQuery(change: Partial<GridQuery>): void;
  ensureRows(from: number, to: number): void;
  openDialog(): Promise<void>;
  closeDialog(): void;
  changeDialog(change: Partial<LoadDialog>): void;
  startLoad(): Promise<void>;
  cancelLoad(): Promise<void>;
}

const emptyDialog: LoadDialog = {
  open: false,
  choices: null,
  periods: [],
  source: 'platform',
  file: null,
  options: { dateOrder: 'iso', decimalMark: 'auto' },
  running: null,
  result: null,
  error: null,
};

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const useInvoices = create<InvoicesState>((set, get) => ({
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
  dialog: emptyDialog,

  async loadPeriods() {
    try {
      const periods = await bridge().invoke('invoices.periods');
      const current = get().period;
      set({ periods });
      get().choosePeriod(
        current && periods.some((p) => p.period === current)
          ? current
          : (periods[0]?.period ?? null),
      );
    } catch (error) {
      set({ gridError: message(error) });
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
        .invoke('invoices.page', request)
        .then((page) => {
          if (get().generation !== generation) return;
          const next = new Map(get().rows);
          for (const [index, row] of page.rows.entries()) next.set(block * blockSize + index, row);
          set({ rows: next, total: page.total, gridError: null });
        })
        .catch((error: unknown) => {
          if (get().generation === generation) set({ gridError: message(error) });
        })
        .finally(() => {
          get().loadingBlocks.delete(block);
        });
    }
  },

  async openDialog() {
    set({ dialog: { ...emptyDialog, open: true } });
    try {
      const choices = await bridge().invoke('invoices.loadChoices');
      set((state) => ({
        dialog: {
          ...state.dialog,
          choices,
          periods: [choices.current],
          source: choices.platformConnected ? 'platform' : 'file',
        },
      }));
    } catch (error) {
      set((state) => ({ dialog: { ...state.dialog, error: message(error) } }));
    }
  },

  closeDialog() {
    if (get().dialog.running) return;
    set({ dialog: emptyDialog });
  },

  changeDialog(change) {
    set((state) => ({ dialog: { ...state.dialog, ...change, result: null, error: null } }));
  },

  async startLoad() {
    const { dialog } = get();
    if (dialog.periods.length === 0) {
      set({ dialog: { ...dialog, error: 'Select at least one month.' } });
      return;
    }
    if (dialog.source === 'file' && !dialog.file) {
      set({ dialog: { ...dialog, error: 'Choose the export file to load.' } });
      return;
    }
    set({
      dialog: {
        ...dialog,
        running: { jobId: null, done: 0, total: null, message: 'Starting…' },
        result: null,
        error: null,
      },
    });
    // Progress travels on the event stream, which may overtake the load's own answer: once the
    // answer is in, late progress must not bring the "running" state back.
    let finished = false;
    const stop = bridge().on('job.progress', (progress) => {
      if (finished || progress.kind !== 'Invoice load') return;
      set((state) => ({
        dialog: {
          ...state.dialog,
          running: {
            jobId: progress.id,
            done: progress.done,
            total: progress.total ?? null,
            message: progress.message ?? '',
          },
        },
      }));
    });
    try {
      const result = await bridge().invoke('invoices.load', {
        periods: dialog.periods,
        source:
          dialog.source === 'file' && dialog.file
            ? { kind: 'file', fileId: dialog.file.fileId, options: dialog.options }
            : { kind: 'platform' },
      });
      finished = true;
      // A file is used up by a load (accepted or not): choose it again to retry.
      set((state) => ({ dialog: { ...state.dialog, running: null, result, file: null } }));
      if (result.ok) {
        await get().loadPeriods();
        const newest = [...dialog.periods].sort().at(-1) ?? null;
        get().choosePeriod(newest);
      }
    } catch (error) {
      finished = true;
      set((state) => ({
        dialog: { ...state.dialog, running: null, file: null, error: message(error) },
      }));
    } finally {
      finished = true;
      stop();
    }
  },

  async cancelLoad() {
    const jobId = get().dialog.running?.jobId;
    if (jobId) await bridge().invoke('jobs.cancel', { id: jobId });
  },
}));
