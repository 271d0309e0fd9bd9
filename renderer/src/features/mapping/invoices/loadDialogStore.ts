import {
  cancelJob,
  type RunningJob,
  startingJob,
  withJobProgress,
} from '@renderer/app/jobProgress';
import { bridge } from '@renderer/bridge';
import type {
  ChosenExportFile,
  FileReadingOptions,
  LoadChoices,
  LoadInvoicesResult,
} from '@shared/contract';
import { create } from 'zustand';
import { messageOf } from '../messageOf';
import { useInvoicePeriods } from './invoiceGridStore';

interface LoadDialogState {
  open: boolean;
  choices: LoadChoices | null;
  periods: string[];
  source: 'platform' | 'file';
  file: ChosenExportFile | null;
  /** An upload in progress (the preview); Electron picks with a native dialog instead. */
  uploading: boolean;
  options: FileReadingOptions;
  running: RunningJob | null;
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
    set({ running: startingJob, result: null, error: null });
    try {
      const result = await withJobProgress(
        'invoice-load',
        () =>
          bridge().invoke('platformData.load', {
            periods: dialog.periods,
            source:
              dialog.source === 'file' && dialog.file
                ? { kind: 'file', fileId: dialog.file.fileId, options: dialog.options }
                : { kind: 'platform' },
          }),
        (running) => set({ running }),
      );
      // A file is used up by a load (accepted or not): choose it again to retry.
      set({ running: null, result, file: null });
      if (result.ok) {
        const periods = useInvoicePeriods.getState();
        await periods.loadPeriods();
        periods.choosePeriod([...dialog.periods].sort().at(-1) ?? null);
      }
    } catch (error) {
      set({ running: null, file: null, error: messageOf(error) });
    }
  },

  async cancelLoad() {
    await cancelJob(get().running);
  },
}));
