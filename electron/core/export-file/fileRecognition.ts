/**
 * Tells from a file's name and first bytes whether it is a CSV, XLSX or JSON export, and refuses
 * anything else (images, PDFs, old .xls workbooks, random bytes) with a clear reason.
 */

export type ExportFileFormat = 'csv' | 'xlsx' | 'json';

export type Recognition = { ok: true; format: ExportFileFormat } | { ok: false; reason: string };

const notAnExport = 'This is not a CSV, XLSX or JSON export';

const binarySignatures: ReadonlyArray<{ bytes: readonly number[]; kind: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'a PDF document' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], kind: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], kind: 'a RAR archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'a program' },
  { bytes: [0x4d, 0x5a], kind: 'a program' },
];

const zipSignature = [0x50, 0x4b, 0x03, 0x04] as const;
const oldOfficeSignature = [0xd0, 0xcf, 0x11, 0xe0] as const;

function startsWith(head: Uint8Array, signature: readonly number[]): boolean {
  return signature.length <= head.length && signature.every((byte, index) => head[index] === byte);
}

export function hasUtf16ByteOrderMark(head: Uint8Array): boolean {
  return startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
}

/** Why the first bytes cannot be text, or null when they can. */
export function binaryContentReason(head: Uint8Array): string | null {
  for (const { bytes, kind } of binarySignatures) {
    if (startsWith(head, bytes)) return `${notAnExport}: it is ${kind}.`;
  }
  if (startsWith(head, oldOfficeSignature)) {
    return 'This is an Excel 97–2003 workbook (.xls) or another old Office file; save it as .xlsx or CSV and load that.';
  }
  if (startsWith(head, zipSignature)) return `${notAnExport}: it is a ZIP archive.`;
  if (hasUtf16ByteOrderMark(head)) return null;
  const sample = head.subarray(0, 8192);
  let controlBytes = 0;
  for (const byte of sample) {
    if (byte === 0) return `${notAnExport}: it holds binary data, not text.`;
    // Control characters other than tab, line feed, form feed, carriage return and DOS end-of-file.
    if (
      (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 26) ||
      byte === 0x7f
    ) {
      controlBytes += 1;
    }
  }
  if (controlBytes > Math.max(2, sample.length / 100)) {
    return `${notAnExport}: it holds binary data, not text.`;
  }
  return null;
}

function formatOfName(name: string | undefined): ExportFileFormat | 'xls' | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name ?? '')?.[1]?.toLowerCase();
  switch (extension) {
    case 'csv':
    case 'tsv':
    case 'tab':
    case 'txt':
      return 'csv';
    case 'xlsx':
    case 'xlsm':
      return 'xlsx';
    case 'json':
      return 'json';
    case 'xls':
      return 'xls';
    default:
      return null;
  }
}

function firstMeaningfulCharacter(head: Uint8Array): number | undefined {
  let index = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (index < head.length) {
    const byte = head[index];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return byte;
    index += 1;
  }
  return undefined;
}

/**
 * The format to read the file as: the one asked for, else the name's extension, else what the
 * first bytes show. A file whose bytes contradict its format is refused rather than misread.
 */
export function recognizeExportFile(
  head: Uint8Array,
  name: string | undefined,
  requested: ExportFileFormat | undefined,
): Recognition {
  const isZip = startsWith(head, zipSignature);
  const named = requested ?? formatOfName(name);
  if (named === 'xls' || (!isZip && startsWith(head, oldOfficeSignature))) {
    return {
      ok: false,
      reason: 'This is an Excel 97–2003 workbook (.xls); save it as .xlsx or CSV and load that.',
    };
  }
  if (named === 'xlsx' || (isZip && requested === undefined)) {
    if (isZip) return { ok: true, format: 'xlsx' };
    const binary = binaryContentReason(head);
    return {
      ok: false,
      reason: binary ?? 'The file is named as an Excel workbook (.xlsx) but is not one.',
    };
  }
  const binary = binaryContentReason(head);
  if (binary) return { ok: false, reason: binary };
  if (named) return { ok: true, format: named };
  if (hasUtf16ByteOrderMark(head)) return { ok: true, format: 'csv' };
  const first = firstMeaningfulCharacter(head);
  return { ok: true, format: first === 0x5b || first === 0x7b ? 'json' : 'csv' };
}
