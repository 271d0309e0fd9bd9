// `npm run lint:electron`: Electronegativity (Doyensec's Electron security linter) over electron/,
// compared with the reviewed baseline in scripts/electronegativity-baseline.json.
//
// Fails (exit 1) on:
//   - a NEW finding: one no baseline entry covers. Fix the code, or review it and add the entry
//     the run prints, with a real `why`.
//   - a STALE baseline entry: one no finding matches any more (the code was fixed or changed).
//     This fails too, on purpose: the baseline stays the exact list of reviewed exceptions, a
//     stale entry cannot quietly cover a later finding, and a scanner that silently stopped
//     finding anything (all entries stale) cannot pass. The fix is to delete the entries printed.
//   - a baseline entry without a reviewer's `why`.
//   - a shipped file (electron/main, electron/preload, electron/core; not tests) that
//     Electronegativity could not read: a parse error (it parses TypeScript with Babel first and
//     falls back to typescript-estree on TypeScript 4.2; either failure is reported per file and
//     the file is skipped), or an extension it does not scan (.mts, .cts, .mjs, .cjs). Elsewhere
//     (simulators, demo, preview host, tests) these are warnings.
//
// A finding's key is check id + repository-relative file + the trimmed source line it points at
// (scripts/electronegativity-compare.mjs), so edits that only move code keep matching; editing
// the flagged line itself asks for a new review. The whole of electron/ is scanned, tests and
// non-shipped code included: Electronegativity has no option to skip paths, and those files
// currently produce no findings; should one appear, baseline it with the reason.
//
// Runs offline: the one network call left (Electronegativity fetches updated translations on
// every run) gets a stub, and the check that downloads Electron's release list
// (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, which reads package.json, not in electron/) is excluded.
// The Electron version comes from the installed `electron` package, so version-dependent
// defaults are judged for the Electron the app uses.
import { readdirSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  codeIdentifier,
  compareWithBaseline,
  findingKey,
  isShippedFile,
  unreviewedEntries,
  whyPlaceholder,
} from './electronegativity-compare.mjs';

const started = performance.now();
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scanDir = join(repoRoot, 'electron');
const baselinePath = join(repoRoot, 'scripts', 'electronegativity-baseline.json');
const require = createRequire(import.meta.url);
const toRepoPath = (file) => relative(repoRoot, file).split(sep).join('/');

// Offline: `got` as Electronegativity loads it answers every request with a 503, so the
// translations request resolves at once (English built-in strings) instead of going out.
const enginePath = require.resolve('@doyensec/electronegativity');
const gotPath = createRequire(enginePath).resolve('got');
const offlineGot = async () => ({ statusCode: 503, headers: {}, body: '' });
offlineGot.head = offlineGot;
const gotStub = new Module(gotPath);
gotStub.filename = gotPath;
gotStub.loaded = true;
gotStub.exports = offlineGot;
require.cache[gotPath] = gotStub;
const runElectronegativity = require(enginePath);

function electronVersion() {
  try {
    // Read as a file: only the Electron shell may import the electron package (architecture.test.ts).
    const installed = join(repoRoot, 'node_modules', 'electron', 'package.json');
    return JSON.parse(readFileSync(installed, 'utf8')).version;
  } catch {
    const range = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).devDependencies
      .electron;
    return range.replace(/^[^\d]*/, '');
  }
}

const result = await runElectronegativity({
  input: scanDir,
  isRelative: false,
  electronVersionOverride: electronVersion(),
  excludeFromScan: ['availablesecurityfixesglobalcheck'],
});

const sourceLines = new Map();
function lineOf(file, line) {
  if (!sourceLines.has(file)) sourceLines.set(file, readFileSync(file, 'utf8').split('\n'));
  return sourceLines.get(file)[line - 1];
}

const findings = result.issues.map((issue) => {
  const global = issue.file === 'N/A' || !issue.location || issue.location.line < 1;
  return {
    check: issue.id,
    file: global ? 'N/A' : toRepoPath(issue.file),
    code: global ? '' : codeIdentifier(lineOf(issue.file, issue.location.line)),
    line: global ? 0 : issue.location.line,
    description: issue.description,
  };
});

const baseline = JSON.parse(readFileSync(baselinePath, 'utf8'));
const entries = baseline.findings ?? [];
const { known, fresh, stale } = compareWithBaseline(findings, entries);
const unreviewed = unreviewedEntries(entries);

// Files Electronegativity could not read.
const parseErrors = result.errors.map((error) => ({ ...error, file: toRepoPath(error.file) }));
const unscanned = readdirSync(scanDir, { recursive: true })
  .map((file) => `electron/${String(file).split(sep).join('/')}`)
  .filter((file) => /\.(mts|cts|mjs|cjs)$/.test(file));
const fatalErrors = parseErrors.filter((error) => !error.tolerable && isShippedFile(error.file));
const fatalUnscanned = unscanned.filter(isShippedFile);

const red = (text) => (process.stdout.isTTY ? `\x1b[31m${text}\x1b[0m` : text);
const yellow = (text) => (process.stdout.isTTY ? `\x1b[33m${text}\x1b[0m` : text);

for (const error of parseErrors) {
  const fatal = fatalErrors.includes(error);
  const say = fatal ? red : yellow;
  console.log(
    say(`${fatal ? 'PARSE ERROR' : 'parse warning'} ${error.file}: ${error.message}`) +
      (fatal ? '' : ' (not shipped code, or a tolerable error: not failing)'),
  );
}
for (const file of unscanned) {
  const fatal = fatalUnscanned.includes(file);
  console.log(
    (fatal ? red : yellow)(
      `${fatal ? 'NOT SCANNED' : 'not scanned'} ${file}: Electronegativity reads only .js, .jsx, .ts, .tsx, .html`,
    ),
  );
}

if (fresh.length > 0) {
  console.log(red(`\n${fresh.length} NEW Electronegativity finding(s):`));
  for (const finding of fresh) {
    console.log(red(`\n  ${finding.check}  ${finding.file}:${finding.line}`));
    console.log(`    ${finding.description}`);
    if (finding.code) console.log(`    > ${finding.code}`);
  }
  console.log(
    '\nRead the code each one points at. A real problem: fix it. A false positive: add its entry' +
      `\nto ${toRepoPath(baselinePath)} and replace the why with the reason:\n`,
  );
  const paste = fresh.map(({ check, file, code }) => ({ check, file, code, why: whyPlaceholder }));
  console.log(JSON.stringify(paste, null, 2).slice(2, -2));
}
if (stale.length > 0) {
  console.log(
    red(`\n${stale.length} stale baseline entr${stale.length === 1 ? 'y' : 'ies'}`) +
      ' (nothing matches any more; delete from the baseline):',
  );
  for (const entry of stale) console.log(`  ${findingKey(entry)}`);
}
if (unreviewed.length > 0) {
  console.log(
    red(
      `\n${unreviewed.length} baseline entr${unreviewed.length === 1 ? 'y' : 'ies'} without a reviewer's why:`,
    ),
  );
  for (const entry of unreviewed) console.log(`  ${findingKey(entry)}`);
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const failed =
  fresh.length + stale.length + unreviewed.length + fatalErrors.length + fatalUnscanned.length > 0;
console.log(
  `\nElectronegativity: ${result.atomicChecks} atomic + ${result.globalChecks} global checks over electron/, ` +
    `${findings.length} finding(s), ${known.length} reviewed in the baseline, ${fresh.length} new, ` +
    `${stale.length} stale, ${parseErrors.length} parse error(s); ${seconds}s`,
);
if (failed) {
  console.log(red('lint:electron failed'));
  process.exit(1);
}
