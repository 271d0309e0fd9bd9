import { readdirSync, readlinkSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testExportFileWorker } from '../../../tests/support/exportFileWorker';
import {
  handMadeXlsx,
  sharedStringsPart,
  workbookParts,
  worksheetPart,
} from '../../../tests/support/handMadeXlsx';
import { createIsolatedReading, memoryRefusal } from './isolatedReading';
import type { ExportFileEvent, ExportFileOptions } from './readExportFile';
import { readWholeExportFile } from './readExportFile';

const fixtures = join(import.meta.dirname, '../../../tests/fixtures/platform-export');

/** How many of this process's file descriptors point at `path` (Linux; elsewhere 0). */
function openDescriptorsOf(path: string): number {
  if (process.platform !== 'linux') return 0;
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

function isolated(heapMb?: number) {
  return createIsolatedReading({
    workerScript: testExportFileWorker,
    ...(heapMb === undefined ? {} : { heapMb }),
  });
}

async function eventsOf(
  read: ReturnType<typeof createIsolatedReading>,
  path: string,
  options: ExportFileOptions = {},
): Promise<ExportFileEvent[]> {
  const events: ExportFileEvent[] = [];
  for await (const event of read({ path, name: path }, options)) events.push(event);
  return events;
}

const reasons = (events: ExportFileEvent[]) =>
  events.flatMap((event) => (event.kind === 'problem' ? [event.problem.reason] : []));
const lines = (events: ExportFileEvent[]) => events.filter((event) => event.kind === 'line');

async function written(name: string, bytes: Buffer): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'cwbs-hostile-')), name);
  await writeFile(path, bytes);
  return path;
}

describe('reading an export file in a thread of its own', () => {
  it('reads what the same file gives when read in place, CSV and XLSX alike', async () => {
    const read = isolated();
    for (const name of ['sample-invoice-lines.csv', 'invoice-lines.xlsx']) {
      const path = join(fixtures, name);
      const inPlace = await readWholeExportFile({ path });
      expect(inPlace.ok ? [] : inPlace.problems, name).toEqual([]);
      const events = await eventsOf(read, path);
      expect(reasons(events), name).toEqual([]);
      expect(lines(events).map((event) => event.line)).toEqual(inPlace.ok ? inPlace.lines : []);
    }
  });

  it('refuses a workbook whose shared strings need more memory than the thread has, and the next file reads', async () => {
    // Honest about its size (just under the 10 MB checked for ratio), but each rich-text string
    // becomes several objects: some 50 MB of heap against this thread's 32 MB.
    const bomb = await written(
      'bomb.xlsx',
      handMadeXlsx([
        ...workbookParts,
        sharedStringsPart({ text: '<si><r><t>a</t></r></si>', times: 410_000 }),
        worksheetPart(undefined),
      ]),
    );
    const read = isolated(32);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    const events = await eventsOf(read, bomb);
    // The strings filled the reading thread's heap, not this one's.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(20 * 1024 * 1024);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(reasons(events)).toEqual([memoryRefusal]);
    expect(lines(events)).toEqual([]);

    const next = await eventsOf(read, join(fixtures, 'sample-invoice-lines.csv'));
    expect(reasons(next)).toEqual([]);
    expect(lines(next).length).toBeGreaterThan(0);
  }, 30_000);

  it('stops at once when cancelled, even in the middle of a large file', async () => {
    const row = '<row r="2"><c r="A2" t="inlineStr"><is><t>INV-1</t></is></c></row>';
    const large = await written(
      'large.xlsx',
      handMadeXlsx([
        ...workbookParts,
        sharedStringsPart(undefined),
        // 120,000 rows in just under the 10 MB above which the compression ratio is checked.
        worksheetPart({ text: row, times: 120_000 }),
      ]),
    );
    const read = isolated();
    // Cancelled ten times at different points: each time the thread must close the file.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const controller = new AbortController();
      let cancelledAt = 0;
      let events = 0;
      const reading = (async () => {
        for await (const _ of read(
          { path: large, name: 'large.xlsx' },
          { signal: controller.signal },
        )) {
          events += 1;
          if (cancelledAt > 0 || events <= attempt * 3) continue;
          cancelledAt = Date.now();
          controller.abort(new Error('cancelled by the test'));
        }
      })();
      await expect(reading).rejects.toThrow('cancelled by the test');
      expect(Date.now() - cancelledAt).toBeLessThan(500);
    }
    // Nothing of the file is left open once the readings have ended.
    expect(openDescriptorsOf(large)).toBe(0);
  });
});
