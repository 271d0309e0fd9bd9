/** Turns an export file's bytes into text: UTF-8 (with or without BOM), Windows-1252 or UTF-16. */
import type { ByteSource } from './byteSource';

export type EncodingChoice = 'utf-8' | 'windows-1252' | 'auto';
export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Thrown when text chosen as UTF-8 is not; the reader turns it into a problem. */
export class UndecodableTextError extends Error {
  constructor() {
    super(
      'The file is not valid UTF-8 text; choose Windows-1252 (or automatic) as the encoding in the load dialog.',
    );
    this.name = 'UndecodableTextError';
  }
}

function byteOrderMarkEncoding(head: Uint8Array): TextEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** Reads the file once (without keeping it) to see whether every byte sequence is valid UTF-8. */
async function isWholeFileUtf8(source: ByteSource): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of source.chunks({ counted: false }))
      decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
}

/**
 * The encoding to read the file with. A byte-order mark always decides. Otherwise the user's
 * choice; on "auto", UTF-8 when the whole file is valid UTF-8, else Windows-1252.
 */
export async function chooseTextEncoding(
  source: ByteSource,
  choice: EncodingChoice,
): Promise<TextEncoding> {
  const marked = byteOrderMarkEncoding(source.head);
  if (marked) return marked;
  if (choice !== 'auto') return choice;
  return (await isWholeFileUtf8(source)) ? 'utf-8' : 'windows-1252';
}

/** The file's text, chunk by chunk; a byte-order mark is dropped. */
export async function* decodeText(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch (error) {
      if (error instanceof TypeError) throw new UndecodableTextError();
      throw error;
    }
  };
  for await (const chunk of chunks) {
    const text = decode(chunk);
    if (text !== '') yield text;
  }
  const rest = decode();
  if (rest !== '') yield rest;
}
