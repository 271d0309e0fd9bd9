import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../support/importsOf';

/** Every TypeScript/JavaScript source the repository tracks or is about to (untracked, not ignored). */
function sourceFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter((file) => /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(file))
    .filter((file) => {
      try {
        readFileSync(file);
        return true;
      } catch {
        return false; // deleted but not yet staged
      }
    });
}

// This file quotes electron imports in its own examples.
const files = sourceFiles().filter((file) => file !== 'tests/unit/architecture.test.ts');

describe('architecture', () => {
  it('finds the sources it checks', () => {
    expect(files).toContain('electron/main/index.ts');
    expect(files).toContain('electron/core/index.ts');
  });

  it('imports electron only in electron/main, electron/preload and the Electron e2e test', () => {
    const allowed = /^(electron\/main\/|electron\/preload\/|tests\/e2e\/electron[^/]*$)/;
    const offenders = files.filter(
      (file) =>
        !allowed.test(file) &&
        importsOf(readFileSync(file, 'utf8')).some(
          (s) => s === 'electron' || s.startsWith('electron/'),
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('detects an electron import wherever it is written', () => {
    const shell = 'electron';
    expect(importsOf(`import { app } from '${shell}';`)).toContain(shell);
    expect(importsOf(`import type { App } from '${shell}'`)).toContain(shell);
    expect(importsOf(`const { app } = require('${shell}')`)).toContain(shell);
    expect(importsOf(`await import('${shell}')`)).toContain(shell);
  });

  const rules: Array<{ from: RegExp; mayNotReach: RegExp; why: string }> = [
    {
      from: /^electron\/core\//,
      mayNotReach: /\/(main|preload|host|sandbox)\/|renderer\//,
      why: 'the core knows no shell, transport, screen or simulator',
    },
    {
      from: /^renderer\//,
      mayNotReach: /electron\//,
      why: 'the renderer talks to the core only through shared/contract',
    },
    {
      from: /^shared\//,
      mayNotReach: /\.\.\/(electron|renderer)/,
      why: 'shared imports nothing of ours',
    },
    {
      from: /^electron\/sandbox\//,
      mayNotReach: /\/core\//,
      why: 'the simulator is written from the API page, not from our client',
    },
  ];

  for (const rule of rules) {
    it(`keeps dependencies one way: ${rule.why}`, () => {
      const offenders = files
        .filter(
          (file) =>
            rule.from.test(file) && !file.endsWith('.test.ts') && !file.endsWith('.test.tsx'),
        )
        .flatMap((file) =>
          importsOf(readFileSync(file, 'utf8'))
            .filter((s) => s.startsWith('.') && rule.mayNotReach.test(s))
            .map((s) => `${file} → ${s}`),
        );
      expect(offenders).toEqual([]);
    });
  }
});
