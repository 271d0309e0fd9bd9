import { bridge } from '@renderer/bridge';
import type { LogEntryDetail, LogFilter, LogLevel, LogRow, LogSummary } from '@shared/contract';
import { create } from 'zustand';

export const logsPageSize = 50;

interface LogsState {
  summary: LogSummary | null;
  level: LogLevel | null;
  search: string;
  /** 1-based, as the pager shows it. */
  page: number;
  rows: LogRow[];
  total: number;
  loading: boolean;
  error: string | null;
  entry: LogEntryDetail | null;
  exporting: boolean;
  /** Reads the tiles and the current page again. */
  load(): Promise<void>;
  setLevel(level: LogLevel | null): void;
  setSearch(search: string): void;
  setPage(page: number): void;
  openEntry(id: number): Promise<void>;
  closeEntry(): void;
  /** The filtered entries as a CSV file the browser (or Electron) saves. */
  exportCsv(): Promise<void>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function filterOf(state: Pick<LogsState, 'level' | 'search'>): LogFilter {
  return {
    ...(state.level ? { level: state.level } : {}),
    ...(state.search.trim() ? { search: state.search.trim() } : {}),
  };
}

function saveFile(fileName: string, text: string): void {
  // A byte-order mark, so a spreadsheet reads accented names as UTF-8.
  const url = URL.createObjectURL(new Blob([`\ufeff${text}`], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "System Logs": the tiles, the filtered page, the open entry. Filtering happens in the core. */
export const useLogs = create<LogsState>((set, get) => ({
  summary: null,
  level: null,
  search: '',
  page: 1,
  rows: [],
  total: 0,
  loading: false,
  error: null,
  entry: null,
  exporting: false,

  async load() {
    const state = get();
    set({ loading: true });
    try {
      const [summary, page] = await Promise.all([
        bridge().invoke('logs.summary'),
        bridge().invoke('logs.page', {
          ...filterOf(state),
          offset: (state.page - 1) * logsPageSize,
          limit: logsPageSize,
        }),
      ]);
      // A newer filter may have been chosen meanwhile: only the latest answer is shown.
      const now = get();
      if (now.level !== state.level || now.search !== state.search || now.page !== state.page)
        return;
      set({ summary, rows: page.rows, total: page.total, error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      set({ loading: false });
    }
  },

  setLevel(level) {
    set({ level, page: 1 });
    void get().load();
  },
  setSearch(search) {
    set({ search, page: 1 });
    void get().load();
  },
  setPage(page) {
    set({ page });
    void get().load();
  },

  async openEntry(id) {
    try {
      set({ entry: await bridge().invoke('logs.entry', { id }), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  closeEntry: () => set({ entry: null }),

  async exportCsv() {
    set({ exporting: true });
    try {
      const { fileName, csv } = await bridge().invoke('logs.exportCsv', filterOf(get()));
      saveFile(fileName, csv);
      set({ error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      set({ exporting: false });
    }
  },
}));
