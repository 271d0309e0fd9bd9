import { bridge } from '@renderer/bridge';
import type {
  ChosenExportFile,
  FileReadingOptions,
  LoadChoices,
  LoadInvoicesResult,
} from '@shared/contract';
import { create } from 'zustand';
import { useInvoiceGrid } from './invoiceGridStore';
import { messageOf } from './messageOf';

interface LoadDialogState {
  open: boolean;
  choices: LoadChoices | null;
  periods: string[];
  source: 'platform' | 'file';
  file: ChosenExportFile | null;
  /** An upload in progress (the preview); Electron picks with a native dialog instead. */
  uploading: boolean;
  options: FileReadingOptions;
  running: { jobId: string | null; done: number; total: number | null; message: string } | null;
  result: LoadInvoicesResult | null;
  error: string | null;
}

interface LoadDialogActions {
  openDialog(): Promise<void>;
  closeDialog(): void;
  changeDialog(
    change: Partial<Pick<LoadDialogState, 'periods' | 'source' | 'file' | 'options'>>,
  ): void;
  /** The preview: uploads the file the user chose in the file field. */
  uploadFile(file: File | null): Promise<void>;
  /** Electron: asks for the file with a native dialog. */
  pickFile(): Promise<void>;
  startLoad(): Promise<void>;
  cancelLoad(): Promise<void>;
}

const closed: LoadDialogState = {
  open: false,
  choices: null,
  periods: [],
  source: 'platform',
  file: null,
  uploading: false,
  options: { dateOrder: 'iso', decimalMark: 'auto' },
  running: null,
  result: null,
  error: null,
};

/** "Load Invoice Lines": which months, from which source, with progress, cancel and problems. */
export const useLoadDialog = create<LoadDialogState & LoadDialogActions>((set, get) => ({
  ...closed,

  async openDialog() {
    set({ ...closed, open: true });
    try {
      const choices = await bridge().invoke('platformData.loadChoices');
      set({
        choices,
        periods: [choices.current],
        source: choices.platformConnected ? 'platform' : 'file',
      });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },

  closeDialog() {
    if (get().running) return;
    set(closed);
  },

  changeDialog(change) {
    set({ ...change, result: null, error: null });
  },

  async uploadFile(file) {
    const upload = bridge().upload;
    if (!file || !upload) {
      get().changeDialog({ file: null });
      return;
    }
    set({ uploading: true });
    try {
      get().changeDialog({ file: await upload(file) });
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      set({ uploading: false });
    }
  },

  async pickFile() {
    try {
      const picked = await bridge().invoke('exportFile.pick');
      if (picked) get().changeDialog({ file: picked });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },

  async startLoad() {
    const dialog = get();
    if (dialog.periods.length === 0) {
      set({ error: 'Select at least one month.' });
      return;
    }
    if (dialog.source === 'file' && !dialog.file) {
      set({ error: 'Choose the export file to load.' });
      return;
    }
    set({
      running: { jobId: null, done: 0, total: null, message: 'Starting…' },
      result: null,
      error: null,
    });
    // Progress travels on the event stream, which may overtake the load's own answer: once the
    // answer is in, late progress must not bring the "running" state back.
    let finished = false;
    const stop = bridge().on('jobs.progress', (progress) => {
      if (finished || progress.kind !== 'invoice-load') return;
      set({
        running: {
          jobId: progress.id,
          done: progress.done,
          total: progress.total ?? null,
          message: progress.message ?? '',
        },
      });
    });
    try {
      const result = await bridge().invoke('platformData.load', {
        periods: dialog.periods,
        source:
          dialog.source === 'file' && dialog.file
            ? { kind: 'file', fileId: dialog.file.fileId, options: dialog.options }
            : { kind: 'platform' },
      });
      finished = true;
      // A file is used up by a load (accepted or not): choose it again to retry.
      set({ running: null, result, file: null });
      if (result.ok) {
        const grid = useInvoiceGrid.getState();
        await grid.loadPeriods();
        grid.choosePeriod([...dialog.periods].sort().at(-1) ?? null);
      }
    } catch (error) {
      finished = true;
      set({ running: null, file: null, error: messageOf(error) });
    } finally {
      finished = true;
      stop();
    }
  },

  async cancelLoad() {
    const jobId = get().running?.jobId;
    if (jobId) await bridge().invoke('jobs.cancel', { id: jobId });
  },
}));
