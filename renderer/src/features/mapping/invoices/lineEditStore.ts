import { bridge } from '@renderer/bridge';
import type { InvoiceLineRow, LineEdit, LineTargetChoices } from '@shared/contract';
import { create } from 'zustand';
import { messageOf } from '../messageOf';
import { useInvoiceGrid } from './invoiceGridStore';
import { useInvoiceSelection } from './invoiceSelectionStore';

/** What the Edit dialog changes on one line; undefined: left as it is. */
export interface LineChanges {
  included?: boolean;
  companyId?: number | null;
  agreement?: { id: number; name: string } | null;
  chargeStart?: string | null;
  chargeEnd?: string | null;
}

interface LineEditState {
  /** The line in the Edit dialog. */
  line: InvoiceLineRow | null;
  /** Its PSA Organizations and the chosen one's Agreements; null while read. */
  choices: LineTargetChoices | null;
  choicesError: string | null;
  bulkOpen: boolean;
  busy: boolean;
  error: string | null;
  /** The outcome of the last bulk edit, for the toolbar. */
  notice: string | null;
  openEdit(line: InvoiceLineRow): Promise<void>;
  /** Lists the Agreements of another of the line's Companies (or reads the choices again). */
  chooseCompany(companyId: number): Promise<void>;
  retryChoices(): Promise<void>;
  save(changes: LineChanges): Promise<void>;
  openBulk(): void;
  /** Applies one edit to every selected line ("Bulk Update", "Exclude", "Include"). */
  bulk(edit: LineEdit): Promise<void>;
  close(): void;
}

/** Only the newest choices request may answer: the user may pick Companies faster than they come. */
let choicesRequest = 0;

function period(): string {
  const shown = useInvoiceGrid.getState().query.period;
  if (!shown) throw new Error('Choose a month first.');
  return shown;
}

/** The edits one dialog's changes make, in an order each one is valid after the one before. */
function editsOf(changes: LineChanges): LineEdit[] {
  const edits: LineEdit[] = [];
  if (changes.included !== undefined) edits.push({ field: 'included', included: changes.included });
  if (changes.companyId !== undefined)
    edits.push({ field: 'company', companyId: changes.companyId });
  if (changes.agreement !== undefined)
    edits.push({ field: 'agreement', agreement: changes.agreement });
  if (changes.chargeStart !== undefined || changes.chargeEnd !== undefined) {
    edits.push({
      field: 'dates',
      ...(changes.chargeStart !== undefined ? { chargeStart: changes.chargeStart } : {}),
      ...(changes.chargeEnd !== undefined ? { chargeEnd: changes.chargeEnd } : {}),
    });
  }
  return edits;
}

/** Mapping › Invoices: editing an unsynced line, or every selected one at once. */
export const useLineEdit = create<LineEditState>((set, get) => ({
  line: null,
  choices: null,
  choicesError: null,
  bulkOpen: false,
  busy: false,
  error: null,
  notice: null,

  async openEdit(line) {
    set({ line, choices: null, choicesError: null, error: null });
    await readChoices(line, undefined);
  },

  async chooseCompany(companyId) {
    const line = get().line;
    if (line) await readChoices(line, companyId);
  },

  async save(changes) {
    const line = get().line;
    if (!line) return;
    set({ busy: true, error: null });
    try {
      const result = await bridge().invoke('platformData.editLines', {
        period: period(),
        lineIds: [line.lineId],
        edits: editsOf(changes),
      });
      if (result.updated === 0) {
        set({
          error:
            result.synced > 0
              ? 'This line was synced meanwhile: synced lines are changed in ConnectWise itself.'
              : 'This line is no longer loaded: load the month again.',
        });
      } else {
        set({ line: null, choices: null });
      }
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      set({ busy: false });
      useInvoiceGrid.getState().reload();
    }
  },

  async retryChoices() {
    const line = get().line;
    if (line) await readChoices(line, get().choices?.companyId ?? undefined);
  },

  openBulk: () => set({ bulkOpen: true, error: null }),

  async bulk(edit) {
    const lineIds = [...useInvoiceSelection.getState().selected];
    if (lineIds.length === 0) return;
    set({ busy: true, error: null, notice: null });
    try {
      const result = await bridge().invoke('platformData.editLines', {
        period: period(),
        lineIds,
        edits: [edit],
      });
      const kept =
        result.synced > 0
          ? `; ${result.synced} synced ${result.synced === 1 ? 'line was' : 'lines were'} left as sent`
          : '';
      set({
        bulkOpen: false,
        notice: `${result.updated} ${result.updated === 1 ? 'line' : 'lines'} updated${kept}.`,
      });
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      set({ busy: false });
      useInvoiceGrid.getState().reload();
    }
  },

  close() {
    if (get().busy) return;
    set({ line: null, choices: null, bulkOpen: false, error: null });
  },
}));

async function readChoices(line: InvoiceLineRow, companyId: number | undefined): Promise<void> {
  const request = ++choicesRequest;
  const current = () =>
    request === choicesRequest && useLineEdit.getState().line?.lineId === line.lineId;
  useLineEdit.setState({ choicesError: null });
  try {
    const choices = await bridge().invoke('posting.lineTargetChoices', {
      period: period(),
      lineId: line.lineId,
      ...(companyId === undefined ? {} : { companyId }),
    });
    if (current()) useLineEdit.setState({ choices, choicesError: choices.agreementsError });
  } catch (error) {
    if (current()) useLineEdit.setState({ choicesError: messageOf(error) });
  }
}
