import { existsSync, mkdirSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../../tests/support/fakePorts';
import { createFileInbox, shownFileName } from './fileInbox';

describe('uploaded export files', () => {
  it('go to a private folder of this run under the user-data folder, gone on shutdown', async () => {
    const root = join(temporaryDirectory(), 'uploads');
    // What a run that crashed left behind is deleted at start.
    mkdirSync(join(root, 'run-old'), { recursive: true });
    writeFileSync(join(root, 'run-old', 'left-over'), 'old');
    const inbox = createFileInbox(root);
    expect(existsSync(join(root, 'run-old'))).toBe(false);

    const file = await inbox.receive('export.csv', Readable.from(['a,b\n1,2\n']));
    const path = inbox.get(file.fileId)?.path ?? '';
    const folder = join(path, '..');
    expect(folder.startsWith(join(root, 'run-'))).toBe(true);
    expect(folder).not.toMatch(/run-\d+$/);
    if (process.platform !== 'win32') {
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    await inbox.clear();
    expect(readdirSync(root)).toEqual([]);
  });

  it('refuses a file over 512 MB chosen in the dialog, as an upload is refused', async () => {
    const folder = temporaryDirectory();
    const path = join(folder, 'huge.csv');
    writeFileSync(path, '');
    truncateSync(path, 512 * 1024 * 1024 + 1);
    const inbox = createFileInbox(join(folder, 'uploads'));
    await expect(inbox.register(path)).rejects.toMatchObject({
      kind: 'Validation Error',
      message: 'The file is larger than 512 MB.',
    });
    truncateSync(path, 512 * 1024 * 1024);
    await expect(inbox.register(path)).resolves.toMatchObject({ name: 'huge.csv' });
  });

  it('shows a file name without folders or control characters', () => {
    expect(shownFileName('../../etc/pass\u0007wd\r\n.csv')).toBe('passwd.csv');
    expect(shownFileName('C:\\Users\\anna\\Downloads\\Invoices\u001b[31m.xlsx')).toBe(
      'Invoices[31m.xlsx',
    );
    expect(shownFileName('\u0000')).toBe('export');
  });
});
