import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors';

export interface InboxFile {
  fileId: string;
  name: string;
  size: number;
}

export const maxExportFileBytes = 512 * 1024 * 1024;

/**
 * Export files the user chose, by an id the renderer may hold: the renderer never names a path
 * on disk, so it cannot make the core read any other file. Electron registers the path of a
 * native dialog's choice; the preview host streams an upload into a private folder.
 */
export function createFileInbox() {
  const files = new Map<string, InboxFile & { path: string; uploaded: boolean }>();
  const uploadDir = join(tmpdir(), `cw-billing-sync-uploads-${process.pid}`);

  return {
    register(path: string): Promise<InboxFile> {
      return stat(path).then((info) => {
        const file = {
          fileId: randomUUID(),
          name: basename(path),
          size: info.size,
          path,
          uploaded: false,
        };
        files.set(file.fileId, file);
        return { fileId: file.fileId, name: file.name, size: file.size };
      });
    },

    async receive(name: string, body: Readable): Promise<InboxFile> {
      await mkdir(uploadDir, { recursive: true, mode: 0o700 });
      const fileId = randomUUID();
      const path = join(uploadDir, fileId);
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxExportFileBytes)
          body.destroy(new AppError('Validation Error', 'The file is larger than 512 MB.'));
      });
      try {
        await pipeline(body, createWriteStream(path, { mode: 0o600 }));
      } catch (error) {
        await rm(path, { force: true });
        throw error instanceof AppError
          ? error
          : new AppError('Validation Error', 'The file could not be received.');
      }
      const safeName = basename(name).slice(0, 200) || 'export';
      files.set(fileId, { fileId, name: safeName, size, path, uploaded: true });
      return { fileId, name: safeName, size };
    },

    get(fileId: string): (InboxFile & { path: string }) | null {
      return files.get(fileId) ?? null;
    },

    /** Forgets a file; an uploaded copy is deleted. */
    async release(fileId: string): Promise<void> {
      const file = files.get(fileId);
      files.delete(fileId);
      if (file?.uploaded) await rm(file.path, { force: true });
    },

    async clear(): Promise<void> {
      files.clear();
      await rm(uploadDir, { recursive: true, force: true });
    },
  };
}

export type FileInbox = ReturnType<typeof createFileInbox>;
