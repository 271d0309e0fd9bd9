import {
  cancelJob,
  type RunningJob,
  startingJob,
  withJobProgress,
} from '@renderer/app/jobProgress';
import { bridge } from '@renderer/bridge';
import type { PostingPreview, PostingScope, PostingSummary } from '@shared/contract';
import { create } from 'zustand';
import { messageOf } from '../messageOf';
import { useInvoiceGrid, useInvoicePeriods } from './invoiceGridStore';
import { useInvoiceSelection } from './invoiceSelectionStore';
import { useLineEdit } from './lineEditStore';

type Phase = 'closed' | 'previewing' | 'preview' | 'running' | 'summary';

interface SyncState {
  phase: Phase;
  scope: PostingScope | null;
  preview: PostingPreview | null;
  /** The user ticked "Cancel these Additions in ConnectWise". */
  confirmCancellations: boolean;
  job: RunningJob | null;
  summary: PostingSummary | null;
  error: string | null;
  /** "Last Sync to PSA". */
  lastSyncAt: string | null;
  loadLastSync(): Promise<void>;
  /** Previews the selected lines, or all Ready lines of the shown month. */
  start(): Promise<void>;
  setConfirmCancellations(confirm: boolean): void;
  post(): Promise<void>;
  cancel(): Promise<void>;
  close(): void;
}

/** "Sync to PSA": preview first, then the run with its progress, then the summary. */
export const useSync = create<SyncState>((set, get) => ({
  phase: 'closed',
  scope: null,
  preview: null,
  confirmCancellations: false,
  job: null,
  summary: null,
  error: null,
  lastSyncAt: null,

  async loadLastSync() {
    try {
      set({ lastSyncAt: (await bridge().invoke('posting.lastSync')).at });
    } catch {
      // The tile keeps its last value; the grid shows the connection problem.
    }
  },

  async start() {
    const period = useInvoiceGrid.getState().query.period;
    if (!period) return;
    const selected = [...useInvoiceSelection.getState().selected];
    useLineEdit.setState({ notice: null });
    const scope: PostingScope = selected.length > 0 ? { period, lineIds: selected } : { period };
    set({
      phase: 'previewing',
      scope,
      preview: null,
      summary: null,
      error: null,
      confirmCancellations: false,
      job: startingJob,
    });
    try {
      const preview = await withJobProgress(
        'posting-preview',
        () => bridge().invoke('posting.preview', scope),
        (job) => set({ job }),
      );
      set({ phase: 'preview', preview, job: null });
    } catch (error) {
      set({ phase: 'preview', job: null, error: messageOf(error) });
    }
  },

  setConfirmCancellations: (confirmCancellations) => set({ confirmCancellations }),

  async post() {
    const { scope, confirmCancellations, preview } = get();
    if (!scope) return;
    set({ phase: 'running', job: startingJob, error: null });
    try {
      const summary = await withJobProgress(
        'posting-run',
        () =>
          bridge().invoke('posting.run', {
            ...scope,
            confirmCancellations,
            confirmedMarkers: confirmCancellations
              ? (preview?.cancellations ?? []).map((cancellation) => cancellation.marker)
              : [],
          }),
        (job) => set({ job }),
      );
      set({ phase: 'summary', summary, job: null });
    } catch (error) {
      set({ phase: 'summary', job: null, error: messageOf(error) });
    } finally {
      useInvoiceSelection.getState().clear();
      useInvoiceGrid.getState().reload();
      void useInvoicePeriods.getState().loadPeriods();
      void get().loadLastSync();
    }
  },

  cancel: () => cancelJob(get().job),

  close() {
    if (get().phase === 'running' || get().phase === 'previewing') return;
    set({ phase: 'closed', preview: null, summary: null, error: null });
  },
}));
