import { installBridge, type Transport } from '@renderer/bridge';
import type { BridgeResult } from '@shared/contract';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLoadDialog } from './loadDialogStore';

function fakeTransport() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const emit = (event: string, payload: unknown) => listeners.get(event)?.(payload);
  const answers: Record<string, () => unknown> = {
    'platformData.loadChoices': () => ({
      current: '2026-11',
      previous: '2026-10',
      platformConnected: true,
    }),
    'platformData.load': () => {
      emit('jobs.progress', { id: 'job-1', kind: 'invoice-load', done: 10, message: '10 lines' });
      return {
        ok: true,
        periods: [{ period: '2026-11', lines: 10, removed: 0, keptSynced: 0 }],
        outsidePeriods: 0,
      };
    },
    // The event stream may deliver progress after the load has answered.
    'platformData.periods': () => {
      emit('jobs.progress', { id: 'job-1', kind: 'invoice-load', done: 10, message: 'late' });
      return [];
    },
  };
  const transport: Transport = {
    invoke: async (channel): Promise<BridgeResult> => {
      const answer = answers[channel];
      return answer
        ? { ok: true, value: answer() }
        : { ok: false, error: { kind: 'Unknown Channel', message: channel } };
    },
    on: (event, listener) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  };
  return transport;
}

describe('Load Invoice Lines dialog state', () => {
  beforeEach(() => installBridge(fakeTransport()));

  it('ends in the result, not "running", even when progress arrives after the answer', async () => {
    await useLoadDialog.getState().openDialog();
    await useLoadDialog.getState().startLoad();
    const dialog = useLoadDialog.getState();
    expect(dialog.running).toBeNull();
    expect(dialog.result).toMatchObject({ ok: true });
  });
});
