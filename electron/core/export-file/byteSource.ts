/** The bytes of an export file, from a path or from memory, read in chunks and never all at once. */
import { open } from 'node:fs/promises';

const chunkSize = 256 * 1024;
const headSize = 64 * 1024;

export interface ByteSource {
  /** The file's size when known. */
  readonly totalBytes: number | null;
  /** The first bytes (up to 64 KiB), for recognising the format and the encoding. */
  readonly head: Uint8Array;
  /** Bytes handed out by `chunks()` so far (the pass that reads for real, not a pre-scan). */
  readonly bytesRead: number;
  /**
   * The whole file from its start, chunk by chunk. Pass `counted: false` for a pre-scan that
   * must not move the progress. Stops with the signal's reason when it is aborted.
   */
  chunks(options?: { counted?: boolean }): AsyncGenerator<Uint8Array>;
  /** Up to `length` bytes from `offset` (fewer at the end), without moving the progress. */
  readAt(offset: number, length: number): Promise<Uint8Array>;
  /**
   * `length` bytes from `offset`, chunk by chunk, counted as read (a part of an archive read for
   * real). Stops with the signal's reason when it is aborted.
   */
  range(offset: number, length: number): AsyncGenerator<Uint8Array>;
  close(): Promise<void>;
}

export type ExportFileInput = { path: string; name?: string } | { bytes: Uint8Array; name: string };

export async function openByteSource(
  input: ExportFileInput,
  signal?: AbortSignal,
): Promise<ByteSource> {
  return 'bytes' in input ? bytesSource(input.bytes, signal) : await fileSource(input.path, signal);
}

/**
 * A source's bytes from `readAt`: the whole (`chunks`) or a stretch (`range`), one chunk at a
 * time, the signal checked before each read and the progress counted when asked.
 */
function chunkedSource(
  fields: Pick<ByteSource, 'totalBytes' | 'head' | 'readAt' | 'close'> & { size: number },
  signal: AbortSignal | undefined,
): ByteSource {
  let bytesRead = 0;
  async function* read(offset: number, length: number, counted: boolean) {
    const end = Math.min(fields.size, offset + length);
    for (let at = offset; at < end; ) {
      signal?.throwIfAborted();
      const chunk = await fields.readAt(at, Math.min(chunkSize, end - at));
      if (chunk.byteLength === 0) return;
      at += chunk.byteLength;
      if (counted) bytesRead += chunk.byteLength;
      yield chunk;
    }
  }
  return {
    totalBytes: fields.totalBytes,
    head: fields.head,
    get bytesRead() {
      return bytesRead;
    },
    chunks: ({ counted = true } = {}) => read(0, fields.size, counted),
    range: (offset, length) => read(offset, length, true),
    readAt: fields.readAt,
    close: fields.close,
  };
}

function bytesSource(bytes: Uint8Array, signal: AbortSignal | undefined): ByteSource {
  return chunkedSource(
    {
      size: bytes.byteLength,
      totalBytes: bytes.byteLength,
      head: bytes.subarray(0, headSize),
      readAt: async (offset, length) => bytes.subarray(offset, offset + length),
      close: async () => {},
    },
    signal,
  );
}

async function fileSource(path: string, signal: AbortSignal | undefined): Promise<ByteSource> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const headBuffer = Buffer.alloc(Math.min(headSize, size));
    const { bytesRead: headLength } = await handle.read(headBuffer, 0, headBuffer.length, 0);
    let closed = false;
    return chunkedSource(
      {
        size,
        totalBytes: size,
        head: headBuffer.subarray(0, headLength),
        // A fresh buffer per read: stream consumers (zlib, exceljs) may keep it.
        async readAt(offset, length) {
          const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
          const { bytesRead: got } = await handle.read(buffer, 0, buffer.length, offset);
          return buffer.subarray(0, got);
        },
        async close() {
          if (closed) return;
          closed = true;
          await handle.close();
        },
      },
      signal,
    );
  } catch (error) {
    await handle.close();
    throw error;
  }
}
