/**
 * The central directory of a ZIP file (an XLSX is one), read before anything is inflated: what
 * each entry claims it will become. A "zip bomb" (14 MB that inflate to 5 GB) is refused here,
 * before it can fill memory. Entries are then read by where the directory puts them, each
 * refused as soon as it inflates past the size the directory declared for it.
 */
import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type { ByteSource } from './byteSource';

export interface ZipEntry {
  name: string;
  compressedBytes: number;
  uncompressedBytes: number;
  /** 0 stored, 8 deflated: what an XLSX uses. */
  method: number;
  localHeaderOffset: number;
}

/** A file that is refused as too large or damaged, with the reason the user reads. */
export class ZipRefusal extends Error {}

const endOfDirectory = 0x06054b50;
const unreadable = (detail: string) =>
  `The Excel workbook cannot be read; it may be damaged (${detail}).`;
const directoryEntry = 0x02014b50;
const endRecordBytes = 22;
const maxCommentBytes = 0xffff;

/** The entries, or why the directory cannot be read (not a ZIP, cut short, ZIP64). */
export async function readZipDirectory(
  source: Pick<ByteSource, 'readAt' | 'totalBytes'>,
): Promise<ZipEntry[] | string> {
  const size = source.totalBytes ?? 0;
  if (size < endRecordBytes) return unreadable('it is cut short');
  const tailStart = Math.max(0, size - endRecordBytes - maxCommentBytes);
  const tail = Buffer.from(await source.readAt(tailStart, size - tailStart));
  let end = -1;
  for (let at = tail.length - endRecordBytes; at >= 0; at -= 1) {
    if (tail.readUInt32LE(at) === endOfDirectory) {
      end = at;
      break;
    }
  }
  if (end < 0) return unreadable('it is cut short: its table of contents is missing');
  const count = tail.readUInt16LE(end + 10);
  const directoryBytes = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || directoryBytes === 0xffffffff || directoryOffset === 0xffffffff) {
    return 'The file is too large or damaged: it is a ZIP64 archive, which no export needs.';
  }
  if (directoryOffset + directoryBytes > size) {
    return unreadable('it is cut short: its table of contents is missing');
  }
  const directory = Buffer.from(await source.readAt(directoryOffset, directoryBytes));
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== directoryEntry) {
      return unreadable('its table of contents is damaged');
    }
    const nameBytes = directory.readUInt16LE(at + 28);
    const extraBytes = directory.readUInt16LE(at + 30);
    const commentBytes = directory.readUInt16LE(at + 32);
    entries.push({
      method: directory.readUInt16LE(at + 10),
      compressedBytes: directory.readUInt32LE(at + 20),
      uncompressedBytes: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
      name: directory.toString('utf8', at + 46, at + 46 + nameBytes),
    });
    at += 46 + nameBytes + extraBytes + commentBytes;
  }
  return entries;
}

/** What an invoice export can reasonably hold; far above any real Platform export. */
export const xlsxLimits = {
  entries: 2000,
  worksheets: 100,
  /** One part (a sheet, the shared strings) inflated. */
  entryBytes: 1024 * 1024 * 1024,
  /** Everything inflated. */
  totalBytes: 2 * 1024 * 1024 * 1024,
  /** Inflated ÷ compressed for a part over 10 MB: text compresses ~10×, bombs ~1000×. */
  ratio: 200,
};

/** Why an XLSX must be refused before it is opened, or null when its directory looks sane. */
export function xlsxRefusal(entries: readonly ZipEntry[], limits = xlsxLimits): string | null {
  const tooLarge = 'The file is too large or damaged: ';
  if (entries.length > limits.entries) {
    return `${tooLarge}it holds ${entries.length} parts (at most ${limits.entries}).`;
  }
  const sheets = entries.filter((entry) => /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name));
  if (sheets.length > limits.worksheets) {
    return `${tooLarge}it has ${sheets.length} worksheets (at most ${limits.worksheets}).`;
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedBytes;
    const ratio = entry.uncompressedBytes / Math.max(1, entry.compressedBytes);
    if (
      entry.uncompressedBytes > limits.entryBytes ||
      (entry.uncompressedBytes > 10 * 1024 * 1024 && ratio > limits.ratio)
    ) {
      return `${tooLarge}"${entry.name}" would inflate to ${Math.round(entry.uncompressedBytes / 1024 / 1024)} MB.`;
    }
  }
  if (total > limits.totalBytes) {
    return `${tooLarge}it would inflate to ${Math.round(total / 1024 / 1024)} MB.`;
  }
  return null;
}

const localHeader = 0x04034b50;

/**
 * An entry's bytes, inflated, read from where the directory says it is. Inflating past the size
 * the directory declared (a bomb that lies about itself) stops the reading with a ZipRefusal.
 */
export async function* inflatedEntry(
  source: Pick<ByteSource, 'readAt' | 'range'>,
  entry: ZipEntry,
): AsyncGenerator<Buffer> {
  const header = Buffer.from(await source.readAt(entry.localHeaderOffset, 30));
  if (header.length < 30 || header.readUInt32LE(0) !== localHeader) {
    throw new Error(`"${entry.name}" is not where its table of contents says`);
  }
  const dataStart =
    entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const compressed = source.range(dataStart, entry.compressedBytes);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new Error(`"${entry.name}" is compressed in a way Excel does not use`);
  }
  // pipeline, not pipe: a read error (or a cancel) in the compressed bytes must end the inflating
  // too, or the reader waits forever for the rest.
  const inflated =
    entry.method === 0
      ? compressed
      : pipeline(Readable.from(compressed), createInflateRaw(), () => {});
  let bytes = 0;
  try {
    for await (const chunk of inflated) {
      bytes += chunk.length;
      if (bytes > entry.uncompressedBytes) {
        throw new ZipRefusal(
          `The file is too large or damaged: "${entry.name}" inflates past the ${megabytes(entry.uncompressedBytes)} its table of contents declares.`,
        );
      }
      yield Buffer.from(chunk);
    }
  } finally {
    if (inflated instanceof Readable) inflated.destroy();
  }
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${Math.round(bytes / 1024 / 1024)} MB`;
}
