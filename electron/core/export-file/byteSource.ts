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

function bytesSource(bytes: Uint8Array, signal: AbortSignal | undefined): ByteSource {
  let bytesRead = 0;
  return {
    totalBytes: bytes.byteLength,
    head: bytes.subarray(0, headSize),
    get bytesRead() {
      return bytesRead;
    },
    async *chunks({ counted = true } = {}) {
      for (let offset = 0; offset < bytes.byteLength; offset += chunkSize) {
        signal?.throwIfAborted();
        const chunk = bytes.subarray(offset, offset + chunkSize);
        if (counted) bytesRead = offset + chunk.byteLength;
        yield chunk;
      }
    },
    async readAt(offset, length) {
      return bytes.subarray(offset, offset + length);
    },
    async *range(offset, length) {
      const end = Math.min(bytes.byteLength, offset + length);
      for (let at = offset; at < end; at += chunkSize) {
        signal?.throwIfAborted();
        const chunk = bytes.subarray(at, Math.min(end, at + chunkSize));
        bytesRead += chunk.byteLength;
        yield chunk;
      }
    },
    async close() {},
  };
}

async function fileSource(path: string, signal: AbortSignal | undefined): Promise<ByteSource> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const headBuffer = Buffer.alloc(Math.min(headSize, size));
    const { bytesRead: headLength } = await handle.read(headBuffer, 0, headBuffer.length, 0);
    let bytesRead = 0;
    let closed = false;
    return {
      totalBytes: size,
      head: headBuffer.subarray(0, headLength),
      get bytesRead() {
        return bytesRead;
      },
      async *chunks({ counted = true } = {}) {
        let position = 0;
        for (;;) {
          signal?.throwIfAborted();
          // A fresh buffer per chunk: stream consumers (the XLSX unzipper) may keep it.
          const chunk = Buffer.allocUnsafe(chunkSize);
          const { bytesRead: length } = await handle.read(chunk, 0, chunkSize, position);
          if (length === 0) return;
          position += length;
          if (counted) bytesRead = position;
          yield chunk.subarray(0, length);
        }
      },
      async readAt(offset, length) {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        const { bytesRead: got } = await handle.read(buffer, 0, buffer.length, offset);
        return buffer.subarray(0, got);
      },
      async *range(offset, length) {
        const end = Math.min(size, offset + length);
        for (let at = offset; at < end; ) {
          signal?.throwIfAborted();
          const chunk = Buffer.allocUnsafe(Math.min(chunkSize, end - at));
          const { bytesRead: got } = await handle.read(chunk, 0, chunk.length, at);
          if (got === 0) return;
          at += got;
          bytesRead += got;
          yield chunk.subarray(0, got);
        }
      },
      async close() {
        if (closed) return;
        closed = true;
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
