import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/store';
import { importsOf, resolveImport } from '../support/importsOf';

/**
 * The layer rules of docs/architecture.md, as tests. Each rule says why it exists; a failure
 * names the file and the import (or statement) that breaks it.
 */

/** Every TypeScript/JavaScript source the repository tracks or is about to (untracked, not ignored). */
function sourceFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter((file) => /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(file))
    .filter((file) => existsSync(file));
}

// This file quotes electron imports in its own examples.
const files = sourceFiles().filter((file) => file !== 'tests/unit/architecture.test.ts');
const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const sourceOf = (file: string) => readFileSync(file, 'utf8');

/** Every import of a file that points into the repository, resolved to a repository path. */
function resolvedImports(file: string): string[] {
  return importsOf(sourceOf(file)).flatMap((specifier) => {
    const target = resolveImport(file, specifier);
    return target === null ? [] : [target];
  });
}

/** `electron/core/platform-data/x.ts` → `platform-data`; a file directly in core → null. */
function coreCapability(path: string): string | null {
  const match = /^electron\/core\/([^/]+)\//.exec(path);
  return match?.[1] ?? null;
}

describe('architecture', () => {
  it('finds the sources it checks', () => {
    expect(files).toContain('electron/main/index.ts');
    expect(files).toContain('electron/core/index.ts');
    expect(files).toContain('shared/contract/index.ts');
  });

  it('imports electron only in electron/main, electron/preload and the Electron e2e test', () => {
    const allowed = /^(electron\/main\/|electron\/preload\/|tests\/e2e\/electron[^/]*$)/;
    const offenders = files.filter(
      (file) =>
        !allowed.test(file) &&
        importsOf(sourceOf(file)).some((s) => s === 'electron' || s.startsWith('electron/')),
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

  it('resolves relative and aliased imports to repository paths', () => {
    expect(resolveImport('electron/core/jobs/index.ts', '../router')).toBe('electron/core/router');
    expect(resolveImport('renderer/src/app/App.tsx', '@shared/contract')).toBe('shared/contract');
    expect(resolveImport('renderer/src/app/App.tsx', '@renderer/bridge')).toBe(
      'renderer/src/bridge',
    );
    expect(resolveImport('electron/core/jobs/index.ts', 'zod')).toBeNull();
  });

  const rules: Array<{ from: RegExp; mayNotReach: RegExp; why: string }> = [
    {
      from: /^electron\/core\//,
      mayNotReach: /^(electron\/(main|preload|host|sandbox)|renderer)\//,
      why: 'the core knows no shell, transport, screen or simulator',
    },
    {
      from: /^renderer\//,
      mayNotReach: /^electron\//,
      why: 'the renderer talks to the core only through the contract in shared/',
    },
    {
      from: /^shared\//,
      mayNotReach: /^(?!shared\/)/,
      why: 'shared (the contract among it) imports nothing of ours outside shared/',
    },
    {
      from: /^electron\/sandbox\//,
      mayNotReach: /^electron\/core\//,
      why: 'the simulator is written from the API page, not from our client',
    },
    {
      from: /^electron\/(main|preload|host|demo)\//,
      mayNotReach: /^electron\/core\/./,
      why: 'the shells use the core only through its door, electron/core/index.ts',
    },
    {
      from: /^electron\/(main|preload|host)\//,
      mayNotReach: /^electron\/(sandbox|demo)\//,
      why: 'the app the user runs never carries the simulators; only the demo wiring starts them',
    },
  ];

  for (const rule of rules) {
    it(`keeps dependencies one way: ${rule.why}`, () => {
      const offenders = files
        .filter((file) => rule.from.test(file) && !isTest(file))
        .flatMap((file) =>
          resolvedImports(file)
            .filter((target) => rule.mayNotReach.test(target))
            .map((target) => `${file} → ${target}`),
        );
      expect(offenders).toEqual([]);
    });
  }

  it('lets a core capability use another only through its door (index.ts)', () => {
    const offenders = files
      .filter((file) => file.startsWith('electron/core/') && !isTest(file))
      .flatMap((file) =>
        resolvedImports(file)
          .filter((target) => {
            const other = coreCapability(`${target}/`);
            return (
              other !== null &&
              other !== coreCapability(file) &&
              target !== `electron/core/${other}` &&
              target !== `electron/core/${other}/index`
            );
          })
          .map((target) => `${file} → ${target}`),
      );
    expect(offenders).toEqual([]);
  });

  it('lets a screen use another screen only through its door (index.ts)', () => {
    const featureOf = (path: string) => /^renderer\/src\/features\/([^/]+)\//.exec(path)?.[1];
    const offenders = files
      .filter((file) => file.startsWith('renderer/src/features/') && !isTest(file))
      .flatMap((file) =>
        resolvedImports(file)
          .filter((target) => {
            const other = featureOf(`${target}/`);
            return (
              other !== undefined &&
              other !== featureOf(file) &&
              target !== `renderer/src/features/${other}` &&
              target !== `renderer/src/features/${other}/index`
            );
          })
          .map((target) => `${file} → ${target}`),
      );
    expect(offenders).toEqual([]);
  });
});

describe('the database', () => {
  /**
   * Who writes each table. Only the owner's module writes it, so a table's rules are read in one
   * place; others ask the owner through its named queries. A new table gets an owner here.
   */
  const owners: Record<string, string> = {
    system_log: 'logs',
    audit_log: 'logs',
    cw_company: 'connectwise-records',
    cw_catalog_item: 'connectwise-records',
    connectwise_pull: 'connectwise-records',
    staging_company: 'connectwise-records',
    staging_company_id: 'connectwise-records',
    staging_catalog_item: 'connectwise-records',
    configuration_version: 'configuration',
    load_history: 'platform-data',
    platform_organization: 'platform-data',
    platform_offer: 'platform-data',
    platform_contract: 'platform-data',
    platform_invoice: 'platform-data',
    invoice_line: 'platform-data',
    invoice_line_search_value: 'platform-data',
    staging_line: 'platform-data',
    line_sync_result: 'posting',
    line_posting_block: 'posting',
    posting_run: 'posting',
    posting_journal: 'posting',
    posted_recurring: 'posting',
    organization_company: 'mapping',
    organization_exclusion: 'mapping',
    offer_product: 'mapping',
    organization_suggestion: 'mapping',
    offer_suggestion: 'mapping',
    mapping_state: 'mapping',
  };

  it('has an owner for every table the migrations create', () => {
    const db = openDatabase(':memory:');
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all()
      .map((row) => String(row.name));
    db.close();
    expect(tables.length).toBeGreaterThan(5);
    expect(tables.filter((table) => !(table in owners))).toEqual([]);
  });

  const writes = files
    .filter((file) => file.startsWith('electron/core/') && !isTest(file))
    .filter((file) => file !== 'electron/core/store/migrations.ts')
    .flatMap((file) =>
      [
        ...sourceOf(file).matchAll(
          /\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|(?<!DO\s+)UPDATE|DELETE\s+FROM)\s+(\w+)/g,
        ),
      ].map((match) => ({ file, table: match[1] ?? '' })),
    );

  it('finds the writes it checks', () => {
    expect(writes).toContainEqual({
      file: 'electron/core/platform-data/invoiceLineTables.ts',
      table: 'invoice_line',
    });
    expect(writes).toContainEqual({ file: 'electron/core/logs/auditLog.ts', table: 'audit_log' });
  });

  it("lets only a table's owner write it", () => {
    const offenders = writes
      .filter(({ file, table }) => owners[table] !== coreCapability(file))
      .map(({ file, table }) => `${file} writes ${table} (owner: ${owners[table] ?? 'none'})`);
    expect(offenders).toEqual([]);
  });

  it('opens transactions only through inTransaction, which refuses to span an await', () => {
    const offenders = files
      .filter((file) => file.startsWith('electron/core/') && !isTest(file))
      .filter((file) => file !== 'electron/core/store/transaction.ts')
      .filter((file) =>
        /\.(exec|prepare)\(\s*['"`]\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b/i.test(
          sourceOf(file),
        ),
      );
    expect(offenders).toEqual([]);
  });
});
