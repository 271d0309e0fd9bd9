import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type BaselineEntry,
  codeIdentifier,
  compareWithBaseline,
  isShippedFile,
  unreviewedEntries,
  whyPlaceholder,
} from '../../scripts/electronegativity-compare.mjs';

/** The comparison behind `npm run lint:electron` (scripts/electronegativity.mjs). */
describe('electronegativity baseline comparison', () => {
  const reviewed: BaselineEntry = {
    check: 'SANDBOX_JS_CHECK',
    file: 'electron/main/mainWindow.ts',
    code: 'const window = new BrowserWindow({',
    why: 'sandbox: true comes through a spread the check cannot see into.',
  };

  it('matches a reviewed finding by its code, whatever line it moved to', () => {
    const finding = {
      ...reviewed,
      code: codeIdentifier('    const window =   new BrowserWindow({\r'),
    };
    const { known, fresh, stale } = compareWithBaseline([finding], [reviewed]);
    expect(known).toHaveLength(1);
    expect(fresh).toEqual([]);
    expect(stale).toEqual([]);
  });

  it('flags a new finding, and a second copy of a reviewed one', () => {
    const other = {
      check: 'NODE_INTEGRATION_JS_CHECK',
      file: reviewed.file,
      code: 'nodeIntegration: true,',
    };
    const { fresh } = compareWithBaseline([reviewed, other, { ...reviewed }], [reviewed]);
    expect(fresh).toEqual([other, reviewed]);
  });

  it('reports entries nothing matches any more as stale', () => {
    expect(compareWithBaseline([], [reviewed]).stale).toEqual([reviewed]);
  });

  it('wants a reviewer’s why on every entry', () => {
    const pasted = { ...reviewed, why: whyPlaceholder };
    expect(unreviewedEntries([reviewed, pasted, { ...reviewed, why: '' }])).toHaveLength(2);
  });

  it('treats main, preload and core as shipped, not tests or the simulators', () => {
    expect(isShippedFile('electron/preload/index.ts')).toBe(true);
    expect(isShippedFile('electron/core/createCore.ts')).toBe(true);
    expect(isShippedFile('electron/main/shell.test.ts')).toBe(false);
    expect(isShippedFile('electron/sandbox/httpServer.ts')).toBe(false);
  });

  it('has a reviewed why for every committed baseline entry', () => {
    const baseline = JSON.parse(readFileSync('scripts/electronegativity-baseline.json', 'utf8'));
    expect(unreviewedEntries(baseline.findings)).toEqual([]);
  });
});
