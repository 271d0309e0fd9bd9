import { describe, expect, it } from 'vitest';
import { createJobRegistry } from './jobRegistry';

function registry() {
  return createJobRegistry({ now: () => new Date('2026-11-30T00:00:00Z') });
}

/** A job that runs until `finish` is called. */
function held() {
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { work: () => done, finish };
}

describe('long jobs', () => {
  it('refuses a second job of the same kind while one runs', async () => {
    const jobs = registry();
    const first = held();
    const running = jobs.run('posting-run', first.work);
    await expect(jobs.run('posting-run', async () => 1)).rejects.toMatchObject({
      kind: 'Busy',
      message: expect.stringContaining('Sync to PSA is already running'),
    });
    first.finish();
    await running;
    await expect(jobs.run('posting-run', async () => 2)).resolves.toBe(2);
  });

  it('never loads invoice lines while Sync to PSA posts them, nor the other way round', async () => {
    const jobs = registry();
    const sync = held();
    const posting = jobs.run('posting-run', sync.work);
    await expect(jobs.run('invoice-load', async () => 1)).rejects.toMatchObject({
      kind: 'Busy',
      message: expect.stringContaining('Invoice load waits while Sync to PSA is running'),
    });
    // Other work goes on meanwhile.
    await expect(jobs.run('organizations-sync', async () => 'ok')).resolves.toBe('ok');
    sync.finish();
    await posting;

    const load = held();
    const loading = jobs.run('invoice-load', load.work);
    await expect(jobs.run('posting-run', async () => 1)).rejects.toMatchObject({
      kind: 'Busy',
      message: expect.stringContaining('Sync to PSA waits while Invoice load is running'),
    });
    load.finish();
    await loading;
  });
});
