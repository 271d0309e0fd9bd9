// The pure half of `npm run lint:electron` (scripts/electronegativity.mjs): turns Electronegativity's
// findings into stable keys and compares them with the reviewed baseline. No I/O here, so the
// unit test (tests/unit/electronegativity.test.ts) can feed it made-up findings.

/** What a reviewer must replace when pasting a printed entry into the baseline. */
export const whyPlaceholder = 'TODO: why this is not a problem';

/**
 * The code a finding points at, as a line-number-free identifier: the source line, trimmed and
 * with runs of whitespace collapsed. Edits elsewhere in the file move the line, not this text.
 * Whole-app findings (line 0, file "N/A") have no code: "".
 */
export function codeIdentifier(sourceLine) {
  if (sourceLine === undefined || sourceLine === null) return '';
  return sourceLine.trim().replace(/\s+/g, ' ').slice(0, 160);
}

/** A finding's key: check id, repository-relative file, code identifier. */
export function findingKey(finding) {
  return `${finding.check} | ${finding.file} | ${finding.code}`;
}

/**
 * Splits the current findings into the ones a baseline entry covers and the NEW ones, and lists
 * the baseline entries nothing matched (stale). Matching counts: two identical findings need two
 * entries, so a second copy of a reviewed pattern in the same file is still new.
 */
export function compareWithBaseline(findings, baselineEntries) {
  const unmatched = new Map();
  for (const entry of baselineEntries) {
    const key = findingKey(entry);
    const list = unmatched.get(key) ?? [];
    list.push(entry);
    unmatched.set(key, list);
  }
  const known = [];
  const fresh = [];
  for (const finding of findings) {
    const list = unmatched.get(findingKey(finding));
    if (list && list.length > 0) known.push({ finding, entry: list.shift() });
    else fresh.push(finding);
  }
  const stale = [...unmatched.values()].flat();
  return { known, fresh, stale };
}

/** Baseline entries a reviewer has not finished: no check/file, or no real `why`. */
export function unreviewedEntries(baselineEntries) {
  return baselineEntries.filter(
    (entry) =>
      typeof entry.check !== 'string' ||
      typeof entry.file !== 'string' ||
      typeof entry.code !== 'string' ||
      typeof entry.why !== 'string' ||
      entry.why.trim().length < 10 ||
      entry.why.includes(whyPlaceholder),
  );
}

/**
 * Code the packaged app runs: the shell (main, preload) and the core it bundles, tests excluded.
 * A file Electronegativity cannot parse there is a file it did not check, so that fails the run;
 * elsewhere (simulators, demo, preview host, tests) it is only a warning.
 */
export function isShippedFile(file) {
  return /^electron\/(main|preload|core)\//.test(file) && !/\.test\.tsx?$/.test(file);
}
