import { randomUUID } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
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
const tooLarge = () => new AppError('Validation Error', 'The file is larger than 512 MB.');

/** A file name as the log and the screens show it: no folders, no control characters. */
export function shownFileName(name: string): string {
  const plain = basename(name.replaceAll('\\', '/')).replace(/\p{Cc}/gu, '');
  return plain.slice(0, 200) || 'export';
}

/**
 * Export files the user chose, by an id the renderer may hold: the renderer never names a path
 * on disk, so it cannot make the core read any other file. Electron registers the path of a
 * native dialog's choice; the preview host streams an upload into a private folder: a new,
 * unpredictable one (mode 0700) under `uploadsRoot` in the user-data folder for each run, deleted
 * on shutdown, and whatever an earlier run left there is deleted at start.
 */
export function createFileInbox(uploadsRoot: string) {
  const files = new Map<string, InboxFile & { path: string; uploaded: boolean }>();
  rmSync(uploadsRoot, { recursive: true, force: true });
  let uploadDir: Promise<string> | null = null;
  const privateFolder = () => {
    uploadDir ??= mkdir(uploadsRoot, { recursive: true, mode: 0o700 }).then(() =>
      mkdtemp(join(uploadsRoot, 'run-')),
    );
    return uploadDir;
  };

  return {
    /** A file chosen in the native dialog: read where it is, held to the same size as an upload. */
    register(path: string): Promise<InboxFile> {
      return stat(path).then((info) => {
        if (info.size > maxExportFileBytes) throw tooLarge();
        const file = {
          fileId: randomUUID(),
          name: shownFileName(path),
          size: info.size,
          path,
          uploaded: false,
        };
        files.set(file.fileId, file);
        return { fileId: file.fileId, name: file.name, size: file.size };
      });
    },

    async receive(name: string, body: Readable): Promise<InboxFile> {
      const fileId = randomUUID();
      const path = join(await privateFolder(), fileId);
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxExportFileBytes) body.destroy(tooLarge());
      });
      try {
        await pipeline(body, createWriteStream(path, { mode: 0o600 }));
      } catch (error) {
        await rm(path, { force: true });
        throw error instanceof AppError
          ? error
          : new AppError('Validation Error', 'The file could not be received.');
      }
      const safeName = shownFileName(name);
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
      if (uploadDir) await rm(await uploadDir, { recursive: true, force: true });
      uploadDir = null;
    },
  };
}

export type FileInbox = ReturnType<typeof createFileInbox>;
