/**
 * XLSX files written by hand, part by part, in any order and with any sizes declared: what a
 * hostile file can be and exceljs cannot write. A part's body is a head, a piece repeated (so a
 * gigabyte costs the test a few hundred kilobytes) and a tail.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { invoiceLineFields } from '@shared/platformInvoiceLine';

export interface HandMadePart {
  name: string;
  head: string;
  repeated?: { text: string; times: number };
  tail?: string;
  /** The inflated size the file declares for this part; its true size when absent. */
  declaredBytes?: number;
}

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export const workbookParts: HandMadePart[] = [
  {
    name: 'xl/workbook.xml',
    head: `<workbook xmlns="${main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Invoice lines" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    head: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  },
];

/** A row of text cells, as Excel addresses them (exceljs needs the addresses). */
export function inlineRow(row: number, values: readonly string[]): string {
  const cells = values.map((value, index) => {
    const column =
      index < 26 ? String.fromCharCode(65 + index) : `A${String.fromCharCode(39 + index)}`;
    return `<c r="${column}${row}" t="inlineStr"><is><t>${value}</t></is></c>`;
  });
  return `<row r="${row}">${cells.join('')}</row>`;
}

/** A worksheet with the Platform's header row, then `rows` (XML rows), then `tail`. */
export function worksheetPart(
  rows: HandMadePart['repeated'],
  declaredBytes?: number,
): HandMadePart {
  const header = inlineRow(
    1,
    invoiceLineFields.map(({ column }) => column),
  );
  return {
    name: 'xl/worksheets/sheet1.xml',
    head: `<worksheet xmlns="${main}"><sheetData>${header}`,
    ...(rows ? { repeated: rows } : {}),
    tail: '</sheetData></worksheet>',
    ...(declaredBytes === undefined ? {} : { declaredBytes }),
  };
}

export function sharedStringsPart(
  strings: HandMadePart['repeated'],
  declaredBytes?: number,
): HandMadePart {
  return {
    name: 'xl/sharedStrings.xml',
    head: `<sst xmlns="${main}">`,
    ...(strings ? { repeated: strings } : {}),
    tail: '</sst>',
    ...(declaredBytes === undefined ? {} : { declaredBytes }),
  };
}

/**
 * Deflates the part 16 MB at a time, each piece flushed to a byte boundary and not final, so
 * the pieces concatenate into one raw-deflate stream: the inflated body is never held whole.
 */
function deflatePart(part: HandMadePart): { deflated: Buffer; bytes: number } {
  const out: Buffer[] = [];
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let bytes = 0;
  const flush = (last: boolean) => {
    const finishFlush = last ? constants.Z_FINISH : constants.Z_FULL_FLUSH;
    out.push(deflateRawSync(Buffer.concat(pending), { level: 9, finishFlush }));
    pending = [];
    pendingBytes = 0;
  };
  const add = (piece: Buffer) => {
    pending.push(piece);
    pendingBytes += piece.length;
    bytes += piece.length;
    if (pendingBytes >= 16 * 1024 * 1024) flush(false);
  };
  add(Buffer.from(part.head));
  if (part.repeated) {
    const { text, times } = part.repeated;
    const perUnit = Math.max(1, Math.floor(65_536 / text.length));
    const unit = Buffer.from(text.repeat(perUnit));
    let left = times;
    for (; left >= perUnit; left -= perUnit) add(unit);
    if (left > 0) add(Buffer.from(text.repeat(left)));
  }
  if (part.tail) add(Buffer.from(part.tail));
  flush(true);
  return { deflated: Buffer.concat(out), bytes };
}

/** The ZIP: local headers and data in the parts' order, then the central directory. */
export function handMadeXlsx(parts: HandMadePart[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { deflated, bytes } = deflatePart(part);
    const name = Buffer.from(part.name);
    const declared = part.declaredBytes ?? bytes;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, deflated);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(deflated.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, name);
    offset += local.length + name.length + deflated.length;
  }
  const directoryBytes = directory.reduce((sum, piece) => sum + piece.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}
