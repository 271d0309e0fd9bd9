import { describe, expect, it } from 'vitest';
import { handMadeXlsx, workbookParts, worksheetPart } from '../../../tests/support/handMadeXlsx';
import { inflatedEntry, readZipDirectory } from './zipDirectory';

describe('reading one part of a ZIP', () => {
  it('ends with the error when the file cannot be read halfway through a part', async () => {
    const row = '<row><c t="inlineStr"><is><t>INV-1</t></is></c></row>';
    const bytes = handMadeXlsx([...workbookParts, worksheetPart({ text: row, times: 50_000 })]);
    const source = {
      totalBytes: bytes.length,
      readAt: async (offset: number, length: number) => bytes.subarray(offset, offset + length),
      // The disk fails after the first few bytes of the part.
      async *range(offset: number) {
        yield bytes.subarray(offset, offset + 16);
        throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
      },
    };
    const entries = await readZipDirectory(source);
    if (typeof entries === 'string') throw new Error(entries);
    const sheet = entries.find((entry) => entry.name === 'xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('no sheet');
    const reading = (async () => {
      for await (const _ of inflatedEntry(source, sheet));
    })();
    await expect(reading).rejects.toThrow('EIO');
  });
});
